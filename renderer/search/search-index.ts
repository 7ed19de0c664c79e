import { Dexie, type Transaction } from 'dexie';
import MiniSearch, { type Options } from 'minisearch';
import { kindOfDocumentId, planOfDocumentId, type SearchDocument, type SearchKind } from '../../shared/plan-review/search-documents';
import type { OversightDatabase } from '../db/database';
import { runSliced, SLICE_MS, yieldToWindow } from '../db/yield-in-transaction';
import { queryTerms, rankedSearch } from './ranked-search';
import { serialiseIndexPartsSteps } from './serialise-index';
import type { SearchIndexRecord } from './types';

// One search index over actions, progress updates, measures, areas, risks, annotations and the
// pages of board papers,
// persisted in the store and kept up to date incrementally (MiniSearch add / replace / discard
// for the documents that changed) inside the same transaction as the change itself.
//
// Each plan's index is split into shards by a hash of the document id: a few for the plan's
// own entities (rewritten when a revision is imported) and more, smaller ones for annotations
// (one is rewritten each time a member saves a note, so a save stays cheap with 50,000 notes).
// Board papers' pages sit under their meeting, in shards of their own chosen by paper (not by
// page), so storing one paper's text rewrites one shard.
// At start the shards are read and deserialised once; entities are never re-read.

const PLAN_SHARDS = 4;
const NOTE_SHARDS = 16;
const PAPER_SHARDS = 8;

// A shard's JSON is stored over records of about this many characters (see SearchIndexRecord):
// IndexedDB copies a record on the window's thread in one task, and one record per shard of a
// 100 MB plan cost 190–250 ms each. Each part is handed over in a task of its own.
const PART_CHARS = 128 * 1024;

/** The stored record id of a shard's later part (from 1): after the shard's own id, in key order. */
export function searchPartId(recordId: string, part: number): string {
  return `${recordId}\u0002${String(part).padStart(5, '0')}`;
}

function isPartId(id: string): boolean {
  return id.includes('\u0002');
}

/** Every later part of a shard, from `from`, as a key range. */
function partsFrom(db: OversightDatabase, recordId: string, from: number) {
  return db.searchIndex.where('id').between(searchPartId(recordId, from), `${recordId}\u0003`, true, false);
}

/**
 * The shards' records with their later parts read and joined into one JSON. Run inside one
 * transaction with the read of the first records, so that every part is of the same write.
 */
async function wholeShards(
  db: OversightDatabase,
  records: ReadonlyArray<SearchIndexRecord | undefined>,
): Promise<Array<SearchIndexRecord | undefined>> {
  return Promise.all(
    records.map(async (record) => {
      if (!record || record.parts === undefined || record.parts <= 1) return record;
      const ids = Array.from({ length: record.parts - 1 }, (_, index) => searchPartId(record.id, index + 1));
      const parts = await db.searchIndex.bulkGet(ids);
      const texts = [record.json];
      for (const [index, part] of parts.entries()) {
        if (!part || part.stamp !== record.stamp)
          throw new Error(
            `Search shard ${record.id} is incomplete: part ${index + 1} of ${record.parts} is ${part ? 'of another write' : 'missing'}.`,
          );
        texts.push(part.json);
      }
      return { ...record, json: texts.join('') };
    }),
  );
}

// Words too common to help a search; dropping them keeps the index small and "plan for the"
// from matching every document.
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have in is it its of on or that the their this to was were will with'.split(' '),
);

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length === 0 || STOP_WORDS.has(lower) ? null : lower;
}

const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['label', 'text'],
  storeFields: ['planId', 'kind', 'targetKind', 'targetId', 'label', 'snippet', 'period', 'context', 'page', 'isExempt'],
  processTerm,
};

// Prefix matching on the word being typed (the last one, from its fourth letter: three letters
// start thousands of words and made searches slow while saying little); typo tolerance on words
// of five letters or more: one edit (a letter wrong, missing or extra), two from eight letters,
// so that two swapped letters ("indcution") are still found; and every word must match
// (see searchLoadedIndex and ranked-search.ts). A word in a label counts twice.
const FIELD_BOOSTS: ReadonlyArray<readonly [string, number]> = [
  ['label', 2],
  ['text', 1],
];

