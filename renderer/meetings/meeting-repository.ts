import { isNewerThanStored, type JournalEntry } from './notes-journal';
import { appendRecord, approvalProblems, sealMeeting } from '../../shared/meetings/approval';
import { nextDecisionNumber, yearOf } from '../../shared/meetings/numbering';
import {
  attendanceRecordSchema,
  BOARD_ID,
  boardSchema,
  correctionRecordSchema,
  decisionRecordSchema,
  meetingRecordSchema,
  meetingSchema,
  type AgendaItem,
  type AttendanceRecord,
  type Board,
  type BoardMember,
  type CarriedAction,
  type CorrectionRecord,
  type DecisionRecord,
  type Meeting,
  type MeetingRecord,
  type NoteRecord,
} from '../../shared/meetings/schema';
import type { OversightDatabase } from '../db/database';
import { exemptSources } from '../exports/gather';
import { boardIdOf, meetingsOfBoard, newBoard, openBoardId } from './boards';
import { formatDate } from '../format';

// The chair's meeting record in the store. Plain functions taking the database; every write is
// one transaction that first checks the meeting is still a draft, so approved minutes cannot be
// changed through any of them (the UI says why, but the refusal lives here). Records are parsed
// with the shared schemas before they reach Dexie.

export type RepositoryOptions = { now?: Date; newId?: () => string };

const LOCKED = 'MeetingLockedError';

function nowOf(options: RepositoryOptions): string {
  return (options.now ?? new Date()).toISOString();
}

function idOf(options: RepositoryOptions): string {
  return (options.newId ?? (() => crypto.randomUUID()))();
}

/** The refusal for any change to approved minutes, worded for the chair. */
export function lockedError(meeting: Pick<Meeting, 'date' | 'approval'>): Error {
  const when = meeting.approval ? ` on ${formatDate(meeting.approval.approvedAt)} at ${meeting.approval.approvedAtMeeting}` : '';
  const error = new Error(
    `The minutes of the meeting of ${formatDate(meeting.date)} were approved${when} and are locked: nothing in them can be changed. Add a correction instead.`,
  );
  error.name = LOCKED;
  return error;
}

/** True when an error is the refusal to change approved minutes. */
export function isLockedError(error: unknown): error is Error {
  return error instanceof Error && error.name === LOCKED;
}

function missingMeeting(): Error {
  return new Error('That meeting is not on this laptop.');
}

async function draftMeeting(db: OversightDatabase, meetingId: string): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw missingMeeting();
  if (meeting.status !== 'draft') throw lockedError(meeting);
  return meeting;
}

// ---- The board ----

/** A board with an empty register and the default terms of reference (the first board's id unless given). */
export function emptyBoard(now: string, id: string = BOARD_ID): Board {
  return newBoard(id, 'SEND Oversight Board', now);
}

/** A board's register and terms of reference (the open board's unless given), or undefined before any are set. */
export async function getBoard(db: OversightDatabase, boardId?: string): Promise<Board | undefined> {
  return db.board.get(boardId ?? (await openBoardId(db)));
}

export type BoardChange = Partial<Pick<Board, 'name' | 'members' | 'terms'>>;

/**
 * Changes the board's name, register or terms, given the change or a function of the board as
 * stored (for changes to one member among many). The decision counters are never taken from the
 * caller: the board is re-read inside the transaction so a decision numbered meanwhile keeps its place.
 */
export async function updateBoard(
  db: OversightDatabase,
  changeOf: BoardChange | ((current: Board) => BoardChange),
  options: RepositoryOptions & { boardId?: string } = {},
): Promise<Board> {
  const now = nowOf(options);
  return db.transaction('rw', [db.board, db.meta], async () => {
    const boardId = options.boardId ?? (await openBoardId(db));
    const current = (await db.board.get(boardId)) ?? emptyBoard(now, boardId);
    const change = typeof changeOf === 'function' ? changeOf(current) : changeOf;
    const next = boardSchema.parse({
      ...current,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.members !== undefined ? { members: change.members } : {}),
      ...(change.terms !== undefined ? { terms: change.terms } : {}),
      updatedAt: now,
    });
    await db.board.put(next);
    return next;
  });
}

