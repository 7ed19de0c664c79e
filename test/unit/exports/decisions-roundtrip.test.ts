import 'fake-indexeddb/auto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyFiles } from '../../../electron/cli/verify';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { readDecisionsFile } from '../../../electron/exports/save-export';
import type { Meeting } from '../../../shared/meetings/schema';
import { OversightDatabase } from '../../../renderer/db/database';
import { importDecisionsFile, sequenceOf } from '../../../renderer/exports/decisions-import';
import { meetingBundle } from '../../../renderer/exports/gather';
import {
  addCorrection,
  approveMeeting,
  createMeeting,
  recordDecision,
  saveNote,
  saveRecord,
  setAttendance,
  updateBoard,
} from '../../../renderer/meetings/meeting-repository';
import { TERMS } from './fixtures';

// The return file's round trip: a meeting recorded and approved on the chair's laptop, exported
// as .decisions.json, checked by oversight-cli verify, and imported into a fresh copy of the app,
// which must then hold the same meeting.

const databases: OversightDatabase[] = [];
const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-decisions-'));
afterAll(async () => {
  for (const db of databases) {
    db.close();
    await Dexie.delete(db.name);
  }
  await fs.rm(folder, { recursive: true, force: true });
});

function fresh(): OversightDatabase {
  const db = new OversightDatabase(`roundtrip-${Math.random().toString(36).slice(2)}`);
  databases.push(db);
  return db;
}

let sequence = 0;
const options = (at: string) => ({ now: new Date(at), newId: () => `id-${(sequence += 1)}` });
const services: ExportServices = {
  printHtmlToPdf: async () => new Uint8Array(),
  trackerCopies: { find: async () => undefined },
  now: () => new Date('2027-02-12T09:00:00Z'),
};

async function chairsLaptop(): Promise<{ db: OversightDatabase; meeting: Meeting }> {
  const db = fresh();
  const members = [
    { id: 'chair', name: 'Cllr Amina Shah', role: 'Chair', organisation: 'Labour group', isVoting: true, substituteForId: null },
    { id: 'cllr-b', name: 'Cllr Ben Ode', role: 'Member', organisation: 'Conservative group', isVoting: true, substituteForId: null },
  ];
  await updateBoard(db, { name: 'Northmoor SEND Oversight Board', members, terms: TERMS }, options('2027-01-01T09:00:00Z'));
  // The meeting before, so the January meeting has a previous meeting to carry actions from.
  await createMeeting(
    db,
    { id: 'm-dec', title: 'SEND Oversight Board', date: '2026-12-10', time: '14:00', place: 'Committee Room 2', planId: 'plan-1' },
    options('2026-11-20T09:00:00Z'),
  );
  const meeting = await createMeeting(
    db,
    {
      id: 'm-jan',
      title: 'SEND Oversight Board',
      date: '2027-01-14',
      time: '14:00',
      place: 'Committee Room 2',
      planId: 'plan-1',
      agenda: [
        { id: 'i1', number: '1', title: 'Dashboard', presenter: 'Head of SEND', isExempt: false, isDecisionRequired: true, links: [] },
        { id: 'i2', number: '2', title: 'Transport contract', presenter: '', isExempt: true, isDecisionRequired: false, links: [] },
      ],
    },
    options('2027-01-02T09:00:00Z'),
  );
  // The meeting that approves January's minutes.
  await createMeeting(
    db,
    { id: 'm-feb', title: 'SEND Oversight Board', date: '2027-02-11', time: '14:00', place: 'Committee Room 2', planId: 'plan-1' },
    options('2027-01-03T09:00:00Z'),
  );
  for (const member of members) await setAttendance(db, meeting.id, member, {}, options('2027-01-14T14:00:00Z'));
  await saveNote(db, meeting.id, 'i1', 'Timeliness rose to 48%.', options('2027-01-14T14:05:00Z'));
  await recordDecision(
    db,
    meeting.id,
    { itemId: 'i1', type: 'noted', text: 'Noted the dashboard.', escalatedTo: null, refersTo: null, vote: null },
    options('2027-01-14T14:10:00Z'),
  );
  await recordDecision(
    db,
    meeting.id,
    { itemId: 'i2', type: 'approved', text: 'Approved the contract.', escalatedTo: null, refersTo: null, vote: null },
    options('2027-01-14T14:20:00Z'),
  );
  await saveRecord(db, {
    id: 'j1',
    meetingId: meeting.id,
    kind: 'judgement',
    itemId: 'i1',
    target: { kind: 'action', planId: 'plan-1', id: 'A-1.1', label: 'Action 1.1: Recruit' },
    level: 'Assured',
    reason: 'On track.',
    createdAt: '2027-01-14T14:11:00.000Z',
    updatedAt: '2027-01-14T14:11:00.000Z',
    chain: null,
  });
  await approveMeeting(
    db,
    meeting.id,
    { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: 'm-feb' },
    options('2027-02-11T15:00:00Z'),
  );
  await addCorrection(db, meeting.id, { amendsSeq: 3, text: 'The note should read 49%.' }, options('2027-02-11T15:05:00Z'));
  return { db, meeting };
}

