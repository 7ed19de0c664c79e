import { chainContents, verifyChain, type ChainEntry, type ChainFault } from './hash-chain';
import { describeRecord, orderRecords } from './records';
import { recordContent, type AgendaItem, type HeaderRecord, type Meeting, type MeetingRecord, type TermsOfReference } from './schema';

// Approving the minutes: the draft's records are put in reading order behind a header record
// (the meeting as approved) and chained; the meeting keeps the chain's final hash. Afterwards
// records are only ever appended (corrections), each chained to the last. Pure: the renderer's
// repository writes what these return, in one transaction.

export type ApprovalInput = {
  meeting: Meeting;
  records: readonly MeetingRecord[];
  boardName: string;
  terms: TermsOfReference;
  approvedAt: string;
  /** In words: "the meeting of 11 February 2027". */
  approvedAtMeeting: string;
  approvedAtMeetingId: string | null;
  /**
   * Carried actions that arose on exempt items (by source id), for drafts whose carried actions
   * predate the `isExempt` mark: record 0 marks them, so it seals them for redaction.
   */
  exemptSourceIds?: readonly string[];
  /** The approving meeting's date, when known (always for a meeting outside the app). */
  approvedAtMeetingDate?: string | undefined;
};

/** Where and when minutes are approved, as the chair gives it: checked by `approvalProblems`. */
export type ApprovalPlace = {
  /** The date of the meeting whose minutes are approved (YYYY-MM-DD). */
  meetingDate: string;
  /** The approving meeting's date (YYYY-MM-DD), or null when not given. */
  approvingDate: string | null;
  /** When the approval is being recorded (an ISO timestamp). */
  approvedAt: string;
};

/**
 * What is wrong with an approval, in the chair's words; empty when it can stand. Minutes are
 * approved at a later meeting (Local Government Act 1972, Schedule 12, paragraph 41: the same or
 * next suitable meeting), and an approval cannot be recorded before the meeting it approves.
 */
export function approvalProblems(place: ApprovalPlace): string[] {
  const problems: string[] = [];
  const today = place.approvedAt.slice(0, 10);
  if (place.approvingDate === null) problems.push('Give the date of the meeting at which the minutes were approved.');
  else if (place.approvingDate <= place.meetingDate)
    problems.push('The minutes can only be approved at a meeting held after the meeting they record.');
  if (today < place.meetingDate) problems.push('The minutes cannot be approved before the meeting they record has taken place.');
  else if (place.approvingDate !== null && today < place.approvingDate)
    problems.push('The approving meeting has not taken place yet: approve the minutes at that meeting or after it.');
  return problems;
}

/** The id of an approved meeting's header record (record 0). */
export function headerIdOf(meetingId: string): string {
  return `${meetingId}:meeting`;
}

/**
 * True for a record an export may withhold, sealed as such in its link when it is chained: one on
 * an exempt item (but not a declaration of interest), or progress on a carried-forward action that arose on one. (A correction to
 * a withholdable record is sealed too, when it is appended.) Record 0 is never withheld.
 */
export function mayBeWithheld(record: MeetingRecord, header: Pick<HeaderRecord, 'agenda' | 'carriedActions'>): boolean {
  // Interests are public even when the item is not: a declaration is never withheld.
  if (record.kind === 'declaration') return false;
  if ('itemId' in record) return header.agenda.some((item) => item.id === record.itemId && item.isExempt);
  if (record.kind === 'action-update') {
    return header.carriedActions.some((action) => action.sourceId === record.sourceId && action.isExempt === true);
  }
  return false;
}

