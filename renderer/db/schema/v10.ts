import type { Transaction } from 'dexie';

// Schema version 10 (several boards). Shipped: never edit, add a version.
// A councillor may sit on several boards: each board record keeps its own register, terms and
// decision counters (the one board stored before keeps its id, "board"), and each meeting names
// its board. The one index lets a board's meetings be read (and removed with it) without reading
// every meeting. The upgrade gives every meeting stored before this the one board it had.
export const v10 = {
  version: 10,
  stores: {
    meetings: 'id, boardId',
  },
  upgrade: async (transaction: Transaction): Promise<void> => {
    await transaction
      .table('meetings')
      .toCollection()
      .modify((meeting: { boardId?: string }) => {
        meeting.boardId ??= 'board';
      });
  },
} as const;