type Shard = { planId: string; index: MiniSearch<SearchDocument>; stamp: string | undefined };
type Cache = {
  shards: Map<string, Shard>;
  /** The plans' own shards are loaded: search answers from them while the rest loads. */
  isReady: boolean;
  isComplete: boolean;
  loading: Promise<void> | null;
  /**
   * How many writes of each shard this window has heard of: its own commits and other windows'
   * notices. A shard read from the store is put in memory only if no write of it was heard of
   * since the read began; a write heard of meanwhile brings a newer read (or is itself in memory).
   */
  writesHeard: Map<string, number>;
  /** Bumped whenever committed changes reach the cache: views re-run their search. */
  version: number;
  listeners: Set<() => void>;
};

const caches = new WeakMap<OversightDatabase, Cache>();

function cacheOf(db: OversightDatabase): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = {
      shards: new Map(),
      isReady: false,
      isComplete: false,
      loading: null,
      writesHeard: new Map(),
      version: 0,
      listeners: new Set(),
    };
    caches.set(db, cache);
    watchOtherWindowsShards(db, cache);
  }
  return cache;
}

type ShardsWritten = { type: 'shards-written'; db: string; recordIds: string[] };
const SHARDS_CHANNEL = 'oversight.search-shards';
const channels = new WeakMap<OversightDatabase, BroadcastChannel>();

function hearWrite(cache: Cache, recordId: string): void {
  cache.writesHeard.set(recordId, (cache.writesHeard.get(recordId) ?? 0) + 1);
}

function writesHeardOf(cache: Cache, recordId: string): number {
  return cache.writesHeard.get(recordId) ?? 0;
}

function isShardsWritten(value: unknown): value is ShardsWritten {
  if (typeof value !== 'object' || value === null) return false;
  const { type, db, recordIds } = value as Record<string, unknown>;
  return type === 'shards-written' && typeof db === 'string' && Array.isArray(recordIds) && recordIds.every((id) => typeof id === 'string');
}

/**
 * Another window on the same store (see renderer/app/other-windows.ts) writes shards this window
 * holds in memory: without being told, this window's searches missed the other's notes until a
 * restart. Each window says which shards it wrote; the others read those shards again.
 */
function watchOtherWindowsShards(db: OversightDatabase, cache: Cache): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SHARDS_CHANNEL);
  // Node's channel (unit tests) would keep the process alive; a browser's has no unref.
  (channel as unknown as { unref?: () => void }).unref?.();
  channels.set(db, channel);
  db.on('close', () => channel.close());
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isShardsWritten(message) || message.db !== db.name) return;
    for (const recordId of message.recordIds) hearWrite(cache, recordId);
    void refreshShards(db, cache, message.recordIds);
  };
}

/**
 * Reads again the shards another window wrote, if this window holds them or is loading them (a
 * shard whose read by the load began before the other window's write would otherwise be put in
 * memory without it, for good).
 */
async function refreshShards(db: OversightDatabase, cache: Cache, recordIds: readonly string[]): Promise<void> {
  const held = recordIds.filter((id) => cache.shards.has(id) || cache.isComplete || cache.loading !== null);
  if (held.length === 0) return;
  const heardBefore = held.map((id) => writesHeardOf(cache, id));
  const records = await db.transaction('r', db.searchIndex, async () => wholeShards(db, await db.searchIndex.bulkGet(held)));
  let isChanged = false;
  for (const [index, recordId] of held.entries()) {
    // A write heard of since this read began: this window's own commit (in memory already) or
    // another window's, whose notice started a newer read. Either way this read is older.
    if (writesHeardOf(cache, recordId) !== heardBefore[index]) continue;
    const record = records[index];
    if (!record) {
      isChanged = cache.shards.delete(recordId) || isChanged;
      continue;
    }
    if (record.stamp !== undefined && cache.shards.get(recordId)?.stamp === record.stamp) continue;
    cache.shards.set(recordId, {
      planId: record.planId,
      index: MiniSearch.loadJSON<SearchDocument>(record.json, INDEX_OPTIONS),
      stamp: record.stamp,
    });
    isChanged = true;
  }
  if (isChanged) changed(cache);
}

function changed(cache: Cache): void {
  cache.version += 1;
  for (const listener of cache.listeners) listener();
}

