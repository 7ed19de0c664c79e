import { orderRecords } from '../meetings/records';
import type {
  ActionRecord,
  AgendaItem,
  AttendanceRecord,
  CarriedAction,
  DecisionRecord,
  HeaderRecord,
  Meeting,
  MeetingRecord,
} from '../meetings/schema';
import type { MeetingBundle } from './schema';
import { dateText, DECISION_TYPE_WORDS, longDateText, voteText } from './text';

// The minutes of one meeting as a document model, in the shape of UK council minutes: title,
// date and place, present, apologies, in attendance, declarations, each item with its
// discussion, numbered decisions with votes, assurance judgements and actions arising. The
// DOCX and PDF builders only lay this out. Exempt items are withheld here, in one place,
// unless the export includes them.

export type MinutesDecision = {
  number: string;
  typeLabel: string;
  text: string;
  vote: string;
  isWithdrawn: boolean;
  /** "Escalated to: the DfE" or "Rescinds SOB/2026/004", or ''. */
  note: string;
};

export type MinutesAction = { text: string; owner: string; due: string; itemNumber: string };

export type MinutesItem = {
  number: string;
  title: string;
  presenter: string;
  isExempt: boolean;
  /** An exempt item left out of this export: only its number and title are shown, with why. */
  isWithheld: boolean;
  declarations: string[];
  discussion: string;
  decisions: MinutesDecision[];
  judgements: Array<{ label: string; level: string; reason: string }>;
  actions: MinutesAction[];
};

export type MinutesDocument = {
  boardName: string;
  title: string;
  dateLine: string;
  time: string;
  place: string;
  isDraft: boolean;
  isConfidential: boolean;
  /** "Approved at the meeting of 11 February 2027 (11 February 2027)", or null for a draft. */
  approval: string | null;
  /** The final hash of the approved record's chain, or null for a draft. */
  chainHead: string | null;
  recordCount: number;
  present: string[];
  apologies: string[];
  inAttendance: string[];
  absent: string[];
  declarations: string[];
  /** Actions from earlier meetings and the progress reported on them. */
  carriedActions: Array<MinutesAction & { progress: string }>;
  items: MinutesItem[];
  /** Every action arising, in agenda order, for the action log at the end. */
  actions: MinutesAction[];
  corrections: string[];
  /** How many items (and records on them) were withheld as exempt. */
  withheldItems: number;
};

const WITHHELD_TEXT =
  'Exempt item: the press and public were excluded. Its discussion and decisions are recorded in the confidential minutes.';

/** The agenda the minutes follow: as approved (record 0) once approved, else the meeting's own. */
function headerOf(records: readonly MeetingRecord[]): HeaderRecord | undefined {
  return records.find((record): record is HeaderRecord => record.kind === 'meeting');
}

/** The records in reading order: chain order once approved, else the draft's reading order. */
export function readingOrder(meeting: Meeting, records: readonly MeetingRecord[]): MeetingRecord[] {
  const own = records.filter((record) => record.meetingId === meeting.id);
  if (meeting.status === 'approved') {
    return own.filter((record) => record.chain !== null).sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  }
  return orderRecords(own, meeting.agenda);
}

/** The ids of a meeting's exempt agenda items that an export must leave out. */
export function withheldItemIds(agenda: readonly AgendaItem[], includeExempt: boolean): Set<string> {
  return new Set(includeExempt ? [] : agenda.filter((item) => item.isExempt).map((item) => item.id));
}

/** True when a record sits on an item the export leaves out. */
export function isWithheld(record: MeetingRecord, withheld: ReadonlySet<string>): boolean {
  return 'itemId' in record && withheld.has(record.itemId);
}

function personLine(record: AttendanceRecord, byId: ReadonlyMap<string, AttendanceRecord>, agenda: readonly AgendaItem[]): string {
  const parts = [record.name];
  const detail = [record.role, record.organisation].filter((part) => part.trim() !== '').join(', ');
  if (detail) parts.push(`(${detail})`);
  let line = parts.join(' ');
  if (record.substituteForId) line += `, substituting for ${byId.get(record.substituteForId)?.name ?? 'a member'}`;
  const itemNumber = (id: string | null) => agenda.find((item) => item.id === id)?.number;
  if (record.arrivedAtItemId) line += `; arrived during item ${itemNumber(record.arrivedAtItemId) ?? '?'}`;
  if (record.leftAtItemId) line += `; left during item ${itemNumber(record.leftAtItemId) ?? '?'}`;
  return line;
}

function decisionOf(record: DecisionRecord): MinutesDecision {
  const note = record.escalatedTo
    ? `Escalated to: ${record.escalatedTo}`
    : record.refersTo
      ? `${record.type === 'rescinds' ? 'Rescinds' : 'Amends'} decision ${record.refersTo}`
      : '';
  return {
    number: record.number,
    typeLabel: DECISION_TYPE_WORDS[record.type],
    text: record.text,
    vote: voteText(record.vote),
    isWithdrawn: record.isWithdrawn,
    note,
  };
}

