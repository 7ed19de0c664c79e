import type { AnnotationRecord, QuestionAnswer } from '../annotations/types';
import type { Problem } from '../plan/validate';
import { columnLetter } from '../tracker/mapping';
import { ANSWERS_SHEET_NAME, type AnswerRow } from './workbook';

// Matching officers' answers to the questions they answer: by question id only. A row whose id
// names no shared question here, or whose question (or follow-up) no longer reads as the
// question stored, is reported and never recorded: an answer is never guessed onto a question.

export type StoredQuestion = Pick<AnnotationRecord, 'id' | 'kind' | 'visibility' | 'deleted' | 'text' | 'answer'>;

export type AnswerMatch =
  | { status: 'recorded'; row: number; questionId: string; answer: QuestionAnswer; replaced: boolean }
  | { status: 'unchanged' | 'unanswered'; row: number; questionId: string }
  | { status: 'unknown' | 'changed'; row: number; questionId: string; problem: Problem };

export type AnswersSummary = { recorded: number; replaced: number; unchanged: number; unanswered: number; problems: Problem[] };

// Excel and LibreOffice may store a cell's line breaks as CRLF and keep trailing spaces; the
// words are what must match.
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

function problemAt(row: AnswerRow, column: number, message: string): Problem {
  return {
    path: `'${ANSWERS_SHEET_NAME}'!${columnLetter(column)}${row.row}`,
    message: `Row ${row.row}: ${message}`,
    line: row.row,
    column: column + 1,
  };
}

/** What becomes of one returned row, given the stored question with its id (if any). */
export function matchAnswer(row: AnswerRow, stored: StoredQuestion | undefined, now: Date): AnswerMatch {
  const base = { row: row.row, questionId: row.questionId };
  if (!stored || stored.deleted || stored.kind !== 'question' || stored.visibility !== 'shared') {
    return {
      ...base,
      status: 'unknown',
      problem: problemAt(
        row,
        0,
        `question id ${row.questionId} is not a shared question on this laptop (it may have been withdrawn, or the workbook came from another board); its answer was not recorded.`,
      ),
    };
  }
  const storedFollowUp = stored.answer?.notAccepted?.followUp ?? '';
  if (normalise(row.question) !== normalise(stored.text) || normalise(row.followUp) !== normalise(storedFollowUp)) {
    return {
      ...base,
      status: 'changed',
      problem: problemAt(
        row,
        normalise(row.question) !== normalise(stored.text) ? 4 : 5,
        `the question in the workbook no longer reads as the question on this laptop (it was reworded, here or in the workbook), so the answer was not recorded. Send the question again from a new workbook.`,
      ),
    };
  }
  if (row.answer === '') return { ...base, status: 'unanswered' };
  const current = stored.answer;
  const isSame =
    current !== null &&
    current.notAccepted === undefined &&
    normalise(current.text) === normalise(row.answer) &&
    (current.answeredBy ?? '') === row.answeredBy &&
    (current.answeredOn ?? null) === row.answeredOn;
  if (isSame) return { ...base, status: 'unchanged' };
  const answer: QuestionAnswer = {
    text: row.answer,
    answeredAt: now.toISOString(),
    via: 'workbook',
    ...(row.answeredBy !== '' ? { answeredBy: row.answeredBy } : {}),
    ...(row.answeredOn !== null ? { answeredOn: row.answeredOn } : {}),
  };
  return { ...base, status: 'recorded', answer, replaced: current !== null };
}

/** Every row's match, and the counts and problems the import reports. */
export function matchAnswers(
  rows: readonly AnswerRow[],
  stored: ReadonlyMap<string, StoredQuestion>,
  now: Date,
): { matches: AnswerMatch[]; summary: AnswersSummary } {
  const matches = rows.map((row) => matchAnswer(row, stored.get(row.questionId), now));
  const summary: AnswersSummary = { recorded: 0, replaced: 0, unchanged: 0, unanswered: 0, problems: [] };
  for (const match of matches) {
    if (match.status === 'recorded') {
      summary.recorded += 1;
      if (match.replaced) summary.replaced += 1;
    } else if (match.status === 'unchanged') summary.unchanged += 1;
    else if (match.status === 'unanswered') summary.unanswered += 1;
    else if (match.status === 'unknown' || match.status === 'changed') summary.problems.push(match.problem);
  }
  return { matches, summary };
}
