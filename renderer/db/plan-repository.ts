import { Dexie } from 'dexie';
import type { ImportCandidate, Problem } from '../../shared/ipc/contract';
import { compactChangesSteps } from '../../shared/plan/compact-changes';
import { diffPlanSteps, entityKey, type PlanDiff } from '../../shared/plan/diff';
import {
  decodeEntityHashesSteps,
  encodeEntityHashesSteps,
  entityHash,
  hashesAfter,
  planHashesSteps,
  triageByHashesSteps,
  type EntityHashes,
} from '../../shared/plan/entity-hashes';
import type { PlanFile } from '../../shared/plan/schema';
import { readActionRows } from '../plan-review/action-rows';
import { planReviewTables, readPlanReview, writePlanReview, type PartialReview } from '../plan-review/review-store';
import { boardIdOfPlan, openBoardId, plansOfBoard } from '../meetings/boards';
import type { OversightDatabase } from './database';
import { entitiesOfPlan } from './entity-queries';
import { runSliced, SLICE_MS, yieldToWindow } from './yield-in-transaction';
import type { ChangeSetRecord, EntityRecord, ImportRecord, PlanRecord } from './types';

/** What storing one candidate came to, for the person who imported it. */
export type StoreOutcome =
  | {
      status: 'imported';
      importId: string;
      planId: string;
      planTitle: string;
      revision: number;
      previousRevision: number | null;
      summary: ImportRecord['summary'];
      writes: number;
    }
  | { status: 'up-to-date'; planId: string; planTitle: string; revision: number; message: string }
  | { status: 'refused'; planId: string; planTitle: string; message: string }
  | { status: 'invalid'; errors: Problem[]; warnings: Problem[] }
  | { status: 'needs-mapping' };

export type StoreOptions = {
  now?: Date;
  newId?: () => string;
  /** Told after each chunk of entities is written: how many of how many. */
  onProgress?: (stored: number, total: number) => void;
  /** Aborting it cancels the import: unsliced at once, sliced between two chunks: the transaction rolls back, nothing changes. */
  signal?: AbortSignal;
  /** Milliseconds of computing (diff, figures, search changes) between two yields to the window. */
  sliceMs?: number;
  /** The board a new plan is filed under (the open board unless given); a plan held already keeps its board. */
  boardId?: string;
};

/**
 * Entities are handed to IndexedDB at most this many at a time, each chunk a task of its own:
 * between chunks the window takes input and paints progress (one bulkPut of 60,000 entities
 * blocked it for a minute), while all chunks stay in the import's one transaction, so it is
 * still all or nothing. With slicing off (`sliceMs: Infinity`) every chunk is this size.
 */
export const STORE_CHUNK = 2000;

/** The chunk an import starts with, before it has measured how long one takes. */
const FIRST_CHUNK = 100;

const CANCELLED = 'ImportCancelledError';

/** Whether an import failed because the user cancelled it (nothing was changed). */
export function isImportCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === CANCELLED;
}

function cancelled(): Error {
  const error = new Error('The import was cancelled; nothing was changed.');
  error.name = CANCELLED;
  return error;
}

/**
 * Hands the entities to IndexedDB in chunks and resolves once every chunk is handed over, with the
 * chunks' promises of being stored. IndexedDB copies (structured clones) a record when it is
 * handed over, on the calling thread: 2,000 entities of a 100 MB plan took 130 ms.
 * - On the window's thread (sliced), a chunk is sized by the time the last one took to hand over,
 *   to stay within half a slice, and the window gets a turn after each.
 * - Off it (unsliced: the import worker), every chunk is handed over at once, as a bare write's loop
 *   of puts does. Storing them is IndexedDB's own work, on its own thread, and what the import
 *   computes next (the hashes, the change set, plan review's figures, rows and search index)
 *   overlaps it instead of running before or after it.
 */
