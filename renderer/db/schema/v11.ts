import type { Transaction } from 'dexie';
import { chunkActionRows } from '../../plan-review/action-row-chunks';
import type { ActionRowsRecord } from '../../plan-review/records';

// Schema version 11 (list rows in small records). Shipped: never edit, add a version.
// A plan's list rows were one record (`actionRows`, keyed by plan) holding every action: for a
// 60,000-action plan, handing that record to IndexedDB was a 320 ms long task on the window's
// thread. They are now kept in chunks of at most 1,000 rows (`actionRowChunks`, keyed
// [planId+chunk]), read back in chunk order. The upgrade copies every plan's rows into chunks,
// unchanged (same rows, same revision), before Dexie drops the old table, in the same upgrade
// transaction: a failure leaves the store at v10 with its rows.
// `entityHashes` keeps one record per plan with every entity's content hash, so a revision is
// diffed without reading every entity (shared/plan/entity-hashes.ts). It starts empty: a plan's
// next import reads every entity as before, and writes its hashes.
export const v11 = {
  version: 11,
  stores: {
    actionRowChunks: '[planId+chunk]',
    entityHashes: 'planId',
    actionRows: null,
  },
  upgrade: async (transaction: Transaction): Promise<void> => {
    const rows = transaction.table('actionRows');
    const chunks = transaction.table('actionRowChunks');
    // One plan at a time, so a store of many large plans never holds them all in memory.
    for (const planId of await rows.toCollection().primaryKeys()) {
      const record = (await rows.get(planId)) as ActionRowsRecord | undefined;
      if (record) await chunks.bulkPut(chunkActionRows(record.planId, record.revision, record.rows));
    }
  },
} as const;