async function exported(db: OversightDatabase, includeExempt: boolean): Promise<string> {
  const bundle = await meetingBundle(db, 'm-jan');
  if (!bundle) throw new Error('no meeting');
  const built = await buildExport({ kind: 'decisions-json', includeExempt, boardName: 'Board', bundle }, services);
  if (!built.ok) throw new Error(built.error.message);
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.decisions.json`);
  await fs.writeFile(file, built.value.data);
  return file;
}

async function intactFile(file: string) {
  const read = await readDecisionsFile(file);
  if (read.status !== 'intact') throw new Error(read.message);
  return read.file;
}

async function state(db: OversightDatabase) {
  const meeting = await db.meetings.get('m-jan');
  const records = (await db.meetingRecords.where('meetingId').equals('m-jan').toArray()).sort((a, b) => a.id.localeCompare(b.id));
  return { meeting, records };
}

describe('the decision file round trip', () => {
  it('rebuilds the same meeting in a fresh copy of the app, and oversight-cli verify checks the file', async () => {
    const { db } = await chairsLaptop();
    const file = await exported(db, true);
    expect((await verifyFiles([file])).exitCode).toBe(0);

    const clerk = fresh();
    const outcome = await importDecisionsFile(clerk, await intactFile(file), { now: new Date('2027-02-12T10:00:00Z') });
    expect(outcome).toEqual({ status: 'imported', meetingId: 'm-jan', title: 'SEND Oversight Board, 2027-01-14', records: 8 });

    // The meeting record and every record, as stored, are the same: nothing is lost on the way.
    const original = await state(db);
    expect(original.meeting).toMatchObject({
      createdAt: '2027-01-02T09:00:00.000Z',
      previousMeetingId: 'm-dec',
      approval: { approvedAtMeetingId: 'm-feb' },
    });
    expect(await state(clerk)).toEqual(original);
    // Decision numbers are never given again on the copy that imported them.
    expect((await clerk.board.get('board'))?.decisionCounters).toEqual({ 'SOB/2027/{n}': 2 });

    expect(await importDecisionsFile(clerk, await intactFile(file))).toMatchObject({ status: 'up-to-date' });
  });

  it('adds later corrections to a meeting already imported, and refuses a different record', async () => {
    const { db } = await chairsLaptop();
    const clerk = fresh();
    await importDecisionsFile(clerk, await intactFile(await exported(db, true)));
    await addCorrection(db, 'm-jan', { amendsSeq: 2, text: 'Cllr Ben Ode arrived late.' }, options('2027-03-11T15:05:00Z'));
    expect(await importDecisionsFile(clerk, await intactFile(await exported(db, true)))).toMatchObject({ status: 'extended', added: 1 });
    expect(await state(clerk)).toEqual(await state(db));

    const { db: other } = await chairsLaptop();
    await addCorrection(other, 'm-jan', { amendsSeq: 1, text: 'A different correction.' }, options('2027-03-12T15:05:00Z'));
    await addCorrection(other, 'm-jan', { amendsSeq: 1, text: 'And another.' }, options('2027-03-12T15:06:00Z'));
    const before = await state(clerk);
    expect(await importDecisionsFile(clerk, await intactFile(await exported(other, true)))).toMatchObject({ status: 'refused' });
    expect(await state(clerk)).toEqual(before);
  });

  it('refuses, changing nothing, a published file whose exempt records were withheld', async () => {
    const { db } = await chairsLaptop();
    const file = await intactFile(await exported(db, false));
    expect(file.records.filter((record) => record.content === null)).toHaveLength(1);
    const clerk = fresh();
    expect(await importDecisionsFile(clerk, file)).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/withholds 1 exempt record/),
    });
    expect(await clerk.meetings.count()).toBe(0);
    expect(await clerk.meetingRecords.count()).toBe(0);
  });

  it('refuses a file whose record was changed after approval, naming the record', async () => {
    const { db } = await chairsLaptop();
    const file = await exported(db, true);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('Noted the dashboard.', 'Approved everything.'));
    expect(await readDecisionsFile(file)).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/broken at record \d+, the decision SOB\/2027\/001/),
    });
    expect((await verifyFiles([file])).exitCode).toBe(1);
  });

  it('refuses a file without the meeting’s own fields, and imports them as given since the chain does not cover them', async () => {
    const { db } = await chairsLaptop();
    const file = await exported(db, true);
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...value, meeting: undefined }));
    expect(await readDecisionsFile(file)).toMatchObject({ status: 'refused', message: expect.stringMatching(/meeting/) });
    expect((await verifyFiles([file])).exitCode).toBe(2);

    await fs.writeFile(file, JSON.stringify({ ...value, meeting: { ...(value.meeting as object), previousMeetingId: 'm-nov' } }));
    expect((await verifyFiles([file])).exitCode).toBe(0);
    const clerk = fresh();
    expect(await importDecisionsFile(clerk, await intactFile(file))).toMatchObject({ status: 'imported' });
    expect((await clerk.meetings.get('m-jan'))?.previousMeetingId).toBe('m-nov');
  });

  it('reads sequence numbers back from the board’s pattern', () => {
    expect(sequenceOf('SOB/2027/014', 'SOB/{yyyy}/{nnn}', 2027)).toBe(14);
    expect(sequenceOf('D27-3', 'D{yy}-{n}', 2027)).toBe(3);
    expect(sequenceOf('SOB/2026/014', 'SOB/{yyyy}/{nnn}', 2027)).toBeNull();
  });
});
