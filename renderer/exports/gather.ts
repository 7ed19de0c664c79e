import { isPaperTarget, isPlanAnnotation, type AnnotationRecord } from '../../shared/annotations/types';
import type { ExportQuestion, ExportRequest, MeetingBundle } from '../../shared/exports/schema';
import type { Meeting } from '../../shared/meetings/schema';
import type { Action, Area, Measure, Milestone, Risk } from '../../shared/plan/schema';
import type { OversightDatabase } from '../db/database';
import type { EntityRecord } from '../db/types';
import { meetingsOfBoard, openBoardId } from '../meetings/boards';
import { listPlans } from '../db/plan-repository';
import { paperRecordId } from '../papers/types';

// Gathers what an export needs from the store, as the plain payload main validates and builds
// from. Read-only; a few reads per export. Private annotations are never read for an export:
// the query itself asks for shared questions only, and main's schema admits nothing else.

/** One meeting with its records, naming the carried-forward actions that arose on exempt items earlier. */
export async function meetingBundle(db: OversightDatabase, meetingId: string): Promise<MeetingBundle | undefined> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return undefined;
  const records = await db.meetingRecords.where('meetingId').equals(meetingId).toArray();
  return { meeting, records, exemptSourceIds: await exemptSources(db, meeting) };
}

/** Every meeting of a board (the open board's unless given) with its records, for the logs across meetings. */
export async function allMeetingBundles(db: OversightDatabase, boardId?: string): Promise<MeetingBundle[]> {
  const [meetings, records] = await Promise.all([meetingsOfBoard(db, boardId ?? (await openBoardId(db))), db.meetingRecords.toArray()]);
  const byMeeting = new Map<string, MeetingBundle['records']>();
  for (const record of records) byMeeting.set(record.meetingId, [...(byMeeting.get(record.meetingId) ?? []), record]);
  const bundles: MeetingBundle[] = [];
  for (const meeting of meetings)
    bundles.push({ meeting, records: byMeeting.get(meeting.id) ?? [], exemptSourceIds: await exemptSources(db, meeting) });
  return bundles;
}

/** The carried-forward actions of a meeting that arose on exempt items at earlier meetings, by source id. */
export async function exemptSources(db: OversightDatabase, meeting: Meeting): Promise<string[]> {
  if (meeting.carriedActions.length === 0) return [];
  const sources = await db.meetingRecords.bulkGet(meeting.carriedActions.map((action) => action.sourceId));
  const meetings = new Map(
    (await db.meetings.bulkGet([...new Set(meeting.carriedActions.map((action) => action.fromMeetingId))])).flatMap((found) =>
      found ? [[found.id, found] as const] : [],
    ),
  );
  return sources.flatMap((source) => {
    if (!source || source.kind !== 'action') return [];
    const item = meetings.get(source.meetingId)?.agenda.find((entry) => entry.id === source.itemId);
    return item?.isExempt ? [source.id] : [];
  });
}

