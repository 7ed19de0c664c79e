import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate, type StoreOutcome } from '../../../renderer/db/plan-repository';
import { readActionRows } from '../../../renderer/plan-review/action-rows';
import { loadSearchIndex, resetSearchIndexCache, searchLoadedIndex } from '../../../renderer/search/search-index';
import { decodeEntityHashesSteps } from '../../../shared/plan/entity-hashes';
import { runToEnd } from '../../../shared/sliced';
import { candidateFor } from './plan-candidates';

// A revision is diffed from the per-entity hashes (one record per plan) without reading every
// entity. It must come to exactly what diffing against every entity comes to: the same change set,
// the same entity records, the same dashboard, list rows and search index. Each revision below is
// imported into two stores: one with its hashes, one whose hashes are removed before each import
// (so it diffs against every entity, as before the hashes), and the two stores must be identical.

type Action = Record<string, unknown> & { id: string; ref: string; deliveryRag: string; updates: Array<Record<string, unknown>> };
type Plan = Record<string, unknown> & {
  export: { revision: number; exportedAt: string };
  actions: Action[];
  owners: Array<Record<string, unknown> & { id: string; role: string }>;
  milestones: Array<Record<string, unknown> & { actionId: string }>;
  areas: Array<Record<string, unknown>>;
};

