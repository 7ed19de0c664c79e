import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';

// A form field the chair has typed into but not yet submitted (a decision, a declaration) lives
// only in React state, so a reload threw it away without a word. This is useState that also keeps
// the value in localStorage until the form is submitted (the field is set back to its initial
// value) so a reload, or a renderer crash, puts the draft back. Same origin and disk as the store;
// drafts are not records, so they never reach the store or an export.

const PREFIX = 'oversight.draft';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: the form still works, drafts are not kept
  }
}

/** The localStorage key of one draft field. */
export function draftKey(...parts: string[]): string {
  return [PREFIX, ...parts].join('\u0001');
}

function read<T>(key: string, initial: T, isValid: (value: unknown) => value is T): T {
  const raw = storage()?.getItem(key);
  if (raw === null || raw === undefined) return initial;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : initial;
  } catch {
    return initial; // not ours, or cut short: start empty
  }
}

function write<T>(key: string, value: T, initial: T): void {
  try {
    const store = storage();
    if (Object.is(value, initial) || JSON.stringify(value) === JSON.stringify(initial)) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // A full quota loses only the draft, never the form.
  }
}

const sameTypeAs =
  <T>(initial: T) =>
  (value: unknown): value is T =>
    typeof value === typeof initial;

/** useState, kept in localStorage under `key` until set back to `initial`. */
export function useDraftState<T>(
  key: string,
  initial: T,
  isValid: (value: unknown) => value is T = sameTypeAs(initial),
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => read(key, initial, isValid));
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((current) => {
        const value = typeof next === 'function' ? (next as (previous: T) => T)(current) : next;
        write(key, value, initial);
        return value;
      });
    },
    [key, initial],
  );
  return [value, set];
}

/** How many draft fields are kept (all forms), for telling the user what a reopened window put back. */
export function keptDraftCount(): number {
  const store = storage();
  if (!store) return 0;
  let count = 0;
  for (let index = 0; index < store.length; index += 1) if (store.key(index)?.startsWith(`${PREFIX}\u0001`)) count += 1;
  return count;
}
