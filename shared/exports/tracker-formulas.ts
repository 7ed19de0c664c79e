// Which of the council's own formulas may travel in the board's copy of their tracker. The copy
// is the council's file with the board's columns added; a formula in it runs when anyone opens
// it. Three kinds must not: one that reaches outside the workbook (WEBSERVICE, IMPORTXML, a DDE
// link, HYPERLINK...), one that reads another workbook (an external reference such as
// `[1]Sheet1!A1` or `'C:\x\[Book.xlsx]S'!A1`), and one that reads the board's added columns,
// which would carry the board's words into a value the council's sheet sends on or shows. These
// are left out (with a warning); every other formula and value is copied as it was.

/** The 1-based columns the board's copy adds to the tracker sheet. */
export type AddedColumns = { first: number; last: number };

// Functions that fetch, link, call code or read the machine or network.
const OUTSIDE_FUNCTIONS =
  /\b(WEBSERVICE|FILTERXML|IMPORTXML|IMPORTDATA|IMPORTHTML|IMPORTFEED|IMPORTRANGE|IMAGE|HYPERLINK|RTD|CALL|REGISTER(?:\.ID)?|EXEC|DDE|INFO|CUBE[A-Z]*|STOCKHISTORY)\s*\(/i;
// Functions whose cells are chosen when they run, so which columns they read cannot be known here.
const COMPUTED_REFERENCES = /\b(INDIRECT|OFFSET)\s*\(/i;

/** Column letters to a 1-based index ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}

// String literals can hold anything ("[1]", "cmd|"), and say nothing about what a formula reads.
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

function unquoteSheet(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * Why a council formula may not travel in the board's copy, in words, or undefined when it may.
 * `sheet` is the sheet the formula is on; `trackerSheet` the one the board's columns are added to.
 */
export function formulaHazard(formula: string, where: { sheet: string; trackerSheet: string; added: AddedColumns }): string | undefined {
  const code = withoutStrings(formula.replace(/^[=+@]/, ''));
  const outside = OUTSIDE_FUNCTIONS.exec(code);
  if (outside) return `it calls ${outside[1]?.toUpperCase()}, which reaches outside the workbook`;
  // A DDE link names a program and a topic: cmd|'/C calc'!A0.
  if (/[A-Za-z0-9_.]+\|/.test(code)) return 'it is a DDE link, which runs another program';
  if (/\[[^\]]*\][^!()[\],;]*!|^\s*\[\d+\]/.test(code) || /\[[^\]]*\.(xls[xmb]?|ods|csv)\]/i.test(code)) {
    return 'it reads another workbook (an external reference)';
  }
  if (COMPUTED_REFERENCES.test(code)) {
    const name = COMPUTED_REFERENCES.exec(code)?.[1]?.toUpperCase() ?? 'INDIRECT';
    if (name === 'INDIRECT' || where.sheet === where.trackerSheet || code.includes(where.trackerSheet)) {
      return `it calls ${name}, which could read the board’s added columns`;
    }
  }
  const overlaps = (from: number, to: number) => Math.min(from, to) <= where.added.last && Math.max(from, to) >= where.added.first;
  const reference =
    /(?:('(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?(?:\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})|\$?(\d+):\$?(\d+))(?![\w(!])/g;
  for (const match of code.matchAll(reference)) {
    const [, qualifier, startColumn, , endColumn, , fromColumn, toColumn, fromRow] = match;
    // Only a reference that could be preceded by a letter-free boundary is a reference ("LOG10(" is excluded above by "(").
    const before = code.charAt((match.index ?? 0) - 1);
    if (/[A-Za-z0-9_.$]/.test(before) && !qualifier) continue;
    const sheet = qualifier ? unquoteSheet(qualifier) : where.sheet;
    if (sheet !== where.trackerSheet) continue;
    if (fromRow !== undefined) return 'it reads whole rows of the tracker, including the board’s added columns';
    const from = columnIndex(startColumn ?? fromColumn ?? '');
    const to = columnIndex(endColumn ?? toColumn ?? startColumn ?? fromColumn ?? '');
    if (from > 0 && overlaps(from, to)) return 'it reads the board’s added columns';
  }
  return undefined;
}

/** How a left-out formula is reported: where it was and why. */
export function describeLeftOut(cells: ReadonlyArray<{ address: string; reason: string }>): string {
  if (cells.length === 0) return '';
  const shown = cells.slice(0, 5).map((cell) => `${cell.address} (${cell.reason})`);
  const more = cells.length > 5 ? ` and ${cells.length - 5} more` : '';
  return ` ${cells.length === 1 ? 'One of the council’s formulas was' : `${cells.length} of the council’s formulas were`} left out of the copy: ${shown.join('; ')}${more}.`;
}
