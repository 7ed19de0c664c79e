import type { ActionRow } from '../../shared/plan-review/summary';
import type { ActionRowChunkRecord } from './records';

// Splitting a plan's list rows into the records of schema v11. Apart from action-rows.ts (which
// reads and writes them through the database) so that the schema's upgrade and the restore of an
// older backup can use it without an import cycle through renderer/db/database.ts.

/** Rows per stored chunk: small enough that handing one over is never a long task. */
export const ACTION_ROWS_CHUNK = 1000;

/** The rows split into chunk records, in order; a plan with no actions still has chunk 0 (it carries the revision). */
export function chunkActionRows(planId: string, revision: number, rows: readonly ActionRow[]): ActionRowChunkRecord[] {
  const chunks: ActionRowChunkRecord[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += ACTION_ROWS_CHUNK) {
    chunks.push({ planId, chunk: chunks.length, revision, rows: rows.slice(start, start + ACTION_ROWS_CHUNK) });
  }
  return chunks;
}
