// Dates typed as people in England write them: day, month, year (14/01/2027). A native
// <input type="date"> shows the browser's locale (mm/dd/yyyy on a US-English Windows), so the
// app's date fields are text fields read by these two functions.

/** What a typed date means: an ISO date (YYYY-MM-DD), nothing typed, or why it is not a date. */
export type ParsedDate = { status: 'date'; iso: string } | { status: 'empty' } | { status: 'invalid'; message: string };

const EXAMPLE = 'for example 14/01/2027';
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2,4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a typed date: dd/mm/yyyy (also with . - or spaces, and single-digit days and months) or a pasted YYYY-MM-DD. */
export function parseDateText(text: string): ParsedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { status: 'empty' };
  if (trimmed.length > 40) return { status: 'invalid', message: `Enter the date as dd/mm/yyyy, ${EXAMPLE}.` };
  let day: number;
  let month: number;
  let year: number;
  const iso = ISO.exec(trimmed);
  const typed = DAY_MONTH_YEAR.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (typed) {
    if ((typed[3] ?? '').length !== 4) return { status: 'invalid', message: `Give the year in full (four figures), ${EXAMPLE}.` };
    [day, month, year] = [Number(typed[1]), Number(typed[2]), Number(typed[3])];
  } else {
    return { status: 'invalid', message: `Enter the date as dd/mm/yyyy, ${EXAMPLE}.` };
  }
  if (month < 1 || month > 12) return { status: 'invalid', message: `There is no month ${month}: the month comes second, ${EXAMPLE}.` };
  if (year < 1900 || year > 2999) return { status: 'invalid', message: `The year ${year} is out of range.` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { status: 'invalid', message: `There is no ${day} in that month (it has ${daysInMonth} days).` };
  return { status: 'date', iso: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Shows an ISO date (YYYY-MM-DD) as dd/mm/yyyy; anything else as it is. */
export function formatDateText(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
