// Dates as councils type them into trackers. UK order only: "03/04/2026" is 3 April, never
// 4 March, and "04/31/2026" is refused rather than guessed at.

/** What a date cell holds: a date (`YYYY-MM-DD`), nothing, a placeholder word such as "TBC", or something unreadable. */
export type TrackerDate =
  { kind: 'date'; date: string; isMonthOnly: boolean } | { kind: 'empty' } | { kind: 'placeholder'; text: string } | { kind: 'invalid' };

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

// Words that say "no date yet" rather than give a wrong one.
const PLACEHOLDERS = new Set([
  'tbc',
  'tba',
  'tbd',
  'n a',
  'na',
  'none',
  'nil',
  'ongoing',
  'on going',
  'continuous',
  'continual',
  'to be confirmed',
  'to be agreed',
  'to be determined',
  'not applicable',
  'various',
  'as required',
  'as needed',
  'rolling',
  'annual',
  'annually',
  'monthly',
  'termly',
  'quarterly',
  'weekly',
  'bau',
  'business as usual',
  'not set',
  'n k',
  'unknown',
]);

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). Serials outside
// 2000–2099 are far more likely to be some other number than a tracker date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 36_526; // 2000-01-01
const SERIAL_MAX = 73_050; // 2099-12-31

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function lastDayOfMonth(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, day);
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS[word.toLowerCase().replace(/\.$/, '')];
}

function found(date: string | null, isMonthOnly: boolean): TrackerDate {
  return date === null ? { kind: 'invalid' } : { kind: 'date', date, isMonthOnly };
}

/** The date an Excel serial number stands for, when it is a plausible tracker date. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a tracker date: ISO, UK `dd/mm/yyyy` (also with `.` or `-`, two-digit years as 20yy),
 * `d Mon yyyy`, Excel serial numbers, and month-only "Mar 2026" / "03/2026" as that month's last day.
 */
export function parseTrackerDate(raw: string): TrackerDate {
  const text = raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(by|before|end of|end|due|until|no later than)\s+/i, '')
    .trim();
  if (text === '') return { kind: 'empty' };
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (PLACEHOLDERS.has(words) || /^[-–—?.]+$/.test(text)) return { kind: 'placeholder', text };

  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (match) return found(isoDate(Number(match[1]), Number(match[2]), Number(match[3])), false);

  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) return found(lastDayOfMonth(Number(match[1]), Number(match[2])), true);

  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (match) return found(isoDate(fullYear(match[3] ?? ''), Number(match[2]), Number(match[1])), false);

  match = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return found(lastDayOfMonth(Number(match[2]), Number(match[1])), true);

  // "31 March 2026", "31-Mar-26", "Tuesday 31st March 2026"
  match = /^(?:[a-z]+day,? )?(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ \-/]([a-z]+)\.?,?[ \-/](\d{4}|\d{2})$/i.exec(text);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    return month === undefined ? { kind: 'invalid' } : found(isoDate(fullYear(match[3] ?? ''), month, Number(match[1])), false);
  }

  // "March 31, 2026": the month is a word, so the order cannot be misread.
  match = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(text);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    return month === undefined ? { kind: 'invalid' } : found(isoDate(Number(match[3]), month, Number(match[2])), false);
  }

  // "Mar 2026", "March-2026": a month, so the last day of it.
  match = /^([a-z]+)\.?[ \-/,]+(\d{4})$/i.exec(text);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    return month === undefined ? { kind: 'invalid' } : found(lastDayOfMonth(Number(match[2]), month), true);
  }

  if (/^\d{5}(\.\d+)?$/.test(text)) return found(excelSerialToDate(Number(text)), false);
  return { kind: 'invalid' };
}

/** A reporting period "YYYY-MM" from a cell ("2026-03", "March 2026", "31/03/2026"), or null. */
export function parsePeriod(raw: string): string | null {
  const parsed = parseTrackerDate(raw);
  return parsed.kind === 'date' ? parsed.date.slice(0, 7) : null;
}
