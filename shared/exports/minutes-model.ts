import { orderRecords } from '../meetings/records';
import type {
  ActionRecord,
  AgendaItem,
  AttendanceRecord,
  CarriedAction,
  DecisionRecord,
  DeclarationRecord,
  HeaderRecord,
  Meeting,
  MeetingRecord,
  TermsOfReference,
} from '../meetings/schema';
import type { MeetingBundle } from './schema';
import { exclusionResolution } from '../meetings/exempt-paragraphs';
import { describeQuorum, quorumAt } from '../meetings/quorum';
import { dateText, longDateText, voteText } from './text';

// The minutes of one meeting as a document model, in the shape of UK council minutes: title,
// date and place, present, apologies, in attendance, declarations, each item with its
// discussion, numbered decisions with votes, assurance judgements and actions arising. The
// DOCX and PDF builders only lay this out. Exempt items are withheld here, in one place,
// unless the export includes them.

export type MinutesDecision = {
  number: string;
  /**
   * The decision as councils word it, after its number: "RESOLVED: …" only for a carried
   * resolution; "The motion “…” was LOST: 2 for, 5 against, 0 abstentions." for a lost vote;
   * "NOTED: …", "DEFERRED: …", "RESOLVED to escalate to …: …", "RESOLVED to rescind decision …: …".
   */
  wording: string;
  /** How the vote went when carried ("Show of hands: 6 for, … Carried."), or ''. A lost vote is in the wording. */
  vote: string;
};

export type MinutesAction = { text: string; owner: string; due: string; itemNumber: string };

