import type { Transaction } from 'dexie';

// Schema version 13 (plans per board). Shipped: never edit, add a version.
// Each plan belongs to one board (a councillor's schools forum reviews another plan than the SEND
// oversight board). The index lets a board's plans be listed, and removed with the board, without
// reading every plan. The upgrade files every plan stored before this under the one board there
// was ("board", the id kept since before v10).
export const v13 = {
  version: 13,
  stores: {
    plans: 'id, boardId',
  },
  upgrade: async (transaction: Transaction): Promise<void> => {
    await transaction
      .table('plans')
      .toCollection()
      .modify((plan: { boardId?: string }) => {
        plan.boardId ??= 'board';
      });
  },
} as const;