async function handOverInChunks(
  db: OversightDatabase,
  writes: readonly EntityRecord[],
  options: StoreOptions,
): Promise<{ pending: Array<PromiseLike<unknown>> }> {
  const budget = (options.sliceMs ?? SLICE_MS) / 2;
  const isSliced = Number.isFinite(budget);
  const pending: Array<PromiseLike<unknown>> = [];
  try {
    let size = isSliced ? FIRST_CHUNK : STORE_CHUNK;
    for (let start = 0; start < writes.length;) {
      // Throwing inside the transaction aborts it: every chunk already handed over is rolled back.
      if (options.signal?.aborted) throw cancelled();
      const end = Math.min(start + size, writes.length);
      const handedAt = performance.now();
      const put = db.entities.bulkPut(writes.slice(start, end));
      const tookMs = performance.now() - handedAt;
      pending.push(put.then(() => options.onProgress?.(end, writes.length)));
      start = end;
      if (!isSliced) continue;
      // Half the entities if it took over the budget (at least one), double if under half of it.
      if (tookMs > budget) size = Math.max(1, Math.floor(size / 2));
      else if (tookMs < budget / 2) size = Math.min(STORE_CHUNK, size * 2);
      // On the window's thread two chunks are in flight at most, so a cancel is seen between two
      // chunks while IndexedDB stores them (the import's yields cannot survive the transaction
      // being aborted under them).
      if (pending.length >= 2) await pending[pending.length - 2];
      await yieldToWindow();
    }
  } catch (error) {
    // Chunks handed over fail with the transaction: handled here, so none is reported unhandled.
    void Promise.allSettled(pending);
    throw error;
  }
  return { pending };
}

/**
 * The spec's answer for a revision that must not be stored: the same revision with the same
 * content is up to date, with other content or an older revision it is refused. Null when the
 * file is a higher revision, to be stored.
 */
function refusalOrUpToDate(current: PlanRecord, fileName: string, revision: number, contentHash: string): StoreOutcome | null {
  const planId = current.id;
  const storedRevision = current.export.revision;
  if (revision === storedRevision) {
    return current.contentHash === contentHash
      ? {
          status: 'up-to-date',
          planId,
          planTitle: current.header.title,
          revision,
          message: `${current.header.title} is already up to date at revision ${revision}; nothing was changed.`,
        }
      : {
          status: 'refused',
          planId,
          planTitle: current.header.title,
          message: `${fileName} is revision ${revision} of ${current.header.title}, but a different revision ${revision} is already stored. Nothing was changed. Ask the programme office for a new export with a higher revision number.`,
        };
  }
  if (revision < storedRevision) {
    return {
      status: 'refused',
      planId,
      planTitle: current.header.title,
      message: `${fileName} is revision ${revision} of ${current.header.title}, older than revision ${storedRevision} already stored. Nothing was changed.`,
    };
  }
  return null;
}

/**
 * Stores a validated plan from main, following the sync rules of the plan file spec: a higher
 * revision updates, the same revision with the same content is already up to date, anything
 * else is refused. All reads and writes happen in one transaction: if anything fails, the
 * store is exactly as it was before.
 */