function hash(text: string): number {
  // FNV-1a: stable across runs and machines, so a document always lands in the same shard.
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

/** The stored record id of the shard a document belongs to. */
export function shardRecordId(documentId: string): string {
  const kind = kindOfDocumentId(documentId);
  // A paper's page ids end in the page number: every page of a paper hashes the same.
  const shard =
    kind === 'annotation'
      ? `notes-${hash(documentId) % NOTE_SHARDS}`
      : kind === 'paper'
        ? `papers-${hash(documentId.slice(0, documentId.lastIndexOf('\u0001'))) % PAPER_SHARDS}`
        : `plan-${hash(documentId) % PLAN_SHARDS}`;
  return `${planOfDocumentId(documentId)}\u0001${shard}`;
}

function newIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>(INDEX_OPTIONS);
}

/**
 * Applies changes to the search index: `upsert` adds or replaces documents, `remove` discards
 * documents by id (ids that are not in the index are ignored). Only the shards holding those
 * documents are touched and rewritten, never the whole index.
 *
 * Call it INSIDE the caller's Dexie transaction, which must include `db.searchIndex`: the index
 * then changes if and only if the caller's writes commit. The import calls it with the documents
 * of changed entities; the annotations repository should call it whenever annotations are
 * saved, deleted or merged, e.g.
 * `db.transaction('rw', [db.annotations, db.searchIndex], async () => { await db.annotations.bulkPut(records); await updateSearchIndex(db, annotationSearchChanges(records)); })`.
 */
export async function updateSearchIndex(
  db: OversightDatabase,
  changes: { upsert: readonly SearchDocument[]; remove: readonly string[] },
): Promise<void> {
  if (changes.upsert.length === 0 && changes.remove.length === 0) return;
  const recordIds = new Set([...changes.remove, ...changes.upsert.map((document) => document.id)].map(shardRecordId));
  const shards = await readShards(db, [...recordIds]);
  await applySearchChanges(db, shards, changes);
}

/** The record ids of the shards holding a plan's own entities (not its annotations). */
export function planShardRecordIds(planId: string): string[] {
  return Array.from({ length: PLAN_SHARDS }, (_, index) => `${planId}\u0001plan-${index}`);
}

/** The record ids of every shard a plan (its entities and annotations) or a meeting's papers can have. */
export function ownerShardRecordIds(ownerId: string, part: 'plan' | 'papers'): string[] {
  const names =
    part === 'plan'
      ? [
          ...Array.from({ length: PLAN_SHARDS }, (_, index) => `plan-${index}`),
          ...Array.from({ length: NOTE_SHARDS }, (_, index) => `notes-${index}`),
        ]
      : Array.from({ length: PAPER_SHARDS }, (_, index) => `papers-${index}`);
  return names.map((name) => `${ownerId}\u0001${name}`);
}

/**
 * Deletes whole shards (a removed plan's or a removed meeting's papers), inside the caller's
 * transaction, which must include `db.searchIndex`. The in-memory copies are forgotten only once
 * it commits, so an aborted removal leaves search as it was.
 */
export async function deleteSearchShards(db: OversightDatabase, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  const transaction: Transaction | null = Dexie.currentTransaction ?? null;
  if (!transaction) throw new Error('deleteSearchShards must run inside a transaction that includes db.searchIndex.');
  const cache = cacheOf(db);
  transaction.on('complete', () => {
    for (const recordId of recordIds) cache.shards.delete(recordId);
    changed(cache);
  });
  await db.searchIndex.bulkDelete([...recordIds]);
  for (const recordId of recordIds) await partsFrom(db, recordId, 1).delete();
}

export type ReadShards = Map<string, SearchIndexRecord | undefined>;

/**
 * Reads (inside the caller's transaction) the shards a change will touch. The import reads its
 * plan's shards before it writes anything, so that the indexing can then run while IndexedDB is
 * busy with the entities instead of after them. Shards in memory are read too: another window
 * on the same store may have written them since (their stamps then differ), and writing back a
 * stale copy would lose that window's documents for good.
 */
export async function readShards(db: OversightDatabase, recordIds: readonly string[]): Promise<ReadShards> {
  const stored = recordIds.length > 0 ? await wholeShards(db, await db.searchIndex.bulkGet([...recordIds])) : [];
  return new Map(recordIds.map((recordId, index) => [recordId, stored[index]]));
}

function newStamp(): string {
  return crypto.randomUUID();
}

