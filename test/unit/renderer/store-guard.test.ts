import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { checkStore } from '../../../renderer/db/store-guard';
import { readActionRows } from '../../../renderer/plan-review/action-rows';
import { ensurePlanReviews } from '../../../renderer/plan-review/review-store';
import { loadSearchIndex, resetSearchIndexCache, searchLoadedIndex } from '../../../renderer/search/search-index';
import { candidateFor, planObject } from './plan-candidates';

// A store opened by builds of different ages: derived records built from another revision than
// the plan's are rebuilt, and an older build refuses a store a newer one has upgraded.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function freshName(): string {
  const name = `store-guard-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

describe('derived records and the revision they were built from', () => {
  it('rebuilds the dashboard, the list rows and search when they were built from an earlier revision', async () => {
    const db = new OversightDatabase(freshName());
    const first = planObject();
    await storeCandidate(db, candidateFor(first));
    const planId = String((first.plan as { id: string }).id);
    const stale = {
      summary: await db.planSummaries.get(planId),
      rows: await db.actionRowChunks.toArray(),
      shards: await db.searchIndex.toArray(),
    };
    const second = planObject();
    second.export.revision = Number(first.export.revision) + 1;
    second.actions.push({ ...second.actions[0], id: 'A-9.9', title: 'Xylophonic outreach to every family' });
    expect(await storeCandidate(db, candidateFor(second))).toMatchObject({ status: 'imported' });
    const fresh = { summary: await db.planSummaries.get(planId), rows: await readActionRows(db, planId) };

    // An older build stored the new revision but left the derived records as they were.
    await db.transaction('rw', [db.planSummaries, db.actionRowChunks, db.searchIndex], async () => {
      if (stale.summary) await db.planSummaries.put(stale.summary);
      await db.actionRowChunks.clear();
      await db.actionRowChunks.bulkPut(stale.rows);
      await db.searchIndex.clear();
      await db.searchIndex.bulkPut(stale.shards);
    });
    resetSearchIndexCache(db);

    expect(await ensurePlanReviews(db)).toEqual([planId]);
    expect((await db.planSummaries.get(planId))?.revision).toBe(second.export.revision);
    expect({ ...(await db.planSummaries.get(planId)), updatedAt: '' }).toEqual({ ...fresh.summary, updatedAt: '' });
    expect(await readActionRows(db, planId)).toEqual(fresh.rows);
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'xylophonic').total).toBe(1);
    // Rebuilt once; the next start leaves them be.
    expect(await ensurePlanReviews(db)).toEqual([]);
    db.close();
  });
});

describe('an older build opening a store a newer build has upgraded', () => {
  it('refuses in words, and writes nothing', async () => {
    const name = freshName();
    const known = Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version));
    const newer = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS) newer.version(schema.version).stores(schema.stores);
    newer.version(known + 3).stores({ futureTable: 'id' });
    await newer.open();
    await newer.table('meta').put({ key: 'sampleLoaded', value: true });
    newer.close();

    const db = new OversightDatabase(name);
    const check = await checkStore(db);
    expect(check).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^This copy of Oversight is older than the one that last opened your data \(store version \d+; this copy knows up to \d+\)\. To keep your data safe it has not been opened or changed/,
      ),
    });
    expect(db.isOpen()).toBe(false);

    const after = new Dexie(name);
    await after.open();
    expect(after.verno).toBe(known + 3);
    expect(await after.table('meta').toArray()).toEqual([{ key: 'sampleLoaded', value: true }]);
    after.close();
  });

  it('opens a store of its own version, or an older one (upgrading it)', async () => {
    const db = new OversightDatabase(freshName());
    expect(await checkStore(db)).toEqual({ ok: true });
    expect(db.isOpen()).toBe(true);
    db.close();
  });
});
