import { describe, expect, it } from 'vitest';
import { isDailyBackupDue, isoWeekOf, planRetention, type BackupFileInfo } from '../../../shared/backup/retention';

const at = (iso: string, name = iso): BackupFileInfo => ({ name, createdAt: new Date(iso) });

describe('retention', () => {
  it('keeps the newest of each of the last 7 days and of the last 4 weeks, and removes the rest', () => {
    // One backup a day at 08:00 for 60 days up to Friday 4 December 2026.
    const files = Array.from({ length: 60 }, (_, day) => at(new Date(Date.UTC(2026, 11, 4 - day, 8)).toISOString()));
    const { keep, remove } = planRetention(files, new Date('2026-12-04T20:00:00Z'));
    expect(keep.map((file) => file.name.slice(0, 10))).toEqual([
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
      // weekly: the newest of each earlier week (weeks of 23 and 16 November); the two newest weeks are already kept.
      '2026-11-22',
      '2026-11-15',
    ]);
    expect(keep.length + remove.length).toBe(60);
  });

  it('never removes a backup less than a day old, even several the same afternoon', () => {
    const files = [
      at('2026-12-04T13:00:00Z', 'a'),
      at('2026-12-04T14:00:00Z', 'b'),
      at('2026-12-04T15:00:00Z', 'c'),
      at('2026-11-01T15:00:00Z', 'old'),
    ];
    const { keep, remove } = planRetention(files, new Date('2026-12-04T16:00:00Z'), { daily: 1, weekly: 1 });
    expect(keep.map((file) => file.name)).toEqual(['c', 'b', 'a']);
    expect(remove.map((file) => file.name)).toEqual(['old']);
  });

  it('keeps the newest of a day, not the first', () => {
    const files = [at('2026-12-01T08:00:00Z', 'morning'), at('2026-12-01T18:00:00Z', 'evening')];
    const { keep } = planRetention(files, new Date('2026-12-10T08:00:00Z'));
    expect(keep.map((file) => file.name)).toEqual(['evening']);
  });

  it('keeps everything of an empty or short history', () => {
    expect(planRetention([], new Date())).toEqual({ keep: [], remove: [] });
  });

  it('numbers ISO weeks across a year end', () => {
    expect(isoWeekOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T12:00:00Z'))).toBe('2027-W01');
    expect(isoWeekOf(new Date('2026-12-07T12:00:00Z'))).toBe('2026-W50');
  });

  it('says a daily backup is due when none was made today', () => {
    expect(isDailyBackupDue([], new Date('2026-12-04T09:00:00Z'))).toBe(true);
    expect(isDailyBackupDue([at('2026-12-03T23:00:00Z')], new Date('2026-12-04T09:00:00Z'))).toBe(true);
    expect(isDailyBackupDue([at('2026-12-04T00:10:00Z')], new Date('2026-12-04T09:00:00Z'))).toBe(false);
  });
});