export async function storeCandidate(db: OversightDatabase, candidate: ImportCandidate, options: StoreOptions = {}): Promise<StoreOutcome> {
  const { outcome } = candidate;
  if (outcome.status === 'invalid') return { status: 'invalid', errors: outcome.errors, warnings: outcome.warnings };
  if (outcome.status === 'needs-mapping') return { status: 'needs-mapping' };
  // Annotation files are merged by the annotations repository, never stored as a plan.
  if (outcome.status === 'annotations')
    return { status: 'invalid', errors: [{ path: candidate.fileName, message: 'This is an annotations file, not a plan.' }], warnings: [] };
  // Meeting packs are stored by the papers repository (renderer/papers/), never as a plan.
  if (outcome.status === 'pack')
    return { status: 'invalid', errors: [{ path: candidate.fileName, message: 'This is a meeting pack, not a plan.' }], warnings: [] };
  // Officers' answers are recorded on their questions by renderer/annotations/answers-repository.ts.
  if (outcome.status === 'answers')
    return { status: 'invalid', errors: [{ path: candidate.fileName, message: 'This is an answers workbook, not a plan.' }], warnings: [] };

  const { plan, contentHash, counts, warnings } = outcome;
  const planId = plan.plan.id;
  const revision = plan.export.revision;
  const now = (options.now ?? new Date()).toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  // Read before the transaction, which does not hold the board and meta tables.
  const openBoard = options.boardId ?? (await openBoardId(db));

  // Checked first outside the import's transaction (one read, no wait for other writers): a file
  // already stored, or older, is answered at once; checked again inside, as another window may
  // have stored a revision meanwhile.
  const stored = await db.plans.get(planId);
  const early = stored ? refusalOrUpToDate(stored, candidate.fileName, revision, contentHash) : null;
  if (early) return early;

  // Plan review's figures, list rows and search index change in the same transaction, so they
  // can never disagree with the entities they were computed from.
  const tables = [db.plans, db.entities, db.imports, db.changeSets, db.entityHashes, ...planReviewTables(db)];
  // Cancel aborts the transaction at once, also while IndexedDB is storing chunks already handed
  // over: the import then fails as cancelled, and nothing it wrote stays.
  let abortTransaction: (() => void) | null = null;
  const onCancel = () => abortTransaction?.();
  // Off the window's thread only: there the import never yields, so nothing waits on a transaction
  // aborted under it (on the window's thread a cancel is seen between two chunks instead).
  if (!Number.isFinite(options.sliceMs ?? SLICE_MS)) options.signal?.addEventListener('abort', onCancel);
  try {
    // An async callback: Dexie keeps its transaction zone across native awaits only for those.
    return await db.transaction('rw', tables, async (): Promise<StoreOutcome> => {
      const transaction = Dexie.currentTransaction;
      abortTransaction = () => {
        try {
          transaction.abort();
        } catch {
          // Already committed or aborted: nothing left to undo.
        }
      };
      return await storeInTransaction();
    });
  } catch (error) {
    if (options.signal?.aborted && !isImportCancelled(error)) throw cancelled();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }

  async function storeInTransaction(): Promise<StoreOutcome> {
    const current = await db.plans.get(planId);
    const settled = current ? refusalOrUpToDate(current, candidate.fileName, revision, contentHash) : null;
    if (settled) return settled;

    // A revision: every entity's hash, then the diff from the stored hashes when they describe the
    // stored revision (only changed, restored and archived entities are read), else from every
    // entity. A first import needs no hashes to diff: they are computed once its writes are under way.
    const incomingBefore = current ? await runSliced(planHashesSteps(plan), options.sliceMs) : null;
    const byHashes =
      current && incomingBefore ? await diffByHashes(db, plan, current.export.revision, revision, incomingBefore, options.sliceMs) : null;
    let existing: EntityRecord[];
    let diff: PlanDiff;
    let partial: PartialReview | undefined;
    if (byHashes) {
      ({ existing, diff } = byHashes);
      // Only actions (and areas, measures) moved: the list rows are patched and the figures come
      // from the file. An owner or milestone moved: plan review is rebuilt from every entity.
      const isPatchable = diff.writes.every((write) => write.kind !== 'owner' && write.kind !== 'milestone');
      const rows = isPatchable ? await readActionRows(db, planId) : null;
      if (rows && rows.revision === current?.export.revision) {
        partial = { plan, rows, owners: await entitiesOfPlan(db, planId, 'owner') };
      } else {
        existing = await entitiesOfPlan(db, planId);
      }
    } else {
      existing = await entitiesOfPlan(db, planId);
      // Computed in slices that yield to the window (a 60,000-action diff was one long task).
      diff = await runSliced(diffPlanSteps(existing, plan, revision), options.sliceMs);
    }
    if (options.signal?.aborted) throw cancelled();

    // Every read first (plan review's search shards: IndexedDB answers a transaction's requests in
    // order, so a read asked after the writes would wait for all of them), then the entities are
    // handed to IndexedDB at once, so that everything computed from here on (the hashes, the change
    // set, plan review's figures, rows and search index) overlaps IndexedDB storing them.
    const reviewReads = await readPlanReview(db, planId, current ? { existing, writes: diff.writes } : undefined, options.sliceMs);
    const importId = newId();
    const previousRevision = current ? current.export.revision : null;
    const planRecord: PlanRecord = {
      id: planId,
      header: plan.plan,
      export: plan.export,
      contentHash: contentHash,
      counts,
      importedAt: now,
      boardId: current ? boardIdOfPlan(current) : openBoard,
      revisions: [
        ...(current?.revisions ?? []),
        {
          revision,
          importId,
          exportedAt: plan.export.exportedAt,
          importedAt: now,
          ...(plan.export.versionLabel !== undefined ? { versionLabel: plan.export.versionLabel } : {}),
        },
      ],
    };
    const importRecord: ImportRecord = {
      id: importId,
      at: now,
      fileName: candidate.fileName,
      source: candidate.source,
      sha256: candidate.sha256,
      size: candidate.size,
      planId,
      planTitle: plan.plan.title,
      revision,
      previousRevision,
      counts,
      summary: diff.summary,
      warnings,
      writes: diff.writes.length + 3,
    };
    // Every entity is handed over first; the rest is computed while IndexedDB stores them, step by
    // step in this one flow (Dexie keeps its transaction zone across awaits taken one at a time).
    const entities = await handOverInChunks(db, diff.writes, options);
    const incoming = incomingBefore ?? (await runSliced(planHashesSteps(plan), options.sliceMs));
    const previousHashes: Iterable<[string, { hash: string }]> = byHashes
      ? byHashes.stored
      : existing
          .filter((entity) => !incoming.has(entityKey(entity.kind, entity.id)))
          .map((entity): [string, { hash: string }] => [entityKey(entity.kind, entity.id), { hash: entityHash(entity.data) }]);
    const hashes = await runSliced(encodeEntityHashesSteps(planId, revision, hashesAfter(incoming, previousHashes)), options.sliceMs);
    // A first import's 200,000 additions as one string: one object each was a long task to clone.
    const storedChanges = await runSliced(compactChangesSteps(diff.changes), options.sliceMs);
    const changeSet: ChangeSetRecord = { importId, planId, revision, previousRevision, ...storedChanges };
    if (options.signal?.aborted) throw cancelled();
    await Promise.all([
      ...entities.pending,
      db.plans.put(planRecord),
      db.imports.add(importRecord),
      db.changeSets.add(changeSet),
      db.entityHashes.put(hashes),
      writePlanReview(db, { planId, revision, existing, writes: diff.writes, now, partial }, reviewReads, options.sliceMs),
    ]);
    if (options.signal?.aborted) throw cancelled();
    return {
      status: 'imported',
      importId,
      planId,
      planTitle: plan.plan.title,
      revision,
      previousRevision,
      summary: diff.summary,
      writes: importRecord.writes,
    };
  }
}

