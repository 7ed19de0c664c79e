import type { Sliced } from '../sliced';
import { KIND_OF_COLLECTION } from './schema';
import { entityKey, type EntityChange, type EntityKind } from './diff';

// A first import adds every entity of the plan (about 200,000 for a 60,000-action plan) and
// nothing else. Stored as one EntityChange object each, that change set was the largest record
// handed to IndexedDB in the import's first writes: cloning 200,000 small objects (and the
// garbage they leave) was one long task of its own. When every change is an addition without
// field changes, the change set keeps them as one string instead (the keys, one after another,
// as the entity hashes keep theirs): a string clones at memcpy speed. Readers expand it back to
// the same list, in the same order ({@link expandChangesSteps}, {@link findChange}).

/** The part of a change set record that holds its changes (table `changeSets`). */
export type StoredChanges = {
  /** The changes, one object each; empty when they are all in `added`. */
  changes: EntityChange[];
  /**
   * Only when every change of the import is an addition without field changes (a first import):
   * each added entity's key (`<kind>` U+0000 `<id>`) as `<length>:<key>`, one after another, in
   * the order of the diff.
   */
  added?: string;
  /** How many keys `added` holds. */
  addedCount?: number;
};

/** Changes looked at between two yields. */
const STEP = 512;

const KINDS = new Set<string>(Object.values(KIND_OF_COLLECTION));

/** The changes as stored: as one string when they are all additions without fields, else as they are. */
export function* compactChangesSteps(changes: readonly EntityChange[]): Sliced<StoredChanges> {
  const keys: string[] = [];
  for (const change of changes) {
    if (keys.length % STEP === 0) yield;
    if (change.change !== 'added' || change.fields.length > 0) return { changes: [...changes] };
    const key = entityKey(change.kind, change.id);
    keys.push(`${key.length}:${key}`);
  }
  if (keys.length === 0) return { changes: [] };
  return { changes: [], added: keys.join(''), addedCount: keys.length };
}

/** Every change of a stored change set, the compact additions expanded, in the order of the diff. */
export function* expandChangesSteps(stored: StoredChanges, label: string): Sliced<EntityChange[]> {
  if (stored.added === undefined) return stored.changes;
  const changes = [...stored.changes];
  const text = stored.added;
  let at = 0;
  while (at < text.length) {
    if (changes.length % STEP === 0) yield;
    const colon = text.indexOf(':', at);
    const length = colon < 0 ? Number.NaN : Number(text.slice(at, colon));
    const key = text.slice(colon + 1, colon + 1 + length);
    const split = key.indexOf('\u0000');
    if (!Number.isInteger(length) || length <= 0 || key.length !== length || split < 0 || !KINDS.has(key.slice(0, split))) {
      throw new Error(`change set ${label}: added entity ${changes.length + 1} (at character ${at}) is malformed.`);
    }
    changes.push({ kind: key.slice(0, split) as EntityKind, id: key.slice(split + 1), change: 'added', fields: [] });
    at = colon + 1 + length;
  }
  if (stored.addedCount !== undefined && changes.length - stored.changes.length !== stored.addedCount) {
    throw new Error(`change set ${label}: holds ${changes.length - stored.changes.length} added entities, not ${stored.addedCount}.`);
  }
  return changes;
}

/** One entity's change in a stored change set, or null when the import did not change it. */
export function findChange(stored: StoredChanges, kind: EntityKind, id: string): EntityChange | null {
  const found = stored.changes.find((change) => change.kind === kind && change.id === id);
  if (found) return found;
  if (stored.added === undefined) return null;
  const key = entityKey(kind, id);
  const encoded = `${key.length}:${key}`;
  // A match counts only where an entry starts (an id may hold text that looks like another entry).
  for (let at = stored.added.indexOf(encoded); at >= 0; at = stored.added.indexOf(encoded, at + 1)) {
    if (isEntryStart(stored.added, at)) return { kind, id, change: 'added', fields: [] };
  }
  return null;
}

/** Whether `at` is where an entry starts, found by walking the entries from the start. */
function isEntryStart(text: string, at: number): boolean {
  let position = 0;
  while (position < at) {
    const colon = text.indexOf(':', position);
    if (colon < 0) return false;
    position = colon + 1 + Number(text.slice(position, colon));
  }
  return position === at;
}
