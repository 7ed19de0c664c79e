import { paperTargetKey } from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import { meetingsOfBoard, plansOfBoard } from '../meetings/boards';
import { paperRecordId } from '../papers/types';
import { deleteActionRows } from '../plan-review/action-rows';
import { deleteSearchShards, ownerShardRecordIds } from '../search/search-index';

// Removing what a member no longer wants on this laptop: a plan with its revisions, a meeting's
// pack and papers. Each removal is one Dexie transaction (all or nothing), and the search index
// loses the removed documents in that same transaction, so search never finds what is gone.

/** What removing a plan took away, for the member's confirmation message. */
export type PlanRemoval = { revisions: number; annotations: number; voiceRecords: number };

/** What removing a meeting's papers took away. */
export type PapersRemoval = { packs: number; papers: number; highlights: number };

/** The tables a plan's removal writes. */
export function planRemovalTables(db: OversightDatabase) {
  return [
    db.plans,
    db.entities,
    db.imports,
    db.changeSets,
    db.planSummaries,
    db.actionRowChunks,
    db.entityHashes,
    db.annotations,
    db.voiceRecords,
    db.searchIndex,
  ];
}

/**
 * Removes a plan with every revision: its entities, import log entries and change sets, the
 * dashboard and list records built from it, the notes and families' voice records made on it,
 * and its search shards. Meetings that referred to it stay (their minutes are the board's).
 * Returns null when no such plan is held.
 */
export async function removePlan(db: OversightDatabase, planId: string): Promise<PlanRemoval | null> {
  return db.transaction('rw', planRemovalTables(db), () => removePlanInTransaction(db, planId));
}

/** {@link removePlan}'s writes, for callers that remove more in the same transaction. */
export async function removePlanInTransaction(db: OversightDatabase, planId: string): Promise<PlanRemoval | null> {
  const plan = await db.plans.get(planId);
  if (!plan) return null;
  // Same bounds as entitiesOfPlan: [planId] .. [planId, []] spans exactly one plan's keys.
  await db.entities.where('[planId+kind+id]').between([planId], [planId, []], true, true).delete();
  const imports = await db.imports.filter((record) => record.planId === planId).primaryKeys();
  await db.imports.bulkDelete(imports);
  const changeSets = await db.changeSets.filter((record) => record.planId === planId).primaryKeys();
  await db.changeSets.bulkDelete(changeSets);
  await db.planSummaries.delete(planId);
  await deleteActionRows(db, planId);
  await db.entityHashes.delete(planId);
  const annotations = await db.annotations.where('targetKey').startsWith(`${planId}\u0001`).delete();
  const voiceRecords = await db.voiceRecords.filter((record) => record.planId === planId).delete();
  await deleteSearchShards(db, ownerShardRecordIds(planId, 'plan'));
  await db.plans.delete(planId);
  return { revisions: plan.revisions.length, annotations, voiceRecords };
}

/** The tables removing a meeting's papers writes. */
export function papersRemovalTables(db: OversightDatabase) {
  return [db.packs, db.papers, db.paperTexts, db.annotations, db.searchIndex];
}

/**
 * Removes a meeting's pack and every supplement: the pack records, every paper (each version)
 * with its PDF and extracted text, the highlights and notes made on those papers, and the
 * papers' search shards. The meeting itself, in the chair's record, stays.
 */
export async function removeMeetingPapers(db: OversightDatabase, meetingId: string): Promise<PapersRemoval> {
  return db.transaction('rw', papersRemovalTables(db), () => removeMeetingPapersInTransaction(db, meetingId));
}

/** {@link removeMeetingPapers}'s writes, for callers that remove more in the same transaction. */
export async function removeMeetingPapersInTransaction(db: OversightDatabase, meetingId: string): Promise<PapersRemoval> {
  const packs = await db.packs.filter((pack) => pack.meetingId === meetingId).primaryKeys();
  await db.packs.bulkDelete(packs);
  const prefix = paperRecordId(meetingId, '');
  const paperIds = await db.papers.where(':id').startsWith(prefix).primaryKeys();
  await db.papers.bulkDelete(paperIds);
  await db.paperTexts.where(':id').startsWith(prefix).delete();
  const highlights = await db.annotations.where('targetKey').startsWith(paperTargetKey(meetingId, '')).delete();
  await deleteSearchShards(db, ownerShardRecordIds(meetingId, 'papers'));
  return { packs: packs.length, papers: paperIds.length, highlights };
}

/** {@link removeMeetingPapers} for a list of meetings, all in one transaction. */
export async function removePapersOfMeetings(db: OversightDatabase, meetingIds: readonly string[]): Promise<PapersRemoval> {
  return db.transaction('rw', papersRemovalTables(db), async () => {
    const total: PapersRemoval = { packs: 0, papers: 0, highlights: 0 };
    for (const meetingId of meetingIds) {
      const removed = await removeMeetingPapersInTransaction(db, meetingId);
      total.packs += removed.packs;
      total.papers += removed.papers;
      total.highlights += removed.highlights;
    }
    return total;
  });
}

/** What removing a board took away. */
export type BoardRemoval = { meetings: number; approvedMeetings: number; plans: number } & PapersRemoval;

/**
 * Removes a board with everything that is its own: its register, terms and decision numbering,
 * every meeting (approved minutes too: they are removed only with their board) with its records,
 * those meetings' packs and papers, and its plans (each with every revision, notes and search
 * shards, as {@link removePlan}). All in one transaction.
 */
export async function removeBoard(db: OversightDatabase, boardId: string): Promise<BoardRemoval | null> {
  const tables = [...new Set([...papersRemovalTables(db), ...planRemovalTables(db), db.board, db.meetings, db.meetingRecords, db.meta])];
  return db.transaction('rw', tables, async () => {
    if (!(await db.board.get(boardId))) return null;
    const meetings = await meetingsOfBoard(db, boardId);
    const plans = await plansOfBoard(db, boardId);
    const total: BoardRemoval = { meetings: meetings.length, approvedMeetings: 0, plans: plans.length, packs: 0, papers: 0, highlights: 0 };
    for (const meeting of meetings) {
      if (meeting.status === 'approved') total.approvedMeetings += 1;
      const papers = await removeMeetingPapersInTransaction(db, meeting.id);
      total.packs += papers.packs;
      total.papers += papers.papers;
      total.highlights += papers.highlights;
      await db.meetingRecords.where('meetingId').equals(meeting.id).delete();
    }
    await db.meetings.bulkDelete(meetings.map((meeting) => meeting.id));
    for (const plan of plans) await removePlanInTransaction(db, plan.id);
    await db.board.delete(boardId);
    return total;
  });
}
