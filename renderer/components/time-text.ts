// Times typed as the board writes them: 24-hour, hours and minutes (14:00). A native
// <input type="time"> follows the browser's language (02:00 PM on a US-English system), so the
// app's time fields are text fields read by these two functions.

/** What a typed time means: HH:MM (24-hour), nothing typed, or why it is not a time. */
export type ParsedTime = { status: 'time'; value: string } | { status: 'empty' } | { status: 'invalid'; message: string };

const EXAMPLE = 'for example 14:00';
const HOURS_MINUTES = /^(\d{1,2}):(\d{2})$/;

/** Reads a typed time: h:mm or hh:mm, 24-hour, from 00:00 to 23:59. */
export function parseTimeText(text: string): ParsedTime {
  const trimmed = text.trim();
  if (trimmed === '') return { status: 'empty' };
  if (trimmed.length > 20) return { status: 'invalid', message: `Enter the time as hh:mm (24-hour), ${EXAMPLE}.` };
  // 9.30 or 2pm are refused with the one form that is read, rather than guessed at.
  const match = HOURS_MINUTES.exec(trimmed);
  if (!match) return { status: 'invalid', message: `Enter the time as hh:mm with a colon (24-hour), ${EXAMPLE}.` };
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23) return { status: 'invalid', message: `There is no hour ${hours}: hours go from 00 to 23, ${EXAMPLE}.` };
  if (minutes > 59) return { status: 'invalid', message: `There is no minute ${minutes}: minutes go from 00 to 59.` };
  return { status: 'time', value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** Shows a stored time (HH:MM) as it is; a time with seconds (HH:MM:SS) without them. */
export function formatTimeText(value: string): string {
  const match = /^(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  return match?.[1] ?? value;
}
