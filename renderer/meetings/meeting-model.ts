import { checkVote } from '../../shared/meetings/majority';
import { quorumAt, type QuorumState } from '../../shared/meetings/quorum';
import type {
  AgendaItem,
  AttendanceRecord,
  Board,
  BoardMember,
  DeclarationRecord,
  HeaderRecord,
  Meeting,
  MeetingRecord,
  MeetingRecordKind,
  TermsOfReference,
} from '../../shared/meetings/schema';

// Reading a meeting's records for the screens: by kind and item, the quorum item by item, the
// terms that apply, and what to check before the minutes are approved.

export type RecordOf<K extends MeetingRecordKind> = Extract<MeetingRecord, { kind: K }>;

/** The records of one kind, optionally on one agenda item, in the order they were made. */
export function recordsOf<K extends MeetingRecordKind>(records: readonly MeetingRecord[], kind: K, itemId?: string): RecordOf<K>[] {
  return records.filter(
    (record): record is RecordOf<K> => record.kind === kind && (itemId === undefined || ('itemId' in record && record.itemId === itemId)),
  );
}

/** The terms that apply: as approved (record 0) for approved minutes, else the board's current terms. */
export function termsFor(meeting: Meeting, records: readonly MeetingRecord[], board: Board | null | undefined): TermsOfReference | null {
  if (meeting.status === 'approved') {
    const header = records.find((record): record is HeaderRecord => record.kind === 'meeting');
    if (header) return header.terms;
  }
  return board?.terms ?? null;
}

/** The quorum for an agenda item (null: the start of the meeting). */
export function quorumFor(
  terms: TermsOfReference,
  meeting: Meeting,
  records: readonly MeetingRecord[],
  itemId: string | null,
): QuorumState {
  const attendance: AttendanceRecord[] = recordsOf(records, 'attendance');
  const declarations: DeclarationRecord[] = recordsOf(records, 'declaration');
  return quorumAt(terms.quorum, attendance, meeting.agenda, declarations, itemId);
}

/** "item 4: Performance dashboard". */
export function itemName(item: Pick<AgendaItem, 'number' | 'title'>): string {
  return `item ${item.number}: ${item.title}`;
}

/** Register members, then anyone recorded at the meeting who has since left the register. */
export function peopleAt(members: readonly BoardMember[], records: readonly MeetingRecord[]): BoardMember[] {
  const onRegister = new Set(members.map((member) => member.id));
  const former = recordsOf(records, 'attendance')
    .filter((record) => !onRegister.has(record.memberId))
    .map((record): BoardMember => ({
      id: record.memberId,
      name: record.name,
      role: record.role,
      organisation: record.organisation,
      isVoting: record.isVoting,
      substituteForId: record.substituteForId,
    }));
  return [...members, ...former];
}

/** What the chair should look at before approving: said in words, one line each. */
export function approvalWarnings(meeting: Meeting, records: readonly MeetingRecord[], board: Board | null | undefined): string[] {
  const warnings: string[] = [];
  const terms = board?.terms;
  const marked = new Set(recordsOf(records, 'attendance').map((record) => record.memberId));
  const unmarked = (board?.members ?? []).filter((member) => member.substituteForId === null && !marked.has(member.id));
  if (unmarked.length > 0) warnings.push(`No attendance is recorded for ${unmarked.map((member) => member.name).join(', ')}.`);
  for (const item of meeting.agenda) {
    const decisions = recordsOf(records, 'decision', item.id).filter((decision) => !decision.isWithdrawn);
    if (item.isDecisionRequired && decisions.length === 0) warnings.push(`Item ${item.number} needed a decision, and none is recorded.`);
    if (!terms || decisions.length === 0) continue;
    const quorum = quorumFor(terms, meeting, records, item.id);
    if (!quorum.isQuorate) warnings.push(`Item ${item.number} has decisions, but the meeting was not quorate for it.`);
    for (const decision of decisions) {
      const vote = decision.vote;
      if (!vote || vote.method !== 'show-of-hands') continue;
      const check = checkVote(vote, vote.rule, {
        hasCastingVote: terms.hasCastingVote,
        entitled: quorum.voters.length,
        isQuorate: quorum.isQuorate,
      });
      for (const problem of check.problems) warnings.push(`Decision ${decision.number}: ${problem}`);
    }
  }
  return warnings;
}
