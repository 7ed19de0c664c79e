// Calendar arithmetic on plain day numbers (days since 1970-01-01). Integer-only, so it never
// depends on the machine's time zone and is cheap enough for a plan with ten thousand actions.

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar date as year, month (1–12) and day. */
export type CivilDate = { year: number; month: number; day: number };

/** Days since 1970-01-01 for a civil date (Hinnant's algorithm; proleptic Gregorian). */
export function dayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether the text is a real `YYYY-MM-DD` date (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= daysInMonth(date.year, date.month);
}

/** The day number of a `YYYY-MM-DD` date; throws on anything else. */
export function parseIsoDate(text: string): number {
  if (!isIsoDate(text)) throw new RangeError(`"${text}" is not a date in the form YYYY-MM-DD.`);
  return dayNumber({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) });
}

/** A day number as `YYYY-MM-DD`. */
export function formatIsoDate(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** A day number as it is written in minutes and plans, e.g. "14 May 2026". */
export function formatLongDate(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** A month index (months since January 1970) for a day number. */
export function monthIndexOf(days: number): number {
  const { year, month } = civilDate(days);
  return (year - 1970) * 12 + month - 1;
}

/** The first day of a month index. */
export function firstDayOfMonth(monthIndex: number): number {
  return dayNumber({ year: 1970 + Math.floor(monthIndex / 12), month: (((monthIndex % 12) + 12) % 12) + 1, day: 1 });
}

/** The last day of a month index. */
export function lastDayOfMonth(monthIndex: number): number {
  return firstDayOfMonth(monthIndex + 1) - 1;
}

/** A month index as `YYYY-MM`. */
export function formatPeriod(monthIndex: number): string {
  return formatIsoDate(firstDayOfMonth(monthIndex)).slice(0, 7);
}

/** The month index of a `YYYY-MM` period. */
export function parsePeriod(period: string): number {
  return (Number(period.slice(0, 4)) - 1970) * 12 + Number(period.slice(5, 7)) - 1;
}

/** A month's name and year, e.g. "September 2026". */
export function formatMonthYear(monthIndex: number): string {
  return `${MONTH_NAMES[((monthIndex % 12) + 12) % 12] ?? ''} ${1970 + Math.floor(monthIndex / 12)}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(days: number): number {
  // 1970-01-01 was a Thursday.
  return (((days + 4) % 7) + 7) % 7;
}

/** Moves a weekend date to the following Monday, since officers submit updates on working days. */
export function toWorkingDay(days: number): number {
  const dow = weekday(days);
  if (dow === 6) return days + 2;
  if (dow === 0) return days + 1;
  return days;
}

/**
 * The local date-time of a UK working moment as ISO 8601 with its offset: +01:00 during British
 * Summer Time (last Sunday of March to last Sunday of October), otherwise Z.
 */
export function ukDateTime(days: number, hour: number, minute: number): string {
  const { year } = civilDate(days);
  const isSummerTime = days >= lastSunday(year, 3) && days < lastSunday(year, 10);
  return `${formatIsoDate(days)}T${pad2(hour)}:${pad2(minute)}:00${isSummerTime ? '+01:00' : 'Z'}`;
}

/**
 * The local date of an ISO 8601 date-time as a day number: the date the person exporting saw on
 * their own clock, which is what "as at" means in a plan.
 */
export function localDateOf(dateTime: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(dateTime)) {
    throw new RangeError(`"${dateTime}" is not an ISO 8601 date-time with an offset or Z.`);
  }
  return parseIsoDate(dateTime.slice(0, 10));
}

/**
 * The SEND Oversight Board in the sample meets on the second Thursday of every month except
 * August, so a revised due date can always name the meeting that approved it.
 */
export function boardMeetingInMonth(monthIndex: number): number | null {
  if (((monthIndex % 12) + 12) % 12 === 7) return null;
  const first = firstDayOfMonth(monthIndex);
  const firstThursday = first + ((4 - weekday(first) + 7) % 7);
  return firstThursday + 7;
}

/** The latest board meeting on or before a date. */
export function latestBoardMeeting(onOrBefore: number): number {
  for (let month = monthIndexOf(onOrBefore); ; month -= 1) {
    const meeting = boardMeetingInMonth(month);
    if (meeting !== null && meeting <= onOrBefore) return meeting;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function lastSunday(year: number, month: number): number {
  const last = dayNumber({ year, month, day: daysInMonth(year, month) });
  return last - weekday(last);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
