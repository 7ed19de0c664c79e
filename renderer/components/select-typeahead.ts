import type { KeyboardEvent } from 'react';

// A native <select> answers a letter by moving to the next option after the current one that
// starts with it, so `r` on "Resolved" jumps to "Rescinds an earlier decision": a chair typing
// the type they mean gets the opposite. Here a letter picks the first option it starts; typing
// on within a second narrows by prefix ("resc"), and the same letter again moves to the next
// option it starts ("rr"), so every option stays reachable from the keyboard.

const TYPEAHEAD_MS = 1000;

/** The option to select for what has been typed, or null to leave the select alone. */
export function optionForTyped(labels: readonly string[], current: number, typed: string): number | null {
  const wanted = typed.toLocaleLowerCase('en-GB');
  if (wanted === '') return null;
  const starts = (index: number) => (labels[index] ?? '').toLocaleLowerCase('en-GB').startsWith(wanted);
  const isOneLetterRepeated = wanted.length > 1 && [...wanted].every((letter) => letter === wanted[0]);
  if (isOneLetterRepeated) {
    const letter = wanted[0] ?? '';
    const matches = labels.flatMap((label, index) => (label.toLocaleLowerCase('en-GB').startsWith(letter) ? [index] : []));
    if (matches.length === 0) return null;
    return matches.find((index) => index > current) ?? matches[0] ?? null;
  }
  const first = labels.findIndex((_, index) => starts(index));
  return first >= 0 ? first : null;
}

const typedSoFar = new WeakMap<HTMLSelectElement, { typed: string; at: number }>();

/** A select's keydown handler choosing options by the rules above; `onPick` gets the option's value. */
export function typeAheadFromFirst(onPick: (value: string) => void) {
  return (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || [...event.key].length !== 1 || event.key === ' ') return;
    const select = event.currentTarget;
    const now = Date.now();
    const previous = typedSoFar.get(select);
    const typed = (previous && now - previous.at < TYPEAHEAD_MS ? previous.typed : '') + event.key;
    typedSoFar.set(select, { typed, at: now });
    const index = optionForTyped(
      Array.from(select.options, (option) => option.text),
      select.selectedIndex,
      typed,
    );
    const option = index === null ? undefined : select.options[index];
    // With no match, the keypress is swallowed anyway so the browser's own search cannot jump.
    event.preventDefault();
    if (option && index !== select.selectedIndex) onPick(option.value);
  };
}
