import { OversightDatabase } from '../db/database';
import { produceTableFrames, type FrameSink } from './backup-frames';
import { isToBackupWorker, type FromBackupWorker, type ToBackupWorker } from './backup-messages';

/** The worker's side of a message port: its global scope in the app, a port in tests and in the window's own fallback. */
export type BackupPort = {
  postMessage(message: FromBackupWorker, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

/**
 * Bytes of frames a worker makes before the window's credits say it has passed them on: enough
 * that a worker whose tables come later in the file keeps working while the window passes the
 * other's, and bounded, so a backup never holds more than this (and a frame) per
 * worker in memory, whatever the store's size.
 */
export const BYTES_AHEAD = 48 * 2 ** 20;

/**
 * Answers the window's requests for tables' frames (the body of renderer/backup/backup-worker.ts):
 * one table at a time, read and encoded here, off the window's thread. Reading the store (its
 * records' decoding) and the frames' JSON took a whole thread; the window runs two of these at
 * once, handing each the next table as it finishes one.
 */
export function serveBackups(
  port: BackupPort,
  {
    openDb = (name) => new OversightDatabase(name),
    closeDb = (db) => db.close(),
    bytesAhead = BYTES_AHEAD,
  }: { openDb?: (name: string) => OversightDatabase; closeDb?: (db: OversightDatabase) => void; bytesAhead?: number } = {},
): void {
  let db: OversightDatabase | null = null;
  let ahead = 0;
  let isCancelled = false;
  let wake: (() => void) | null = null;
  const emit: FrameSink = async ({ frame, records, placeholders }) => {
    // One frame may always go when none is waiting, however large.
    while (ahead > 0 && ahead + frame.length > bytesAhead && !isCancelled) await new Promise<void>((resolve) => (wake = resolve));
    if (isCancelled) throw new Error('The backup was cancelled.');
    ahead += frame.length;
    // Moved, not copied: every frame is an array of its own.
    const isWhole = frame.byteOffset === 0 && frame.byteLength === frame.buffer.byteLength;
    port.postMessage({ type: 'frame', frame, records, placeholders }, { transfer: isWhole ? [frame.buffer as ArrayBuffer] : [] });
  };
  // Tables are read one after another, in the order asked: the window takes their frames in that order.
  let queue: Promise<void> = Promise.resolve();
  const produce = async (request: Extract<ToBackupWorker, { type: 'table' }>) => {
    if (isCancelled) return;
    try {
      db ??= openDb(request.dbName);
      const table = db.tables.find((candidate) => candidate.name === request.table);
      if (!table) throw new Error(`The store has no table ${request.table}.`);
      port.postMessage({ type: 'table-done', ...(await produceTableFrames(table, emit)) });
    } catch (error) {
      isCancelled = true;
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (db) closeDb(db);
    }
  };
  port.addEventListener('message', (event) => {
    const message = event.data;
    if (!isToBackupWorker(message)) return;
    if (message.type === 'table') {
      queue = queue.then(() => produce(message));
      return;
    }
    if (message.type === 'credit') ahead = Math.max(0, ahead - message.bytes);
    else isCancelled = true;
    wake?.();
  });
  port.postMessage({ type: 'ready' });
}
