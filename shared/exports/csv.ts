// CSV as the board's spreadsheets expect it: UTF-8 with a byte-order mark (so Excel reads the
// accents and curly quotes right), CRLF line ends, RFC 4180 quoting, and every text cell that
// a spreadsheet could take for a formula neutralised. Pure: main writes what this returns.

/**
 * A cell: text, a number, or nothing. Numbers are written as they are; text is neutralised.
 * `{ verbatim }` is a cell copied from someone else's file (the council's own tracker), written
 * exactly as it was: prefixing it would change their `-2+3` or `-5` into text.
 */
export type CsvCell = string | number | null | undefined | { verbatim: string };

/** The byte-order mark that tells Excel a CSV is UTF-8. */
export const UTF8_BOM = '\uFEFF';

// OWASP's rule for CSV injection: a cell starting with any of these may be run as a formula
// (=, +, - and @ start formulas; a leading tab or carriage return hides one from the eye while
// some spreadsheets still evaluate what follows). Prefixing a single quote makes the cell text.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a text cell would be taken for a formula by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_STARTS.has(text.charAt(0));
}

/** A text cell made safe to open in a spreadsheet: a leading single quote when it starts like a formula. */
export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = typeof cell === 'string' ? neutraliseCell(cell) : cell.verbatim;
  // Quote a field that holds a separator, a quote, a tab or a line break, or spaces at its ends.
  return /[",\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text, starting with the byte-order mark. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
