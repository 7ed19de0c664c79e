import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v4 } from '../../../renderer/db/schema/v4';
import { createMeeting, listMeetingRecords, recordDecision, updateBoard } from '../../../renderer/meetings/meeting-repository';

// v3 → v4 (the chair's meeting record): a store at the version before, with data in it, opened
// with the current code keeps its data and gains the board, meetings and meeting records tables.

describe('schema v4 (meetings)', () => {
  it('declares the board, meetings and meeting records with one index, on meetingId', () => {
    expect(v4.stores).toEqual({ board: 'id', meetings: 'id', meetingRecords: 'id, meetingId' });
    expect(SCHEMA_VERSIONS.map((schema) => schema.version)).toContain(4);
  });

  it('v3 → v4: keeps the existing data and adds working meeting tables', async () => {
    const name = `migrate-v4-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version < 4)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    await old.table('plans').put({ id: 'plan-1', header: { title: 'Kept plan' } });
    await old.table('entities').put({
      planId: 'plan-1',
      kind: 'action',
      id: 'a1',
      data: { id: 'a1' },
      addedInRevision: 1,
      changedInRevision: 1,
      archivedInRevision: null,
    });
    expect(old.verno).toBe(3);
    old.close();

    const db = new OversightDatabase(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version)));
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.plans.get('plan-1')).toMatchObject({ header: { title: 'Kept plan' } });
    expect(await db.entities.get(['plan-1', 'action', 'a1'])).toMatchObject({ id: 'a1' });
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['board', 'meetings', 'meetingRecords']));
    expect(db.meetingRecords.schema.indexes.map((index) => index.name)).toEqual(['meetingId']);

    await updateBoard(db, { name: 'Northmoor SEND Oversight Board' });
    await createMeeting(db, { id: 'm1', title: 'Board', date: '2027-01-14', time: '14:00', place: 'Room 1', planId: 'plan-1' });
    await recordDecision(db, 'm1', {
      itemId: 'i1',
      type: 'noted',
      text: 'Noted the dashboard.',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    expect(await listMeetingRecords(db, 'm1')).toEqual([expect.objectContaining({ kind: 'decision', number: 'SOB/2027/001' })]);
    db.close();
    await Dexie.delete(name);
  });
});
