import { isAwaitingAnswer } from '../../shared/answers/status';
import { isPaperTarget, type AnnotationRecord } from '../../shared/annotations/types';
import { DUE_SOON_DAYS, effectiveDueDate, isDueSoon, isOverdue } from '../../shared/plan-review/rules';
import { getProfile } from '../annotations/profile-repository';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { isMeetingOfScope, isPlanOfScope, readBoardScope } from '../meetings/boards';
import { isSampleMeeting, samplePlanIds } from '../hooks/use-sample';
import { currentPapers, listPacks, papersOfMeeting } from '../papers/pack-repository';
import { readActionRows } from '../plan-review/action-rows';
import { readPaperIds } from '../papers/read-papers';

// What the start page says to do next, read in one pass over the store: the next meeting and
// its unread papers, the member's questions, what arrived since they last looked, and the plan
// actions due or overdue. Sample data (the bundled plan, board meeting and pack) is marked so
// the page can label it.

const LAST_LOOKED = 'startLastLooked';

export type StartPaper = { meetingId: string; paperId: string; title: string; isExempt: boolean };

export type StartMeeting = {
  id: string;
  title: string;
  date: string;
  time: string;
  place: string;
  isSample: boolean;
  /** The chair's record holds it (its agenda can be opened). */
  hasRecord: boolean;
  /** Its current papers (reissues replace what they reissue). */
  paperCount: number;
  unread: StartPaper[];
};

export type StartAction = {
  planId: string;
  planTitle: string;
  isSample: boolean;
  actionId: string;
  ref: string;
  title: string;
  due: string;
};

export type StartChange =
  | { kind: 'revision'; at: string; planId: string; planTitle: string; revision: number; importId: string; isSample: boolean }
  | {
      kind: 'pack';
      at: string;
      meetingId: string;
      meetingTitle: string;
      meetingDate: string;
      summary: string;
      papers: number;
      isSample: boolean;
    }
  | { kind: 'answer'; at: string; question: AnnotationRecord };

export type StartData = {
  today: string;
  /** When the member last opened the start page (null the first time). */
  lastLooked: string | null;
  hasProfile: boolean;
  nextMeeting: StartMeeting | null;
  openQuestions: AnnotationRecord[];
  /** Questions with an answer the member has not turned down, latest answer first. */
  answered: AnnotationRecord[];
  /** Newest first. */
  changes: StartChange[];
  overdue: StartAction[];
  dueSoon: StartAction[];
};

