import type { MajorityRule } from './schema';

// Whether a motion is carried under the board's majority rule, and what is wrong with the
// counts as entered. Votes cast are those for and against; abstentions are not votes cast.
// - simple: carried when more votes for than against; a tie is lost unless the terms of
//   reference give the chair a casting vote and the chair used it;
// - two-thirds: carried when votes for are at least two thirds of votes cast (no casting vote).

export type VoteCounts = { for: number; against: number; abstain: number; castingVote: 'for' | 'against' | null };

export type VoteCheck = {
  outcome: 'carried' | 'lost';
  isTied: boolean;
  /** Reasons the vote as entered cannot stand; empty when it can. */
  problems: string[];
  /** "Carried: 6 for, 2 against, 1 abstention (simple majority of votes cast)." */
  summary: string;
};

const RULE_WORDS: Record<MajorityRule, string> = {
  simple: 'simple majority of votes cast',
  'two-thirds': 'two thirds of votes cast',
};

function countWords(counts: VoteCounts): string {
  const abstentions = counts.abstain === 1 ? '1 abstention' : `${counts.abstain} abstentions`;
  return `${counts.for} for, ${counts.against} against, ${abstentions}`;
}

/** True when n is a whole number, 0 or more. */
function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/**
 * Checks a show of hands against the rule and against who may vote: `entitled` is the number
 * of voting members in the room for the item (declarations taken out), `isQuorate` whether the
 * meeting is quorate for it.
 */
export function checkVote(
  counts: VoteCounts,
  rule: MajorityRule,
  options: { hasCastingVote: boolean; entitled: number; isQuorate: boolean },
): VoteCheck {
  const problems: string[] = [];
  if (![counts.for, counts.against, counts.abstain].every(isCount)) problems.push('Votes must be whole numbers, 0 or more.');
  const total = counts.for + counts.against + counts.abstain;
  if (total > options.entitled) {
    problems.push(
      `${total} ${total === 1 ? 'vote was' : 'votes were'} recorded, but only ${options.entitled} ${
        options.entitled === 1 ? 'member present is' : 'members present are'
      } entitled to vote on this item.`,
    );
  }
  if (!options.isQuorate) problems.push('The meeting is not quorate for this item, so a vote cannot be taken.');

  const cast = counts.for + counts.against;
  const isTied = cast > 0 && counts.for === counts.against;
  if (counts.castingVote !== null) {
    if (rule !== 'simple') problems.push('A casting vote applies only to a simple majority.');
    else if (!options.hasCastingVote) problems.push('The terms of reference give the chair no casting vote.');
    else if (!isTied) problems.push('A casting vote is given only when the votes are tied.');
  }

  let outcome: VoteCheck['outcome'];
  let how: string;
  if (cast === 0) {
    outcome = 'lost';
    how = 'no votes were cast for or against';
  } else if (rule === 'two-thirds') {
    outcome = counts.for * 3 >= cast * 2 ? 'carried' : 'lost';
    how = RULE_WORDS[rule];
  } else if (isTied) {
    const canCast = options.hasCastingVote && counts.castingVote !== null;
    outcome = canCast && counts.castingVote === 'for' ? 'carried' : 'lost';
    how = canCast ? `tied; the chair’s casting vote ${counts.castingVote === 'for' ? 'for' : 'against'}` : 'tied, with no casting vote';
  } else {
    outcome = counts.for > counts.against ? 'carried' : 'lost';
    how = RULE_WORDS[rule];
  }
  const summary = `${outcome === 'carried' ? 'Carried' : 'Lost'}: ${countWords(counts)} (${how}).`;
  return { outcome, isTied, problems, summary };
}

const COUNT_WORDS = { for: 'For', against: 'Against', abstain: 'Abstain' } as const;

/**
 * What a show of hands still needs, as typed in the form: all three figures must be typed (0 is
 * a figure, a blank box is not), so a count the chair skipped is never recorded as 0. Null when
 * all three are there.
 */
export function missingCounts(typed: { for: string; against: string; abstain: string }): string | null {
  const missing = (['for', 'against', 'abstain'] as const).filter((key) => typed[key].trim() === '').map((key) => COUNT_WORDS[key]);
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1) ?? ''}`;
  return `Type a number in ${list} (0 if none): a blank box is not counted as 0.`;
}
