import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_ID } from '../../../shared/meetings/schema';
import { OversightDatabase } from '../../../renderer/db/database';
import { listPlans, storeCandidate } from '../../../renderer/db/plan-repository';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v13 } from '../../../renderer/db/schema/v13';
import { addBoard, movePlanToBoard, openBoard, planIdsOfBoard, plansOfBoard } from '../../../renderer/meetings/boards';
import { candidateFor, planObject } from './plan-candidates';

// v10 → v13 (plans per board): a store at version 10 with plans and a board in it, opened with
// the current code, keeps everything and files every plan under the one board there was; then
// imports file a new plan under the open board, and each board lists only its own plans.

const open: OversightDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

function freshDb(name = `plans-per-board-${Math.random().toString(36).slice(2)}`): OversightDatabase {
  const db = new OversightDatabase(name);
  open.push(db);
  return db;
}

function otherPlan(id: string, title: string) {
  const plan = planObject();
  (plan.plan as Record<string, unknown>).id = id;
  (plan.plan as Record<string, unknown>).title = title;
  return plan;
}

describe('schema v13 (plans per board)', () => {
  it('indexes plans by board, after v11', () => {
    expect(v13.stores).toEqual({ plans: 'id, boardId' });
    expect(
      SCHEMA_VERSIONS.map((schema) => schema.version)
        .filter((version) => version <= 13)
        .slice(-2),
    ).toEqual([11, 13]);
  });

  it('v10 → v13: keeps every plan and record, each plan now the first board’s', async () => {
    const name = `migrate-v13-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 10)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('plans').bulkPut([
      { id: 'plan-1', header: { title: 'Kept plan' }, revisions: [{ revision: 3 }] },
      { id: 'plan-2', header: { title: 'Second plan' }, revisions: [] },
    ]);
    await old.table('entities').put({ planId: 'plan-1', kind: 'action', id: 'a1', data: { title: 'Kept action' } });
    await old.table('board').put({ id: BOARD_ID, name: 'SEND Oversight Board' });
    await old.table('meetings').put({ id: 'm1', boardId: BOARD_ID, title: 'Kept meeting' });
    await old.table('annotations').put({ id: 'n1', targetKey: 'plan-1\u0001action\u0001a1', text: 'Kept note' });
    await old.table('meta').put({ key: 'openBoardId', value: BOARD_ID });
    expect(old.verno).toBe(10);
    old.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version)));
    expect(await db.plans.get('plan-1')).toMatchObject({ header: { title: 'Kept plan' }, revisions: [{ revision: 3 }], boardId: BOARD_ID });
    expect(await db.plans.where('boardId').equals(BOARD_ID).primaryKeys()).toEqual(['plan-1', 'plan-2']);
    expect(await db.entities.get(['plan-1', 'action', 'a1'])).toMatchObject({ data: { title: 'Kept action' } });
    expect(await db.meetings.get('m1')).toMatchObject({ title: 'Kept meeting', boardId: BOARD_ID });
    expect(await db.annotations.get('n1')).toMatchObject({ text: 'Kept note' });
    expect((await listPlans(db)).map((plan) => plan.header.title)).toEqual(['Kept plan', 'Second plan']);
  });

  it('reads a plan with no board (restored from a backup made before v13) as the first board’s', async () => {
    const db = freshDb();
    await db.plans.put({ id: 'old', header: { title: 'Restored plan' } } as never);
    expect((await plansOfBoard(db, BOARD_ID)).map((plan) => plan.id)).toEqual(['old']);
    expect(await plansOfBoard(db, 'forum')).toEqual([]);
  });
});

describe('plans per board', () => {
  it('files an imported plan under the open board, and lists only the open board’s plans', async () => {
    const db = freshDb();
    await addBoard(db, 'SEND Oversight Board');
    expect((await storeCandidate(db, candidateFor(planObject()))).status).toBe('imported');
    await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
    expect((await storeCandidate(db, candidateFor(otherPlan('forum-plan', 'High needs recovery plan')))).status).toBe('imported');

    expect((await db.plans.get('northshire-wsoa-2025'))?.boardId).toBe(BOARD_ID);
    expect((await db.plans.get('forum-plan'))?.boardId).toBe('forum');
    expect((await listPlans(db)).map((plan) => plan.id)).toEqual(['forum-plan']);
    await openBoard(db, BOARD_ID);
    expect((await listPlans(db)).map((plan) => plan.id)).toEqual(['northshire-wsoa-2025']);
    expect([...(await planIdsOfBoard(db, 'forum'))]).toEqual(['forum-plan']);
  });

  it('keeps a plan under its board when a new revision is imported with another board open', async () => {
    const db = freshDb();
    await addBoard(db, 'SEND Oversight Board');
    await storeCandidate(db, candidateFor(planObject()));
    await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
    const next = planObject();
    next.export.revision = 8;
    expect((await storeCandidate(db, candidateFor(next))).status).toBe('imported');
    expect(await db.plans.get('northshire-wsoa-2025')).toMatchObject({ boardId: BOARD_ID, export: { revision: 8 } });
    expect(await listPlans(db)).toEqual([]);
  });

  it('files a plan under the board it is given, whichever is open', async () => {
    const db = freshDb();
    await addBoard(db, 'SEND Oversight Board');
    await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
    await openBoard(db, BOARD_ID);
    await storeCandidate(db, candidateFor(planObject()), { boardId: 'forum' });
    expect((await db.plans.get('northshire-wsoa-2025'))?.boardId).toBe('forum');
  });

  it('moves a plan to another board; refuses an unknown board or plan and changes nothing', async () => {
    const db = freshDb();
    await addBoard(db, 'SEND Oversight Board');
    await storeCandidate(db, candidateFor(planObject()));
    await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });

    await expect(movePlanToBoard(db, 'northshire-wsoa-2025', 'nowhere')).rejects.toThrow('That board is not on this laptop.');
    await expect(movePlanToBoard(db, 'no-such-plan', 'forum')).rejects.toThrow('That plan is not on this laptop.');
    expect((await db.plans.get('northshire-wsoa-2025'))?.boardId).toBe(BOARD_ID);
    expect(await db.plans.count()).toBe(1);

    await movePlanToBoard(db, 'northshire-wsoa-2025', 'forum');
    expect((await listPlans(db)).map((plan) => plan.id)).toEqual(['northshire-wsoa-2025']);
    expect(await plansOfBoard(db, BOARD_ID)).toEqual([]);
  });
});
