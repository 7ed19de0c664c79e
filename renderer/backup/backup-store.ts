import { Dexie, type Table } from 'dexie';
import {
  decodeFrame,
  encodeFrame,
  isBlobPlaceholder,
  type BackupHeader,
  type BackupHolds,
  type BackupReason,
  type BlobPlaceholder,
} from '../../shared/backup/format';
import type { Result } from '../../shared/result';
import type { Api } from '../ipc/client';
import type { OversightDatabase } from '../db/database';
import { chunkActionRows } from '../plan-review/action-row-chunks';
import type { ActionRowsRecord } from '../plan-review/records';
import { startReadyWorker, type WorkerLike } from '../start-worker';
import { mapPlaceholders, renumberFrame, sortedTables, type BackupProgress, type TableDone, type TableFrame } from './backup-frames';
import { isFromBackupWorker, type ToBackupWorker } from './backup-messages';
import { serveBackups } from './serve-backups';
import { clearLocalJournal } from './wipe';

// The renderer's side of backups. A backup's frames are made by a worker of its own
// (renderer/backup/backup-frames.ts, served by serve-backups.ts), or by the window where there is
// none; the window passes each frame to main, which encrypts and appends it. A restore reads the
// frames back one at a time inside one transaction over every table, so the store is either
// wholly the backup or wholly as it was (a crash mid-restore commits nothing).

/**
 * Appends a backup keeps in flight: a few, so main encrypts and writes while the next pages are
 * read, yet never more than a few frames (each at most the format's frame limit) in memory.
 */
const APPENDS_IN_FLIGHT = 3;
/** Chunks main reads and decrypts ahead of the one being written during a restore. */
const READ_AHEAD = 3;

/**
 * Meta keys that tell the next start how a restore ended. The first is written to the old store
 * before the restore's transaction, which clears it; the second is written inside that
 * transaction. So after a stop at any moment, the first still there means nothing was restored,
 * and the second there (without the first) means all of it was.
 */
export const RESTORE_IN_PROGRESS = 'restoreInProgress';
export const RESTORE_DONE = 'restoreDone';

/** The backup a restore was of, as the start notice names it. */
export type RestoreMark = { fileName: string; createdAt: string };

export type { BackupProgress } from './backup-frames';

/** What the window needs of a backup worker (a Worker in the app; a port pair in tests and in the window's own fallback). */
export type BackupWorkerLike = WorkerLike<ToBackupWorker>;

/** Workers that make a backup's frames at once, each a table at a time. */
export const BACKUP_WORKERS = 2;

export type BackUpOptions = {
  /** Starts a worker: null where there is none (jsdom). Tests pass their own. */
  startWorker?: () => BackupWorkerLike | null;
  /** How long a worker's module may take to load before the window makes the frames itself. */
  readyWithinMs?: number;
};

/** Starts a backup worker, or null where the page has no Worker (jsdom). */
export function startBackupWorker(): BackupWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  // Vite bundles the worker and its imports into a file of its own, served from the app's origin.
  return new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'oversight-backup' });
}

/**
 * The window's own backup producer, where no worker starts: serveBackups over a pair of ports in
 * this thread (messages delivered a task later, not cloned), reading through the window's `db`.
 */
function windowProducer(db: OversightDatabase): BackupWorkerLike {
  type Listener = (event: Event) => void;
  const toWindow: Listener[] = [];
  const toServer: Array<(event: MessageEvent<unknown>) => void> = [];
  let isTerminated = false;
  const deliver = (listeners: ReadonlyArray<(event: MessageEvent<unknown>) => void>, data: unknown) =>
    setTimeout(() => {
      if (!isTerminated) for (const listener of listeners) listener({ data } as MessageEvent<unknown>);
    });
  serveBackups(
    { postMessage: (message) => deliver(toWindow, message), addEventListener: (_type, listener) => toServer.push(listener) },
    { openDb: () => db, closeDb: () => undefined },
  );
  return {
    postMessage: (message) => deliver(toServer, message),
    addEventListener: (type, listener) => {
      if (type === 'message') toWindow.push(listener);
    },
    terminate: () => {
      isTerminated = true;
    },
  };
}

