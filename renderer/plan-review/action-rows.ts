import type { ActionRow } from '../../shared/plan-review/summary';
import type { OversightDatabase } from '../db/database';
import { yieldToWindow } from '../db/yield-in-transaction';
import { chunkActionRows } from './action-row-chunks';
import type { ActionRowChunkRecord, ActionRowsRecord } from './records';

export { ACTION_ROWS_CHUNK, chunkActionRows } from './action-row-chunks';

// A plan's list rows are stored in small records of at most ACTION_ROWS_CHUNK rows each (schema
// v11), keyed [planId+chunk] and read back in chunk order. One record of 60,000 rows took about
// 320 ms to hand to IndexedDB (a structured clone on the window's thread): one long task. A chunk
// of 1,000 takes a few milliseconds, and the import yields to the window between two chunks.

/** The key range of one plan's chunks: [planId] .. [planId, []] (an array sorts after every number). */
function planRange(planId: string): [[string], [string, never[]]] {
  return [[planId], [planId, []]];
}

/**
 * Joins a plan's chunks back into one list, or null when the plan has none. Chunks written by
 * different revisions never mix: the import replaces them all in one transaction; should they
 * disagree anyway, the record says so with the oldest revision, and is rebuilt at start.
 */
export function joinActionRows(planId: string, chunks: readonly ActionRowChunkRecord[]): ActionRowsRecord | null {
  if (chunks.length === 0) return null;
  const ordered = [...chunks].sort((a, b) => a.chunk - b.chunk);
  const revision = Math.min(...ordered.map((chunk) => chunk.revision));
  return { planId, revision, rows: ordered.flatMap((chunk) => chunk.rows) };
}

/** Every action of a plan as a list row (null when the plan has none). */
export async function readActionRows(db: OversightDatabase, planId: string): Promise<ActionRowsRecord | null> {
  const [lower, upper] = planRange(planId);
  const chunks = await db.actionRowChunks.where('[planId+chunk]').between(lower, upper, true, true).toArray();
  return joinActionRows(planId, chunks);
}

/** The revision a plan's list rows were built from (null when it has none), without reading every row. */
export async function actionRowsRevision(db: OversightDatabase, planId: string): Promise<number | null> {
  return (await db.actionRowChunks.get([planId, 0]))?.revision ?? null;
}

/** Removes a plan's list rows (inside the caller's transaction). */
export async function deleteActionRows(db: OversightDatabase, planId: string): Promise<void> {
  const [lower, upper] = planRange(planId);
  await db.actionRowChunks.where('[planId+chunk]').between(lower, upper, true, true).delete();
}

/**
 * Replaces a plan's list rows, inside the caller's transaction: chunks past the new last one are
 * deleted, then each chunk is handed over on its own, with a turn for the window between two
 * (unless slicing is off, `sliceMs: Infinity`). Resolves when IndexedDB has stored them all.
 */
export async function writeActionRows(
  db: OversightDatabase,
  planId: string,
  revision: number,
  rows: readonly ActionRow[],
  sliceMs?: number,
): Promise<void> {
  const chunks = chunkActionRows(planId, revision, rows);
  const pending: Array<PromiseLike<unknown>> = [
    db.actionRowChunks.where('[planId+chunk]').between([planId, chunks.length], [planId, []], true, true).delete(),
  ];
  const isSliced = sliceMs === undefined || Number.isFinite(sliceMs);
  try {
    for (const [index, chunk] of chunks.entries()) {
      if (index > 0 && isSliced) await yieldToWindow();
      pending.push(db.actionRowChunks.put(chunk));
    }
    await Promise.all(pending);
  } catch (error) {
    // Puts still in flight fail with the transaction: handled here, so none is reported unhandled.
    void Promise.allSettled(pending);
    throw error;
  }
}
