import { describe, expect, it } from 'vitest';
import { formatTimeText, parseTimeText } from '../../../renderer/components/time-text';

describe('times typed as hh:mm (24-hour)', () => {
  it.each([
    ['14:00', '14:00'],
    ['2:05', '02:05'],
    [' 9:30 ', '09:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %j as %s', (text, value) => {
    expect(parseTimeText(text)).toEqual({ status: 'time', value });
  });

  it('reads nothing typed as empty', () => {
    expect(parseTimeText('  ')).toEqual({ status: 'empty' });
  });

  it.each([
    ['24:00', 'There is no hour 24: hours go from 00 to 23, for example 14:00.'],
    ['14:60', 'There is no minute 60: minutes go from 00 to 59.'],
    ['9.30', 'Enter the time as hh:mm with a colon (24-hour), for example 14:00.'],
    ['2pm', 'Enter the time as hh:mm with a colon (24-hour), for example 14:00.'],
    ['02:00 PM', 'Enter the time as hh:mm with a colon (24-hour), for example 14:00.'],
    ['14:5', 'Enter the time as hh:mm with a colon (24-hour), for example 14:00.'],
    ['1'.repeat(5000), 'Enter the time as hh:mm (24-hour), for example 14:00.'],
  ])('refuses %j with the reason', (text, message) => {
    expect(parseTimeText(text)).toEqual({ status: 'invalid', message });
  });

  it('shows a stored time as hh:mm, without seconds', () => {
    expect(formatTimeText('14:00')).toBe('14:00');
    expect(formatTimeText('14:00:30')).toBe('14:00');
    expect(formatTimeText('')).toBe('');
  });
});
