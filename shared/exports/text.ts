import type { DecisionType, Vote } from '../meetings/schema';

// The words exports use, in en-GB, the same in main (DOCX, XLSX, CSV, PDF) and in tests.

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function parse(iso: string): Date | null {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Thursday 14 January 2027" from YYYY-MM-DD. */
export function longDateText(iso: string): string {
  const date = parse(iso);
  return date ? longDate.format(date).replace(',', '') : iso;
}

/** "14 January 2027" from a date or date-time; '' for none. */
export function dateText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parse(iso);
  return date ? shortDate.format(date) : iso;
}

export const DECISION_TYPE_WORDS: Record<DecisionType, string> = {
  resolved: 'Resolved',
  noted: 'Noted',
  approved: 'Approved',
  deferred: 'Deferred',
  escalated: 'Escalated',
  rescinds: 'Rescinds an earlier decision',
  amends: 'Amends an earlier decision',
};

/** "Show of hands: 6 for, 1 against, 0 abstentions. Carried." or "Agreed by consensus." */
export function voteText(vote: Vote | null): string {
  if (!vote) return '';
  if (vote.method === 'consensus') return 'Agreed by consensus.';
  const casting = vote.castingVote ? ` on the chair’s casting vote (${vote.castingVote})` : '';
  const abstentions = `${vote.abstain} ${vote.abstain === 1 ? 'abstention' : 'abstentions'}`;
  return `Show of hands: ${vote.for} for, ${vote.against} against, ${abstentions}. ${vote.outcome === 'carried' ? 'Carried' : 'Lost'}${casting}.`;
}

/** The marking every file with exempt items carries in its name and first line. */
export const CONFIDENTIAL_MARK = 'CONFIDENTIAL';
export const CONFIDENTIAL_LINE = 'CONFIDENTIAL: contains exempt items. Not for publication.';
