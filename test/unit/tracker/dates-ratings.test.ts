import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parsePeriod, parseTrackerDate } from '../../../shared/tracker/dates';
import { parseRag, parseStatus, ragFromStatus, statusFromRag } from '../../../shared/tracker/ratings';

function dateOf(text: string): string | null {
  const parsed = parseTrackerDate(text);
  return parsed.kind === 'date' ? parsed.date : null;
}

describe('parseTrackerDate', () => {
  it('reads ISO dates and date-times', () => {
    expect(dateOf('2026-03-31')).toBe('2026-03-31');
    expect(dateOf('2026-03-31T00:00:00.000Z')).toBe('2026-03-31');
  });

  it('reads UK day-first dates with /, . or - and two-digit years', () => {
    expect(dateOf('31/03/2026')).toBe('2026-03-31');
    expect(dateOf('3/4/2026')).toBe('2026-04-03');
    expect(dateOf('03.04.26')).toBe('2026-04-03');
    expect(dateOf('3-4-2026')).toBe('2026-04-03');
  });

  it('never reads a date month-first', () => {
    expect(parseTrackerDate('03/31/2026').kind).toBe('invalid');
    expect(dateOf('04/03/2026')).toBe('2026-03-04');
  });

  it('refuses dates that do not exist', () => {
    expect(parseTrackerDate('31/02/2026').kind).toBe('invalid');
    expect(parseTrackerDate('29/02/2026').kind).toBe('invalid');
    expect(dateOf('29/02/2028')).toBe('2028-02-29');
    expect(parseTrackerDate('2026-13-01').kind).toBe('invalid');
  });

  it('reads written dates', () => {
    expect(dateOf('31 Mar 2026')).toBe('2026-03-31');
    expect(dateOf('31 March 2026')).toBe('2026-03-31');
    expect(dateOf('31-Mar-2026')).toBe('2026-03-31');
    expect(dateOf('1st September 2025')).toBe('2025-09-01');
    expect(dateOf('Tuesday 31st March 2026')).toBe('2026-03-31');
    expect(dateOf('March 31, 2026')).toBe('2026-03-31');
    expect(dateOf('by 30/06/2026')).toBe('2026-06-30');
    expect(parseTrackerDate('31 Smarch 2026').kind).toBe('invalid');
  });

  it('reads a month alone as its last day', () => {
    expect(parseTrackerDate('Mar 2026')).toEqual({ kind: 'date', date: '2026-03-31', isMonthOnly: true });
    expect(dateOf('March 2026')).toBe('2026-03-31');
    expect(dateOf('Feb 2028')).toBe('2028-02-29');
    expect(dateOf('End of April 2026')).toBe('2026-04-30');
    expect(dateOf('09/2026')).toBe('2026-09-30');
    expect(dateOf('2026-06')).toBe('2026-06-30');
  });

  it('reads Excel serial numbers as Excel counts them', () => {
    const serial = (Date.UTC(2026, 2, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(dateOf(String(serial))).toBe('2026-03-31');
    expect(excelSerialToDate(serial + 0.5)).toBe('2026-03-31');
    expect(excelSerialToDate(12)).toBeNull();
  });

  it('tells blanks and placeholders apart from nonsense', () => {
    expect(parseTrackerDate('  ').kind).toBe('empty');
    expect(parseTrackerDate('TBC').kind).toBe('placeholder');
    expect(parseTrackerDate('Ongoing').kind).toBe('placeholder');
    expect(parseTrackerDate('n/a').kind).toBe('placeholder');
    expect(parseTrackerDate('soon-ish').kind).toBe('invalid');
    expect(parseTrackerDate('=TODAY()').kind).toBe('invalid');
  });

  it('gives a reporting month', () => {
    expect(parsePeriod('March 2026')).toBe('2026-03');
    expect(parsePeriod('15/03/2026')).toBe('2026-03');
    expect(parsePeriod('last month')).toBeNull();
  });
});

describe('parseRag', () => {
  it('reads colours, letters and common phrases in any case', () => {
    expect(['Green', 'G', 'on track', 'ON TARGET'].map((text) => parseRag(text)?.rag)).toEqual(['green', 'green', 'green', 'green']);
    expect(['Amber', 'a', 'At risk', 'Some slippage'].map((text) => parseRag(text)?.rag)).toEqual(['amber', 'amber', 'amber', 'amber']);
    expect(['RED', 'r', 'Off track', 'Delayed'].map((text) => parseRag(text)?.rag)).toEqual(['red', 'red', 'red', 'red']);
    expect(['Blue', 'B', 'Complete', 'Completed'].map((text) => parseRag(text)?.rag)).toEqual(['blue', 'blue', 'blue', 'blue']);
    expect(['Grey', 'gray', 'Not started'].map((text) => parseRag(text)?.rag)).toEqual(['grey', 'grey', 'grey']);
  });

  it('reads a two-colour cell as the worse and says so', () => {
    expect(parseRag('Amber/Red')).toEqual({ rag: 'red', isCompound: true });
    expect(parseRag('Green-Amber')).toEqual({ rag: 'amber', isCompound: true });
    expect(parseRag('Green (on track)')).toEqual({ rag: 'green', isCompound: false });
  });

  it('reads a leading letter with an explanation', () => {
    expect(parseRag('R - recruitment delayed')?.rag).toBe('red');
  });

  it('returns null for anything else', () => {
    expect(parseRag('')).toBeNull();
    expect(parseRag('Purple')).toBeNull();
    expect(parseRag('=1+1')).toBeNull();
  });
});

describe('parseStatus', () => {
  it('reads common status words', () => {
    expect(parseStatus('Not started')).toBe('not-started');
    expect(parseStatus('In progress')).toBe('in-progress');
    expect(parseStatus('On track')).toBe('in-progress');
    expect(parseStatus('Completed')).toBe('complete');
    expect(parseStatus('Complete – embedded')).toBe('embedded');
    expect(parseStatus('BAU')).toBe('embedded');
    expect(parseStatus('Cancelled')).toBe('withdrawn');
    expect(parseStatus('Sort of')).toBeNull();
  });

  it('derives one from the other where a tracker gives only one', () => {
    expect(statusFromRag('blue')).toBe('complete');
    expect(statusFromRag('grey')).toBe('not-started');
    expect(statusFromRag('amber')).toBe('in-progress');
    expect(ragFromStatus('complete')).toBe('blue');
    expect(ragFromStatus('not-started')).toBe('grey');
    expect(ragFromStatus('in-progress')).toBeNull();
  });
});
