import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from '../../../renderer/components/date-text';

describe('dates typed as dd/mm/yyyy', () => {
  it.each([
    ['14/01/2027', '2027-01-14'],
    ['5/2/2027', '2027-02-05'],
    ['05.02.2027', '2027-02-05'],
    ['05-02-2027', '2027-02-05'],
    [' 5 2 2027 ', '2027-02-05'],
    ['29/02/2028', '2028-02-29'],
    ['31/12/2026', '2026-12-31'],
    // Pasted ISO dates (and values scripts type) are read as ISO.
    ['2027-02-18', '2027-02-18'],
  ])('reads %j as %s (day first)', (text, iso) => {
    expect(parseDateText(text)).toEqual({ status: 'date', iso });
  });

  it('reads nothing typed as empty', () => {
    expect(parseDateText('   ')).toEqual({ status: 'empty' });
  });

  it.each([
    ['02/13/2027', 'There is no month 13: the month comes second'],
    ['29/02/2027', 'There is no 29 in that month (it has 28 days)'],
    ['31/04/2027', 'There is no 31 in that month (it has 30 days)'],
    ['00/01/2027', 'There is no 0 in that month'],
    ['14/01/27', 'Give the year in full (four figures)'],
    ['14/01/0027', 'The year 27 is out of range'],
    ['14 January 2027', 'Enter the date as dd/mm/yyyy, for example 14/01/2027'],
    ['2027-13-01', 'There is no month 13'],
    ['1'.repeat(10_000), 'Enter the date as dd/mm/yyyy'],
    ['14/01/2027\u202E', 'Enter the date as dd/mm/yyyy'],
  ])('refuses %j, saying why', (text, message) => {
    const parsed = parseDateText(text);
    expect(parsed.status).toBe('invalid');
    expect(parsed.status === 'invalid' ? parsed.message : '').toContain(message);
  });

  it('shows ISO dates as dd/mm/yyyy and leaves anything else alone', () => {
    expect(formatDateText('2027-01-14')).toBe('14/01/2027');
    expect(formatDateText('')).toBe('');
    expect(formatDateText('soon')).toBe('soon');
  });
});

describe('no native date inputs', () => {
  it('every date field in the renderer is a DateField (a native one shows the browser’s locale, mm/dd/yyyy in the US)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../../../renderer');
    const offenders: string[] = [];
    for (const entry of await readdir(root, { recursive: true })) {
      if (!entry.endsWith('.tsx')) continue;
      const text = await readFile(path.join(root, entry), 'utf8');
      // The element each type="date" belongs to: the nearest tag opened before it.
      for (const match of text.matchAll(/type=["']date["']/g)) {
        const tag = /<([A-Za-z]+)[^<]*$/.exec(text.slice(0, match.index))?.[1];
        if (tag === 'input') offenders.push(entry);
      }
    }
    expect(offenders).toEqual([]);
  });
});
