import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { verifyMeetingRecords, type MeetingVerdict } from '../../shared/meetings/approval';
import type { Board, Meeting, MeetingRecord } from '../../shared/meetings/schema';
import type { Action, Area } from '../../shared/plan/schema';
import { useServices } from '../app/context';
import { entitiesOfPlan } from '../db/plan-repository';
import { listBoards, openBoardId } from './boards';
import { getBoard, listMeetingRecords, listMeetings } from './meeting-repository';

/** A board's register and terms, the open board's unless given (null when none is set yet; undefined while loading). */
export function useBoard(boardId?: string): Board | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await getBoard(db, boardId)) ?? null, [db, boardId]);
}

/** Every board held, by name, and which is open (undefined while loading). */
export function useBoards(): { boards: Board[]; openId: string } | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => ({ boards: await listBoards(db), openId: await openBoardId(db) }), [db]);
}

/** Every meeting of the open board, the latest first. */
export function useMeetings(): Meeting[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listMeetings(db), [db]);
}

/** One meeting (null when it is not stored). */
export function useMeeting(meetingId: string | undefined): Meeting | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (meetingId ? ((await db.meetings.get(meetingId)) ?? null) : null), [db, meetingId]);
}

/** One meeting's records, in the order they were made. */
export function useMeetingRecords(meetingId: string | undefined): MeetingRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (meetingId ? listMeetingRecords(db, meetingId) : []), [db, meetingId]);
}

/** Checks an approved meeting's chain whenever its records change (hashing is asynchronous, so outside the live query). */
export function useMeetingVerdict(meeting: Meeting | null | undefined, records: MeetingRecord[] | undefined): MeetingVerdict | undefined {
  const [verdict, setVerdict] = useState<{ key: unknown; value: MeetingVerdict } | undefined>(undefined);
  useEffect(() => {
    if (!meeting || !records) return;
    let isCurrent = true;
    void verifyMeetingRecords(meeting, records).then((value) => {
      if (isCurrent) setVerdict({ key: records, value });
    });
    return () => {
      isCurrent = false;
    };
  }, [meeting, records]);
  // A verdict about older records is never shown as if it were about these.
  return verdict && verdict.key === records ? verdict.value : undefined;
}

/** A plan area or action the board can judge or link, labelled as the chair reads it. */
export type PlanTarget = { kind: 'area' | 'action'; id: string; ref: string; title: string; label: string; areaId: string | null };

/** The current areas and actions of a plan, in reference order (empty without a plan). */
export function usePlanTargets(planId: string | null | undefined): PlanTarget[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!planId) return [];
    const [areas, actions] = await Promise.all([entitiesOfPlan(db, planId, 'area'), entitiesOfPlan(db, planId, 'action')]);
    const targets: PlanTarget[] = [];
    for (const record of areas) {
      if (record.archivedInRevision !== null) continue;
      const area = record.data as Area;
      targets.push({ kind: 'area', id: area.id, ref: area.ref, title: area.title, label: `Area ${area.ref}: ${area.title}`, areaId: null });
    }
    for (const record of actions) {
      if (record.archivedInRevision !== null) continue;
      const action = record.data as Action;
      targets.push({
        kind: 'action',
        id: action.id,
        ref: action.ref,
        title: action.title,
        label: `Action ${action.ref}: ${action.title}`,
        areaId: action.areaId,
      });
    }
    return targets.sort((a, b) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }) || (a.kind === 'area' ? -1 : 1));
  }, [db, planId]);
}
