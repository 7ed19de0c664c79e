import { describe, expect, it } from 'vitest';
import {
  decisionScope,
  formatDecisionNumber,
  isValidDecisionPattern,
  nextDecisionNumber,
  yearOf,
} from '../../../shared/meetings/numbering';

describe('decision numbering', () => {
  it('fills the pattern with the year and a zero-padded sequence', () => {
    expect(formatDecisionNumber('SOB/{yyyy}/{nnn}', 2026, 14)).toBe('SOB/2026/014');
    expect(formatDecisionNumber('SOB/{yyyy}/{nnn}', 2026, 1234)).toBe('SOB/2026/1234');
    expect(formatDecisionNumber('D{yy}-{n}', 2027, 7)).toBe('D27-7');
    expect(formatDecisionNumber('Decision {nnnn}', 2027, 7)).toBe('Decision 0007');
  });

  it('numbers sequentially within a year and restarts each year; a pattern without a year never restarts', () => {
    const counters: Record<string, number> = {};
    const numbers: string[] = [];
    for (const year of [2026, 2026, 2026, 2027, 2026]) {
      const next = nextDecisionNumber('SOB/{yyyy}/{nnn}', year, counters);
      counters[next.scope] = next.sequence;
      numbers.push(next.number);
    }
    expect(numbers).toEqual(['SOB/2026/001', 'SOB/2026/002', 'SOB/2026/003', 'SOB/2027/001', 'SOB/2026/004']);
    expect(decisionScope('SOB/{yyyy}/{nnn}', 2026)).toBe('SOB/2026/{n}');
    expect(decisionScope('B-{nn}', 2026)).toBe(decisionScope('B-{nn}', 2030));
  });

  it('does not change the counters it is given', () => {
    const counters = Object.freeze({ 'SOB/2026/{n}': 13 });
    expect(nextDecisionNumber('SOB/{yyyy}/{nnn}', 2026, counters)).toEqual({ number: 'SOB/2026/014', scope: 'SOB/2026/{n}', sequence: 14 });
    expect(counters).toEqual({ 'SOB/2026/{n}': 13 });
  });

  it('accepts only patterns with one sequence token and known tokens', () => {
    expect(isValidDecisionPattern('SOB/{yyyy}/{nnn}')).toBe(true);
    expect(isValidDecisionPattern('{n}')).toBe(true);
    expect(isValidDecisionPattern('SOB/{yyyy}')).toBe(false);
    expect(isValidDecisionPattern('SOB/{nn}/{nnn}')).toBe(false);
    expect(isValidDecisionPattern('SOB/{yyy}/{nnn}')).toBe(false);
    expect(isValidDecisionPattern('SOB/{yyyy/{nnn}')).toBe(false);
    expect(isValidDecisionPattern('SOB}/{nnn}')).toBe(false);
    expect(isValidDecisionPattern('   ')).toBe(false);
  });

  it('reads the year of a meeting date', () => {
    expect(yearOf('2027-01-14')).toBe(2027);
  });
});
