// A crash journal for the notes the chair types. Each keystroke is written here synchronously
// (localStorage), before the debounced save to IndexedDB; a save that lands clears it. IndexedDB
// writes are asynchronous and a page that is reloaded, closed or crashes in the 300 ms after a
// keystroke never issues them, so on the next start whatever is still here is saved properly,
// through the repository (which refuses approved minutes). Same origin and disk as the store.

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

/** Records the text as typed, at once. */
export function journalNote(meetingId: string, itemId: string, text: string): void {
  try {
    storage()?.setItem(keyOf(meetingId, itemId), text);
  } catch {
    // A full quota only loses the journal, never the save itself.
  }
}

/** The journalled text of an item not yet saved, if any. */
export function journalledNote(meetingId: string, itemId: string): string | null {
  return storage()?.getItem(keyOf(meetingId, itemId)) ?? null;
}

/** Forgets the journal once `text` is saved (unless the chair has typed more since). */
export function clearJournalledNote(meetingId: string, itemId: string, text: string): void {
  const store = storage();
  if (store?.getItem(keyOf(meetingId, itemId)) === text) store.removeItem(keyOf(meetingId, itemId));
}

/** Every item of a meeting with journalled notes not yet saved. */
export function journalledNotes(meetingId: string): Array<{ itemId: string; text: string }> {
  const store = storage();
  if (!store) return [];
  const entries: Array<{ itemId: string; text: string }> = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index) ?? '';
    const [prefix, meeting, itemId] = key.split('\u0001');
    if (prefix !== PREFIX || meeting !== meetingId || !itemId) continue;
    entries.push({ itemId, text: store.getItem(key) ?? '' });
  }
  return entries;
}
