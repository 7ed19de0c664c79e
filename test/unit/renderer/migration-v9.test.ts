import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v9 } from '../../../renderer/db/schema/v9';
import { saveVoiceRecord, voiceRecordsOf } from '../../../renderer/voice/voice-repository';
import { voiceFor } from '../../../shared/voice/schema';
import { candidateFor, planObject } from './plan-candidates';

// v6 → v9 (families' voice): a store at version 6 with data in it, opened with the current
// code, keeps its data and gains the voice records table; then the repository's rules.

const store = useStores();

async function planStore() {
  const db = store(`voice-${Math.random().toString(36).slice(2)}`);
  await storeCandidate(db, candidateFor(planObject()));
  return db;
}

const input = {
  planId: 'northshire-wsoa-2025',
  kind: 'survey',
  source: 'Northshire Parent Carer Forum',
  date: '2026-02-03',
  title: 'Autumn survey: 38% of parents rate EHC communication good',
  summary: '412 responses; communication during assessment was the main complaint.',
  links: [
    { kind: 'area', id: 'AREA-1' },
    { kind: 'action', id: 'A-1.2' },
  ],
  isConfidential: false,
};

describe('schema v9 (families’ voice)', () => {
  it('declares the voice records by primary key alone, after v6', () => {
    expect(v9.stores).toEqual({ voiceRecords: 'id' });
    expect(
      SCHEMA_VERSIONS.map((schema) => schema.version)
        .filter((version) => version <= 9)
        .slice(-2),
    ).toEqual([6, 9]);
  });

  it('v6 → v9: keeps the existing data and adds a working voice table', async () => {
    const name = `migrate-v9-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 6)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    await old.table('plans').put({ id: 'plan-1', header: { title: 'Kept plan' } });
    await old.table('annotations').put({ id: 'a1', targetKey: 'plan-1\u0001action\u0001x', text: 'Kept note' });
    await old.table('meetingRecords').put({ id: 'r1', meetingId: 'm1', kind: 'note', text: 'Kept record' });
    await old.table('papers').put({ id: 'm1\u0001p1', title: 'Kept paper' });
    expect(old.verno).toBe(6);
    old.close();

    const db = store(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version)));
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.plans.get('plan-1')).toMatchObject({ header: { title: 'Kept plan' } });
    expect(await db.annotations.get('a1')).toMatchObject({ text: 'Kept note' });
    expect(await db.meetingRecords.where('meetingId').equals('m1').toArray()).toEqual([expect.objectContaining({ text: 'Kept record' })]);
    expect(await db.papers.get('m1\u0001p1')).toMatchObject({ title: 'Kept paper' });
    expect(db.voiceRecords.schema.indexes).toEqual([]);
    await db.voiceRecords.put({ ...(input as object), id: 'v1', recordedBy: 'Clerk', createdAt: 'x', updatedAt: 'x' } as never);
    expect(await db.voiceRecords.count()).toBe(1);
  });

  it('records what families said, linked to areas and actions, shown for the action and for its area', async () => {
    const db = await planStore();
    const saved = await saveVoiceRecord(db, input, { recordedBy: 'Clerk', now: new Date('2026-02-04T10:00:00Z'), newId: () => 'v1' });
    expect(saved).toMatchObject({ ok: true, record: { id: 'v1', recordedBy: 'Clerk', createdAt: '2026-02-04T10:00:00.000Z' } });
    const records = await voiceRecordsOf(db, 'northshire-wsoa-2025');
    expect(voiceFor(records, { actionId: 'A-1.2', areaId: 'AREA-1' }).map((record) => record.id)).toEqual(['v1']);
    expect(voiceFor(records, { actionId: 'A-1.1', areaId: 'AREA-1' }).map((record) => record.id)).toEqual(['v1']);
    expect(voiceFor(records, { actionId: 'A-2.1', areaId: 'AREA-2' })).toEqual([]);
    // Editing keeps when it was first recorded.
    const edited = await saveVoiceRecord(
      db,
      { ...input, title: 'Autumn survey (final)' },
      { id: 'v1', recordedBy: 'Clerk', now: new Date('2026-02-05T10:00:00Z') },
    );
    expect(edited).toMatchObject({ ok: true, record: { id: 'v1', title: 'Autumn survey (final)', createdAt: '2026-02-04T10:00:00.000Z' } });
  });

  it('refuses a record with a bad field or a link to nothing in the plan, naming it, and writes nothing', async () => {
    const db = await planStore();
    const bad = await saveVoiceRecord(db, { ...input, date: '03/02/2026', source: ' ', links: [] }, { recordedBy: 'Clerk' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((problem) => problem.path)).toEqual(['source', 'date', 'links']);
    const dangling = await saveVoiceRecord(db, { ...input, links: [{ kind: 'action', id: 'A-9.9' }] }, { recordedBy: 'Clerk' });
    expect(!dangling.ok && dangling.problems).toEqual([{ path: 'links.0', message: 'Action A-9.9 is not in this plan' }]);
    const hostile = await saveVoiceRecord(db, { ...input, extra: '<script>', summary: 'x'.repeat(10_001) }, { recordedBy: 'Clerk' });
    expect(hostile.ok).toBe(false);
    expect(await db.voiceRecords.count()).toBe(0);
  });
});
