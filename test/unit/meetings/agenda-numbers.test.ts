import { describe, expect, it } from 'vitest';
import { duplicateNumbers, isOutOfSequence, renumbered } from '../../../shared/meetings/agenda-numbers';

describe('agenda numbering', () => {
  const moved = [
    { id: 'a', number: '1' },
    { id: 'c', number: '3' },
    { id: 'b', number: '2' },
  ];

  it('sees an item moved up as out of sequence, and renumbers 1 to n keeping ids and order', () => {
    expect(isOutOfSequence(moved)).toBe(true);
    expect(renumbered(moved)).toEqual([
      { id: 'a', number: '1' },
      { id: 'c', number: '2' },
      { id: 'b', number: '3' },
    ]);
    expect(isOutOfSequence(renumbered(moved))).toBe(false);
  });

  it('names each number used more than once', () => {
    expect(duplicateNumbers(moved)).toEqual([]);
    expect(duplicateNumbers([{ number: '1' }, { number: '2' }, { number: ' 2' }, { number: '1' }, { number: '3' }])).toEqual(['1', '2']);
  });
});