/**
 * Applies changes to shards in memory and writes the changed shards, inside the caller's
 * transaction; `shards` must hold every shard the changes touch that is not in memory
 * (see {@link readShards}). Adding documents yields to the window every `sliceMs`, inside the
 * caller's transaction; each shard is stored over records of about `partChars` characters, one
 * handed to IndexedDB per turn.
 */
export async function applySearchChanges(
  db: OversightDatabase,
  shards: ReadShards,
  changes: { upsert: readonly SearchDocument[]; remove: readonly string[] },
  sliceMs = SLICE_MS,
  partChars = PART_CHARS,
): Promise<unknown> {
  if (changes.upsert.length === 0 && changes.remove.length === 0) return;
  const transaction: Transaction | null = Dexie.currentTransaction ?? null;
  if (!transaction) throw new Error('updateSearchIndex must run inside a transaction that includes db.searchIndex.');
  const cache = cacheOf(db);

  const byShard = new Map<string, { upsert: SearchDocument[]; remove: string[] }>();
  const work = (id: string) => {
    const recordId = shardRecordId(id);
    let entry = byShard.get(recordId);
    if (!entry) byShard.set(recordId, (entry = { upsert: [], remove: [] }));
    return entry;
  };
  // Grouping a plan's 200,000 documents by shard (a hash each) is itself tens of milliseconds:
  // it yields too, inside the caller's transaction.
  let sliceStart = performance.now();
  const isDue = (count: number) => count % 256 === 255 && performance.now() - sliceStart >= sliceMs;
  for (const [count, id] of changes.remove.entries()) {
    work(id).remove.push(id);
    if (isDue(count)) {
      await yieldToWindow();
      sliceStart = performance.now();
    }
  }
  for (const [count, document] of changes.upsert.entries()) {
    work(document.id).upsert.push(document);
    if (isDue(count)) {
      await yieldToWindow();
      sliceStart = performance.now();
    }
  }

  sliceStart = performance.now();
  const touched: Array<{ recordId: string; shard: Shard; wasCached: boolean }> = [];
  const puts: Array<PromiseLike<unknown>> = [];
  // The cached shards are changed in place: keep them if the transaction commits, forget them
  // (to be read again from the store) if it does not. Listened for before the first change, so
  // a shard left half changed by an abort between two slices is forgotten too.
  transaction.on('complete', () => {
    for (const { recordId, shard } of touched) {
      cache.shards.set(recordId, shard);
      hearWrite(cache, recordId);
    }
    changed(cache);
    channels
      .get(db)
      ?.postMessage({ type: 'shards-written', db: db.name, recordIds: touched.map(({ recordId }) => recordId) } satisfies ShardsWritten);
  });
  const forget = () => {
    for (const { recordId, wasCached } of touched) if (wasCached) cache.shards.delete(recordId);
    if (touched.some((entry) => entry.wasCached)) cache.isComplete = false;
    changed(cache);
  };
  transaction.on('abort', forget);
  transaction.on('error', forget);
  for (const [recordId, entry] of byShard) {
    if (!shards.has(recordId)) throw new Error(`Search shard ${recordId} was not read before it was changed.`);
    const record = shards.get(recordId);
    // The copy in memory only if it is the stored one (same stamp); else what the store holds.
    const stored = cache.shards.get(recordId);
    const cached = stored && record?.stamp !== undefined && stored.stamp === record.stamp ? stored : undefined;
    const index = cached?.index ?? (record ? MiniSearch.loadJSON<SearchDocument>(record.json, INDEX_OPTIONS) : newIndex());
    const stamp = newStamp();
    const planId = recordId.slice(0, recordId.indexOf('\u0001'));
    touched.push({ recordId, shard: { planId, index, stamp }, wasCached: cached !== undefined });
    for (const id of entry.remove) if (index.has(id)) index.discard(id);
    for (const document of entry.upsert) {
      if (index.has(document.id)) index.replace(document);
      else index.add(document);
      // A plan import adds tens of thousands of documents: yield to the window every few
      // milliseconds, keeping the transaction alive (see yieldToWindow).
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToWindow();
        sliceStart = performance.now();
      }
    }
    // Each shard handed to IndexedDB as soon as it is serialised, its own task: IndexedDB copies
    // a record on the window's thread, and the plan's shards written at once were one long task.
    // Serialised in slices too: one shard of a 100 MB plan was a task of over a second.
    const parts = await runSliced(serialiseIndexPartsSteps(index, partChars), sliceMs);
    const shard = recordId.slice(planId.length + 1);
    for (const [position, json] of parts.entries()) {
      puts.push(
        db.searchIndex.put(
          position === 0
            ? {
                id: recordId,
                planId,
                shard,
                documentCount: index.documentCount,
                json,
                stamp,
                ...(parts.length > 1 ? { parts: parts.length } : {}),
              }
            : { id: searchPartId(recordId, position), planId, shard, documentCount: 0, json, part: position, stamp },
        ),
      );
      if (Number.isFinite(sliceMs)) {
        await yieldToWindow();
        sliceStart = performance.now();
      }
    }
    // Parts of an earlier, longer write of the shard go.
    puts.push(partsFrom(db, recordId, parts.length).delete());
  }

  return Promise.all(puts);
}