/** The backup workers, started at once; the window's own producer when none starts. */
async function startProducers(db: OversightDatabase, options: BackUpOptions): Promise<BackupWorkerLike[]> {
  const started = await Promise.all(
    Array.from({ length: BACKUP_WORKERS }, () =>
      startReadyWorker(options.startWorker ?? startBackupWorker, {
        name: 'backup',
        fallback: 'the window reads the store itself',
        readyWithinMs: options.readyWithinMs ?? 15_000,
      }),
    ),
  );
  const workers = started.filter((worker): worker is BackupWorkerLike => worker !== null);
  return workers.length > 0 ? workers : [windowProducer(db)];
}

async function call<T>(reply: Promise<Result<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What the store holds now, in the shape a backup's header gives it. */
export async function countStore(db: OversightDatabase): Promise<BackupHolds> {
  const tables: Record<string, number> = {};
  for (const table of sortedTables(db)) tables[table.name] = await table.count();
  let paperBytes = 0;
  await db.papers.each((paper) => {
    paperBytes += paper.pdf.size;
  });
  return { tables, papers: tables.papers ?? 0, paperBytes };
}

/**
 * Backs the whole store up through main, streaming: workers read and encode the tables, a bounded
 * number of bytes ahead; the window puts their frames in file order and keeps a few in flight to
 * main; never the whole store in memory.
 */
export async function backUpStore(
  db: OversightDatabase,
  api: Api,
  reason: BackupReason,
  onProgress?: (progress: BackupProgress) => void,
  options: BackUpOptions = {},
): Promise<Result<{ fileName: string }>> {
  // The workers' modules load while main begins the file.
  const producing = startProducers(db, options);
  const begun = await api.call('backup:begin', { reason, schemaVersion: db.verno });
  const producers = await producing;
  if (!begun.ok) {
    for (const producer of producers) producer.terminate();
    return begun;
  }
  const { session } = begun.value;
  // Several appends in flight (main writes them in the order they were sent) while the workers
  // make the next frames: the store's reads, the frames' JSON and main's encryption and writing
  // overlap instead of taking turns. A failed append is noticed at the next send or at the end.
  const inFlight: Array<Promise<unknown>> = [];
  let failure: unknown = null;
  const send = async (frame: Uint8Array) => {
    if (inFlight.length >= APPENDS_IN_FLIGHT) await inFlight.shift();
    if (failure) throw failure;
    inFlight.push(
      call(api.call('backup:append', { session, frame })).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };
  try {
    const tableNames = sortedTables(db).map((table) => table.name);
    const holds = await passFrames(producers, db.name, tableNames, send, onProgress);
    await Promise.all(inFlight);
    if (failure) throw failure;
    const finished = await api.call('backup:finish', { session, frame: encodeFrame({ kind: 'end', holds }), holds });
    return finished.ok ? { ok: true, value: { fileName: finished.value.fileName } } : finished;
  } catch (error) {
    // The appends already sent are settled first (none rejects: each failure is caught above),
    // so the abort comes after them and nothing is written once the temporary file is removed.
    await Promise.all(inFlight);
    await api.call('backup:abort', { session });
    return {
      ok: false,
      error: { code: 'failed', message: `The backup was not made: ${error instanceof Error ? error.message : String(error)}` },
    };
  } finally {
    for (const producer of producers) producer.terminate();
  }
}

/** Tables a producer is asked for ahead of the one it is reading, so it never waits for the window to ask. */
const TABLES_AHEAD = 2;

type Made = TableFrame & { producer: BackupWorkerLike };

/** One table's frames as its producer sends them, taken one at a time in order. */
class TableStream {
  private readonly frames: Made[] = [];
  private done: TableDone | null = null;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  push(made: Made): void {
    this.frames.push(made);
    this.wake?.();
  }
  finish(done: TableDone): void {
    this.done = done;
    this.wake?.();
  }
  fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }
  /** The next frame, or what the table held once every frame is taken. */
  async next(): Promise<Made | TableDone> {
    for (;;) {
      if (this.failure) throw this.failure;
      const made = this.frames.shift();
      if (made) return made;
      if (this.done) return this.done;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/**
 * The tables handed to the producers, the next to whichever finishes one, and their frames passed
 * to `send` in file order (table by table, by name), each producer credited with a frame's bytes
 * once it is on its way to main: while the window passes one table's frames, the other producer
 * reads the next table. Blobs are renumbered from 0 across the file. What the backup holds once
 * every table is passed.
 */
async function passFrames(
  producers: readonly BackupWorkerLike[],
  dbName: string,
  tableNames: readonly string[],
  send: (frame: Uint8Array) => Promise<void>,
  onProgress?: (progress: BackupProgress) => void,
): Promise<BackupHolds> {
  const streams = tableNames.map(() => new TableStream());
  const failAll = (error: Error) => {
    for (const stream of streams) stream.fail(error);
  };
  let nextTable = 0;
  const handOuts = producers.map((producer) => {
    // The tables this producer was asked for and has not finished, oldest first: its frames are the first's.
    const asked: number[] = [];
    const handOut = () => {
      if (nextTable >= tableNames.length) return;
      asked.push(nextTable);
      producer.postMessage({ type: 'table', dbName, table: tableNames[nextTable] as string });
      nextTable += 1;
    };
    producer.addEventListener('message', (event) => {
      const message = (event as MessageEvent<unknown>).data;
      if (!isFromBackupWorker(message)) return;
      const stream = streams[asked[0] ?? -1];
      if (message.type === 'frame') stream?.push({ ...message, producer });
      else if (message.type === 'table-done') {
        stream?.finish({ records: message.records, blobs: message.blobs, paperBytes: message.paperBytes });
        asked.shift();
        handOut();
      } else if (message.type === 'failed') failAll(new Error(message.message));
    });
    producer.addEventListener('error', () => failAll(new Error('a backup worker stopped with an error')));
    producer.addEventListener('messageerror', () => failAll(new Error('a backup worker could not read a message')));
    return handOut;
  });
  // Tables handed out in turn, so each producer's first tables are near the start of the file.
  for (let round = 0; round < TABLES_AHEAD; round += 1) for (const handOut of handOuts) handOut();
  const holds: BackupHolds = { tables: {}, papers: 0, paperBytes: 0 };
  let blobBase = 0;
  try {
    for (const [index, table] of tableNames.entries()) {
      const stream = streams[index] as TableStream;
      for (;;) {
        const next = await stream.next();
        if (!('frame' in next)) {
          // Counted frame by frame below; a table with no records is counted 0.
          holds.tables[table] ??= 0;
          holds.paperBytes += next.paperBytes;
          blobBase += next.blobs;
          break;
        }
        const bytes = next.frame.length;
        await send(renumberFrame(next.frame, next.placeholders, blobBase));
        next.producer.postMessage({ type: 'credit', bytes });
        if (next.records > 0) {
          holds.tables[table] = (holds.tables[table] ?? 0) + next.records;
          onProgress?.({ table: table, records: holds.tables[table] ?? 0 });
        }
      }
    }
  } catch (error) {
    for (const producer of producers) producer.postMessage({ type: 'cancel' });
    throw error;
  }
  holds.papers = holds.tables.papers ?? 0;
  return holds;
}

/** Why a backup cannot be restored into this store, or null when it can. */
export function whyCannotRestore(db: OversightDatabase, header: BackupHeader): string | null {
  if (header.schemaVersion > db.verno) {
    return `This backup was made by a newer version of Oversight (its store is version ${header.schemaVersion}; this version knows up to ${db.verno}). Update Oversight to restore it.`;
  }
  return null;
}

/**
 * Replaces the whole store with an unlocked backup's records, in one transaction over every
 * table: any problem (a damaged chunk, an unknown table, counts that do not match) rolls it all
 * back and the store is as it was.
 */
export async function restoreStore(
  db: OversightDatabase,
  api: Api,
  token: string,
  header: BackupHeader,
  options: { fileName?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const refusal = whyCannotRestore(db, header);
  if (refusal) throw new Error(refusal);
  const tables = new Map(db.tables.map((table) => [table.name, table]));
  const mark: RestoreMark = { fileName: options.fileName ?? 'a backup', createdAt: header.createdAt };
  await db.meta.put({ key: RESTORE_IN_PROGRESS, value: mark });
  await db
    .transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
      const counted: Record<string, number> = {};
      // Records waiting for their papers' bytes, which follow their page in blob frames.
      let pending: { table: Table; records: unknown[]; parts: Map<number, Uint8Array[]>; sizes: Map<number, BlobPlaceholder> } | null =
        null;
      let writing: Promise<unknown> | null = null;
      async function flushIfComplete(index: number): Promise<void> {
        if (!pending) return;
        for (const [blob, placeholder] of pending.sizes) {
          const received = (pending.parts.get(blob) ?? []).reduce((sum, part) => sum + part.length, 0);
          if (received < placeholder.size) return;
        }
        const { parts, sizes } = pending;
        const records = sizes.size === 0 ? pending.records : pending.records.map((record) => withBlobs(record, parts, sizes));
        // One page's write in flight while the next chunk is fetched and decoded: the database
        // writes (in the browser's process) overlap this thread's decoding instead of taking
        // turns. A write that fails aborts the transaction; it is awaited before the next one and
        // before the end, so the restore still fails and rolls back as a whole.
        if (writing) await writing;
        const tableName = pending.table.name;
        writing = pending.table.bulkPut(records).catch((error: unknown) => {
          throw new Error(
            `chunk ${index}: the records of ${tableName} could not be written (${error instanceof Error ? error.message : String(error)}).`,
          );
        });
        writing.catch(() => undefined);
        pending = null;
      }
      // Main reads and decrypts the next few chunks while this one is written (a few MiB at most
      // in memory). No chunk past the last is asked for: the header says how many there are.
      const ahead: Array<Promise<Result<{ frame: Uint8Array; isLast: boolean }>>> = [];
      let requested = 0;
      const topUp = () => {
        while (ahead.length < READ_AHEAD && requested < header.body.chunks) {
          const reply = api.call('backup:read', { token, index: requested });
          // A reply not awaited because an earlier chunk failed must not be an unhandled rejection.
          reply.catch(() => undefined);
          ahead.push(reply);
          requested += 1;
        }
      };
      for (let index = 0; ; index += 1) {
        topUp();
        const next = ahead.shift();
        if (!next) throw new Error(`chunk ${index}: the backup ends before its closing frame.`);
        // Dexie.waitFor keeps the transaction alive while main reads and decrypts the chunk.
        const reply = await Dexie.waitFor(next);
        if (!reply.ok) throw new Error(reply.error.message);
        topUp();
        const frame = decodeFrame(reply.value.frame, index);
        options.onProgress?.(index + 1, header.body.chunks);
        if (frame.kind === 'records') {
          if (pending) throw new Error(`chunk ${index}: a page of records arrived before the previous page’s papers were complete.`);
          const table = tables.get(frame.table) ?? (frame.table === 'actionRows' ? db.actionRowChunks : undefined);
          if (!table) throw new Error(`chunk ${index}: the backup holds a table this version does not know (${frame.table}).`);
          counted[frame.table] = (counted[frame.table] ?? 0) + frame.records.length;
          const sizes = new Map<number, BlobPlaceholder>();
          collectPlaceholders(frame.records, sizes);
          // A backup made before schema v11 holds each plan's list rows as one record: stored as chunks.
          const records = frame.table === 'actionRows' ? upgradeActionRows(frame.records, index) : frame.records;
          pending = { table, records, parts: new Map(), sizes };
          await flushIfComplete(index);
        } else if (frame.kind === 'blob') {
          if (!pending?.sizes.has(frame.blob)) throw new Error(`chunk ${index}: paper bytes that no record asked for.`);
          const parts = pending.parts.get(frame.blob) ?? [];
          const received = parts.reduce((sum, part) => sum + part.length, 0);
          if (received + frame.bytes.length > (pending.sizes.get(frame.blob)?.size ?? 0)) {
            throw new Error(`chunk ${index}: more bytes for a paper than its record says it has.`);
          }
          // A view, not a copy: each reply is a fresh array, and the Blob made from the parts copies them.
          parts.push(frame.bytes);
          pending.parts.set(frame.blob, parts);
          await flushIfComplete(index);
        } else {
          if (pending) throw new Error(`chunk ${index}: the backup ends before a paper’s bytes are complete.`);
          for (const [table, count] of Object.entries(frame.holds.tables)) {
            if ((counted[table] ?? 0) !== count)
              throw new Error(`The backup promises ${count} records in ${table} and holds ${counted[table] ?? 0}.`);
          }
          if (!reply.value.isLast) throw new Error(`chunk ${index}: the closing frame is not the last chunk.`);
          if (writing) await writing;
          // Committed with the records: the next start says the restore finished. A backup made
          // while another restore was marked as under way must not carry that mark over.
          await db.meta.delete(RESTORE_IN_PROGRESS);
          await db.meta.put({ key: RESTORE_DONE, value: mark });
          break;
        }
        if (reply.value.isLast) throw new Error('The backup ends without its closing frame.');
      }
    })
    .catch(async (error: unknown) => {
      // Rolled back: the store is as it was, and there is no restore to tell the next start about.
      await db.meta.delete(RESTORE_IN_PROGRESS);
      throw error;
    });
  clearLocalJournal();
  await api.call('backup:close', { token });
}

/**
 * At start: how the last restore ended, if one was begun and not yet reported, forgetting the
 * marks so it is said once. A restore cut short (the app closed or killed part way) left the
 * store as it was.
 */
export async function takeRestoreOutcome(
  db: OversightDatabase,
): Promise<{ outcome: 'restored' | 'cut-short'; backup: RestoreMark } | null> {
  return db.transaction('rw', db.meta, async () => {
    const begun = (await db.meta.get(RESTORE_IN_PROGRESS))?.value as RestoreMark | undefined;
    const done = (await db.meta.get(RESTORE_DONE))?.value as RestoreMark | undefined;
    if (!begun && !done) return null;
    await db.meta.bulkDelete([RESTORE_IN_PROGRESS, RESTORE_DONE]);
    if (begun) return { outcome: 'cut-short', backup: begun };
    return done ? { outcome: 'restored', backup: done } : null;
  });
}

/** A pre-v11 backup's `actionRows` records as `actionRowChunks` records, checked first (a located message if malformed). */
function upgradeActionRows(records: readonly unknown[], index: number): unknown[] {
  return records.flatMap((record) => {
    const candidate = record as Partial<ActionRowsRecord> | null;
    if (typeof candidate?.planId !== 'string' || typeof candidate.revision !== 'number' || !Array.isArray(candidate.rows)) {
      throw new Error(`chunk ${index}: a list rows record (actionRows) without its planId, revision or rows.`);
    }
    return chunkActionRows(candidate.planId, candidate.revision, candidate.rows);
  });
}

function collectPlaceholders(value: unknown, into: Map<number, BlobPlaceholder>): void {
  if (isBlobPlaceholder(value)) into.set(value.$blob, value);
  else if (Array.isArray(value)) for (const item of value) collectPlaceholders(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectPlaceholders(item, into);
}

function withBlobs(value: unknown, parts: Map<number, Uint8Array[]>, sizes: Map<number, BlobPlaceholder>): unknown {
  return mapPlaceholders(
    value,
    (placeholder) =>
      new Blob((parts.get(placeholder.$blob) ?? []) as BlobPart[], { type: sizes.get(placeholder.$blob)?.type ?? placeholder.type }),
  );
}
