import { entityKey, type StoredEntity } from '../../shared/plan/diff';
import { searchChangesSteps, type SearchChanges } from '../../shared/plan-review/search-documents';
import { actionRow, buildPlanReviewSteps, compareRefs, type ActionRow, type PlanReview } from '../../shared/plan-review/summary';
import { COLLECTIONS, KIND_OF_COLLECTION, type Owner, type PlanFile } from '../../shared/plan/schema';
import { sortSteps, type Sliced } from '../../shared/sliced';
import type { EntityRecord } from '../db/types';
import type { ActionRowsRecord } from './records';
import type { OversightDatabase } from '../db/database';
import { entitiesOfPlan } from '../db/entity-queries';
import { runSliced } from '../db/yield-in-transaction';
import { actionRowsRevision, writeActionRows } from './action-rows';
import { applySearchChanges, planShardRecordIds, readShards, shardRecordId, type ReadShards } from '../search/search-index';

/** The tables {@link updatePlanReview} writes: include them in the import's transaction. */
export function planReviewTables(db: OversightDatabase) {
  return [db.planSummaries, db.actionRowChunks, db.searchIndex];
}

/**
 * What a revision diffed from the stored hashes brings instead of every entity, when no owner
 * or milestone moved: the file (the figures are computed from its current areas, actions and
 * measures), the list rows before it (patched for the actions written) and the plan's owners.
 */
export type PartialReview = { plan: PlanFile; rows: ActionRowsRecord; owners: readonly EntityRecord[] };

export type PlanReviewChange = {
  planId: string;
  revision: number;
  /** Every stored entity of the plan; with `partial`, only those the import read (the ones it writes). */
  existing: readonly StoredEntity[];
  writes: readonly StoredEntity[];
  now: string;
  partial?: PartialReview | undefined;
};

/** The summary from the file's current areas, actions and measures (all it counts), and the rows patched for the actions written. */
function* patchedReviewSteps(change: PlanReviewChange, partial: PartialReview): Sliced<PlanReview> {
  const counted: StoredEntity[] = [];
  for (const collection of COLLECTIONS) {
    const kind = KIND_OF_COLLECTION[collection];
    if (kind !== 'area' && kind !== 'action' && kind !== 'measure') continue;
    for (const data of partial.plan[collection]) {
      counted.push({ planId: change.planId, kind, id: data.id, data, addedInRevision: 0, changedInRevision: 0, archivedInRevision: null });
    }
  }
  const { summary } = yield* buildPlanReviewSteps(change.planId, change.revision, counted, { rows: false });
  const owners = new Map(partial.owners.map((owner) => [owner.id, owner.data as Owner]));
  const byId = new Map<string, ActionRow>();
  for (const row of partial.rows.rows) byId.set(row.id, row);
  let isMoved = false;
  for (const write of change.writes) {
    yield;
    if (write.kind !== 'action') continue;
    const before = byId.get(write.id);
    const row = actionRow(write, owners, before?.milestoneIds ?? []);
    if (before?.ref !== row.ref) isMoved = true;
    byId.set(write.id, row);
  }
  const rows = [...byId.values()];
  if (isMoved) yield* sortSteps(rows, (a, b) => compareRefs(a.ref, b.ref));
  return { summary, rows };
}

/** The plan's entities by key before and after the import: 200,000 of them were a long task when keyed in one go. */
function* keyedSteps(
  existing: readonly StoredEntity[],
  writes: readonly StoredEntity[],
): Sliced<{ before: Map<string, StoredEntity>; after: Map<string, StoredEntity> }> {
  const before = new Map<string, StoredEntity>();
  const after = new Map<string, StoredEntity>();
  let count = 0;
  for (const list of [existing, writes]) {
    for (const entity of list) {
      const key = entityKey(entity.kind, entity.id);
      if (list === existing) before.set(key, entity);
      after.set(key, entity);
      count += 1;
      if (count % 1024 === 0) yield;
    }
  }
  return { before, after };
}

/** What {@link readPlanReview} read: the search shards to change and, for a revision, the search changes themselves. */
export type ReviewReads = { shards: ReadShards; search: SearchChanges | null };