function actionOf(record: ActionRecord, itemNumber: string): MinutesAction {
  return { text: record.text, owner: record.owner, due: dateText(record.dueDate) || 'No date set', itemNumber };
}

/** Builds the minutes of one meeting from its stored records, leaving exempt items out unless included. */
export function buildMinutes(bundle: MeetingBundle, options: { boardName: string; includeExempt: boolean }): MinutesDocument {
  const { meeting } = bundle;
  const records = readingOrder(meeting, bundle.records);
  const header = meeting.status === 'approved' ? headerOf(records) : undefined;
  const agenda = header?.agenda ?? meeting.agenda;
  const withheld = withheldItemIds(agenda, options.includeExempt);
  const visible = records.filter((record) => !isWithheld(record, withheld));

  const attendance = visible.filter((record): record is AttendanceRecord => record.kind === 'attendance');
  const byId = new Map(attendance.map((record) => [record.memberId, record]));
  const line = (record: AttendanceRecord) => personLine(record, byId, agenda);
  const itemNumber = (itemId: string) => agenda.find((item) => item.id === itemId)?.number ?? '?';

  const items: MinutesItem[] = agenda.map((item) => {
    const isItemWithheld = withheld.has(item.id);
    const on = visible.filter((record) => 'itemId' in record && record.itemId === item.id);
    return {
      number: item.number,
      title: item.title,
      presenter: item.presenter,
      isExempt: item.isExempt,
      isWithheld: isItemWithheld,
      declarations: on.flatMap((record) =>
        record.kind === 'declaration'
          ? [`${record.memberName}: ${record.interest}${record.hasLeft ? ' (left the room for this item)' : ''}`]
          : [],
      ),
      discussion: isItemWithheld
        ? WITHHELD_TEXT
        : on
            .flatMap((record) => (record.kind === 'note' ? [record.text.trim()] : []))
            .filter((text) => text !== '')
            .join('\n\n'),
      decisions: on.flatMap((record) => (record.kind === 'decision' ? [decisionOf(record)] : [])),
      judgements: on.flatMap((record) =>
        record.kind === 'judgement' ? [{ label: record.target.label, level: record.level, reason: record.reason }] : [],
      ),
      actions: on.flatMap((record) => (record.kind === 'action' ? [actionOf(record, item.number)] : [])),
    };
  });

  const exempt = new Set(bundle.exemptSourceIds);
  const carried: CarriedAction[] = (header?.carriedActions ?? meeting.carriedActions).filter(
    (action) => options.includeExempt || (!exempt.has(action.sourceId) && action.isExempt !== true),
  );
  // A correction to exempt content is exempt too: sealed so when appended, or (minutes approved
  // before seals) found by the record it amends.
  const isExemptCorrection = (record: MeetingRecord): boolean => {
    if (options.includeExempt || record.kind !== 'correction') return false;
    const amended = records.find((other) => other.chain?.seq === record.amendsSeq);
    return (
      record.chain?.exempt === true ||
      amended?.chain?.exempt === true ||
      (amended !== undefined && isWithheld(amended, withheld)) ||
      (amended?.kind === 'action-update' && exempt.has(amended.sourceId))
    );
  };
  const updates = new Map(visible.flatMap((record) => (record.kind === 'action-update' ? [[record.sourceId, record] as const] : [])));

  return {
    boardName: header?.boardName ?? options.boardName,
    title: header?.title ?? meeting.title,
    dateLine: longDateText(header?.date ?? meeting.date),
    time: header?.time ?? meeting.time,
    place: header?.place ?? meeting.place,
    isDraft: meeting.status !== 'approved',
    isConfidential: options.includeExempt,
    approval: meeting.approval ? `Approved at ${meeting.approval.approvedAtMeeting} (${dateText(meeting.approval.approvedAt)})` : null,
    chainHead: meeting.approval?.chainHead ?? null,
    recordCount: meeting.approval?.recordCount ?? records.length,
    present: attendance.filter((record) => record.status === 'present' && record.isVoting).map(line),
    apologies: attendance.filter((record) => record.status === 'apologies').map(line),
    inAttendance: attendance.filter((record) => record.status === 'present' && !record.isVoting).map(line),
    absent: attendance.filter((record) => record.status === 'absent').map(line),
    declarations: items.flatMap((item) => item.declarations.map((declaration) => `Item ${item.number}: ${declaration}`)),
    carriedActions: carried.map((action) => {
      const update = updates.get(action.sourceId);
      const progress = update
        ? `${update.status === 'complete' ? 'Complete' : 'Ongoing'}${update.note.trim() ? `: ${update.note.trim()}` : ''}`
        : 'No update';
      return { text: action.text, owner: action.owner, due: dateText(action.dueDate) || 'No date set', itemNumber: '', progress };
    }),
    items,
    actions: visible.flatMap((record) => (record.kind === 'action' ? [actionOf(record, itemNumber(record.itemId))] : [])),
    corrections: visible.flatMap((record) =>
      record.kind === 'correction' && !isExemptCorrection(record) ? [`Correction to record ${record.amendsSeq}: ${record.text}`] : [],
    ),
    withheldItems: withheld.size,
  };
}