// ---- Meetings ----

/** Every meeting of a board (the open board's unless given), the latest first. */
export async function listMeetings(db: OversightDatabase, boardId?: string): Promise<Meeting[]> {
  const board = boardId ?? (await openBoardId(db));
  const meetings = await meetingsOfBoard(db, board);
  return meetings.sort((a, b) => (a.date === b.date ? b.time.localeCompare(a.time) : b.date.localeCompare(a.date)));
}

/** One meeting's records, in the order they were made. */
export async function listMeetingRecords(db: OversightDatabase, meetingId: string): Promise<MeetingRecord[]> {
  const records = await db.meetingRecords.where('meetingId').equals(meetingId).toArray();
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The actions still open at the end of a meeting: its own actions arising and those it carried forward, less those completed. */
export function openActionsOf(meeting: Meeting, records: readonly MeetingRecord[]): CarriedAction[] {
  const completed = new Set(
    records.flatMap((record) => (record.kind === 'action-update' && record.status === 'complete' ? [record.sourceId] : [])),
  );
  const arising: CarriedAction[] = records.flatMap((record) =>
    record.kind === 'action'
      ? [
          {
            sourceId: record.id,
            fromMeetingId: meeting.id,
            fromMeetingDate: meeting.date,
            text: record.text,
            owner: record.owner,
            dueDate: record.dueDate,
            // Known here, at the source: the next meeting's record 0 seals it so exports can withhold it.
            ...(meeting.agenda.some((item) => item.id === record.itemId && item.isExempt) ? { isExempt: true } : {}),
          },
        ]
      : [],
  );
  return [...meeting.carriedActions, ...arising].filter((action) => !completed.has(action.sourceId));
}

export type NewMeeting = Pick<Meeting, 'title' | 'date' | 'time' | 'place' | 'planId'> & {
  agenda?: AgendaItem[];
  id?: string;
  boardId?: string;
};

/** Creates a draft meeting of a board (the open one unless given), carrying forward the action log of that board's meeting before it. */
export async function createMeeting(db: OversightDatabase, input: NewMeeting, options: RepositoryOptions = {}): Promise<Meeting> {
  const now = nowOf(options);
  return db.transaction('rw', [db.meetings, db.meetingRecords, db.board, db.meta], async () => {
    const boardId = input.boardId ?? (await openBoardId(db));
    const earlier = (await meetingsOfBoard(db, boardId))
      .filter((meeting) => meeting.date <= input.date)
      .sort((a, b) => b.date.localeCompare(a.date));
    const previous = earlier[0];
    const carriedActions = previous
      ? openActionsOf(previous, await db.meetingRecords.where('meetingId').equals(previous.id).toArray())
      : [];
    const meeting = meetingSchema.parse({
      id: input.id ?? idOf(options),
      title: input.title,
      date: input.date,
      time: input.time,
      place: input.place,
      planId: input.planId,
      agenda: input.agenda ?? [],
      carriedActions,
      previousMeetingId: previous?.id ?? null,
      boardId,
      status: 'draft',
      approval: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Meeting);
    await db.meetings.add(meeting);
    return meeting;
  });
}

/** Changes a draft meeting's details or agenda. */
export async function updateMeeting(
  db: OversightDatabase,
  meetingId: string,
  change: Partial<Pick<Meeting, 'title' | 'date' | 'time' | 'place' | 'planId' | 'agenda' | 'startedAt' | 'closedAt' | 'officers'>>,
  options: RepositoryOptions = {},
): Promise<Meeting> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await draftMeeting(db, meetingId);
    const next = meetingSchema.parse({ ...meeting, ...change, updatedAt: nowOf(options) });
    await db.meetings.put(next);
    return next;
  });
}

