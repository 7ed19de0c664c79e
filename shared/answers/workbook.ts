import type { Problem } from '../plan/validate';
import { parseTrackerDate } from '../tracker/dates';
import { columnLetter } from '../tracker/mapping';

// The questions-and-answers workbook, format 1 (docs/formats/answers-workbook-v1.md): members'
// shared questions go to officers as one sheet, one row per question; officers write the
// answer, who answered and the date, and send it back. This module reads the sheet's cells
// (already turned into text by main's spreadsheet reader, which never runs a formula) into
// answer rows, refusing anything malformed with the cell it is in. Pure.

export const ANSWERS_FORMAT_VERSION = 1;
export const ANSWERS_MARKER_PREFIX = 'Oversight questions and answers, format ';
/** Cell A1 of a workbook Oversight wrote. */
export const ANSWERS_MARKER = `${ANSWERS_MARKER_PREFIX}${ANSWERS_FORMAT_VERSION}`;
export const ANSWERS_SHEET_NAME = 'Questions and answers';

/** The heading row, in column order A to I. */
export const ANSWERS_HEADINGS = [
  'Question id',
  'About',
  'Asked by',
  'Asked on',
  'Question',
  'Follow-up',
  'Answer',
  'Answered by',
  'Date answered',
] as const;

/** Columns (0-based) the officers fill in; every other cell of the sheet is locked. */
export const ANSWER_COLUMNS = { answer: 6, answeredBy: 7, date: 8 } as const;
const COLUMN = { id: 0, question: 4, followUp: 5, ...ANSWER_COLUMNS } as const;

export const ANSWERS_LIMITS = { maxBytes: 20 * 1024 * 1024, maxQuestions: 10_000, maxAnswerLength: 20_000, maxNameLength: 200 };

/** One question's row as the officer returned it. `row` is the sheet's row number. */
export type AnswerRow = {
  row: number;
  questionId: string;
  question: string;
  followUp: string;
  answer: string;
  answeredBy: string;
  /** YYYY-MM-DD, or null when no date was given. */
  answeredOn: string | null;
};

export type AnswersWorkbook = { formatVersion: number; rows: AnswerRow[] };