/** The members who have shared questions, by name. */
export async function questionAuthors(db: OversightDatabase): Promise<string[]> {
  const shared = await db.annotations
    .filter((record) => record.kind === 'question' && record.visibility === 'shared' && !record.deleted)
    .toArray();
  return [...new Set(shared.map((record) => record.authorName))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

type Located = { label: string; actionId: string | null; areaId: string | null };

function locate(entity: EntityRecord | undefined, get: (kind: string, id: string) => EntityRecord | undefined): Located | null {
  if (!entity) return null;
  switch (entity.kind) {
    case 'area': {
      const area = entity.data as Area;
      return { label: `Area ${area.ref}: ${area.title}`, actionId: null, areaId: area.id };
    }
    case 'action': {
      const action = entity.data as Action;
      return { label: `Action ${action.ref}: ${action.title}`, actionId: action.id, areaId: action.areaId };
    }
    case 'milestone': {
      const milestone = entity.data as Milestone;
      const action = get('action', milestone.actionId)?.data as Action | undefined;
      return {
        label: `Milestone: ${milestone.title}${action ? ` (action ${action.ref})` : ''}`,
        actionId: milestone.actionId,
        areaId: action?.areaId ?? null,
      };
    }
    case 'measure':
      return { label: `Measure: ${(entity.data as Measure).name}`, actionId: null, areaId: null };
    default:
      return null;
  }
}

/**
 * Members' shared questions for a meeting (one member's, or everyone's when `memberName` is
 * null), each placed on the agenda item whose plan links cover what it is about.
 */
export async function questionsFor(db: OversightDatabase, meeting: Meeting, memberName: string | null): Promise<ExportQuestion[]> {
  const all = await db.annotations
    .filter(
      (record) =>
        record.kind === 'question' &&
        record.visibility === 'shared' &&
        !record.deleted &&
        (memberName === null || record.authorName === memberName),
    )
    .toArray();
  all.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  // Questions on passages of this meeting's board papers are placed under the paper's agenda item.
  const onPapers = await paperQuestions(
    db,
    meeting,
    all.filter((record) => !isPlanAnnotation(record)),
  );
  const shared = all.filter(isPlanAnnotation);
  shared.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  const keys = shared.map((record): [string, string, string] => [record.target.planId, record.target.kind, record.target.id]);
  const found = await db.entities.bulkGet(keys);
  const milestoneActions = found.flatMap((entity): Array<[string, string, string]> =>
    entity?.kind === 'milestone' ? [[entity.planId, 'action', (entity.data as Milestone).actionId]] : [],
  );
  const actions = (await db.entities.bulkGet(milestoneActions)).filter((entity): entity is EntityRecord => entity !== undefined);
  const byKey = new Map<string, EntityRecord>(
    [...found, ...actions].flatMap((entity): Array<[string, EntityRecord]> =>
      entity ? [[`${entity.planId}|${entity.kind}|${entity.id}`, entity]] : [],
    ),
  );
  const itemFor = (planId: string, located: Located): string | null => {
    if (planId !== meeting.planId) return null;
    const onAction = meeting.agenda.find((item) => item.links.some((link) => link.kind === 'action' && link.id === located.actionId));
    const onArea = meeting.agenda.find((item) => item.links.some((link) => link.kind === 'area' && link.id === located.areaId));
    return (onAction ?? onArea)?.id ?? null;
  };
  const onPlan = shared.map((record, index): ExportQuestion => {
    const { kind, id } = record.target;
    // A target no longer in the store is still placed by its own kind and id.
    const located = locate(found[index], (entityKind, entityId) => byKey.get(`${record.target.planId}|${entityKind}|${entityId}`)) ?? {
      label: `${kind} ${id}`,
      actionId: kind === 'action' ? id : null,
      areaId: kind === 'area' ? id : null,
    };
    return {
      id: record.id,
      authorName: record.authorName,
      visibility: 'shared',
      targetLabel: located.label,
      itemId: itemFor(record.target.planId, located),
      text: record.text,
      answer: record.answer?.text ?? null,
      askedAt: record.createdAt,
      ...(record.answer?.notAccepted ? { followUp: record.answer.notAccepted.followUp } : {}),
    };
  });
  return [...onPlan, ...onPapers];
}

/** Members' shared questions on passages of the meeting's board papers, each under its paper's agenda item. */
async function paperQuestions(db: OversightDatabase, meeting: Meeting, records: readonly AnnotationRecord[]): Promise<ExportQuestion[]> {
  const mine = records.flatMap((record) =>
    isPaperTarget(record.target) && record.target.meetingId === meeting.id ? [{ record, target: record.target }] : [],
  );
  const papers = await db.papers.bulkGet(mine.map(({ target }) => paperRecordId(target.meetingId, target.paperId)));
  const onAgenda = new Set(meeting.agenda.map((item) => item.id));
  return mine.map(({ record, target }, index): ExportQuestion => {
    const paper = papers[index];
    const quote = target.anchor.quote.exact.replace(/\s+/g, ' ').trim();
    const excerpt = quote.length > 80 ? `${quote.slice(0, 79)}…` : quote;
    const itemId = paper?.agendaItem && onAgenda.has(paper.agendaItem) ? paper.agendaItem : null;
    const isItemExempt = meeting.agenda.find((item) => item.id === itemId)?.isExempt ?? false;
    return {
      id: record.id,
      authorName: record.authorName,
      visibility: 'shared',
      targetLabel: `Paper: ${paper?.title ?? target.paperId}, page ${target.anchor.page}${excerpt ? `: “${excerpt}”` : ''}`,
      itemId,
      text: record.text,
      answer: record.answer?.text ?? null,
      // An exempt paper on a public item is still exempt: main leaves its questions out unless included.
      ...(paper?.isExempt && !isItemExempt ? { isExempt: true } : {}),
    };
  });
}

type BoardReportRequest = Extract<ExportRequest, { kind: 'board-report-docx' | 'board-report-pdf' }>;

/**
 * What the board's report needs for a period: the plan as stored now (its current, unarchived
 * areas, actions, measures and risks), every meeting, the plan's families' voice records and
 * each meeting's shared questions. Main keeps the period and the exempt rule; or a sentence why
 * there is nothing to report.
 */
export async function boardReportRequest(
  db: OversightDatabase,
  options: { kind: BoardReportRequest['kind']; from: string; to: string; includeExempt: boolean; boardName: string },
): Promise<BoardReportRequest | string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from) || !/^\d{4}-\d{2}-\d{2}$/.test(options.to))
    return 'Give the period’s first and last dates.';
  if (options.from > options.to) return 'The period’s first date is after its last date.';
  const bundles = await allMeetingBundles(db);
  // The plan of the latest meeting in the period, else the open board's first plan.
  const inPeriod = bundles
    .filter((bundle) => bundle.meeting.date >= options.from && bundle.meeting.date <= options.to)
    .sort((a, b) => b.meeting.date.localeCompare(a.meeting.date));
  const planId = inPeriod.find((bundle) => bundle.meeting.planId !== null)?.meeting.planId ?? (await listPlans(db))[0]?.id;
  const plan = planId ? await db.plans.get(planId) : undefined;
  if (!plan) return 'There is no plan on this laptop to report on.';
  const current = (await db.entities.where('[planId+kind+id]').between([plan.id], [plan.id, []], true, true).toArray()).filter(
    (entity) => entity.archivedInRevision === null,
  );
  const of = <T>(kind: string) => current.filter((entity) => entity.kind === kind).map((entity) => entity.data as T);
  const voice = (await db.voiceRecords.toArray())
    .filter((record) => record.planId === plan.id)
    .map(({ recordedBy: _by, createdAt: _created, updatedAt: _updated, ...record }) => record);
  const questions: BoardReportRequest['questions'] = [];
  for (const { meeting } of inPeriod) {
    for (const question of await questionsFor(db, meeting, null)) questions.push({ ...question, meetingId: meeting.id });
  }
  return {
    kind: options.kind,
    includeExempt: options.includeExempt,
    boardName: options.boardName,
    from: options.from,
    to: options.to,
    plan: {
      title: plan.header.title,
      areas: of<Area>('area'),
      actions: of<Action>('action'),
      measures: of<Measure>('measure'),
      risks: of<Risk>('risk'),
    },
    bundles,
    voice,
    questions,
  };
}
