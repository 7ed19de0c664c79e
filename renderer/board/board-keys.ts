import { BOARD_ID } from '../../shared/meetings/schema';
import type { OversightDatabase } from '../db/database';
import { openBoardId } from '../meetings/boards';

// Each board on this laptop has its own board folder, and so its own trust (board id and clerk's
// fingerprint), reader state, writer sequences, queued publications and received drafts. They are
// kept in meta under the board's own keys; the first board ("board") keeps the keys it had before
// several boards, so a laptop that joined a board folder then is still joined after the upgrade.
// This device's key pair is the device's, shared by every board.

/** The meta key of one board's board-folder fact. */
export function boardKey(base: string, localBoard: string): string {
  return localBoard === BOARD_ID ? base : `${base}@${localBoard}`;
}

/** The board a board-folder operation is about: the one given, else the open board. */
export async function boardOrOpen(db: OversightDatabase, localBoard: string | undefined): Promise<string> {
  return localBoard ?? (await openBoardId(db));
}
