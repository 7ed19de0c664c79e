import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { BOARD_ID, type Board } from '../../../shared/meetings/schema';
import { type OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v10 } from '../../../renderer/db/schema/v10';
import { addBoard, listBoards, openBoard, openBoardId } from '../../../renderer/meetings/boards';
import {
  approveMeeting,
  createMeeting,
  getBoard,
  listMeetings,
  recordDecision,
  saveRecord,
  updateBoard,
} from '../../../renderer/meetings/meeting-repository';
import { emptyBoard } from '../../../renderer/meetings/meeting-repository';
import { allMeetingBundles } from '../../../renderer/exports/gather';

// v9 → v10 (several boards): a store at version 9 with one board, meetings and records opened with
// the current code keeps everything, every meeting now naming the one board; then several boards,
// each with its own register, meetings, carried actions and decision numbering.

const store = useStores();

function freshDb(): OversightDatabase {
  const db = store(`boards-${Math.random().toString(36).slice(2)}`);
  return db;
}

const meetingAt9 = (id: string, date: string) => ({
  id,
  title: 'Northmoor SEND Oversight Board',
  date,
  time: '14:00',
  place: 'Committee Room 1',
  planId: null,
  agenda: [],
  carriedActions: [],
  previousMeetingId: null,
  status: 'draft',
  approval: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

describe('schema v10 (several boards)', () => {
  it('indexes meetings by board, after v9', () => {
    expect(v10.stores).toEqual({ meetings: 'id, boardId' });
    const versions = SCHEMA_VERSIONS.map((schema) => schema.version);
    expect(versions.slice(versions.indexOf(9), versions.indexOf(9) + 2)).toEqual([9, 10]);
  });

  it('v9 → v10: keeps the board, meetings and records, and gives every meeting the one board', async () => {
    const name = `migrate-v10-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 9)) old.version(schema.version).stores(schema.stores);
    await old.open();
    const board: Board = {
      ...emptyBoard('2026-11-01T09:00:00.000Z'),
      name: 'Northmoor SEND Oversight Board',
      decisionCounters: { 'SOB/2026/{n}': 14 },
    };
    await old.table('board').put(board);
    await old.table('meetings').bulkPut([meetingAt9('oct', '2026-10-08'), meetingAt9('nov', '2026-11-12')]);
    await old
      .table('meetingRecords')
      .put({ id: 'r1', meetingId: 'nov', kind: 'note', itemId: 'i1', text: 'Kept note', createdAt: 'x', updatedAt: 'x', chain: null });
    await old.table('voiceRecords').put({ id: 'v1', planId: 'p', title: 'Kept voice' });
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    expect(old.verno).toBe(9);
    old.close();

    const db = store(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version)));
    expect(await db.board.toArray()).toEqual([board]);
    expect((await db.meetings.toArray()).map((meeting) => [meeting.id, meeting.boardId])).toEqual([
      ['nov', BOARD_ID],
      ['oct', BOARD_ID],
    ]);
    expect(await db.meetings.where('boardId').equals(BOARD_ID).count()).toBe(2);
    expect(await db.meetingRecords.get('r1')).toMatchObject({ text: 'Kept note' });
    expect(await db.voiceRecords.get('v1')).toMatchObject({ title: 'Kept voice' });
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    // The one board is the open board, its meetings listed and its numbering carried on.
    expect(await openBoardId(db)).toBe(BOARD_ID);
    expect((await listMeetings(db)).map((meeting) => meeting.id)).toEqual(['nov', 'oct']);
    const decision = await recordDecision(db, 'nov', {
      itemId: 'i1',
      type: 'resolved',
      text: 'Agreed',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    expect(decision.number).toBe('SOB/2026/015');
  });

  it('a meeting stored without a board (restored from an older backup) belongs to the first board', async () => {
    const db = freshDb();
    await updateBoard(db, { name: 'First board' });
    await db.meetings.put(meetingAt9('old', '2026-10-08') as never);
    expect((await listMeetings(db)).map((meeting) => meeting.id)).toEqual(['old']);
  });
});

describe('several boards', () => {
  it('keeps each board’s register, meetings, carried actions and decision numbering apart', async () => {
    const db = freshDb();
    await updateBoard(db, { name: 'Northmoor SEND Oversight Board' });
    const send = await createMeeting(db, { id: 'send-1', title: 'SEND board', date: '2027-01-14', time: '14:00', place: '', planId: null });
    await saveRecord(db, {
      id: 'arising-1',
      meetingId: send.id,
      kind: 'action',
      itemId: 'i1',
      text: 'Report EHC timeliness by school phase',
      owner: 'Head of SEND',
      dueDate: '2027-02-01',
      links: [],
      createdAt: 'x',
      updatedAt: 'x',
      chain: null,
    } as never);
    await recordDecision(db, send.id, { itemId: 'i1', type: 'resolved', text: 'Agreed', escalatedTo: null, refersTo: null, vote: null });

    const forum = await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
    expect(await openBoardId(db)).toBe('forum');
    expect(forum).toMatchObject({ id: 'forum', members: [], decisionCounters: {} });
    await updateBoard(db, (current) => ({ terms: { ...current.terms, decisionPattern: 'SF/{yyyy}/{nn}' } }));
    const forumMeeting = await createMeeting(db, {
      id: 'forum-1',
      title: 'Schools Forum',
      date: '2027-01-20',
      time: '10:00',
      place: '',
      planId: null,
    });
    // The forum's first meeting carries nothing from the SEND board's.
    expect(forumMeeting).toMatchObject({ boardId: 'forum', previousMeetingId: null, carriedActions: [] });
    expect((await listMeetings(db)).map((meeting) => meeting.id)).toEqual(['forum-1']);
    const first = await recordDecision(db, 'forum-1', {
      itemId: 'i1',
      type: 'resolved',
      text: 'Agreed',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    expect(first.number).toBe('SF/2027/01');

    // A decision in the SEND board's meeting is numbered by the SEND board, whichever board is open.
    const second = await recordDecision(db, send.id, {
      itemId: 'i1',
      type: 'resolved',
      text: 'Noted',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    expect(second.number).toBe('SOB/2027/002');
    expect((await getBoard(db, BOARD_ID))?.decisionCounters).toEqual({ 'SOB/2027/{n}': 2 });
    expect((await getBoard(db, 'forum'))?.decisionCounters).toEqual({ 'SF/2027/{n}': 1 });

    await openBoard(db, BOARD_ID);
    expect((await listMeetings(db)).map((meeting) => meeting.id)).toEqual(['send-1']);
    const next = await createMeeting(db, { id: 'send-2', title: 'SEND board', date: '2027-02-11', time: '14:00', place: '', planId: null });
    expect(next).toMatchObject({ boardId: BOARD_ID, previousMeetingId: 'send-1' });
    expect(next.carriedActions.map((action) => action.sourceId)).toEqual(['arising-1']);
    expect((await listBoards(db)).map((board) => board.name)).toEqual(['Northmoor SEND Oversight Board', 'Westdale Schools Forum']);
  });

  it('refuses a board with no name or a name already used, and opens only boards held', async () => {
    const db = freshDb();
    const first = await addBoard(db, '  Scrutiny   Committee ');
    // The first board on an empty laptop takes the first board's id.
    expect(first).toMatchObject({ id: BOARD_ID, name: 'Scrutiny Committee' });
    await expect(addBoard(db, '   ')).rejects.toThrow('Give the board a name.');
    await expect(addBoard(db, 'scrutiny committee')).rejects.toThrow('already a board called');
    await expect(openBoard(db, 'nope')).rejects.toThrow('not on this laptop');
    expect(await db.board.count()).toBe(1);
    expect(await openBoardId(db)).toBe(BOARD_ID);
  });

  it('gathers the open board’s meetings (or a given board’s) for the exports’ logs across meetings', async () => {
    const db = freshDb();
    await updateBoard(db, { name: 'SEND board' });
    await createMeeting(db, { id: 's1', title: 'SEND', date: '2027-01-14', time: '14:00', place: '', planId: null });
    await addBoard(db, 'Forum', { newId: () => 'forum' });
    await createMeeting(db, { id: 'f1', title: 'Forum', date: '2027-01-20', time: '10:00', place: '', planId: null });
    expect((await allMeetingBundles(db)).map((bundle) => bundle.meeting.id)).toEqual(['f1']);
    expect((await allMeetingBundles(db, BOARD_ID)).map((bundle) => bundle.meeting.id)).toEqual(['s1']);
  });

  it('approves a meeting against its own board’s terms', async () => {
    const db = freshDb();
    await updateBoard(db, { name: 'SEND board' });
    await addBoard(db, 'Forum', { newId: () => 'forum' });
    await createMeeting(db, { id: 'f1', title: 'Forum', date: '2027-01-20', time: '10:00', place: '', planId: null });
    const approved = await approveMeeting(db, 'f1', { approvedAtMeeting: 'the meeting of 17 February 2027', approvedAtMeetingId: null });
    expect(approved).toMatchObject({ status: 'approved', boardId: 'forum' });
  });
});
