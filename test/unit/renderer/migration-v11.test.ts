import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v11 } from '../../../renderer/db/schema/v11';
import { ACTION_ROWS_CHUNK, readActionRows } from '../../../renderer/plan-review/action-rows';
import { ensurePlanReviews } from '../../../renderer/plan-review/review-store';
import { diffPlan } from '../../../shared/plan/diff';
import { buildPlanReview } from '../../../shared/plan-review/summary';
import { validatePlanValue } from '../../../shared/plan/validate';
import { candidateFor } from './plan-candidates';

// v10 → v11 (list rows in small records): a store at version 10 holding two plans, their list
// rows as one record each, opened with the current code keeps every row of every plan, in order,
// with the revision it was built from, now in chunks of at most ACTION_ROWS_CHUNK rows; the old
// table is gone, and everything else is as it was.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

type LoosePlan = Record<string, unknown> & { export: { revision: number }; actions: Array<Record<string, unknown> & { id: string }> };

function loosePlan(seed: number, actions: number, planId: string): LoosePlan {
  return generatePlan({ seed, actions, planId }) as LoosePlan;
}

function validPlan(actions: number, planId: string) {
  const validation = validatePlanValue(generatePlan({ seed: 11, actions, planId }));
  if (!validation.ok) throw new Error('fixture invalid');
  return validation.plan;
}

describe('schema v11 (list rows in small records)', () => {
  it('adds the chunk table keyed [planId+chunk] and drops the one-record table, after v10', () => {
    expect(v11.stores).toEqual({ actionRowChunks: '[planId+chunk]', entityHashes: 'planId', actionRows: null });
    const versions = SCHEMA_VERSIONS.map((schema) => schema.version);
    expect(versions.slice(versions.indexOf(10), versions.indexOf(10) + 2)).toEqual([10, 11]);
  });

  it('v10 → v11: copies every plan’s rows into ordered chunks with their revision, drops actionRows, keeps the rest', async () => {
    const name = `migrate-v11-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const big = validPlan(2_345, 'big-plan');
    const small = validPlan(3, 'small-plan');
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 10)) old.version(schema.version).stores(schema.stores);
    await old.open();
    const stored = [
      { plan: big, revision: 4 },
      { plan: small, revision: 2 },
    ].map(({ plan, revision }) => {
      const entities = diffPlan([], plan, revision).writes;
      return { plan, revision, entities, review: buildPlanReview(plan.plan.id, revision, entities) };
    });
    for (const { plan, revision, entities, review } of stored) {
      await old.table('plans').put({
        id: plan.plan.id,
        header: plan.plan,
        export: { ...plan.export, revision },
        contentHash: 'h',
        counts: {},
        importedAt: 'x',
        revisions: [],
      });
      await old.table('entities').bulkPut(entities);
      await old.table('planSummaries').put({ ...review.summary, updatedAt: 'x' });
      await old.table('actionRows').put({ planId: plan.plan.id, revision, rows: review.rows });
    }
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    const entityCount = await old.table('entities').count();
    expect(old.verno).toBe(10);
    old.close();

    const db = new OversightDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(11);
    expect(db.tables.map((table) => table.name)).not.toContain('actionRows');
    for (const { plan, revision, review } of stored) {
      expect(await readActionRows(db, plan.plan.id)).toEqual({ planId: plan.plan.id, revision, rows: review.rows });
    }
    expect((await db.actionRowChunks.toArray()).map((chunk) => [chunk.planId, chunk.chunk, chunk.revision, chunk.rows.length])).toEqual([
      ['big-plan', 0, 4, ACTION_ROWS_CHUNK],
      ['big-plan', 1, 4, ACTION_ROWS_CHUNK],
      ['big-plan', 2, 4, 345],
      ['small-plan', 0, 2, 3],
    ]);
    expect(await db.entities.count()).toBe(entityCount);
    expect(await db.planSummaries.count()).toBe(2);
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    // The rows kept their revision, so nothing is rebuilt at start.
    expect(await ensurePlanReviews(db)).toEqual([]);
    db.close();
  });
});

describe('list rows in chunks', () => {
  it('an import stores a plan’s rows in ordered chunks of at most ACTION_ROWS_CHUNK, read back as one list', async () => {
    const name = `chunks-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const db = new OversightDatabase(name);
    const plan = loosePlan(12, 2_100, 'chunked');
    expect(await storeCandidate(db, candidateFor(plan))).toMatchObject({ status: 'imported' });
    const chunks = await db.actionRowChunks.toArray();
    expect(chunks.map((chunk) => [chunk.chunk, chunk.rows.length])).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 100],
    ]);
    const rows = await readActionRows(db, 'chunked');
    const entities = await db.entities.toArray();
    expect(rows).toEqual({
      planId: 'chunked',
      revision: plan.export.revision,
      rows: buildPlanReview('chunked', plan.export.revision, entities).rows,
    });
    db.close();
  });

  it('a revision replaces every chunk with the new revision’s rows, and a cancelled one leaves them as they were', async () => {
    const name = `chunks-rev-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const db = new OversightDatabase(name);
    const first = loosePlan(13, 1_500, 'revised');
    await storeCandidate(db, candidateFor(first));
    const before = await db.actionRowChunks.toArray();
    const second = structuredClone(first);
    second.export.revision += 1;
    const renamed = second.actions[1_400];
    if (!renamed) throw new Error('fixture too small');
    renamed.title = 'Renamed in revision two';

    const controller = new AbortController();
    controller.abort();
    await expect(storeCandidate(db, candidateFor(second), { signal: controller.signal })).rejects.toThrow('cancelled');
    expect(await db.actionRowChunks.toArray()).toEqual(before);

    expect(await storeCandidate(db, candidateFor(second))).toMatchObject({ status: 'imported' });
    const after = await db.actionRowChunks.toArray();
    expect(after.map((chunk) => [chunk.chunk, chunk.revision])).toEqual([
      [0, second.export.revision],
      [1, second.export.revision],
    ]);
    expect((await readActionRows(db, 'revised'))?.rows.find((row) => row.id === renamed.id)?.title).toBe('Renamed in revision two');
    db.close();
  });
});
