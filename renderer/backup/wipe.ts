import type { OversightDatabase } from '../db/database';
import { setMeta } from '../db/meta-repository';
import { openBoardId } from '../meetings/boards';

// "Wipe this laptop": used when a member leaves the board or a laptop is handed on.

/** The sample is not loaded again after a wipe: the laptop starts empty. */
const SAMPLE_LOADED = 'sampleLoaded';
const LOCAL_PREFIX = 'oversight.';

/** Empties every table in one transaction (all or nothing), leaving only the mark that the sample is not wanted. */
export async function wipeStore(db: OversightDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await setMeta(db, SAMPLE_LOADED, true);
  });
  clearLocalJournal();
}

/** Forgets text journalled in localStorage (the notes crash journal): it belongs to the store just replaced. */
export function clearLocalJournal(): void {
  try {
    const storage = window.localStorage;
    for (const key of Object.keys(storage)) if (key.startsWith(LOCAL_PREFIX)) storage.removeItem(key);
  } catch {
    // Storage switched off: there is no journal to clear.
  }
}

/** What the member types to confirm a wipe: the open board's name, or "wipe" where there is no board. */
export async function wipeConfirmation(db: OversightDatabase): Promise<string> {
  const board = await db.board.get(await openBoardId(db));
  return board?.name.trim() ?? 'wipe';
}

/** Whether what was typed confirms the wipe (spacing and capitals aside). */
export function isWipeConfirmed(typed: string, expected: string): boolean {
  const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return expected.length > 0 && normalise(typed) === normalise(expected);
}