const open: OversightDatabase[] = [];
function freshDb(): OversightDatabase {
  const db = new OversightDatabase(`hashes-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

const PLAN_ID = 'hash-plan';
const basePlan = (): Plan => generatePlan({ seed: 21, actions: 120, planId: PLAN_ID }) as Plan;

function revised(plan: Plan, change: (next: Plan) => void): Plan {
  const next = structuredClone(plan);
  next.export.revision += 1;
  change(next);
  return next;
}

/**
 * Every table but the hashes and the search shards, in key order, as one string. The shards'
 * serialised form differs between two stores even for the same imports (the search library's
 * internal numbering), so search is compared by what it finds instead.
 */
async function dumpWithoutHashes(db: OversightDatabase): Promise<string> {
  const tables = await Promise.all(
    db.tables
      .filter((table) => table.name !== 'entityHashes' && table.name !== 'searchIndex')
      .map(async (table) => [table.name, await table.toArray()] as const),
  );
  return JSON.stringify(tables);
}

/** What search finds for words the revisions below add, change or archive, as ids per kind. */
async function searchFor(db: OversightDatabase): Promise<unknown> {
  resetSearchIndexCache(db);
  await loadSearchIndex(db);
  return ['added', 'coordinator', 'interim', 'panel', 'backlog'].map((word) =>
    searchLoadedIndex(db, word, { limitPerKind: 1000 }).groups.map((group) => [
      group.kind,
      group.total,
      group.hits.map((hit) => JSON.stringify(hit)).sort(),
    ]),
  );
}

/** Imports into both stores with the same clock and ids; the second diffs against every entity. */
async function importBoth(withHashes: OversightDatabase, without: OversightDatabase, plan: Plan, round: number): Promise<StoreOutcome> {
  const options = (db: string) => ({ now: new Date(Date.UTC(2026, 10, round)), newId: () => `import-${round}-${db}` });
  const candidate = candidateFor(plan);
  await without.entityHashes.clear();
  const outcome = await storeCandidate(withHashes, candidate, options('x'));
  expect(await storeCandidate(without, candidate, options('x'))).toEqual(outcome);
  expect(await dumpWithoutHashes(withHashes)).toBe(await dumpWithoutHashes(without));
  expect(await searchFor(withHashes)).toEqual(await searchFor(without));
  return outcome;
}

/** Counts reads of every entity of the plan (the range [planId] .. [planId, []]). */
function countFullReads(db: OversightDatabase): { count: number } {
  const counter = { count: 0 };
  const where = db.entities.where.bind(db.entities);
  db.entities.where = ((index: string) => {
    const clause = where(index);
    const between = clause.between.bind(clause);
    clause.between = (lower, upper, ...rest) => {
      if (Array.isArray(lower) && lower.length === 1) counter.count += 1;
      return between(lower, upper, ...rest);
    };
    return clause;
  }) as typeof db.entities.where;
  return counter;
}

describe('diffing a revision from the stored hashes', () => {
  it('comes to exactly what diffing against every entity comes to, revision after revision', async () => {
    const withHashes = freshDb();
    const without = freshDb();
    let plan = basePlan();
    await importBoth(withHashes, without, plan, 1);

    // Actions only (the list rows are patched): RAGs, a reference moved, a new action.
    plan = revised(plan, (next) => {
      for (const action of next.actions.slice(0, 30)) action.deliveryRag = action.deliveryRag === 'red' ? 'amber' : 'red';
      const moved = next.actions[40];
      if (moved) moved.ref = '9.99';
      const copy = next.actions[5];
      if (copy) next.actions.push({ ...copy, id: 'act-new', ref: '1.0', title: 'A new action, added in revision two', updates: [] });
    });
    const second = await importBoth(withHashes, without, plan, 2);
    expect(second).toMatchObject({ status: 'imported', summary: { added: 1, changed: 31 } });

    // An action archived with its milestones, and an owner renamed (plan review rebuilt in full).
    const gone = plan.actions[7];
    if (!gone) throw new Error('fixture too small');
    plan = revised(plan, (next) => {
      next.actions = next.actions.filter((action) => action.id !== gone.id);
      next.milestones = next.milestones.filter((milestone) => milestone.actionId !== gone.id);
      const owner = next.owners[0];
      if (owner) owner.role = 'Interim Director of Children’s Services';
    });
    const third = await importBoth(withHashes, without, plan, 3);
    expect(third.status === 'imported' && third.summary.archived).toBeGreaterThanOrEqual(1);

    // The action comes back.
    plan = revised(plan, (next) => {
      next.actions.push(structuredClone(gone));
      next.milestones = structuredClone(basePlan().milestones);
    });
    const fourth = await importBoth(withHashes, without, plan, 4);
    expect(fourth.status === 'imported' && fourth.summary.restored).toBeGreaterThanOrEqual(1);
    expect((await readActionRows(withHashes, PLAN_ID))?.rows.find((row) => row.id === gone.id)?.archivedInRevision).toBeNull();
  });

  it('reports a change to one nested field alone (a hash that skipped it would miss it)', async () => {
    const db = freshDb();
    const plan = basePlan();
    await storeCandidate(db, candidateFor(plan));
    const at = plan.actions.findIndex((candidate) => candidate.updates.length > 0);
    const action = plan.actions[at];
    const update = action?.updates[0];
    if (!action || !update) throw new Error('fixture lacks an update');
    // One character of one progress update's narrative, deep inside the action, and nothing else.
    const next = revised(plan, (draft) => {
      const target = draft.actions[at]?.updates[0];
      if (target) target.narrative = `${String(update.narrative)}.`;
    });
    const reads = countFullReads(db);
    const outcome = await storeCandidate(db, candidateFor(next));
    expect(outcome).toMatchObject({ status: 'imported', summary: { changed: 1, added: 0, archived: 0, restored: 0 } });
    if (outcome.status !== 'imported') return;
    const changeSet = await db.changeSets.get(outcome.importId);
    expect(changeSet?.changes).toEqual([
      {
        kind: 'action',
        id: action.id,
        change: 'changed',
        fields: [{ field: 'updates', before: plan.actions[at]?.updates, after: next.actions[at]?.updates }],
      },
    ]);
    // Diffed from the hashes: no read of every entity of the plan.
    expect(reads.count).toBe(0);
  });

  it('a revision that changes no indexed text reads and writes no search shard; one renaming an action, only that action’s shard', async () => {
    const db = freshDb();
    const plan = basePlan();
    await storeCandidate(db, candidateFor(plan));
    const shardsBefore = await db.searchIndex.toArray();
    const read: string[][] = [];
    const bulkGet = db.searchIndex.bulkGet.bind(db.searchIndex);
    db.searchIndex.bulkGet = ((keys: string[]) => {
      read.push([...keys]);
      return bulkGet(keys);
    }) as typeof db.searchIndex.bulkGet;
    // Ratings only: the search documents are the same.
    const rated = revised(plan, (next) => {
      for (const action of next.actions.slice(0, 12)) action.deliveryRag = action.deliveryRag === 'red' ? 'amber' : 'red';
    });
    expect(await storeCandidate(db, candidateFor(rated))).toMatchObject({ status: 'imported', summary: { changed: 12 } });
    expect(read).toEqual([]);
    expect(await db.searchIndex.toArray()).toEqual(shardsBefore);
    // One action renamed: its shard alone is read and written, and search finds the new words.
    const renamed = revised(rated, (next) => {
      const action = next.actions[3];
      if (action) action.title = 'Zygomorphic outreach to every family';
    });
    await storeCandidate(db, candidateFor(renamed));
    expect(read).toHaveLength(1);
    expect(read[0]).toHaveLength(1);
    const changedShards = (await db.searchIndex.toArray()).filter(
      (record) => record.stamp !== shardsBefore.find((before) => before.id === record.id)?.stamp,
    );
    expect(changedShards.map((record) => record.id)).toEqual(read[0]);
    resetSearchIndexCache(db);
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'zygomorphic').groups.flatMap((group) => group.hits).length).toBeGreaterThan(0);
  });

  it('an unchanged revision (new number, same entities) reads and writes no entity, and keeps its hashes current', async () => {
    const db = freshDb();
    const plan = basePlan();
    await storeCandidate(db, candidateFor(plan));
    const reads = countFullReads(db);
    const outcome = await storeCandidate(db, candidateFor(revised(plan, () => undefined)));
    expect(outcome).toMatchObject({ status: 'imported', summary: { added: 0, changed: 0, archived: 0, restored: 0 } });
    expect(outcome.status === 'imported' && outcome.writes).toBe(3);
    expect(reads.count).toBe(0);
    const record = await db.entityHashes.get(PLAN_ID);
    expect(record?.revision).toBe(plan.export.revision + 1);
    expect(runToEnd(decodeEntityHashesSteps(record ?? ({} as never))).size).toBe(await db.entities.count());
  });

  it('falls back to every entity when the hashes are of another revision, or malformed, and still diffs right', async () => {
    for (const spoil of ['revision', 'malformed', 'missing entity'] as const) {
      const db = freshDb();
      const plan = basePlan();
      await storeCandidate(db, candidateFor(plan));
      const record = await db.entityHashes.get(PLAN_ID);
      if (!record) throw new Error('no hashes stored');
      if (spoil === 'revision') await db.entityHashes.put({ ...record, revision: record.revision - 1 });
      if (spoil === 'malformed') await db.entityHashes.put({ ...record, keys: record.keys.slice(3) });
      // The hashes name an entity the revision changes, but it is not in the store.
      if (spoil === 'missing entity') await db.entities.delete([PLAN_ID, 'action', plan.actions[2]?.id ?? '']);
      const next = revised(plan, (draft) => {
        const action = draft.actions[2];
        if (action) action.deliveryRag = action.deliveryRag === 'red' ? 'amber' : 'red';
      });
      const reads = countFullReads(db);
      const outcome = await storeCandidate(db, candidateFor(next));
      expect(outcome, spoil).toMatchObject({ status: 'imported' });
      expect(reads.count, spoil).toBeGreaterThan(0);
      expect(outcome.status === 'imported' && outcome.summary, spoil).toMatchObject(
        spoil === 'missing entity' ? { changed: 0, added: 1 } : { changed: 1, added: 0 },
      );
      expect((await db.entityHashes.get(PLAN_ID))?.revision, spoil).toBe(next.export.revision);
    }
  });
});
