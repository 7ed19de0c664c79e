// A hybrid logical clock (Kulkarni et al., 2014): a wall-clock time that never runs backwards,
// a counter for events in the same millisecond, and the device id as the final tie-break.
// Encoded fixed-width so that comparing two stamps as strings orders them: last writer wins,
// and every laptop agrees on who the last writer was.

export type Hlc = { wall: number; counter: number; device: string };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** The stamp as a string that sorts in clock order. */
export function encodeHlc(clock: Hlc): string {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}:${String(clock.counter).padStart(COUNTER_DIGITS, '0')}:${clock.device}`;
}

/** Reads a stamp written by encodeHlc; null when it is not one. */
export function decodeHlc(text: string): Hlc | null {
  const match = /^(\d{15}):(\d{6}):(.{1,64})$/.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), device: match[3] ?? '' };
}

/** The clock's next stamp for a local event at wall time `now` (ms). */
export function tickHlc(last: Hlc | null, now: number, device: string): Hlc {
  const wall = Math.max(Math.floor(now), last?.wall ?? 0);
  const counter = last && wall === last.wall ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, device };
  return { wall, counter, device };
}

/** Advances the local clock past a stamp seen in another member's file, so later local edits sort after it. */
export function receiveHlc(last: Hlc | null, remote: Hlc, now: number, device: string): Hlc {
  const wall = Math.max(Math.floor(now), last?.wall ?? 0, remote.wall);
  let counter = 0;
  if (wall === last?.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last?.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, device };
  return { wall, counter, device };
}

/** Orders two encoded stamps: negative when a is earlier. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
