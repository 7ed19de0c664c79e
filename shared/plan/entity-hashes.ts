import type { Sliced } from '../sliced';
import { COLLECTIONS, KIND_OF_COLLECTION, type PlanFile } from './schema';
import { entityKey, type EntityData, type StoredEntity } from './diff';

// Per-entity content hashes, kept in one record per plan, so that a revision is diffed without
// reading every stored entity: an entity whose hash has not moved (and that is not archived) is
// unchanged and never read; only the others (changed, restored, archived, or new) are read by key
// and diffed field by field as before. The hash is of the entity's whole JSON text (every field,
// nested ones included), 64 bits (two 32-bit hashes), so a change to any field moves it.
// The record is three strings (keys, hashes, archived flags): one string clones in a few
// milliseconds where an array of 200,000 strings or numbers would be a long task of its own, and
// strings survive the backup's JSON frames unchanged.

/** One plan's entity hashes as stored (schema v11, table `entityHashes`). */
export type EntityHashesRecord = {
  planId: string;
  /** The plan revision they describe: used only when it is the stored revision. */
  revision: number;
  /** How many entities. */
  count: number;
  /** Each entity's key ({@link entityKey}) as `<length>:<key>`, one after another. */
  keys: string;
  /** Each entity's hash as 16 hexadecimal digits, in the order of `keys`. */
  hashes: string;
  /** '1' for an archived entity, '0' for a current one, in the order of `keys`. */
  archived: string;
};

/** Hashes of one plan's entities, decoded: key → hash and whether archived. */
export type EntityHashes = Map<string, { hash: string; isArchived: boolean }>;

/** Entities hashed or keys decoded between two yields. */
const STEP = 256;

/** 64-bit hash (two independent 32-bit multiply-xorshift hashes, cyrb53's mixing) of a text, as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The hash of one entity's data: of its JSON text, so every field and nested field counts. */
export function entityHash(data: EntityData): string {
  return hashText(JSON.stringify(data));
}

/** Decodes a stored record, in steps (a 60,000-action plan has about 200,000 entities). */
export function* decodeEntityHashesSteps(record: EntityHashesRecord): Sliced<EntityHashes> {
  const hashes: EntityHashes = new Map();
  let at = 0;
  for (let index = 0; index < record.count; index += 1) {
    if (index % STEP === 0) yield;
    const colon = record.keys.indexOf(':', at);
    const length = Number(record.keys.slice(at, colon));
    if (colon < 0 || !Number.isInteger(length)) throw new Error(`entity hashes of ${record.planId}: key ${index} is malformed.`);
    const key = record.keys.slice(colon + 1, colon + 1 + length);
    at = colon + 1 + length;
    hashes.set(key, { hash: record.hashes.slice(index * 16, index * 16 + 16), isArchived: record.archived[index] === '1' });
  }
  if (at !== record.keys.length || record.hashes.length !== record.count * 16 || record.archived.length !== record.count) {
    throw new Error(`entity hashes of ${record.planId}: the record's lengths disagree with its count.`);
  }
  return hashes;
}

/** Encodes hashes as the record to store. */
export function* encodeEntityHashesSteps(planId: string, revision: number, hashes: EntityHashes): Sliced<EntityHashesRecord> {
  const keys: string[] = [];
  const digests: string[] = [];
  const archived: string[] = [];
  for (const [key, entry] of hashes) {
    if (keys.length % STEP === 0) yield;
    keys.push(`${key.length}:${key}`);
    digests.push(entry.hash);
    archived.push(entry.isArchived ? '1' : '0');
  }
  return { planId, revision, count: keys.length, keys: keys.join(''), hashes: digests.join(''), archived: archived.join('') };
}

/** Every entity of the plan file by key, with its hash, in the file's order. */
export function* planHashesSteps(plan: PlanFile): Sliced<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const collection of COLLECTIONS) {
    const kind = KIND_OF_COLLECTION[collection];
    for (const data of plan[collection] as readonly EntityData[]) {
      if (hashes.size % STEP === 0) yield;
      hashes.set(entityKey(kind, data.id), entityHash(data));
    }
  }
  return hashes;
}

/** What a revision must read and diff, found from the stored hashes alone. */
export type HashTriage = {
  /** Stored entities whose data moved, that come back, or that the revision archives: read these by key. */
  toRead: Array<{ kind: StoredEntity['kind']; id: string }>;
  /** The plan file with only the entities that are new or must be diffed (same order). */
  toDiff: PlanFile;
  /** Entities current and unchanged: neither read nor written. */
  unchanged: number;
};

/** Sorts out a revision against the stored hashes (see {@link HashTriage}), in steps. */
export function* triageByHashesSteps(plan: PlanFile, stored: EntityHashes, incoming: ReadonlyMap<string, string>): Sliced<HashTriage> {
  const toRead: HashTriage['toRead'] = [];
  const toDiff = { ...plan } as Record<string, unknown>;
  let unchanged = 0;
  let count = 0;
  for (const collection of COLLECTIONS) {
    const kind = KIND_OF_COLLECTION[collection];
    const kept: EntityData[] = [];
    for (const data of plan[collection] as readonly EntityData[]) {
      if ((count += 1) % STEP === 0) yield;
      const key = entityKey(kind, data.id);
      const before = stored.get(key);
      if (before && !before.isArchived && before.hash === incoming.get(key)) {
        unchanged += 1;
        continue;
      }
      if (before) toRead.push({ kind, id: data.id });
      kept.push(data);
    }
    toDiff[collection] = kept;
  }
  for (const [key, entry] of stored) {
    if ((count += 1) % STEP === 0) yield;
    if (entry.isArchived || incoming.has(key)) continue;
    const split = key.indexOf('\u0000');
    toRead.push({ kind: key.slice(0, split) as StoredEntity['kind'], id: key.slice(split + 1) });
  }
  return { toRead, toDiff: toDiff as PlanFile, unchanged };
}

/** The hashes after a revision: every entity of the file (current), then the stored ones it lacks (archived). */
export function hashesAfter(incoming: ReadonlyMap<string, string>, previous: Iterable<[string, { hash: string }]>): EntityHashes {
  const after: EntityHashes = new Map();
  for (const [key, hash] of incoming) after.set(key, { hash, isArchived: false });
  for (const [key, entry] of previous) if (!after.has(key)) after.set(key, { hash: entry.hash, isArchived: true });
  return after;
}