export type MinutesItem = {
  number: string;
  title: string;
  presenter: string;
  isExempt: boolean;
  /** An exempt item left out of this export: only its number and title are shown, with why. */
  isWithheld: boolean;
  /** For an exempt item: the resolution to exclude the press and public, with its Schedule 12A paragraph. */
  exclusion: string | null;
  /** Declarations of interest on the item: public even when the item is exempt. */
  declarations: string[];
  /** Minutes of earlier meetings approved at this item. */
  minutesApproved: string[];
  /** The notes taken on the item, or '' (nothing is printed then). */
  discussion: string;
  /** Decisions as taken; a decision withdrawn as recorded in error is not in the published minutes. */
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
  /** "Approved as a correct record at the meeting of 11 February 2027 (11 February 2027)", or null for a draft. */
  approval: string | null;
  /** The final (head) hash of the approved record's chain, to check with `oversight-cli verify --head`; null for a draft. */
  headHash: string | null;
  recordCount: number;
  /** Board members present, substitutes among them (with whom they stand in for). */
  present: string[];
  apologies: string[];
  /** Non-voting members of the board (advisers) who were present. */
  inAttendance: string[];
  /** Officers in attendance: not board members, "Name (Role)". */
  officers: string[];
  absent: string[];
  /** "The meeting was quorate: …", or null when no attendance was recorded. */
  quorum: string | null;
  /** "Item 3 (Deep dive): Cllr Amina Shah: Governor of a special school (remained in the room)". */
  declarations: string[];
  /** Actions from earlier meetings and the progress reported on them. */
  carriedActions: Array<MinutesAction & { progress: string }>;
  items: MinutesItem[];
  /** Every action arising, in agenda order, for the action log at the end. */
  actions: MinutesAction[];
  corrections: string[];
  /** "The meeting started at 14:05 and closed at 16:05.", or null when neither was recorded. */
  timesLine: string | null;
  /** Approved minutes end with "Signed …… Chair, Date ……" for the chair to sign. */
  hasSignatureBlock: boolean;
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

/** The words before the decision's text when it stands (was carried, or needed no vote). */
function standingWords(record: DecisionRecord): string {
  switch (record.type) {
    case 'resolved':
      return 'RESOLVED';
    case 'noted':
      return 'NOTED';
    case 'approved':
      return 'APPROVED';
    case 'deferred':
      return 'DEFERRED';
    case 'escalated':
      return record.escalatedTo ? `RESOLVED to escalate to ${record.escalatedTo}` : 'RESOLVED to escalate';
    case 'rescinds':
      return record.refersTo ? `RESOLVED to rescind decision ${record.refersTo}` : 'RESOLVED to rescind an earlier decision';
    case 'amends':
      return record.refersTo ? `RESOLVED to amend decision ${record.refersTo}` : 'RESOLVED to amend an earlier decision';
  }
}

/** A decision worded by its outcome: only a carried (or unopposed) decision reads as resolved. */
export function decisionOf(record: DecisionRecord): MinutesDecision {
  const text = record.text.trim();
  const vote = record.vote;
  if (vote?.outcome === 'lost') {
    const casting = vote.castingVote ? ` on the chair’s casting vote (${vote.castingVote})` : '';
    const counts =
      vote.method === 'show-of-hands'
        ? `: ${vote.for} for, ${vote.against} against, ${vote.abstain} ${vote.abstain === 1 ? 'abstention' : 'abstentions'}${casting}`
        : '';
    return { number: record.number, wording: `The motion “${text.replace(/[.]$/, '')}” was LOST${counts}.`, vote: '' };
  }
  return { number: record.number, wording: `${standingWords(record)}: ${text}`, vote: voteText(vote) };
}

function actionOf(record: ActionRecord, itemNumber: string): MinutesAction {
  return { text: record.text, owner: record.owner, due: dateText(record.dueDate) || 'No date set', itemNumber };
}

function declarationLine(record: DeclarationRecord): string {
  return `${record.memberName}: ${record.interest}${record.hasLeft ? ' (left the room for this item)' : ' (remained in the room)'}`;
}

function timesLine(startedAt: string | undefined, closedAt: string | undefined): string | null {
  if (startedAt && closedAt) return `The meeting started at ${startedAt} and closed at ${closedAt}.`;
  if (startedAt) return `The meeting started at ${startedAt}.`;
  if (closedAt) return `The meeting closed at ${closedAt}.`;
  return null;
}

function quorumLine(
  quorum: TermsOfReference['quorum'] | undefined,
  attendance: readonly AttendanceRecord[],
  agenda: readonly AgendaItem[],
  declarations: readonly DeclarationRecord[],
): string | null {
  if (attendance.length === 0) return null;
  // Without the terms (an old request), only the count of voters present can be stated.
  const state = quorumAt(quorum ?? { minVoting: 1, requiredOrganisations: [] }, attendance, agenda, declarations, null);
  const members = `${state.voters.length} voting ${state.voters.length === 1 ? 'member was' : 'members were'} present`;
  if (!quorum) return `${members} at the start of the meeting.`;
  return state.isQuorate
    ? `The meeting was quorate: ${members} (at least ${quorum.minVoting} needed).`
    : `The meeting was not quorate at the start: ${describeQuorum(state).replace(/^Not quorate: /, '')}.`;
}

/** Builds the minutes of one meeting from its stored records, leaving exempt items out unless included. */
export function buildMinutes(
  bundle: MeetingBundle,
  options: { boardName: string; includeExempt: boolean; terms?: TermsOfReference | undefined },
): MinutesDocument {
  const { meeting } = bundle;
  const records = readingOrder(meeting, bundle.records);
  const header = meeting.status === 'approved' ? headerOf(records) : undefined;
  const agenda = header?.agenda ?? meeting.agenda;
  const withheld = withheldItemIds(agenda, options.includeExempt);
  const visible = records.filter((record) => !isWithheld(record, withheld));
  // Interests are public even on an exempt item: declarations are never withheld.
  const declarations = records.filter((record): record is DeclarationRecord => record.kind === 'declaration');

  const attendance = records.filter((record): record is AttendanceRecord => record.kind === 'attendance');
  const byId = new Map(attendance.map((record) => [record.memberId, record]));
  const line = (record: AttendanceRecord) => personLine(record, byId, agenda);
  const itemNumber = (itemId: string) => agenda.find((item) => item.id === itemId)?.number ?? '?';
  const approvedMinutes = header?.approvedMinutes ?? meeting.approvedMinutes ?? [];

  const items: MinutesItem[] = agenda.map((item) => {
    const isItemWithheld = withheld.has(item.id);
    const on = visible.filter((record) => 'itemId' in record && record.itemId === item.id);
    return {
      number: item.number,
      title: item.title,
      presenter: item.presenter,
      isExempt: item.isExempt,
      isWithheld: isItemWithheld,
      exclusion: item.isExempt ? exclusionResolution(item.exemptParagraph) : null,
      declarations: declarations.filter((record) => record.itemId === item.id).map(declarationLine),
      minutesApproved: approvedMinutes
        .filter((approved) => approved.itemId === item.id)
        .map(
          (approved) =>
            `RESOLVED that the minutes of the meeting held on ${longDateText(approved.meetingDate)} be approved as a correct record and signed by the Chair.`,
        ),
      discussion: isItemWithheld
        ? WITHHELD_TEXT
        : on
            .flatMap((record) => (record.kind === 'note' ? [record.text.trim()] : []))
            .filter((text) => text !== '')
            .join('\n\n'),
      decisions: on.flatMap((record) => (record.kind === 'decision' && !record.isWithdrawn ? [decisionOf(record)] : [])),
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
  const approval = meeting.approval;
  const approvedOn = approval ? dateText(approval.approvedAtMeetingDate ?? approval.approvedAt) : '';
  // The form words an in-app meeting with its date ("the meeting of 18 February 2027, item 3"): not repeated then.
  const approvedWhen = approval && !approval.approvedAtMeeting.includes(approvedOn) ? ` (${approvedOn})` : '';
  const isPresent = (record: AttendanceRecord) => record.status === 'present';
  // A substitute stands in for a voting member, so sits among the members present, not "in attendance".
  const isMember = (record: AttendanceRecord) => record.isVoting || record.substituteForId !== null;

  return {
    boardName: header?.boardName ?? options.boardName,
    title: header?.title ?? meeting.title,
    dateLine: longDateText(header?.date ?? meeting.date),
    time: header?.time ?? meeting.time,
    place: header?.place ?? meeting.place,
    isDraft: meeting.status !== 'approved',
    isConfidential: options.includeExempt,
    approval: approval ? `Approved as a correct record at ${approval.approvedAtMeeting}${approvedWhen}` : null,
    headHash: approval?.chainHead ?? null,
    recordCount: approval?.recordCount ?? records.length,
    present: attendance.filter((record) => isPresent(record) && isMember(record)).map(line),
    apologies: attendance.filter((record) => record.status === 'apologies').map(line),
    inAttendance: attendance.filter((record) => isPresent(record) && !isMember(record)).map(line),
    officers: (header?.officers ?? meeting.officers ?? []).map((officer) => `${officer.name} (${officer.role})`),
    absent: attendance.filter((record) => record.status === 'absent').map(line),
    quorum: quorumLine((header?.terms ?? options.terms)?.quorum, attendance, agenda, declarations),
    declarations: items.flatMap((item) => item.declarations.map((declaration) => `Item ${item.number} (${item.title}): ${declaration}`)),
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
    timesLine: timesLine(header?.startedAt ?? meeting.startedAt, header?.closedAt ?? meeting.closedAt),
    hasSignatureBlock: meeting.status === 'approved',
    withheldItems: withheld.size,
  };
}