/** Deletes a draft meeting and its records, unless a decision has been numbered in it (numbers are never lost). */
export async function deleteDraftMeeting(db: OversightDatabase, meetingId: string): Promise<void> {
  await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const records = await db.meetingRecords.where('meetingId').equals(meetingId).toArray();
    if (records.some((record) => record.kind === 'decision')) {
      throw new Error(
        'This meeting has numbered decisions, so it cannot be deleted: withdraw the decisions instead, and keep the meeting.',
      );
    }
    await db.meetingRecords.bulkDelete(records.map((record) => record.id));
    await db.meetings.delete(meetingId);
  });
}

// ---- Records during the meeting ----

/** Stores one new or changed record of a draft meeting (not a decision's number, nor a chained record). */
export async function saveRecord(db: OversightDatabase, record: MeetingRecord): Promise<void> {
  const parsed = meetingRecordSchema.parse(record);
  await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, parsed.meetingId);
    if (parsed.chain !== null || parsed.kind === 'meeting' || parsed.kind === 'correction') {
      throw new Error('Chained records are written only by approval and corrections.');
    }
    const existing = await db.meetingRecords.get(parsed.id);
    if (existing && existing.meetingId !== parsed.meetingId) throw new Error('A record cannot move to another meeting.');
    // A decision's number is given once, by recordDecision, and never changed.
    if (parsed.kind === 'decision' && (existing?.kind !== 'decision' || existing.number !== parsed.number)) {
      throw new Error('Decisions are numbered when recorded; their numbers never change.');
    }
    await db.meetingRecords.put(parsed);
  });
}

/**
 * Removes a record made in error from a draft (a decision is withdrawn instead, so its number
 * stays). Resolves to the record as it was, so the chair can undo; undefined when it was gone.
 */
export async function deleteRecord(db: OversightDatabase, meetingId: string, recordId: string): Promise<MeetingRecord | undefined> {
  return db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const record = await db.meetingRecords.get(recordId);
    if (!record || record.meetingId !== meetingId) return undefined;
    if (record.kind === 'decision') throw new Error(`Decision ${record.number} keeps its number: withdraw it instead.`);
    await db.meetingRecords.delete(recordId);
    return record;
  });
}

/**
 * Puts back a record deleteRecord removed, exactly as it was (same id, fields and stamps, so it
 * sorts where it did). Refused once the minutes are approved, or if the id is in use again.
 */
export async function restoreRecord(db: OversightDatabase, record: MeetingRecord): Promise<void> {
  const parsed = meetingRecordSchema.parse(record);
  await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, parsed.meetingId);
    if (parsed.chain !== null || parsed.kind === 'meeting' || parsed.kind === 'correction' || parsed.kind === 'decision') {
      throw new Error('Only a record deleted from a draft can be restored.');
    }
    if (await db.meetingRecords.get(parsed.id)) throw new Error('That record is already there.');
    await db.meetingRecords.add(parsed);
  });
}

/** Puts a removed agenda item back at its place (or at the end if the agenda is now shorter). */
export async function restoreAgendaItem(
  db: OversightDatabase,
  meetingId: string,
  item: AgendaItem,
  index: number,
  options: RepositoryOptions = {},
): Promise<Meeting> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await draftMeeting(db, meetingId);
    if (meeting.agenda.some((other) => other.id === item.id)) throw new Error(`Item ${item.number} is already on the agenda.`);
    const agenda = [...meeting.agenda];
    agenda.splice(Math.min(Math.max(index, 0), agenda.length), 0, item);
    const next = meetingSchema.parse({ ...meeting, agenda, updatedAt: nowOf(options) });
    await db.meetings.put(next);
    return next;
  });
}

