import { describe, expect, it } from 'vitest';
import {
  boardMeetingInMonth,
  civilDate,
  dayNumber,
  firstDayOfMonth,
  formatIsoDate,
  isIsoDate,
  latestBoardMeeting,
  monthIndexOf,
  parseIsoDate,
  toWorkingDay,
  ukDateTime,
  weekday,
} from '../../../scripts/sample/calendar';
import { createRng } from '../../../scripts/sample/prng';

describe('the generator’s calendar', () => {
  it('agrees with Date.UTC on every day from 1999 to 2031', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2031, 11, 31); ms += 86_400_000) {
      const date = new Date(ms);
      const days = ms / 86_400_000;
      expect(formatIsoDate(days)).toBe(date.toISOString().slice(0, 10));
      expect(weekday(days)).toBe(date.getUTCDay());
      expect(dayNumber(civilDate(days))).toBe(days);
    }
  });

  it('recognises only real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(() => parseIsoDate('2026-13-01')).toThrow(RangeError);
  });

  it('moves weekends to the Monday after', () => {
    expect(formatIsoDate(toWorkingDay(parseIsoDate('2026-10-10')))).toBe('2026-10-12');
    expect(formatIsoDate(toWorkingDay(parseIsoDate('2026-10-11')))).toBe('2026-10-12');
    expect(formatIsoDate(toWorkingDay(parseIsoDate('2026-10-13')))).toBe('2026-10-13');
  });

  it('writes UK local times with the British Summer Time offset only between the last Sundays of March and October', () => {
    expect(ukDateTime(parseIsoDate('2026-03-28'), 9, 5)).toBe('2026-03-28T09:05:00Z');
    expect(ukDateTime(parseIsoDate('2026-03-29'), 9, 5)).toBe('2026-03-29T09:05:00+01:00');
    expect(ukDateTime(parseIsoDate('2026-10-24'), 17, 0)).toBe('2026-10-24T17:00:00+01:00');
    expect(ukDateTime(parseIsoDate('2026-10-25'), 17, 0)).toBe('2026-10-25T17:00:00Z');
  });

  it('puts board meetings on the second Thursday of every month but August', () => {
    for (let month = monthIndexOf(parseIsoDate('2026-01-01')); month < monthIndexOf(parseIsoDate('2028-01-01')); month += 1) {
      const meeting = boardMeetingInMonth(month);
      if (civilDate(firstDayOfMonth(month)).month === 8) {
        expect(meeting).toBeNull();
        continue;
      }
      if (meeting === null) throw new Error('expected a meeting');
      expect(weekday(meeting)).toBe(4);
      expect(civilDate(meeting).day).toBeGreaterThan(7);
      expect(civilDate(meeting).day).toBeLessThanOrEqual(14);
    }
    expect(formatIsoDate(latestBoardMeeting(parseIsoDate('2026-09-30')))).toBe('2026-09-10');
    expect(formatIsoDate(latestBoardMeeting(parseIsoDate('2026-09-09')))).toBe('2026-07-09');
  });
});

describe('the seeded generator', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const sequence = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(42)).not.toEqual(sequence(43));
  });

  it('keeps values in range, with integers inclusive at both ends', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i += 1) {
      const value = rng.next();
      expect(value >= 0 && value < 1).toBe(true);
      seen.add(rng.int(1, 5));
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws normal deviates with mean about 0 and standard deviation about 1', () => {
    const rng = createRng(3);
    const values = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
