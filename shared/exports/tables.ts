import type { ActionUpdateRecord } from '../meetings/schema';
import { isWithheld, readingOrder, withheldItemIds } from './minutes-model';
import type { ExportQuestion, MeetingBundle } from './schema';
import { dateText, DECISION_TYPE_WORDS } from './text';

// The logs and lists exported as spreadsheets (CSV and XLSX share them): one heading row and
// one row per decision, action or question. Pure; exempt items are left out here unless included.

export type Cell = string | number | null;

/** The status a decision log gives a decision withdrawn as recorded in error. */
export const WITHDRAWN_STATUS = 'Withdrawn (recorded in error)';
export type Table = {
  sheetName: string;
  headings: string[];
  rows: Cell[][];
  widths: number[];
  /** Columns (0-based) holding YYYY-MM-DD dates: XLSX stores them as dates shown dd/mm/yyyy; CSV keeps the ISO text. */
  dateColumns?: number[];
};

function sortedBundles(bundles: readonly MeetingBundle[]): MeetingBundle[] {
  return [...bundles].sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.meeting.time.localeCompare(b.meeting.time));
}

function agendaOf(bundle: MeetingBundle) {
  const header = bundle.records.find((record) => record.kind === 'meeting');
  return header?.kind === 'meeting' ? header.agenda : bundle.meeting.agenda;
}

/** One row per decision across the meetings given, oldest meeting first, in each meeting's reading order. */
export function decisionLog(bundles: readonly MeetingBundle[], includeExempt: boolean): Table {
  const rows: Cell[][] = [];
  for (const bundle of sortedBundles(bundles)) {
    const agenda = agendaOf(bundle);
    const withheld = withheldItemIds(agenda, includeExempt);
    for (const record of readingOrder(bundle.meeting, bundle.records)) {
      if (record.kind !== 'decision' || isWithheld(record, withheld)) continue;
      const item = agenda.find((entry) => entry.id === record.itemId);
      const vote = record.vote;
      rows.push([
        record.number,
        bundle.meeting.date,
        bundle.meeting.title,
        item?.number ?? '',
        item?.title ?? '',
        item?.isExempt ? 'Yes' : 'No',
        DECISION_TYPE_WORDS[record.type],
        record.text,
        record.escalatedTo ?? '',
        record.refersTo ?? '',
        vote ? (vote.method === 'consensus' ? 'Consensus' : 'Show of hands') : 'No vote',
        vote && vote.method === 'show-of-hands' ? vote.for : null,
        vote && vote.method === 'show-of-hands' ? vote.against : null,
        vote && vote.method === 'show-of-hands' ? vote.abstain : null,
        vote ? (vote.outcome === 'carried' ? 'Carried' : 'Lost') : '',
        record.isWithdrawn ? WITHDRAWN_STATUS : bundle.meeting.status === 'approved' ? 'Approved minutes' : 'Draft minutes',
      ]);
    }
  }
  return {
    sheetName: 'Decision log',
    headings: [
      'Decision',
      'Meeting date',
      'Meeting',
      'Item',
      'Item title',
      'Exempt',
      'Type',
      'Decision text',
      'Escalated to',
      'Refers to',
      'Vote',
      'For',
      'Against',
      'Abstentions',
      'Outcome',
      'Status',
    ],
    rows,
    widths: [16, 12, 28, 6, 32, 8, 14, 60, 20, 14, 14, 6, 8, 11, 10, 22],
    dateColumns: [1],
  };
}

/**
 * One row per action arising across the meetings given, with the latest progress reported on
 * it at a later meeting (carried forward and marked complete or ongoing).
 */
export function actionLog(bundles: readonly MeetingBundle[], includeExempt: boolean): Table {
  const sorted = sortedBundles(bundles);
  const latest = new Map<string, { update: ActionUpdateRecord; date: string }>();
  for (const bundle of sorted) {
    for (const record of bundle.records) {
      if (record.kind === 'action-update') latest.set(record.sourceId, { update: record, date: bundle.meeting.date });
    }
  }
  const rows: Cell[][] = [];
  for (const bundle of sorted) {
    const agenda = agendaOf(bundle);
    const withheld = withheldItemIds(agenda, includeExempt);
    for (const record of readingOrder(bundle.meeting, bundle.records)) {
      if (record.kind !== 'action' || isWithheld(record, withheld)) continue;
      const item = agenda.find((entry) => entry.id === record.itemId);
      const progress = latest.get(record.id);
      rows.push([
        bundle.meeting.date,
        bundle.meeting.title,
        item?.number ?? '',
        item?.title ?? '',
        item?.isExempt ? 'Yes' : 'No',
        record.text,
        record.owner,
        record.dueDate ?? '',
        progress ? (progress.update.status === 'complete' ? 'Complete' : 'Ongoing') : 'Open',
        progress ? `${dateText(progress.date)}: ${progress.update.note}`.replace(/: $/, '') : '',
        record.links.map((link) => link.label).join('; '),
      ]);
    }
  }
  return {
    sheetName: 'Action log',
    headings: [
      'Meeting date',
      'Meeting',
      'Item',
      'Item title',
      'Exempt',
      'Action',
      'Owner',
      'Due date',
      'Status',
      'Latest progress',
      'Plan actions',
    ],
    rows,
    widths: [12, 28, 6, 32, 8, 60, 24, 12, 10, 40, 40],
    dateColumns: [0, 7],
  };
}

export type QuestionGroup = { heading: string; isExempt: boolean; questions: ExportQuestion[] };

/**
 * Questions for officers grouped by agenda item, in agenda order, then those about no item on
 * the agenda. Questions on exempt items are left out unless included; within a group, by member.
 */
export function groupQuestionsByItem(
  agenda: ReadonlyArray<{ id: string; number: string; title: string; isExempt: boolean }>,
  given: readonly ExportQuestion[],
  includeExempt: boolean,
): QuestionGroup[] {
  const byAuthor = (a: ExportQuestion, b: ExportQuestion) => a.authorName.localeCompare(b.authorName, 'en-GB');
  const groups: QuestionGroup[] = [];
  const questions = includeExempt ? given : given.filter((question) => question.isExempt !== true);
  for (const item of agenda) {
    if (item.isExempt && !includeExempt) continue;
    const mine = questions.filter((question) => question.itemId === item.id).sort(byAuthor);
    if (mine.length > 0) groups.push({ heading: `Item ${item.number}: ${item.title}`, isExempt: item.isExempt, questions: mine });
  }
  const onAgenda = new Set(agenda.map((item) => item.id));
  const other = questions.filter((question) => question.itemId === null || !onAgenda.has(question.itemId)).sort(byAuthor);
  if (other.length > 0) groups.push({ heading: 'Other questions (not on the agenda)', isExempt: false, questions: other });
  return groups;
}

/** The questions as one table: item, member, what it is about, question, answer. */
export function questionsTable(groups: readonly QuestionGroup[]): Table {
  return {
    sheetName: 'Questions',
    headings: ['Agenda item', 'Member', 'About', 'Question', 'Answer given'],
    rows: groups.flatMap((group) =>
      group.questions.map((question): Cell[] => [
        group.heading,
        question.authorName,
        question.targetLabel,
        question.text,
        question.answer ?? '',
      ]),
    ),
    widths: [36, 24, 36, 60, 40],
  };
}