/** The id of a member's attendance record at a meeting: one per member, changed in place. */
export function attendanceIdOf(meetingId: string, memberId: string): string {
  return `${meetingId}:attendance:${memberId}`;
}

/** A member's attendance as first marked: present, on time, as themselves, as on the register now. */
function newAttendance(meetingId: string, member: BoardMember, now: string): AttendanceRecord {
  return {
    id: attendanceIdOf(meetingId, member.id),
    meetingId,
    kind: 'attendance',
    createdAt: now,
    updatedAt: now,
    chain: null,
    memberId: member.id,
    name: member.name,
    role: member.role,
    organisation: member.organisation,
    isVoting: member.isVoting,
    status: 'present',
    substituteForId: member.substituteForId,
    arrivedAtItemId: null,
    leftAtItemId: null,
  };
}

/** Marks a member's attendance (or late arrival, early departure, substitution), merged into what is stored. */
export async function setAttendance(
  db: OversightDatabase,
  meetingId: string,
  member: BoardMember,
  change: Partial<Pick<AttendanceRecord, 'status' | 'substituteForId' | 'arrivedAtItemId' | 'leftAtItemId'>>,
  options: RepositoryOptions = {},
): Promise<AttendanceRecord> {
  const now = nowOf(options);
  return db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const existing = await db.meetingRecords.get(attendanceIdOf(meetingId, member.id));
    const base = existing?.kind === 'attendance' ? existing : newAttendance(meetingId, member, now);
    const next = attendanceRecordSchema.parse({ ...base, ...change, updatedAt: now });
    await db.meetingRecords.put(next);
    return next;
  });
}

/** Marks every member given who has no attendance yet as present, in one transaction. */
export async function markUnmarkedPresent(
  db: OversightDatabase,
  meetingId: string,
  members: readonly BoardMember[],
  options: RepositoryOptions = {},
): Promise<number> {
  const now = nowOf(options);
  return db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const ids = members.map((member) => attendanceIdOf(meetingId, member.id));
    const existing = await db.meetingRecords.bulkGet(ids);
    const added = members.flatMap((member, index): AttendanceRecord[] =>
      existing[index] ? [] : [attendanceRecordSchema.parse(newAttendance(meetingId, member, now))],
    );
    await db.meetingRecords.bulkPut(added);
    return added.length;
  });
}

/** The id of an item's discussion notes: one record per item, saved as the chair types. */
export function noteIdOf(meetingId: string, itemId: string): string {
  return `${meetingId}:note:${itemId}`;
}

/** Saves an item's discussion notes. */
export async function saveNote(
  db: OversightDatabase,
  meetingId: string,
  itemId: string,
  text: string,
  options: RepositoryOptions = {},
): Promise<void> {
  const now = nowOf(options);
  const id = noteIdOf(meetingId, itemId);
  await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const existing = await db.meetingRecords.get(id);
    const note: NoteRecord = {
      id,
      meetingId,
      kind: 'note',
      itemId,
      text,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      chain: null,
    };
    await db.meetingRecords.put(note);
  });
}

export type NewDecision = Pick<DecisionRecord, 'itemId' | 'type' | 'text' | 'escalatedTo' | 'refersTo' | 'vote'>;

/** Records a decision, giving it the next number by the board's pattern for the meeting's year (board and record in one transaction). */
export async function recordDecision(
  db: OversightDatabase,
  meetingId: string,
  input: NewDecision,
  options: RepositoryOptions = {},
): Promise<DecisionRecord> {
  const now = nowOf(options);
  return db.transaction('rw', [db.board, db.meetings, db.meetingRecords], async () => {
    const meeting = await draftMeeting(db, meetingId);
    // Each board numbers its own decisions.
    const board = (await db.board.get(boardIdOf(meeting))) ?? emptyBoard(now, boardIdOf(meeting));
    const next = nextDecisionNumber(board.terms.decisionPattern, yearOf(meeting.date), board.decisionCounters);
    const decision = decisionRecordSchema.parse({
      ...input,
      id: idOf(options),
      meetingId,
      kind: 'decision',
      number: next.number,
      isWithdrawn: false,
      createdAt: now,
      updatedAt: now,
      chain: null,
    } satisfies DecisionRecord);
    await db.board.put({ ...board, decisionCounters: { ...board.decisionCounters, [next.scope]: next.sequence }, updatedAt: now });
    await db.meetingRecords.add(decision);
    return decision;
  });
}

