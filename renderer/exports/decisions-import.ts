import { verifyMeetingRecords } from '../../shared/meetings/approval';
import type { DecisionsFile } from '../../shared/meetings/decisions-file';
import { meetingOfDecisionsFile } from '../../shared/meetings/decisions-meeting';
import { isWithheldStub } from '../../shared/meetings/hash-chain';
import { decisionScope, yearOf } from '../../shared/meetings/numbering';
import { meetingRecordSchema, meetingSchema, type Board, type HeaderRecord, type MeetingRecord } from '../../shared/meetings/schema';
import { boardIdOf, openBoardId } from '../meetings/boards';
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
  // Withheld records, and exempt carried actions shown only by their hash in record 0.
  const header = file.records[0]?.content;
  const stubs = header && Array.isArray(header.carriedActions) ? header.carriedActions.filter(isWithheldStub).length : 0;
  const withheld = file.records.filter((record) => record.content === null).length + stubs;
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
  options: { now?: Date; boardId?: string } = {},
): Promise<DecisionsImportOutcome> {
  const records = recordsOf(file);
  if (typeof records === 'string') return refused(records);
  const header = records[0];
  if (header?.kind !== 'meeting') return refused('Record 0 is not the meeting as approved.');
  if (records.some((record) => record.meetingId !== header.meetingId)) return refused('The records belong to more than one meeting.');
  const rebuilt = meetingSchema.safeParse(meetingOfDecisionsFile(header, records, file));
  if (!rebuilt.success) return refused('The meeting this file describes is not one this version of Oversight reads.');
  const meeting = rebuilt.data;
  const verdict = await verifyMeetingRecords(meeting, records);
  if (verdict.status !== 'intact') return refused('The rebuilt record does not check against its hashes, so nothing was imported.');
  const title = `${header.title}, ${header.date}`;
  const now = (options.now ?? new Date()).toISOString();

  return db.transaction('rw', [db.meetings, db.meetingRecords, db.board, db.meta], async (): Promise<DecisionsImportOutcome> => {
    const existing = await db.meetings.get(meeting.id);
    // A meeting held here stays with its board; a new one joins the board given (the board folder's
    // it came through), else the open board, whose numbering it raises.
    const boardId = existing ? boardIdOf(existing) : (options.boardId ?? (await openBoardId(db)));
    const board = await db.board.get(boardId);
    const counters = raisedCounters(board, header, records);
    const nextBoard: Board = board
      ? { ...board, decisionCounters: counters, updatedAt: now }
      : { id: boardId, name: header.boardName, members: [], terms: header.terms, decisionCounters: counters, updatedAt: now };
    const hasNewCounters = !board || JSON.stringify(board.decisionCounters) !== JSON.stringify(counters);
    if (!existing) {
      await db.meetings.add({ ...meeting, boardId });
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