export type AnswersParse =
  { ok: true; workbook: AnswersWorkbook; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

// Control characters other than tab and line breaks have no place in an answer; they are how a
// hostile cell hides text from the eye.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const FORMULA_STARTS = ['=', '+', '-', '@'];

function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Whether cell A1 says this is an Oversight answers workbook (of any format version). */
export function hasAnswersMarker(firstCell: string | undefined): boolean {
  return (firstCell ?? '').trim().startsWith(ANSWERS_MARKER_PREFIX);
}

/**
 * Reads the answer rows from a sheet's cells (`rows[0]` is row 1). Anything malformed refuses the
 * whole workbook with located problems, so nothing half-read is ever stored.
 */
export function parseAnswersGrid(rows: readonly (readonly string[])[], sheet: string): AnswersParse {
  const where = sheetReference(sheet);
  const cellRef = (column: number, row: number) => `${where}!${columnLetter(column)}${row}`;
  const warnings: Problem[] = [];
  const refuse = (errors: Problem[]): AnswersParse => ({ ok: false, errors, warnings });

  const marker = (rows[0]?.[0] ?? '').trim();
  if (!marker.startsWith(ANSWERS_MARKER_PREFIX)) {
    return refuse([
      {
        path: cellRef(0, 1),
        message: `This is not an Oversight questions and answers workbook: cell A1 should read "${ANSWERS_MARKER}". Answers can only be read from the workbook Oversight made.`,
        line: 1,
        column: 1,
      },
    ]);
  }
  const versionText = marker.slice(ANSWERS_MARKER_PREFIX.length).trim();
  const version = /^\d{1,4}$/.test(versionText) ? Number(versionText) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    return refuse([
      { path: cellRef(0, 1), message: `Cell A1 names format "${versionText}", which is not a format number.`, line: 1, column: 1 },
    ]);
  }
  if (version > ANSWERS_FORMAT_VERSION) {
    return refuse([
      {
        path: cellRef(0, 1),
        message: `This workbook was made by a newer version of Oversight (questions and answers format ${version}); this version reads format ${ANSWERS_FORMAT_VERSION}. Update Oversight to read it.`,
        line: 1,
        column: 1,
      },
    ]);
  }

  const headingIndex = rows
    .slice(0, 10)
    .findIndex((row) => ANSWERS_HEADINGS.every((heading, index) => (row[index] ?? '').trim() === heading));
  if (headingIndex < 0) {
    return refuse([
      {
        path: `${where}!A1:I10`,
        message: `The heading row was not found in the first 10 rows: it should read ${ANSWERS_HEADINGS.map((heading) => `"${heading}"`).join(', ')} in columns A to I. Were columns moved or renamed?`,
      },
    ]);
  }

  const errors: Problem[] = [];
  const answerRows: AnswerRow[] = [];
  const seen = new Map<string, number>();
  const problem = (column: number, row: number, message: string) =>
    errors.push({
      path: cellRef(column, row),
      message: `Row ${row}, ${ANSWERS_HEADINGS[column] ?? 'cell'}: ${message}`,
      line: row,
      column: column + 1,
    });

  for (let index = headingIndex + 1; index < rows.length; index++) {
    if (errors.length >= 50) break;
    const rowNumber = index + 1;
    const cells = (rows[index] ?? []).map((cell) => cell.replace(CONTROL_CHARACTERS, ''));
    const cell = (column: number) => (cells[column] ?? '').trim();
    if (cells.every((text) => text.trim() === '')) continue;
    if (answerRows.length >= ANSWERS_LIMITS.maxQuestions) {
      return refuse([
        {
          path: `${where}!${rowNumber}:${rowNumber}`,
          message: `The workbook has more than ${ANSWERS_LIMITS.maxQuestions.toLocaleString('en-GB')} questions, more than Oversight ever sends.`,
          line: rowNumber,
        },
      ]);
    }
    const questionId = cell(COLUMN.id);
    if (questionId === '') {
      problem(
        COLUMN.id,
        rowNumber,
        'there is no question id, so this row cannot be matched to a question. Rows cannot be added to the workbook: new questions go through Oversight.',
      );
      continue;
    }
    if (questionId.length > 128 || !/^[A-Za-z0-9._:-]+$/.test(questionId)) {
      problem(COLUMN.id, rowNumber, 'this is not a question id Oversight wrote.');
      continue;
    }
    const first = seen.get(questionId);
    if (first !== undefined) {
      problem(COLUMN.id, rowNumber, `question id ${questionId} is also on row ${first}; each question has one row.`);
      continue;
    }
    seen.set(questionId, rowNumber);

    const answer = (cells[COLUMN.answer] ?? '').trim();
    const answeredBy = cell(COLUMN.answeredBy);
    if (answer.length > ANSWERS_LIMITS.maxAnswerLength) {
      problem(
        COLUMN.answer,
        rowNumber,
        `the answer is ${answer.length.toLocaleString('en-GB')} characters, more than the ${ANSWERS_LIMITS.maxAnswerLength.toLocaleString('en-GB')} an answer may be.`,
      );
      continue;
    }
    if (answeredBy.length > ANSWERS_LIMITS.maxNameLength) {
      problem(
        COLUMN.answeredBy,
        rowNumber,
        `more than ${ANSWERS_LIMITS.maxNameLength} characters; give the officer's role, e.g. "Head of SEND".`,
      );
      continue;
    }
    let answeredOn: string | null = null;
    const dateText = cell(COLUMN.date);
    if (dateText !== '') {
      const parsed = parseTrackerDate(dateText);
      if (parsed.kind !== 'date' || parsed.isMonthOnly) {
        problem(COLUMN.date, rowNumber, `"${dateText.slice(0, 40)}" is not a date; write the day it was answered, e.g. 17/02/2027.`);
        continue;
      }
      answeredOn = parsed.date;
    }
    if (answer !== '' && FORMULA_STARTS.includes(answer.charAt(0))) {
      warnings.push({
        path: cellRef(COLUMN.answer, rowNumber),
        message: `Row ${rowNumber}, Answer: starts like a spreadsheet formula; it is kept as plain text, never worked out, and written with a leading ' in CSV exports.`,
        line: rowNumber,
        column: COLUMN.answer + 1,
      });
    }
    if (answer === '' && (answeredBy !== '' || answeredOn !== null)) {
      warnings.push({
        path: cellRef(COLUMN.answer, rowNumber),
        message: `Row ${rowNumber}: who answered or a date is given but no answer, so nothing is recorded for this question.`,
        line: rowNumber,
        column: COLUMN.answer + 1,
      });
    }
    answerRows.push({
      row: rowNumber,
      questionId,
      question: cells[COLUMN.question] ?? '',
      followUp: cells[COLUMN.followUp] ?? '',
      answer,
      answeredBy,
      answeredOn,
    });
  }
  if (errors.length > 0) return refuse(errors);
  return { ok: true, workbook: { formatVersion: version, rows: answerRows }, warnings };
}