/**
 * Reads what {@link writePlanReview} needs, before the import writes anything (IndexedDB answers
 * a transaction's requests in order: a read asked after the writes would wait for all of them).
 * A first import changes every plan shard, and reads them all. A revision works out its search
 * changes first and reads only the shards they touch: none when no indexed text changed (a
 * revision that only moved ratings, dates or statuses), where every shard was read before.
 */
export async function readPlanReview(
  db: OversightDatabase,
  planId: string,
  revision?: Pick<PlanReviewChange, 'existing' | 'writes'>,
  sliceMs?: number,
): Promise<ReviewReads> {
  if (!revision) return { shards: await readShards(db, planShardRecordIds(planId)), search: null };
  const { before } = await runSliced(keyedSteps(revision.existing, []), sliceMs);
  const search = await runSliced(searchChangesSteps(before, revision.writes), sliceMs);
  const touched = new Set([...search.upsert.map((document) => shardRecordId(document.id)), ...search.remove.map(shardRecordId)]);
  return { shards: await readShards(db, [...touched]), search };
}

/**
 * Keeps plan review's derived records up to date for one import, inside the import's
 * transaction: the dashboard summary and the list rows are recomputed from the plan's entities
 * (already in memory for the diff), and the search index is changed only for the entities the
 * import wrote. The computing happens before the first await, so it overlaps IndexedDB writing
 * the entities the import has already handed it. The figures and the search changes are computed
 * in slices that yield to the window, still inside the transaction.
 */
export async function writePlanReview(
  db: OversightDatabase,
  change: PlanReviewChange,
  reads: ReviewReads,
  sliceMs?: number,
): Promise<unknown> {
  const { before, after } = await runSliced(keyedSteps(change.existing, change.writes), sliceMs);
  const { summary, rows } = await runSliced(
    change.partial ? patchedReviewSteps(change, change.partial) : buildPlanReviewSteps(change.planId, change.revision, after.values()),
    sliceMs,
  );
  const changes = reads.search ?? (await runSliced(searchChangesSteps(before, change.writes), sliceMs));
  const indexed = applySearchChanges(db, reads.shards, changes, sliceMs);
  return Promise.all([
    db.planSummaries.put({ ...summary, updatedAt: change.now }),
    writeActionRows(db, change.planId, change.revision, rows, sliceMs),
    indexed,
  ]);
}

/** Reads and writes plan review's records for one import (see {@link writePlanReview}). */
export async function updatePlanReview(db: OversightDatabase, change: PlanReviewChange): Promise<void> {
  await writePlanReview(db, change, await readPlanReview(db, change.planId));
}

/**
 * Builds plan review's records for plans that lack them (a store upgraded from schema v2), and
 * rebuilds those built from another revision than the plan's (a store written meanwhile by an
 * older build, which stored a revision without them): the summary and the list rows keep the
 * revision they were built from, and are rebuilt, with the plan's search documents, when it
 * differs. One read of each such plan's entities; plans whose records match are untouched.
 */
export async function ensurePlanReviews(db: OversightDatabase): Promise<string[]> {
  const isStale = async (planId: string, revision: number) => {
    const [summary, rowsRevision] = await Promise.all([db.planSummaries.get(planId), actionRowsRevision(db, planId)]);
    return summary?.revision !== revision || rowsRevision !== revision;
  };
  const plans = await db.plans.toArray();
  const built: string[] = [];
  for (const plan of plans) {
    if (!(await isStale(plan.id, plan.export.revision))) continue;
    await db.transaction('rw', [db.plans, db.entities, ...planReviewTables(db)], async () => {
      // Checked again inside the transaction: an import may have built it meanwhile.
      const current = await db.plans.get(plan.id);
      if (!current || !(await isStale(current.id, current.export.revision))) return;
      const entities = await entitiesOfPlan(db, plan.id);
      await updatePlanReview(db, {
        planId: plan.id,
        revision: current.export.revision,
        existing: [],
        writes: entities,
        now: new Date().toISOString(),
      });
      built.push(plan.id);
    });
  }
  return built;
}
