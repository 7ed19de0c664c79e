import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { v1 } from '../../../renderer/db/schema/v1';
import { v2 } from '../../../renderer/db/schema/v2';
import { v3 } from '../../../renderer/db/schema/v3';
import { readActionRows } from '../../../renderer/plan-review/action-rows';
import { ensurePlanReviews } from '../../../renderer/plan-review/review-store';
import { loadSearchIndex, searchLoadedIndex } from '../../../renderer/search/search-index';
import { diffPlan } from '../../../shared/plan/diff';
import { validatePlanValue } from '../../../shared/plan/validate';
import { makeValidPlan } from '../plan/fixtures';

// v2 → v3: a store with plans imported before plan review existed keeps every record, gains the
// three plan review tables, and gets their records built once from its entities.

describe('schema v3 (plan review)', () => {
  it('declares only primary keys: every index would cost every import', () => {
    expect(v3.stores).toEqual({ planSummaries: 'planId', actionRows: 'planId', searchIndex: 'id' });
  });

  it('v2 → v3: keeps plans and entities, adds the plan review tables, and builds their records once', async () => {
    const name = `migrate-v3-${Math.random().toString(36).slice(2)}`;
    const validation = validatePlanValue(makeValidPlan());
    if (!validation.ok) throw new Error('fixture invalid');
    const plan = validation.plan;
    const entities = diffPlan([], plan, 7).writes;

    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    await old
      .table('plans')
      .put({ id: plan.plan.id, header: plan.plan, export: plan.export, contentHash: 'h', counts: {}, importedAt: 'x', revisions: [] });
    await old.table('entities').bulkPut(entities);
    old.close();

    const db = new OversightDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.entities.count()).toBe(entities.length);
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['planSummaries', 'actionRowChunks', 'searchIndex']));
    expect(await db.planSummaries.count()).toBe(0);

    expect(await ensurePlanReviews(db)).toEqual([plan.plan.id]);
    expect((await db.planSummaries.get(plan.plan.id))?.areas).toHaveLength(2);
    expect((await readActionRows(db, plan.plan.id))?.rows).toHaveLength(4);
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'induction').total).toBe(1);
    // Once built, a later start does nothing.
    expect(await ensurePlanReviews(db)).toEqual([]);
    expect(await db.entities.count()).toBe(entities.length);
    db.close();
    await Dexie.delete(name);
  });
});
