import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyMeetingRecords } from '../../../shared/meetings/approval';
import type { BoardMember, DecisionRecord, MeetingRecord } from '../../../shared/meetings/schema';
import { OversightDatabase } from '../../../renderer/db/database';
import {
  addCorrection,
  approveMeeting,
  createMeeting,
  deleteDraftMeeting,
  deleteRecord,
  getBoard,
  isLockedError,
  listMeetingRecords,
  listMeetings,
  recordDecision,
  saveNote,
  saveRecord,
  setAttendance,
  updateBoard,
  updateMeeting,
  withdrawDecision,
  type NewDecision,
} from '../../../renderer/meetings/meeting-repository';
import { SAMPLE_MEETING_ID, SAMPLE_MEMBERS, seedSampleBoard } from '../../../renderer/meetings/sample-board';
import { agendaItem } from './fixtures';

let db: OversightDatabase;
let sequence = 0;
const newId = () => `id-${(sequence += 1)}`;
const NOW = new Date('2027-01-14T10:00:00Z');

function open(): OversightDatabase {
  db = new OversightDatabase(`meetings-${Math.random().toString(36).slice(2)}`);
  return db;
}

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const MEMBER: BoardMember = {
  id: 'cllr-a',
  name: 'Cllr A',
  role: 'Chair',
  organisation: 'Labour group',
  isVoting: true,
  substituteForId: null,
};
const DECISION: NewDecision = {
  itemId: 'item-1',
  type: 'resolved',
  text: 'Resolved to ask for a recovery plan.',
  escalatedTo: null,
  refersTo: null,
  vote: null,
};

async function meetingOn(date: string, id: string) {
  return createMeeting(
    db,
    { id, title: 'Board', date, time: '10:00', place: 'Room 1', planId: null, agenda: [agendaItem('1'), agendaItem('2')] },
    { now: NOW, newId },
  );
}

async function boardTerms() {
  const board = await getBoard(db);
  if (!board) throw new Error('no board');
  return board.terms;
}

async function dump(): Promise<string> {
  const tables = await Promise.all([db.board.toArray(), db.meetings.toArray(), db.meetingRecords.toArray()]);
  return JSON.stringify(tables);
}

