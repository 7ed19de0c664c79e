import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationRecord } from '../../shared/annotations/types';
import { annotationsOn } from '../annotations/annotation-repository';
import { boardIdOf, openBoardId } from '../meetings/boards';
import { useServices } from '../app/context';
import { getPaper, getPaperText, listPacks, meetingRecordExists, papersOfMeeting } from './pack-repository';
import type { PackRecord, PaperRecord, PaperTextRecord } from './types';

/** A meeting with the packs held for it, the latest pack first. */
export type PackMeeting = { meetingId: string; meeting: PackRecord['meeting']; packs: PackRecord[] };

/** Every meeting that has a pack, of the open board (or not yet in the chair's record), the soonest meeting date last. */
export function usePackMeetings(): PackMeeting[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [packs, meetings, openId] = await Promise.all([listPacks(db), db.meetings.toArray(), openBoardId(db)]);
    const boardOf = new Map(meetings.map((meeting) => [meeting.id, boardIdOf(meeting)]));
    const byMeeting = new Map<string, PackMeeting>();
    for (const pack of packs) {
      // Another board's meeting's papers show when that board is open.
      if ((boardOf.get(pack.meetingId) ?? openId) !== openId) continue;
      const entry = byMeeting.get(pack.meetingId);
      if (entry) entry.packs.push(pack);
      else byMeeting.set(pack.meetingId, { meetingId: pack.meetingId, meeting: pack.meeting, packs: [pack] });
    }
    return [...byMeeting.values()].sort((a, b) => b.meeting.date.localeCompare(a.meeting.date));
  }, [db]);
}

/** A meeting's papers (every version), with which have their text ready. */
export function useMeetingPapers(
  meetingId: string | undefined,
): { papers: PaperRecord[]; textReady: Set<string>; textFailed: Set<string> } | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!meetingId) return { papers: [], textReady: new Set<string>(), textFailed: new Set<string>() };
    const papers = await papersOfMeeting(db, meetingId);
    const texts = await db.paperTexts
      .where(':id')
      .anyOf(papers.map((paper) => paper.id))
      .primaryKeys();
    const failed = (await db.paperTexts.bulkGet(texts)).filter((text) => text?.status === 'failed').map((text) => text?.id ?? '');
    return { papers, textReady: new Set(texts.filter((id) => !failed.includes(id))), textFailed: new Set(failed) };
  }, [db, meetingId]);
}

/** One paper: undefined while loading, null when there is none. */
export function usePaper(meetingId: string | undefined, paperId: string | undefined): PaperRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (meetingId && paperId ? ((await getPaper(db, meetingId, paperId)) ?? null) : null),
    [db, meetingId, paperId],
  );
}

/** A paper's extracted text: undefined while loading, null while it is still being extracted. */
export function usePaperText(meetingId: string | undefined, paperId: string | undefined): PaperTextRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (meetingId && paperId ? ((await getPaperText(db, meetingId, paperId)) ?? null) : null),
    [db, meetingId, paperId],
  );
}

/** Whether the chair's record already has this meeting. */
export function useMeetingRecordExists(meetingId: string | undefined): boolean | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (meetingId ? meetingRecordExists(db, meetingId) : false), [db, meetingId]);
}

/**
 * The annotations on a paper that this member may see, including those made on the earlier
 * versions it reissues (they are re-anchored on this one).
 */
export function usePaperAnnotations(
  meetingId: string | undefined,
  paperIds: readonly string[],
  profileId: string | undefined,
): AnnotationRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!meetingId) return [];
    const lists = await Promise.all(paperIds.map((paperId) => annotationsOn(db, { kind: 'paper', meetingId, paperId }, profileId)));
    return lists.flat();
  }, [db, meetingId, paperIds.join('\u0001'), profileId]);
}