/**
 * One shard read outside any transaction, its parts joined. Another window may write the shard
 * between the read of its first record and its parts: the stamps then differ, and it is read again.
 */
async function readWholeShard(db: OversightDatabase, id: string): Promise<SearchIndexRecord | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [record] = await wholeShards(db, [await db.searchIndex.get(id)]);
      return record;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

// Which shards load first at start: the plans' own entities, then annotations, then papers.
function loadOrder(recordId: string): number {
  return recordId.includes('\u0001plan-') ? 0 : recordId.includes('\u0001notes-') ? 1 : 2;
}

/**
 * Reads the persisted index (shards only, never entities), one shard at a time, the plans' own
 * first, the next shard's read from the store already under way while one is parsed. Search
 * answers from what is loaded as soon as the first shard is in (`isSearchIndexReady`), and views
 * re-run their search as each further shard arrives, each turn short enough for the window to
 * paint and take input; the search page says more results may appear until every shard is in
 * (`isSearchIndexComplete`). Resolves when every shard is loaded; later calls return at once.
 */
export function loadSearchIndex(db: OversightDatabase): Promise<void> {
  const cache = cacheOf(db);
  if (cache.isComplete) return Promise.resolve();
  if (cache.loading) return cache.loading;
  const load = async () => {
    const cachedBefore = new Set(cache.shards.keys());
    const ids = (await db.searchIndex.toCollection().primaryKeys())
      .filter((id) => !isPartId(id))
      .sort((a, b) => loadOrder(a) - loadOrder(b));
    const stored = new Set(ids);
    // A shard in memory that the store no longer holds (its plan removed meanwhile) goes.
    for (const id of cachedBefore) if (!stored.has(id)) cache.shards.delete(id);
    const reads = new Map<string, Promise<SearchIndexRecord | undefined>>();
    const read = (id: string): Promise<SearchIndexRecord | undefined> => {
      let reading = reads.get(id);
      if (!reading) reads.set(id, (reading = readWholeShard(db, id)));
      return reading;
    };
    for (const [position, id] of ids.entries()) {
      // A shard already in memory is the newest: a change committed while loading put it there.
      if (!cache.shards.has(id)) {
        const reading = read(id);
        const next = ids[position + 1];
        // Read ahead: IndexedDB fetches the next shard while this one is parsed (its failure,
        // if any, is reported when its turn comes).
        if (next !== undefined && !cache.shards.has(next)) read(next).catch(() => undefined);
        const record = await reading;
        reads.delete(id);
        // Another window's write heard of meanwhile is read again by refreshShards, which may
        // put the newer shard in memory before or after this.
        if (record && !cache.shards.has(id))
          cache.shards.set(id, {
            planId: record.planId,
            index: MiniSearch.loadJSON<SearchDocument>(record.json, INDEX_OPTIONS),
            stamp: record.stamp,
          });
      }
      // Search answers from what is loaded now; views re-run their search.
      cache.isReady = true;
      changed(cache);
    }
    cache.isReady = true;
    cache.isComplete = true;
    changed(cache);
  };
  cache.loading = load().finally(() => {
    cache.loading = null;
  });
  return cache.loading;
}

/** True once search can answer: the first shard (a plan's own) is loaded; the others may follow. */
export function isSearchIndexReady(db: OversightDatabase): boolean {
  return cacheOf(db).isReady;
}

/** True once every persisted shard is loaded. */
export function isSearchIndexComplete(db: OversightDatabase): boolean {
  return cacheOf(db).isComplete;
}

