import { verifyMeetingRecords } from '../../shared/meetings/approval';
import type { DecisionsFile } from '../../shared/meetings/decisions-file';
import { decisionScope, yearOf } from '../../shared/meetings/numbering';
import {
  BOARD_ID,
  meetingRecordSchema,
  meetingSchema,
  type Board,
  type HeaderRecord,
  type Meeting,
  type MeetingRecord,
} from '../../shared/meetings/schema';
import type { OversightDatabase } from '../db/database';

// Importing a decision file (.decisions.json) rebuilds the approved meeting it records: the
// meeting as approved (record 0) and every record with its place in the chain, written in one
// transaction. Main has already checked the chain; the records are parsed again with the
// meeting schemas and the rebuilt meeting is checked once more before anything is written.

export type DecisionsImportOutcome =
  | { status: 'imported'; meetingId: string; title: string; records: number }
  | { status: 'extended'; meetingId: string; title: string; added: number }
  | { status: 'up-to-date'; meetingId: string; title: string }
  | { status: 'refused'; message: string };

function refused(message: string): DecisionsImportOutcome {
  return { status: 'refused', message };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sequence number of a decision number made by a pattern in a year, or null if it does not fit. */
export function sequenceOf(number: string, pattern: string, year: number): number | null {
  const full = String(year).padStart(4, '0');
  const source = pattern
    .split(/(\{[^{}]*\})/)
    .map((part) => (part === '{yyyy}' ? full : part === '{yy}' ? full.slice(-2) : /^\{n+\}$/.test(part) ? '(\\d+)' : escapeRegExp(part)))
    .join('');
  const match = new RegExp(`^${source}$`).exec(number);
  return match?.[1] ? Number(match[1]) : null;
}

/** Rebuilds a meeting's records from a checked decision file; refuses a file whose exempt records were withheld. */
function recordsOf(file: DecisionsFile): MeetingRecord[] | string {
  const withheld = file.records.filter((record) => record.content === null).length;
  if (withheld > 0) {
    return `This file withholds ${withheld} exempt ${withheld === 1 ? 'record' : 'records'}, so it cannot rebuild the meeting here (its chain still checks). Ask for the file with exempt items included.`;
  }
  const records: MeetingRecord[] = [];
  for (const entry of file.records) {
    const { content, ...chain } = entry;
    const parsed = meetingRecordSchema.safeParse({ ...content, chain });
    if (!parsed.success) return `Record ${entry.seq} is not a meeting record this version of Oversight reads.`;
    records.push(parsed.data);
  }
  return records;
}

/** The meeting as approved, from its header record, the chain and the meeting fields carried beside it. */
function meetingOf(header: HeaderRecord, records: readonly MeetingRecord[], file: DecisionsFile): Meeting {
  const corrections = records.filter((record) => record.kind === 'correction').map((record) => record.createdAt);
  return {
    id: header.meetingId,
    title: header.title,
    date: header.date,
    time: header.time,
    place: header.place,
    planId: file.meeting.planId,
    agenda: header.agenda,
    carriedActions: header.carriedActions,
    previousMeetingId: file.meeting.previousMeetingId,
    // Sealed in record 0 when they were recorded (optional: older files lack them).
    ...(header.startedAt ? { startedAt: header.startedAt } : {}),
    ...(header.closedAt ? { closedAt: header.closedAt } : {}),
    ...(header.officers ? { officers: header.officers } : {}),
    ...(header.approvedMinutes ? { approvedMinutes: header.approvedMinutes } : {}),
    status: 'approved',
    approval: {
      approvedAt: header.approvedAt,
      approvedAtMeeting: header.approvedAtMeeting,
      approvedAtMeetingId: file.meeting.approvedAtMeetingId,
      ...(header.approvedAtMeetingDate ? { approvedAtMeetingDate: header.approvedAtMeetingDate } : {}),
      chainHead: file.chain.head,
      recordCount: file.chain.count,
    },
    createdAt: file.meeting.createdAt,
    // Only corrections change an approved meeting, each at the time it was recorded.
    updatedAt: corrections.sort().at(-1) ?? header.approvedAt,
  };
}

/** The board's decision counters raised past every number in the records, so none is given again here. */
function raisedCounters(board: Board | undefined, header: HeaderRecord, records: readonly MeetingRecord[]): Record<string, number> {
  const counters = { ...(board?.decisionCounters ?? {}) };
  const year = yearOf(header.date);
  const scope = decisionScope(header.terms.decisionPattern, year);
  for (const record of records) {
    if (record.kind !== 'decision') continue;
    const sequence = sequenceOf(record.number, header.terms.decisionPattern, year);
    if (sequence !== null && sequence > (counters[scope] ?? 0)) counters[scope] = sequence;
  }
  return counters;
}

/**
 * Imports a checked decision file in one transaction: a new meeting is added whole; a meeting
 * already here is left alone when the file holds the same record, extended when the file holds
 * later corrections to it, and refused when it differs.
 */
export async function importDecisionsFile(
  db: OversightDatabase,
  file: DecisionsFile,
  options: { now?: Date } = {},
): Promise<DecisionsImportOutcome> {
  const records = recordsOf(file);
  if (typeof records === 'string') return refused(records);
  const header = records[0];
  if (header?.kind !== 'meeting') return refused('Record 0 is not the meeting as approved.');
  if (records.some((record) => record.meetingId !== header.meetingId)) return refused('The records belong to more than one meeting.');
  const rebuilt = meetingSchema.safeParse(meetingOf(header, records, file));
  if (!rebuilt.success) return refused('The meeting this file describes is not one this version of Oversight reads.');
  const meeting = rebuilt.data;
  const verdict = await verifyMeetingRecords(meeting, records);
  if (verdict.status !== 'intact') return refused('The rebuilt record does not check against its hashes, so nothing was imported.');
  const title = `${header.title}, ${header.date}`;
  const now = (options.now ?? new Date()).toISOString();

  return db.transaction('rw', [db.meetings, db.meetingRecords, db.board], async (): Promise<DecisionsImportOutcome> => {
    const existing = await db.meetings.get(meeting.id);
    const board = await db.board.get(BOARD_ID);
    const counters = raisedCounters(board, header, records);
    const nextBoard: Board = board
      ? { ...board, decisionCounters: counters, updatedAt: now }
      : { id: BOARD_ID, name: header.boardName, members: [], terms: header.terms, decisionCounters: counters, updatedAt: now };
    const hasNewCounters = !board || JSON.stringify(board.decisionCounters) !== JSON.stringify(counters);
    if (!existing) {
      await db.meetings.add(meeting);
      await db.meetingRecords.bulkAdd(records);
      if (hasNewCounters) await db.board.put(nextBoard);
      return { status: 'imported', meetingId: meeting.id, title, records: records.length };
    }
    if (existing.status !== 'approved' || !existing.approval) {
      return refused(
        `A draft of the meeting of ${header.date} is on this laptop; its minutes are approved elsewhere. Nothing was imported.`,
      );
    }
    if (existing.approval.chainHead === file.chain.head) return { status: 'up-to-date', meetingId: meeting.id, title };
    const storedCount = existing.approval.recordCount;
    const joins = records[storedCount - 1]?.chain?.hash === existing.approval.chainHead;
    if (records.length <= storedCount || !joins) {
      return refused(
        `The meeting of ${header.date} on this laptop has a different approved record from this file. Nothing was imported; check both with oversight-cli verify.`,
      );
    }
    const added = records.slice(storedCount);
    await db.meetingRecords.bulkAdd(added);
    await db.meetings.put({ ...existing, approval: meeting.approval, updatedAt: meeting.updatedAt });
    if (hasNewCounters) await db.board.put(nextBoard);
    return { status: 'extended', meetingId: meeting.id, title, added: added.length };
  });
}
