import type { AnnotationRecord } from '../annotations/types';

// How a question stands, in the words a member reads beside it: "Asked 3 Feb, answered 17 Feb
// by Head of SEND". Pure, so the views and the board's report say it the same way.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Feb", or "3 Feb 2026" when not in the year of `now`. Dates are read as written (YYYY-MM-DD…), never shifted by time zone. */
export function shortDate(iso: string, now: Date): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const text = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
  return Number(year) === now.getUTCFullYear() ? text : `${text} ${year}`;
}

/** Whether a question still waits for an answer: none yet, or the answer was not accepted. */
export function isAwaitingAnswer(record: Pick<AnnotationRecord, 'kind' | 'answer'>): boolean {
  return record.kind === 'question' && (record.answer === null || record.answer.notAccepted !== undefined);
}

/** The question's history in one line. */
export function questionStatusText(record: Pick<AnnotationRecord, 'createdAt' | 'answer'>, now: Date): string {
  const asked = `Asked ${shortDate(record.createdAt, now)}`;
  const { answer } = record;
  if (!answer) return `${asked}, not yet answered`;
  const on = shortDate(answer.answeredOn ?? answer.answeredAt, now);
  const answered = `${asked}, answered ${on}${answer.answeredBy ? ` by ${answer.answeredBy}` : ''}${answer.via === 'meeting' ? ' at the meeting' : ''}`;
  return answer.notAccepted ? `${answered}; answer not accepted ${shortDate(answer.notAccepted.at, now)}` : answered;
}