/** Subscribes to changes of the in-memory index (loads and committed updates). */
export function subscribeToSearchIndex(db: OversightDatabase, listener: () => void): () => void {
  const cache = cacheOf(db);
  cache.listeners.add(listener);
  return () => cache.listeners.delete(listener);
}

/** A number that changes whenever the in-memory index does. */
export function searchIndexVersion(db: OversightDatabase): number {
  return cacheOf(db).version;
}

export type SearchHit = {
  id: string;
  score: number;
  planId: string;
  kind: SearchKind;
  targetKind: SearchDocument['targetKind'];
  targetId: string;
  label: string;
  snippet: string;
  period?: string;
  context?: string;
  page?: number;
  isExempt?: boolean;
  /** The document's words that matched (after prefix and typo matching): what to highlight. */
  terms: string[];
};

export type SearchResults = { query: string; total: number; groups: Array<{ kind: SearchKind; total: number; hits: SearchHit[] }> };

const KIND_ORDER: readonly SearchKind[] = ['action', 'update', 'measure', 'area', 'risk', 'annotation', 'paper'];

/**
 * Searches the loaded index (call {@link loadSearchIndex} first), optionally within one plan.
 * Results are grouped by kind, best first, at most `limitPerKind` each, with each group's total.
 */
export function searchLoadedIndex(
  db: OversightDatabase,
  query: string,
  options: { planId?: string; limitPerKind?: number; accept?: (hit: Pick<SearchHit, 'kind' | 'planId'>) => boolean } = {},
): SearchResults {
  const limit = options.limitPerKind ?? 8;
  const trimmed = query.trim();
  const found = new Map<SearchKind, { total: number; hits: Array<Record<string, unknown>> }>();
  let total = 0;
  if (trimmed.length >= 2) {
    const shards = [...cacheOf(db).shards.values()].filter((shard) => options.planId === undefined || shard.planId === options.planId);
    const isKnown = knownWords(shards);
    const terms = queryTerms(trimmed, processTerm);
    const specs = terms.map((term, index) => ({
      term,
      prefix: index === terms.length - 1 && term.length >= 4,
      fuzzy: isKnown(term) ? false : typoDistance(term),
    }));
    for (const [kind, group] of rankedSearch(
      shards.map((shard) => shard.index),
      specs,
      {
        fieldBoosts: FIELD_BOOSTS,
        limitPerKind: limit,
        ...(options.accept ? { accept: acceptingStored(options.accept) } : {}),
      },
    )) {
      found.set(kind, group);
      total += group.total;
    }
  }
  const groups = KIND_ORDER.filter((kind) => found.has(kind)).map((kind) => {
    const group = found.get(kind) ?? { total: 0, hits: [] };
    return { kind, total: group.total, hits: group.hits as unknown as SearchHit[] };
  });
  return { query: trimmed, total, groups };
}

/** A filter on hits as one on a document's stored fields (its kind and owning plan or meeting). */
function acceptingStored(accept: (hit: Pick<SearchHit, 'kind' | 'planId'>) => boolean) {
  return (stored: Readonly<Record<string, unknown>>): boolean =>
    accept({ kind: stored.kind as SearchKind, planId: typeof stored.planId === 'string' ? stored.planId : '' });
}

/**
 * Typo tolerance only for words the index does not hold: a word found as typed is what the
 * member meant, and expanding a common word ("progress", "families") to every word one or two
 * letters away made it match most documents and cost 60–300 ms a search. Decided once per query
 * across every shard searched, so all shards treat a word alike.
 */
function knownWords(shards: readonly Shard[]): (term: string) => boolean {
  const known = new Map<string, boolean>();
  return (term: string): boolean => {
    let found = known.get(term);
    if (found === undefined) {
      found = shards.some((shard) => hasTerm(shard.index, term));
      known.set(term, found);
    }
    return found;
  };
}

function typoDistance(term: string): number | false {
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : false;
}

// MiniSearch 7 keeps its terms in a radix tree (`_index`) and has no public lookup of one term.
function hasTerm(index: MiniSearch<SearchDocument>, term: string): boolean {
  return (index as unknown as { _index: { has(key: string): boolean } })._index.has(term);
}

/** Forgets the in-memory index (tests, and after the store is replaced). */
export function resetSearchIndexCache(db: OversightDatabase): void {
  caches.delete(db);
}
