import type { Board } from '../../shared/meetings/schema';
import type { OversightDatabase } from '../db/database';
import { SAMPLE_BOARD_NAME, SAMPLE_MEETING_ID, SAMPLE_MEMBERS } from '../meetings/sample-board';
import { papersRemovalTables, planRemovalTables, removeMeetingPapersInTransaction, removePlanInTransaction } from './removal-repository';

// The first-run sample (plan, board, meeting and pack) is invented: it is labelled "Sample"
// wherever it shows and removed with one command. What belongs to it is worked out from the
// store itself, so stores seeded before this existed are recognised too: plans and packs that
// arrived from the bundled sample (their import source is "sample"), the sample meeting's id, and
// the board while it is still the sample's (its name and only sample members: once the member
// renames it or adds a real member it is their board, and stays).

/** What of the sample this laptop holds. */
export type SampleHoldings = {
  planIds: string[];
  meetingIds: string[];
  /** Meetings whose papers came in the sample pack. */
  packMeetingIds: string[];
  hasBoard: boolean;
};

const SAMPLE_MEMBER_IDS = new Set(SAMPLE_MEMBERS.map((member) => member.id));

/** Whether a board is still the first-run sample's. */
export function isSampleBoard(board: Pick<Board, 'name' | 'members'>): boolean {
  return board.name === SAMPLE_BOARD_NAME && board.members.every((member) => SAMPLE_MEMBER_IDS.has(member.id));
}

/** The sample's plans, meetings, packs and board held here (nothing once it is removed). */
export async function findSample(db: OversightDatabase): Promise<SampleHoldings> {
  const [imports, packs, plans, meetings, boards] = await Promise.all([
    db.imports.toArray(),
    db.packs.toArray(),
    db.plans.toCollection().primaryKeys(),
    db.meetings.toArray(),
    db.board.toArray(),
  ]);
  const held = new Set(plans);
  const planIds = [...new Set(imports.filter((record) => record.source === 'sample').map((record) => record.planId))].filter((id) =>
    held.has(id),
  );
  const packMeetingIds = [...new Set(packs.filter((pack) => pack.source === 'sample').map((pack) => pack.meetingId))];
  const sampleMeetingIds = new Set([SAMPLE_MEETING_ID, ...packMeetingIds]);
  const meetingIds = meetings.filter((meeting) => sampleMeetingIds.has(meeting.id)).map((meeting) => meeting.id);
  return { planIds, meetingIds, packMeetingIds, hasBoard: boards.some(isSampleBoard) };
}

/** Whether anything of the sample is held. */
export function hasSample(holdings: SampleHoldings): boolean {
  return holdings.planIds.length > 0 || holdings.meetingIds.length > 0 || holdings.packMeetingIds.length > 0 || holdings.hasBoard;
}

/** What "Remove the sample" removed. */
export type SampleRemoval = { plans: number; meetings: number; packs: number; isBoardRemoved: boolean };

/**
 * Removes the whole sample in one transaction: its plan (every revision and what was built from
 * it), its pack and papers, its meeting with the records made in it, and its board. The sample
 * meeting's minutes, once approved, go only with the sample board (approved minutes are removed
 * only with their board).
 */
export async function removeSample(db: OversightDatabase): Promise<SampleRemoval> {
  const tables = [...new Set([...planRemovalTables(db), ...papersRemovalTables(db), db.board, db.meetings, db.meetingRecords])];
  return db.transaction('rw', tables, async () => {
    const holdings = await findSample(db);
    for (const planId of holdings.planIds) await removePlanInTransaction(db, planId);
    let packs = 0;
    for (const meetingId of new Set([...holdings.packMeetingIds, ...holdings.meetingIds])) {
      packs += (await removeMeetingPapersInTransaction(db, meetingId)).packs;
    }
    const boards = (await db.board.toArray()).filter(isSampleBoard);
    await db.board.bulkDelete(boards.map((board) => board.id));
    const isBoardRemoved = boards.length > 0;
    let meetings = 0;
    for (const meetingId of holdings.meetingIds) {
      const meeting = await db.meetings.get(meetingId);
      if (!meeting || (meeting.status === 'approved' && !isBoardRemoved)) continue;
      await db.meetingRecords.where('meetingId').equals(meetingId).delete();
      await db.meetings.delete(meetingId);
      meetings += 1;
    }
    return { plans: holdings.planIds.length, meetings, packs, isBoardRemoved };
  });
}
