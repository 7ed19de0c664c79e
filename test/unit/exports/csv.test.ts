import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseCell, toCsv, UTF8_BOM } from '../../../shared/exports/csv';

function parse(text: string): string[][] {
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe('CSV for spreadsheets', () => {
  it('starts with a UTF-8 byte-order mark, ends lines with CRLF, and reads back cell for cell', () => {
    const text = toCsv([
      ['Decision', 'Text'],
      ['SOB/2027/001', 'Noted, with “curly quotes”, commas and an accent: Zoë'],
      ['SOB/2027/002', 'Two\nlines and a "quote"'],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(parse(text)).toEqual([
      ['Decision', 'Text'],
      ['SOB/2027/001', 'Noted, with “curly quotes”, commas and an accent: Zoë'],
      ['SOB/2027/002', 'Two\nlines and a "quote"'],
    ]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.invalid","x")', '\'=HYPERLINK("http://evil.invalid","x")'],
    ['+44 1234', "'+44 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j against formula injection (OWASP)', (cell, expected) => {
    expect(isFormulaLike(cell)).toBe(true);
    expect(neutraliseCell(cell)).toBe(expected);
    expect(parse(toCsv([[cell]]))).toEqual([[expected]]);
  });

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(parse(toCsv([['Noted', 'a=b', 'Ends with =', 42, -3, null, '']]))).toEqual([
      ['Noted', 'a=b', 'Ends with =', '42', '-3', '', ''],
    ]);
    expect(isFormulaLike('')).toBe(false);
  });
});
