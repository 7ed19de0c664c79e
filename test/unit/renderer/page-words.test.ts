import { describe, expect, it } from 'vitest';
import { pageBoxWords } from '../../../renderer/papers/page-words';

describe('the words beside the page box', () => {
  it('reads on from a numbered page: "Page [2] of 3"', () => {
    expect(pageBoxWords('2', 2, 3)).toBe('of 3');
  });

  it('puts the page number apart from a printed label: "Page [i] (1 of 3)", never "Page [i] 1 of 3"', () => {
    expect(pageBoxWords('i', 1, 3)).toBe('(1 of 3)');
    expect(pageBoxWords('A-1', 3, 12)).toBe('(3 of 12)');
  });

  it('says nothing before the paper has pages', () => {
    expect(pageBoxWords('1', 1, 0)).toBe('');
  });
});