/** Everything the start page shows, as of `today` (YYYY-MM-DD, the member's local day). */
export async function readStartData(db: OversightDatabase, today: string, lastLooked: string | null): Promise<StartData> {
  const [profile, allPlans, allMeetings, allPacks, read, samplePlans, scope] = await Promise.all([
    getProfile(db),
    db.plans.toArray(),
    db.meetings.toArray(),
    listPacks(db),
    readPaperIds(db),
    samplePlanIds(db),
    readBoardScope(db),
  ]);
  // The open board's plans, meetings and packs only: another board's show when it is opened.
  const plans = allPlans.filter((plan) => isPlanOfScope(plan.id, scope));
  const meetings = allMeetings.filter((meeting) => isMeetingOfScope(meeting.id, scope));
  const packs = allPacks.filter((pack) => isMeetingOfScope(pack.meetingId, scope));
  const isOfBoard = ({ target }: AnnotationRecord) =>
    isPaperTarget(target) ? isMeetingOfScope(target.meetingId, scope) : isPlanOfScope(target.planId, scope);

  // The next meeting: from the chair's record or a pack, whichever knows it; the record's date wins.
  const candidates = new Map<string, Omit<StartMeeting, 'paperCount' | 'unread'>>();
  for (const pack of packs) {
    const { meeting } = pack;
    candidates.set(pack.meetingId, {
      id: pack.meetingId,
      title: meeting.title,
      date: meeting.date,
      time: meeting.time,
      place: meeting.place ?? '',
      isSample: isSampleMeeting(pack.meetingId),
      hasRecord: false,
    });
  }
  for (const meeting of meetings) {
    if (meeting.status !== 'draft') continue;
    candidates.set(meeting.id, {
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      time: meeting.time,
      place: meeting.place,
      isSample: isSampleMeeting(meeting.id) || samplePlans.has(meeting.planId ?? ''),
      hasRecord: true,
    });
  }
  const next = [...candidates.values()].filter((meeting) => meeting.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
  let nextMeeting: StartMeeting | null = null;
  if (next) {
    const papers = currentPapers(await papersOfMeeting(db, next.id));
    nextMeeting = {
      ...next,
      paperCount: papers.length,
      unread: papers
        .filter((paper) => !read.has(paper.id))
        .map((paper) => ({ meetingId: paper.meetingId, paperId: paper.paperId, title: paper.title, isExempt: paper.isExempt })),
    };
  }

  // The member's questions.
  const mine = profile
    ? await db.annotations
        .filter((record) => record.authorId === profile.id && !record.deleted && record.kind === 'question' && isOfBoard(record))
        .toArray()
    : [];
  const openQuestions = mine.filter(isAwaitingAnswer).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const answered = mine
    .filter((record) => record.answer !== null && !isAwaitingAnswer(record))
    .sort((a, b) => (b.answer?.answeredAt ?? '').localeCompare(a.answer?.answeredAt ?? ''));

  // What arrived since the member last looked (the first time: everything, newest first).
  const since = lastLooked ?? '';
  const changes: StartChange[] = [];
  for (const plan of plans) {
    for (const revision of plan.revisions) {
      if (revision.importedAt <= since) continue;
      changes.push({
        kind: 'revision',
        at: revision.importedAt,
        planId: plan.id,
        planTitle: plan.header.title,
        revision: revision.revision,
        importId: revision.importId,
        isSample: samplePlans.has(plan.id),
      });
    }
  }
  for (const pack of packs) {
    if (pack.importedAt <= since) continue;
    changes.push({
      kind: 'pack',
      at: pack.importedAt,
      meetingId: pack.meetingId,
      meetingTitle: pack.meeting.title,
      meetingDate: pack.meeting.date,
      summary: pack.summary,
      papers: pack.paperIds.length,
      isSample: isSampleMeeting(pack.meetingId),
    });
  }
  for (const question of answered) {
    const at = question.answer?.answeredAt ?? '';
    if (at > since) changes.push({ kind: 'answer', at, question });
  }
  changes.sort((a, b) => b.at.localeCompare(a.at));

  // Plan actions due or overdue, soonest first.
  const overdue: StartAction[] = [];
  const dueSoon: StartAction[] = [];
  const rows = await Promise.all(plans.map((plan) => readActionRows(db, plan.id)));
  for (const [index, record] of rows.entries()) {
    const plan = plans[index];
    if (!record || !plan) continue;
    for (const row of record.rows) {
      if (row.archivedInRevision !== null) continue;
      const action = { dueDate: row.dueDate, revisedDueDate: row.revisedDueDate ?? undefined, status: row.status };
      const entry: StartAction = {
        planId: plan.id,
        planTitle: plan.header.title,
        isSample: samplePlans.has(plan.id),
        actionId: row.id,
        ref: row.ref,
        title: row.title,
        due: effectiveDueDate(action),
      };
      if (isOverdue(action, today)) overdue.push(entry);
      else if (isDueSoon(action, today, DUE_SOON_DAYS)) dueSoon.push(entry);
    }
  }
  const byDue = (a: StartAction, b: StartAction) => a.due.localeCompare(b.due) || a.ref.localeCompare(b.ref, 'en-GB', { numeric: true });
  overdue.sort(byDue);
  dueSoon.sort(byDue);

  return { today, lastLooked, hasProfile: profile !== null, nextMeeting, openQuestions, answered, changes, overdue, dueSoon };
}

/** When the member last opened the start page (null the first time). */
export function getLastLooked(db: OversightDatabase): Promise<string | null> {
  return getMeta<string>(db, LAST_LOOKED).then((value) => value ?? null);
}

/** Notes that the member has looked now: the next visit shows only what arrives after this. */
export function setLastLooked(db: OversightDatabase, at: Date = new Date()): Promise<void> {
  return setMeta(db, LAST_LOOKED, at.toISOString());
}
