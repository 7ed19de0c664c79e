import { columnLetter } from './mapping';
import type { Problem } from './problem';

// Where the conversion's problems go: each located as a spreadsheet names a cell
// ("Sheet1!D14"), and warnings shared by many rows collected into one message.

const MAX_PROBLEMS = 200;

/** A cell (or a whole row, with no column), 0-based. */
export type Location = { row: number; column?: number };

/** Collects located errors and warnings while a tracker is converted. */
export type Reporter = {
  sheet: string;
  errors: Problem[];
  warnings: Problem[];
  error(at: Location, message: string): void;
  warning(at: Location, message: string): void;
  /** Collects rows that share one warning, so 300 blank start dates make one message, not 300. */
  note(kind: string, at: Location, describe: (rows: number[]) => string): void;
  flush(): void;
};

/** A sheet's name as a formula would write it: quoted where it has spaces or punctuation. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A reporter for one sheet. */
export function createReporter(sheet: string): Reporter {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const notes = new Map<string, { at: Location; rows: number[]; describe: (rows: number[]) => string }>();
  const locate = (at: Location, message: string): Problem => {
    const where = at.column === undefined ? `${at.row + 1}:${at.row + 1}` : `${columnLetter(at.column)}${at.row + 1}`;
    const problem: Problem = { path: `${sheetReference(sheet)}!${where}`, message, line: at.row + 1 };
    if (at.column !== undefined) problem.column = at.column + 1;
    return problem;
  };
  return {
    sheet,
    errors,
    warnings,
    error: (at, message) => void errors.push(locate(at, message)),
    warning: (at, message) => void warnings.push(locate(at, message)),
    note(kind, at, describe) {
      const existing = notes.get(kind);
      if (existing === undefined) notes.set(kind, { at, rows: [at.row + 1], describe });
      else existing.rows.push(at.row + 1);
    },
    flush() {
      for (const { at, rows, describe } of notes.values()) warnings.push(locate(at, describe(rows)));
      notes.clear();
    },
  };
}

/** "row 14", "rows 14 and 20", "rows 3, 4, 5 … and 40 more" */
export function describeRows(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const shown = rows.slice(0, 8);
  const rest = rows.length - shown.length;
  return rest > 0 ? `rows ${shown.join(', ')} and ${rest} more` : `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** At most 200 problems, then one line that says how many more there were. */
export function capped(problems: Problem[], what: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  kept.push({ path: problems[MAX_PROBLEMS]?.path ?? '', message: `… and ${problems.length - MAX_PROBLEMS} more ${what} not listed.` });
  return kept;
}

/** "rows 3 and 4" → "Rows 3 and 4", to start a message. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
