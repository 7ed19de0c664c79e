import type { TableDone } from './backup-frames';

// The messages between the window and a backup worker (renderer/backup/backup-worker.ts). Both
// ends are this build's own code, but each end still checks a message's shape before acting on it.

export type ToBackupWorker =
  /** Read this table of the store of this name and send its frames, after those of the tables asked for before it. */
  | { type: 'table'; dbName: string; table: string }
  /** The window has passed frames of this many bytes on to main: the worker may make more. */
  | { type: 'credit'; bytes: number }
  /** Stop at the next frame (the backup failed in the window, main or another worker). */
  | { type: 'cancel' };

export type FromBackupWorker =
  /** The worker's module has loaded. */
  | { type: 'ready' }
  /** The table's next frame, in file order (its bytes transferred, not copied). */
  | { type: 'frame'; frame: Uint8Array; records: number; placeholders: boolean }
  /** Every frame of the table has been sent. */
  | ({ type: 'table-done' } & TableDone)
  | { type: 'failed'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isCount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Whether a message the worker received is one of the window's requests. */
export function isToBackupWorker(value: unknown): value is ToBackupWorker {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'table':
      return typeof value.dbName === 'string' && typeof value.table === 'string';
    case 'credit':
      return isCount(value.bytes);
    case 'cancel':
      return true;
    default:
      return false;
  }
}

/** Whether a message the window received is one of a worker's. */
export function isFromBackupWorker(value: unknown): value is FromBackupWorker {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'frame':
      return value.frame instanceof Uint8Array && isCount(value.records) && typeof value.placeholders === 'boolean';
    case 'table-done':
      return isCount(value.records) && isCount(value.blobs) && isCount(value.paperBytes);
    case 'failed':
      return typeof value.message === 'string';
    default:
      return false;
  }
}