/**
 * Saves a note journalled before a reload or crash, unless the stored note was saved after it was
 * typed (a stale journal must never undo later typing). Resolves whether it was saved.
 */
export async function recoverNote(
  db: OversightDatabase,
  meetingId: string,
  itemId: string,
  entry: JournalEntry,
  options: RepositoryOptions = {},
): Promise<boolean> {
  return db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    const existing = await db.meetingRecords.get(noteIdOf(meetingId, itemId));
    if (!isNewerThanStored(entry, existing?.updatedAt)) return false;
    if (existing?.kind === 'note' && existing.text === entry.text) return false;
    await saveNote(db, meetingId, itemId, entry.text, options);
    return true;
  });
}

/** Marks a draft decision as recorded in error; it keeps its number, which is never reused. */
export async function withdrawDecision(
  db: OversightDatabase,
  meetingId: string,
  decisionId: string,
  // An undo names the state it wants back rather than toggling, so a repeat cannot flip it again.
  options: RepositoryOptions & { isWithdrawn?: boolean } = {},
): Promise<void> {
  await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
    await draftMeeting(db, meetingId);
    const record = await db.meetingRecords.get(decisionId);
    if (!record || record.kind !== 'decision' || record.meetingId !== meetingId) throw new Error('That decision is not in this meeting.');
    const isWithdrawn = options.isWithdrawn ?? !record.isWithdrawn;
    if (isWithdrawn === record.isWithdrawn) return;
    const next: DecisionRecord = { ...record, isWithdrawn, updatedAt: nowOf(options) };
    await db.meetingRecords.put(next);
  });
}

// ---- Approval and corrections ----

/** Draft records changed since they were read: approval starts again rather than seal a stale copy. */
function hasChanged(before: readonly MeetingRecord[], after: readonly MeetingRecord[]): boolean {
  if (before.length !== after.length) return true;
  const stamps = new Map(before.map((record) => [record.id, record.updatedAt]));
  return after.some((record) => stamps.get(record.id) !== record.updatedAt);
}

export type ApproveInput = {
  approvedAtMeeting: string;
  approvedAtMeetingId: string | null;
  /** The approving meeting's date: the form always gives it (asked for a meeting outside the app). */
  approvedAtMeetingDate?: string;
  /** The approving meeting's agenda item at which the minutes were approved. */
  approvedAtItemId?: string | null;
};

/**
 * Approves draft minutes: chains every record behind a header (shared/meetings/approval.ts) and
 * locks the meeting, in one transaction. Hashing is asynchronous (Web Crypto), which a Dexie
 * transaction cannot wait for, so the records are hashed first and the transaction checks that
 * nothing changed in between; if something did, it hashes again.
 */
