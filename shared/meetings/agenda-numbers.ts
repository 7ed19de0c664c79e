import type { AgendaItem } from './schema';

// Agenda item numbers as the chair sees them: after items are moved, added or removed the
// numbers can fall out of order or repeat, and the minutes would then refer to the wrong item.
// The agenda screen offers to renumber and warns about repeats; these rules are the same there
// and in tests.

/** The numbers used by more than one item, each once, in agenda order. */
export function duplicateNumbers(agenda: readonly Pick<AgendaItem, 'number'>[]): string[] {
  const seen = new Map<string, number>();
  for (const item of agenda) seen.set(item.number.trim(), (seen.get(item.number.trim()) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([number]) => number);
}

/** True when the items are not numbered 1, 2, 3 … in the order they stand. */
export function isOutOfSequence(agenda: readonly Pick<AgendaItem, 'number'>[]): boolean {
  return agenda.some((item, index) => item.number.trim() !== String(index + 1));
}

/** The agenda numbered 1, 2, 3 … in its present order (ids, and so every record on an item, unchanged). */
export function renumbered<T extends Pick<AgendaItem, 'number'>>(agenda: readonly T[]): T[] {
  return agenda.map((item, index) => ({ ...item, number: String(index + 1) }));
}