/** Chains a draft's records behind a header; returns the approved meeting and every record to write. */
export async function sealMeeting(input: ApprovalInput): Promise<{ meeting: Meeting; records: MeetingRecord[] }> {
  const { meeting } = input;
  if (meeting.status !== 'draft') throw new Error('These minutes are already approved.');
  const header: HeaderRecord = {
    id: headerIdOf(meeting.id),
    meetingId: meeting.id,
    kind: 'meeting',
    createdAt: input.approvedAt,
    updatedAt: input.approvedAt,
    chain: null,
    boardName: input.boardName,
    title: meeting.title,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    agenda: meeting.agenda,
    carriedActions: meeting.carriedActions.map((action) =>
      input.exemptSourceIds?.includes(action.sourceId) === true ? { ...action, isExempt: true } : action,
    ),
    terms: input.terms,
    approvedAt: input.approvedAt,
    approvedAtMeeting: input.approvedAtMeeting,
    ...(input.approvedAtMeetingDate ? { approvedAtMeetingDate: input.approvedAtMeetingDate } : {}),
    // Sealed only when recorded, so a meeting without them hashes as it did before they existed.
    ...(meeting.startedAt ? { startedAt: meeting.startedAt } : {}),
    ...(meeting.closedAt ? { closedAt: meeting.closedAt } : {}),
    ...(meeting.officers && meeting.officers.length > 0 ? { officers: meeting.officers } : {}),
    ...(meeting.approvedMinutes && meeting.approvedMinutes.length > 0 ? { approvedMinutes: meeting.approvedMinutes } : {}),
  };
  const ordered: MeetingRecord[] = [header, ...orderRecords(input.records, meeting.agenda)];
  const links = await chainContents(
    ordered.map(recordContent),
    undefined,
    ordered.map((record) => mayBeWithheld(record, header)),
  );
  const records = ordered.map((record, index): MeetingRecord => ({ ...record, chain: links[index] ?? null }));
  const last = links.at(-1);
  if (!last) throw new Error('Nothing to approve.');
  return {
    meeting: {
      ...meeting,
      status: 'approved',
      updatedAt: input.approvedAt,
      approval: {
        approvedAt: input.approvedAt,
        approvedAtMeeting: input.approvedAtMeeting,
        approvedAtMeetingId: input.approvedAtMeetingId,
        ...(input.approvedAtMeetingDate ? { approvedAtMeetingDate: input.approvedAtMeetingDate } : {}),
        chainHead: last.hash,
        recordCount: links.length,
      },
    },
    records,
  };
}

/** Chains one new record (a correction) onto an approved meeting; `exempt` seals it as withholdable (it amends an exempt record). */
export async function appendRecord<T extends MeetingRecord>(
  meeting: Meeting,
  record: T,
  at: string,
  options: { exempt?: boolean } = {},
): Promise<{ meeting: Meeting; record: T }> {
  const approval = meeting.approval;
  if (meeting.status !== 'approved' || !approval) throw new Error('Only approved minutes have a chain to append to.');
  const [link] = await chainContents([recordContent(record)], { seq: approval.recordCount, prevHash: approval.chainHead }, [
    options.exempt === true,
  ]);
  if (!link) throw new Error('The record could not be chained.');
  return {
    meeting: { ...meeting, updatedAt: at, approval: { ...approval, chainHead: link.hash, recordCount: approval.recordCount + 1 } },
    record: { ...record, chain: link },
  };
}

export type MeetingVerdict =
  | { status: 'draft' }
  | { status: 'intact'; count: number; head: string }
  | { status: 'broken'; seq: number; fault: ChainFault | 'unchained'; reason: string; label: string };

/** The agenda as approved (record 0), or the meeting's own when the header cannot be read. */
function agendaOf(records: readonly { content: unknown }[], fallback: readonly AgendaItem[]): readonly Pick<AgendaItem, 'id' | 'number'>[] {
  const header = records[0]?.content;
  if (typeof header === 'object' && header !== null && 'agenda' in header && Array.isArray(header.agenda)) {
    return header.agenda.filter(
      (item: unknown): item is Pick<AgendaItem, 'id' | 'number'> =>
        typeof item === 'object' && item !== null && 'id' in item && 'number' in item,
    );
  }
  return fallback;
}

/** Checks an approved meeting's stored records against its chain; names the first broken record. */
export async function verifyMeetingRecords(meeting: Meeting, records: readonly MeetingRecord[]): Promise<MeetingVerdict> {
  if (meeting.status === 'draft' || !meeting.approval) return { status: 'draft' };
  const unchained = records.find((record) => record.chain === null);
  const chained = records.filter((record) => record.chain !== null).sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  const entries: ChainEntry[] = chained.map((record) => ({
    seq: record.chain?.seq ?? -1,
    contentHash: record.chain?.contentHash ?? '',
    prevHash: record.chain?.prevHash ?? '',
    hash: record.chain?.hash ?? '',
    ...(record.chain?.exempt ? { exempt: true as const } : {}),
    content: recordContent(record),
  }));
  const verdict = await verifyChain(entries, { count: meeting.approval.recordCount, head: meeting.approval.chainHead });
  const agenda = agendaOf(entries, meeting.agenda);
  if (verdict.status === 'broken') {
    const content = entries[verdict.seq]?.content;
    return { ...verdict, label: content === undefined ? `record ${verdict.seq}` : describeRecord(content, agenda) };
  }
  if (unchained) {
    return {
      status: 'broken',
      seq: verdict.count,
      fault: 'unchained',
      reason: 'it was added after the minutes were approved, outside the chain',
      label: describeRecord(recordContent(unchained), agenda),
    };
  }
  return { status: 'intact', count: verdict.count, head: verdict.head };
}