describe('meeting repository', () => {
  it('numbers decisions sequentially per year across meetings, and never renumbers or reuses a number', async () => {
    open();
    await updateBoard(db, { name: 'Board' });
    await meetingOn('2026-11-12', 'nov');
    await meetingOn('2026-12-10', 'dec');
    await meetingOn('2027-01-14', 'jan');
    const numbers: string[] = [];
    for (const meetingId of ['nov', 'nov', 'dec', 'jan', 'dec'])
      numbers.push((await recordDecision(db, meetingId, DECISION, { newId })).number);
    expect(numbers).toEqual(['SOB/2026/001', 'SOB/2026/002', 'SOB/2026/003', 'SOB/2027/001', 'SOB/2026/004']);

    // Withdrawing keeps the number; the next decision takes a new one.
    const [first] = (await listMeetingRecords(db, 'nov')).filter((record): record is DecisionRecord => record.kind === 'decision');
    if (!first) throw new Error('no decision');
    await withdrawDecision(db, 'nov', first.id);
    expect((await db.meetingRecords.get(first.id))?.kind === 'decision' && (await db.meetingRecords.get(first.id))).toMatchObject({
      isWithdrawn: true,
      number: 'SOB/2026/001',
    });
    expect((await recordDecision(db, 'nov', DECISION, { newId })).number).toBe('SOB/2026/005');
    await expect(deleteRecord(db, 'nov', first.id)).rejects.toThrow('keeps its number');
    await expect(saveRecord(db, { ...first, number: 'SOB/2026/999' })).rejects.toThrow('never change');
    await expect(saveRecord(db, { ...first, id: 'new-one' })).rejects.toThrow('numbered when recorded');
    await saveRecord(db, { ...first, text: 'Corrected wording before approval.' });
    expect(await db.meetingRecords.get(first.id)).toMatchObject({ text: 'Corrected wording before approval.', number: 'SOB/2026/001' });
    // Deleting a meeting with numbered decisions is refused, so no number disappears.
    await expect(deleteDraftMeeting(db, 'nov')).rejects.toThrow('numbered decisions');
  });

  it('keeps the decision counters when the register or terms change', async () => {
    open();
    await meetingOn('2026-11-12', 'nov');
    await recordDecision(db, 'nov', DECISION, { newId });
    await updateBoard(db, { members: [MEMBER], terms: { ...(await boardTerms()), decisionPattern: 'SOB/{yyyy}/{nnn}' } });
    expect((await getBoard(db))?.decisionCounters).toEqual({ 'SOB/2026/{n}': 1 });
    await expect(updateBoard(db, { terms: { ...(await boardTerms()), decisionPattern: 'no sequence' } })).rejects.toThrow();
  });

  it('merges attendance changes into one record per member and saves one note per item', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    await setAttendance(db, 'jan', MEMBER, { status: 'apologies' }, { now: NOW });
    await setAttendance(db, 'jan', MEMBER, { status: 'present', arrivedAtItemId: 'item-2' }, { now: NOW });
    await setAttendance(db, 'jan', MEMBER, { leftAtItemId: 'item-2' }, { now: NOW });
    await saveNote(db, 'jan', 'item-1', 'First words');
    await saveNote(db, 'jan', 'item-1', 'First words, then more');
    const records = await listMeetingRecords(db, 'jan');
    expect(records).toHaveLength(2);
    expect(records.find((record) => record.kind === 'attendance')).toMatchObject({
      status: 'present',
      arrivedAtItemId: 'item-2',
      leftAtItemId: 'item-2',
      name: 'Cllr A',
    });
    expect(records.find((record) => record.kind === 'note')).toMatchObject({ text: 'First words, then more' });
  });

  it('carries forward the previous meeting’s open actions, less those completed', async () => {
    open();
    await meetingOn('2026-11-12', 'nov');
    const action = (id: string, text: string): MeetingRecord => ({
      id,
      meetingId: 'nov',
      kind: 'action',
      itemId: 'item-1',
      text,
      owner: 'Head of SEND',
      dueDate: '2026-12-10',
      links: [],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      chain: null,
    });
    await saveRecord(db, action('a1', 'Bring the recovery plan'));
    await saveRecord(db, action('a2', 'Survey parent carers'));
    const december = await meetingOn('2026-12-10', 'dec');
    expect(december.previousMeetingId).toBe('nov');
    expect(december.carriedActions.map((carried) => carried.text)).toEqual(['Bring the recovery plan', 'Survey parent carers']);
    await saveRecord(db, {
      id: 'u1',
      meetingId: 'dec',
      kind: 'action-update',
      sourceId: 'a1',
      status: 'complete',
      note: 'Received',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      chain: null,
    });
    await saveRecord(db, {
      id: 'u2',
      meetingId: 'dec',
      kind: 'action-update',
      sourceId: 'a2',
      status: 'ongoing',
      note: '',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      chain: null,
    });
    const january = await meetingOn('2027-01-14', 'jan');
    expect(january.carriedActions).toEqual([
      {
        sourceId: 'a2',
        fromMeetingId: 'nov',
        fromMeetingDate: '2026-11-12',
        text: 'Survey parent carers',
        owner: 'Head of SEND',
        dueDate: '2026-12-10',
      },
    ]);
    expect((await listMeetings(db)).map((meeting) => meeting.id)).toEqual(['jan', 'dec', 'nov']);
  });

  it('approves the minutes into a verified chain, then refuses every change', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    await setAttendance(db, 'jan', MEMBER, { status: 'present' }, { now: NOW });
    await saveNote(db, 'jan', 'item-1', 'Discussed');
    const decision = await recordDecision(db, 'jan', DECISION, { newId });
    const approved = await approveMeeting(
      db,
      'jan',
      { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null },
      { now: new Date('2027-02-11T11:00:00Z') },
    );
    expect(approved).toMatchObject({ status: 'approved', approval: { recordCount: 4 } });
    const records = await listMeetingRecords(db, 'jan');
    expect(records.every((record) => record.chain !== null)).toBe(true);
    expect(await verifyMeetingRecords(approved, records)).toMatchObject({ status: 'intact', count: 4 });

    const before = await dump();
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['saveRecord', () => saveRecord(db, { ...decision, text: 'Rewritten after approval' })],
      [
        'saveRecord (new)',
        () =>
          saveRecord(db, {
            id: 'n',
            meetingId: 'jan',
            kind: 'note',
            itemId: 'item-1',
            text: 'x',
            createdAt: 'now',
            updatedAt: 'now',
            chain: null,
          }),
      ],
      ['deleteRecord', () => deleteRecord(db, 'jan', decision.id)],
      ['setAttendance', () => setAttendance(db, 'jan', MEMBER, { status: 'absent' })],
      ['saveNote', () => saveNote(db, 'jan', 'item-1', 'Rewritten')],
      ['recordDecision', () => recordDecision(db, 'jan', DECISION)],
      ['withdrawDecision', () => withdrawDecision(db, 'jan', decision.id)],
      ['updateMeeting', () => updateMeeting(db, 'jan', { place: 'Elsewhere' })],
      ['deleteDraftMeeting', () => deleteDraftMeeting(db, 'jan')],
      ['approveMeeting', () => approveMeeting(db, 'jan', { approvedAtMeeting: 'again', approvedAtMeetingId: null })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isLockedError(error), name).toBe(true);
      expect(String(error), name).toContain('approved on 11 February 2027 at the meeting of 11 February 2027 and are locked');
    }
    expect(await dump()).toBe(before);
  });

  it('appends a correction that amends a record by number, keeping the chain intact', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    await recordDecision(db, 'jan', DECISION, { newId });
    await expect(addCorrection(db, 'jan', { amendsSeq: 1, text: 'x' })).rejects.toThrow('corrections are for approved minutes');
    await approveMeeting(db, 'jan', { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null });
    const correction = await addCorrection(db, 'jan', { amendsSeq: 1, text: 'The decision was proposed by Cllr B.' }, { newId });
    expect(correction.chain?.seq).toBe(2);
    const meeting = await db.meetings.get('jan');
    if (!meeting) throw new Error('no meeting');
    expect(await verifyMeetingRecords(meeting, await listMeetingRecords(db, 'jan'))).toMatchObject({ status: 'intact', count: 3 });
    await expect(addCorrection(db, 'jan', { amendsSeq: 7, text: 'x' })).rejects.toThrow('no record 7');
    await expect(addCorrection(db, 'jan', { amendsSeq: 0, text: '  ' })).rejects.toThrow();
  });

  it('refuses approval at an earlier meeting or before the meeting, leaving both meetings unchanged', async () => {
    open();
    await meetingOn('2026-12-10', 'dec');
    await meetingOn('2027-01-14', 'jan');
    await recordDecision(db, 'jan', DECISION, { newId });
    const before = await db.meetings.toArray();
    await expect(
      approveMeeting(db, 'jan', { approvedAtMeeting: 'the meeting of 10 December 2026', approvedAtMeetingId: 'dec' }, { now: NOW }),
    ).rejects.toThrow('only be approved at a meeting held after');
    await expect(
      approveMeeting(
        db,
        'jan',
        { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null, approvedAtMeetingDate: '2027-02-11' },
        { now: new Date('2026-12-06T10:00:00Z') },
      ),
    ).rejects.toThrow('cannot be approved before the meeting they record has taken place');
    expect(await db.meetings.toArray()).toEqual(before);
    expect((await listMeetingRecords(db, 'jan')).every((record) => record.chain === null)).toBe(true);
  });

  it('records an approval at a later meeting’s item in both meetings, in one transaction', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    await meetingOn('2027-02-11', 'feb');
    await recordDecision(db, 'jan', DECISION, { newId });
    const approved = await approveMeeting(
      db,
      'jan',
      { approvedAtMeeting: 'the meeting of 11 February 2027, item 3', approvedAtMeetingId: 'feb', approvedAtItemId: 'item-3' },
      { now: new Date('2027-02-11T15:00:00Z') },
    );
    expect(approved.approval).toMatchObject({ approvedAtMeetingId: 'feb', approvedAtMeetingDate: '2027-02-11' });
    expect((await db.meetings.get('feb'))?.approvedMinutes).toEqual([{ meetingId: 'jan', meetingDate: '2027-01-14', itemId: 'item-3' }]);
    // The date is sealed in record 0, so it travels with the approved record.
    const header = (await listMeetingRecords(db, 'jan')).find((record) => record.kind === 'meeting');
    expect(header?.kind === 'meeting' && header.approvedAtMeetingDate).toBe('2027-02-11');
  });

  it('shows a record changed in the store after approval as broken', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    const decision = await recordDecision(db, 'jan', DECISION, { newId });
    const approved = await approveMeeting(db, 'jan', { approvedAtMeeting: 'the next meeting', approvedAtMeetingId: null });
    // Someone edits IndexedDB directly, around the repository.
    const stored = await db.meetingRecords.get(decision.id);
    if (stored?.kind !== 'decision') throw new Error('no decision');
    const tampered: DecisionRecord = { ...stored, text: stored.text.replace('recovery', 'rec0very') };
    await db.meetingRecords.put(tampered);
    expect(await verifyMeetingRecords(approved, await listMeetingRecords(db, 'jan'))).toMatchObject({
      status: 'broken',
      seq: 1,
      label: 'the decision SOB/2027/001 (item 1)',
    });
  });

  it('deletes a draft meeting without decisions, and refuses records for a meeting that does not exist', async () => {
    open();
    await meetingOn('2027-01-14', 'jan');
    await saveNote(db, 'jan', 'item-1', 'x');
    await deleteDraftMeeting(db, 'jan');
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingRecords.count()).toBe(0);
    await expect(saveNote(db, 'jan', 'item-1', 'x')).rejects.toThrow('not on this laptop');
  });

  it('seeds the sample board and next meeting once, idempotently', async () => {
    open();
    await seedSampleBoard(db, { now: NOW });
    await seedSampleBoard(db, { now: NOW });
    const board = await getBoard(db);
    expect(board?.members).toHaveLength(SAMPLE_MEMBERS.length);
    expect(
      board?.members.filter((member) => !member.isVoting && member.substituteForId === null).map((member) => member.organisation),
    ).toEqual(['Department for Education', 'NHS England']);
    expect(board?.members.some((member) => member.substituteForId !== null)).toBe(true);
    const meetings = await listMeetings(db);
    expect(meetings.map((meeting) => meeting.id)).toEqual([SAMPLE_MEETING_ID]);
    expect(meetings[0]).toMatchObject({ date: '2027-01-21', planId: 'northmoor-send-app', status: 'draft' });
    expect(meetings[0]?.agenda.filter((item) => item.isExempt)).toHaveLength(1);
  });
});