/** The order IndexedDB keeps a plan's entities in ([planId+kind+id], strings by code unit). */
function byStoredKey(a: EntityRecord, b: EntityRecord): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Diffs a revision from the stored hashes: only entities whose hash moved, that come back or
 * that the revision archives are read (by key) and diffed field by field; the others are
 * unchanged. The same change set as diffing against every entity (same order too: the read
 * entities are sorted as IndexedDB keeps them). Null when the hashes cannot be trusted (missing,
 * of another revision than the one stored, malformed, or naming an entity that is not there):
 * the caller then diffs against every entity.
 */
async function diffByHashes(
  db: OversightDatabase,
  plan: PlanFile,
  storedRevision: number,
  revision: number,
  incoming: ReadonlyMap<string, string>,
  sliceMs: number | undefined,
): Promise<{ existing: EntityRecord[]; diff: PlanDiff; stored: EntityHashes } | null> {
  const record = await db.entityHashes.get(plan.plan.id);
  if (!record || record.revision !== storedRevision) return null;
  let stored: EntityHashes;
  try {
    stored = await runSliced(decodeEntityHashesSteps(record), sliceMs);
  } catch {
    return null;
  }
  const triage = await runSliced(triageByHashesSteps(plan, stored, incoming), sliceMs);
  const read = await db.entities.bulkGet(triage.toRead.map(({ kind, id }): [string, string, string] => [plan.plan.id, kind, id]));
  const existing = read.filter((entity): entity is EntityRecord => entity !== undefined);
  if (existing.length !== read.length) return null;
  existing.sort(byStoredKey);
  const diff = await runSliced(diffPlanSteps(existing, triage.toDiff, revision), sliceMs);
  diff.summary.unchanged += triage.unchanged;
  return { existing, diff, stored };
}

export { entitiesOfPlan } from './entity-queries';

/** Hashes of every file already imported: main skips these without parsing them again. */
export async function importedFileHashes(db: OversightDatabase): Promise<string[]> {
  const imports = await db.imports.toArray();
  return [...new Set(imports.map((record) => record.sha256).filter((sha) => sha !== ''))];
}

/** The import log, newest first. */
export async function listImports(db: OversightDatabase): Promise<ImportRecord[]> {
  const imports = await db.imports.toArray();
  return imports.sort((a, b) => b.at.localeCompare(a.at));
}

/** A board's plans side by side, by title: the open board's unless given. */
export async function listPlans(db: OversightDatabase, boardId?: string): Promise<PlanRecord[]> {
  return plansOfBoard(db, boardId ?? (await openBoardId(db)));
}
