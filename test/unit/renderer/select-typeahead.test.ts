import { describe, expect, it } from 'vitest';
import { optionForTyped } from '../../../renderer/components/select-typeahead';

const TYPES = ['Resolved', 'Noted', 'Approved', 'Deferred', 'Escalated', 'Rescinds an earlier decision', 'Amends an earlier decision'];

describe('choosing a select option by typing', () => {
  it('a letter picks the first option it starts, even when that option is already chosen', () => {
    expect(optionForTyped(TYPES, 0, 'r')).toBe(0);
    expect(optionForTyped(TYPES, 5, 'r')).toBe(0);
    expect(optionForTyped(TYPES, 6, 'A')).toBe(2);
  });

  it('the same letter again moves on to the next option it starts, wrapping round', () => {
    expect(optionForTyped(TYPES, 0, 'rr')).toBe(5);
    expect(optionForTyped(TYPES, 5, 'rrr')).toBe(0);
  });

  it('typing on narrows by prefix', () => {
    expect(optionForTyped(TYPES, 0, 'resc')).toBe(5);
    expect(optionForTyped(TYPES, 0, 'am')).toBe(6);
  });

  it('leaves the select alone when nothing matches', () => {
    expect(optionForTyped(TYPES, 3, 'x')).toBeNull();
    expect(optionForTyped(TYPES, 3, 'rex')).toBeNull();
    expect(optionForTyped(TYPES, 3, '')).toBeNull();
  });
});
