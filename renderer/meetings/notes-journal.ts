// A crash journal for the notes the chair types. Each keystroke is written here synchronously
// (localStorage), before the debounced save to IndexedDB; a save that lands clears it. IndexedDB
// writes are asynchronous and a page that is reloaded, closed or crashes in the 300 ms after a
// keystroke never issues them, so on the next start whatever is still here is saved properly,
// through the repository (which refuses approved minutes). Same origin and disk as the store.
//
// Chromium writes localStorage to disk lazily, so after a killed process the journal on disk can
// be an older snapshot than the store (measured: about a second behind). Each entry therefore
// carries the time it was typed, and wins only over a stored note saved before that time.

/** A journalled note: the text and when it was typed (ms since the epoch). */
export type JournalEntry = { text: string; at: number };

const PREFIX = 'oversight.notes-journal';

function keyOf(meetingId: string, itemId: string): string {
  return `${PREFIX}\u0001${meetingId}\u0001${itemId}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: the debounced save alone still runs
  }
}

function parse(raw: string | null): JournalEntry | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'text' in value && 'at' in value) {
      const { text, at } = value;
      if (typeof text === 'string' && typeof at === 'number') return { text, at };
    }
  } catch {
    // Not JSON: the previous release journalled the bare text.
  }
  // The previous release's bare text has no time: as then, it is taken to be newer than the store.
  return { text: raw, at: Number.POSITIVE_INFINITY };
}

/** Whether a journalled entry was typed after the stored note (updated at `storedAt`, ISO) was saved. */
export function isNewerThanStored(entry: JournalEntry, storedAt: string | undefined): boolean {
  if (storedAt === undefined) return true;
  const saved = Date.parse(storedAt);
  return Number.isNaN(saved) || entry.at > saved;
}

/** Records the text as typed, at once. */
export function journalNote(meetingId: string, itemId: string, text: string, at = Date.now()): void {
  try {
    storage()?.setItem(keyOf(meetingId, itemId), JSON.stringify({ text, at } satisfies JournalEntry));
  } catch {
    // A full quota only loses the journal, never the save itself.
  }
}

/** The journalled note of an item not yet saved, if any. */
export function journalledNote(meetingId: string, itemId: string): JournalEntry | null {
  return parse(storage()?.getItem(keyOf(meetingId, itemId)) ?? null);
}

/** Forgets the journal once `text` is saved (unless the chair has typed more since). */
export function clearJournalledNote(meetingId: string, itemId: string, text: string): void {
  const store = storage();
  if (store && parse(store.getItem(keyOf(meetingId, itemId)))?.text === text) store.removeItem(keyOf(meetingId, itemId));
}

/** Every item of a meeting with journalled notes not yet saved. */
export function journalledNotes(meetingId: string): Array<JournalEntry & { itemId: string }> {
  const store = storage();
  if (!store) return [];
  const entries: Array<JournalEntry & { itemId: string }> = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index) ?? '';
    const [prefix, meeting, itemId] = key.split('\u0001');
    if (prefix !== PREFIX || meeting !== meetingId || !itemId) continue;
    const entry = parse(store.getItem(key));
    if (entry) entries.push({ itemId, ...entry });
  }
  return entries;
}

/** How many agenda items, in every meeting, have journalled notes not yet saved. */
export function journalledItemCount(): number {
  const store = storage();
  if (!store) return 0;
  let count = 0;
  for (let index = 0; index < store.length; index += 1) if (store.key(index)?.startsWith(`${PREFIX}\u0001`)) count += 1;
  return count;
}
