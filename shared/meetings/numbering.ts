// Decision numbers from the board's pattern, e.g. `SOB/{yyyy}/{nnn}` gives SOB/2026/014.
// Tokens: {yyyy} the meeting's year, {yy} its last two digits, and one sequence token of n's
// ({n}, {nn}, {nnn}, …) whose length is the least number of digits (zero-padded). Numbers run
// on within a scope (the pattern with its year filled in), so a yearly pattern restarts each
// year and a pattern without a year never restarts. A number once given is never reused.

const SEQUENCE_TOKEN = /\{(n+)\}/g;
const ANY_TOKEN = /\{([^{}]*)\}/g;
const KNOWN_TOKENS = new Set(['yyyy', 'yy']);

/** True when the pattern has exactly one sequence token and no unknown tokens or stray braces. */
export function isValidDecisionPattern(pattern: string): boolean {
  if (pattern.trim() === '' || pattern.length > 60) return false;
  const sequences = [...pattern.matchAll(SEQUENCE_TOKEN)];
  if (sequences.length !== 1) return false;
  for (const match of pattern.matchAll(ANY_TOKEN)) {
    const token = match[1] ?? '';
    if (!KNOWN_TOKENS.has(token) && !/^n+$/.test(token)) return false;
  }
  // Braces left over after the tokens are removed are typing mistakes such as "{yyyy".
  return !/[{}]/.test(pattern.replace(ANY_TOKEN, ''));
}

function fillYear(pattern: string, year: number): string {
  const full = String(year).padStart(4, '0');
  return pattern.replaceAll('{yyyy}', full).replaceAll('{yy}', full.slice(-2));
}

/** The numbering scope a decision of that year falls in: its counter's key. */
export function decisionScope(pattern: string, year: number): string {
  return fillYear(pattern, year).replace(SEQUENCE_TOKEN, '{n}');
}

/** The decision number for a sequence number in a year. */
export function formatDecisionNumber(pattern: string, year: number, sequence: number): string {
  return fillYear(pattern, year).replace(SEQUENCE_TOKEN, (_token, ns: string) => String(sequence).padStart(ns.length, '0'));
}

/** The next decision number for a meeting in `year`, given the counters so far (which it does not change). */
export function nextDecisionNumber(
  pattern: string,
  year: number,
  counters: Readonly<Record<string, number>>,
): { number: string; scope: string; sequence: number } {
  const scope = decisionScope(pattern, year);
  const sequence = (counters[scope] ?? 0) + 1;
  return { number: formatDecisionNumber(pattern, year, sequence), scope, sequence };
}

/** The year of an ISO date (YYYY-MM-DD). */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
