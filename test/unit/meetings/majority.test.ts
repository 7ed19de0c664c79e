import { describe, expect, it } from 'vitest';
import { checkVote, missingCounts } from '../../../shared/meetings/majority';

const OK = { hasCastingVote: true, entitled: 10, isQuorate: true };
const votes = (f: number, a: number, ab = 0, castingVote: 'for' | 'against' | null = null) => ({
  for: f,
  against: a,
  abstain: ab,
  castingVote,
});

describe('majority', () => {
  it('carries a simple majority of votes cast, abstentions not counted', () => {
    expect(checkVote(votes(4, 3, 3), 'simple', OK)).toEqual({
      outcome: 'carried',
      isTied: false,
      problems: [],
      summary: 'Carried: 4 for, 3 against, 3 abstentions (simple majority of votes cast).',
    });
    expect(checkVote(votes(3, 4), 'simple', OK).outcome).toBe('lost');
    expect(checkVote(votes(1, 0, 9), 'simple', OK).outcome).toBe('carried');
  });

  it('loses a tie unless the chair gives a casting vote the terms allow', () => {
    const tie = checkVote(votes(3, 3, 1), 'simple', OK);
    expect(tie).toMatchObject({ outcome: 'lost', isTied: true, problems: [] });
    expect(tie.summary).toBe('Lost: 3 for, 3 against, 1 abstention (tied, with no casting vote).');
    const cast = checkVote(votes(3, 3, 0, 'for'), 'simple', OK);
    expect(cast).toMatchObject({ outcome: 'carried', problems: [] });
    expect(cast.summary).toContain('the chair’s casting vote for');
    expect(checkVote(votes(3, 3, 0, 'against'), 'simple', OK).outcome).toBe('lost');
    const notAllowed = checkVote(votes(3, 3, 0, 'for'), 'simple', { ...OK, hasCastingVote: false });
    expect(notAllowed.outcome).toBe('lost');
    expect(notAllowed.problems).toEqual(['The terms of reference give the chair no casting vote.']);
    expect(checkVote(votes(4, 3, 0, 'for'), 'simple', OK).problems).toEqual(['A casting vote is given only when the votes are tied.']);
  });

  it('needs two thirds of votes cast under the two-thirds rule', () => {
    expect(checkVote(votes(6, 3), 'two-thirds', OK).outcome).toBe('carried'); // exactly two thirds
    expect(checkVote(votes(5, 3), 'two-thirds', OK).outcome).toBe('lost');
    expect(checkVote(votes(2, 1, 7), 'two-thirds', OK).outcome).toBe('carried'); // abstentions are not votes cast
    expect(checkVote(votes(3, 3), 'two-thirds', OK)).toMatchObject({ outcome: 'lost', isTied: true });
    expect(checkVote(votes(3, 3, 0, 'for'), 'two-thirds', OK).problems).toEqual(['A casting vote applies only to a simple majority.']);
    expect(checkVote(votes(6, 3), 'two-thirds', OK).summary).toBe('Carried: 6 for, 3 against, 0 abstentions (two thirds of votes cast).');
  });

  it('loses a motion when nobody votes for or against', () => {
    const none = checkVote(votes(0, 0, 5), 'simple', OK);
    expect(none.outcome).toBe('lost');
    expect(none.summary).toContain('no votes were cast for or against');
    expect(checkVote(votes(0, 0, 0), 'two-thirds', OK).outcome).toBe('lost');
  });

  it('refuses more votes than members present and entitled, an inquorate vote, and bad counts', () => {
    expect(checkVote(votes(5, 4, 2), 'simple', { ...OK, entitled: 10 }).problems).toEqual([
      '11 votes were recorded, but only 10 members present are entitled to vote on this item.',
    ]);
    expect(checkVote(votes(1, 0), 'simple', { ...OK, entitled: 0 }).problems).toEqual([
      '1 vote was recorded, but only 0 members present are entitled to vote on this item.',
    ]);
    expect(checkVote(votes(1, 0), 'simple', { ...OK, isQuorate: false }).problems).toEqual([
      'The meeting is not quorate for this item, so a vote cannot be taken.',
    ]);
    expect(checkVote(votes(1.5, -1), 'simple', OK).problems).toContain('Votes must be whole numbers, 0 or more.');
  });
});

describe('missingCounts', () => {
  it('names each blank box, and accepts 0 typed', () => {
    expect(missingCounts({ for: '2', against: '0', abstain: '0' })).toBeNull();
    expect(missingCounts({ for: '2', against: '5', abstain: '' })).toBe(
      'Type a number in Abstain (0 if none): a blank box is not counted as 0.',
    );
    expect(missingCounts({ for: '', against: ' ', abstain: '' })).toBe(
      'Type a number in For, Against and Abstain (0 if none): a blank box is not counted as 0.',
    );
  });
});
