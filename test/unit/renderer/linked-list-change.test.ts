import { describe, expect, it } from 'vitest';
import { linkedListChange } from '../../../renderer/plan/change-text';

const NAMES = new Map([
  ['ev-005', 'EHC timeliness dataset (monthly)'],
  ['ev-r2-1', 'Minutes of the SEND Oversight Board, 8 October 2026'],
]);
const nameOf = (id: string) => NAMES.get(id);

describe('a change to an action’s linked records, in words', () => {
  it('names what was added, never "ev-005 → ev-005; ev-r2-1"', () => {
    const text = linkedListChange(['ev-005'], ['ev-005', 'ev-r2-1'], nameOf);
    expect(text).toBe('added “Minutes of the SEND Oversight Board, 8 October 2026”');
    expect(text).not.toMatch(/ev-/);
  });

  it('names what was removed, falling back to the id for a record no longer in the plan', () => {
    expect(linkedListChange(['ev-005', 'ev-gone'], ['ev-r2-1'], nameOf)).toBe(
      'added “Minutes of the SEND Oversight Board, 8 October 2026”; removed “EHC timeliness dataset (monthly)”, “ev-gone”',
    );
  });

  it('says "reordered" when the same records are linked in another order, and copes with a malformed value', () => {
    expect(linkedListChange(['a', 'b'], ['b', 'a'], nameOf)).toBe('reordered');
    expect(linkedListChange(null, ['ev-005'], nameOf)).toBe('added “EHC timeliness dataset (monthly)”');
  });
});