export async function approveMeeting(
  db: OversightDatabase,
  meetingId: string,
  input: ApproveInput,
  options: RepositoryOptions = {},
): Promise<Meeting> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = nowOf(options);
    const [meeting, records, board, exemptSourceIds] = await db.transaction('r', [db.meetings, db.meetingRecords, db.board], async () => {
      const found = await draftMeeting(db, meetingId);
      return [
        found,
        await db.meetingRecords.where('meetingId').equals(meetingId).toArray(),
        (await db.board.get(boardIdOf(found))) ?? emptyBoard(now, boardIdOf(found)),
        // Carried before carried actions were marked exempt at the source: record 0 marks them.
        await exemptSources(db, found),
      ] as const;
    });
    const approving = input.approvedAtMeetingId ? await db.meetings.get(input.approvedAtMeetingId) : undefined;
    if (input.approvedAtMeetingId && !approving) throw new Error('The approving meeting is no longer on this laptop.');
    const approvingDate = approving?.date ?? input.approvedAtMeetingDate;
    if (approvingDate !== undefined) {
      const problems = approvalProblems({ meetingDate: meeting.date, approvingDate, approvedAt: now });
      if (problems.length > 0) throw new Error(problems.join(' '));
    }
    const sealed = await sealMeeting({
      meeting,
      records,
      boardName: board.name,
      terms: board.terms,
      approvedAt: now,
      approvedAtMeeting: input.approvedAtMeeting,
      approvedAtMeetingId: input.approvedAtMeetingId,
      exemptSourceIds,
      approvedAtMeetingDate: approvingDate,
    });
    const isDone = await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
      const current = await draftMeeting(db, meetingId);
      const currentRecords = await db.meetingRecords.where('meetingId').equals(meetingId).toArray();
      if (current.updatedAt !== meeting.updatedAt || hasChanged(records, currentRecords)) return false;
      await db.meetingRecords.bulkPut(sealed.records);
      await db.meetings.put(sealed.meeting);
      // The approving meeting records it too (its minutes print the resolution at that item), while it is still a draft.
      if (input.approvedAtMeetingId) {
        const other = await db.meetings.get(input.approvedAtMeetingId);
        if (other && other.status === 'draft') {
          const entry = { meetingId: meeting.id, meetingDate: meeting.date, itemId: input.approvedAtItemId ?? null };
          await db.meetings.put({
            ...other,
            approvedMinutes: [...(other.approvedMinutes ?? []).filter((earlier) => earlier.meetingId !== meeting.id), entry],
            updatedAt: now,
          });
        }
      }
      return true;
    });
    if (isDone) return sealed.meeting;
  }
  throw new Error('The minutes kept changing while they were being approved. Wait for the changes to finish, then approve again.');
}

/** Appends a correction to approved minutes: a new record in their chain that amends an earlier one by number. */
export async function addCorrection(
  db: OversightDatabase,
  meetingId: string,
  input: { amendsSeq: number; text: string },
  options: RepositoryOptions = {},
): Promise<CorrectionRecord> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = nowOf(options);
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw missingMeeting();
    if (meeting.status !== 'approved' || !meeting.approval)
      throw new Error('A draft is changed directly; corrections are for approved minutes.');
    if (!Number.isInteger(input.amendsSeq) || input.amendsSeq < 0 || input.amendsSeq >= meeting.approval.recordCount) {
      throw new Error(`There is no record ${input.amendsSeq} in these minutes.`);
    }
    const correction = correctionRecordSchema.parse({
      id: idOf(options),
      meetingId,
      kind: 'correction',
      amendsSeq: input.amendsSeq,
      text: input.text,
      createdAt: now,
      updatedAt: now,
      chain: null,
    } satisfies CorrectionRecord);
    // A correction to a record sealed as exempt is sealed so too: exports withhold it with that record.
    const amended = await db.meetingRecords
      .where('meetingId')
      .equals(meetingId)
      .filter((record) => record.chain?.seq === input.amendsSeq)
      .first();
    const appended = await appendRecord(meeting, correction, now, { exempt: amended?.chain?.exempt === true });
    const isDone = await db.transaction('rw', [db.meetings, db.meetingRecords], async () => {
      const current = await db.meetings.get(meetingId);
      if (current?.approval?.chainHead !== meeting.approval?.chainHead) return false;
      await db.meetingRecords.add(appended.record);
      await db.meetings.put(appended.meeting);
      return true;
    });
    if (isDone) return appended.record;
  }
  throw new Error('Another correction was being added at the same time. Try again.');
}
