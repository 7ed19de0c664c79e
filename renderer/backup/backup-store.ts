import { Dexie, type Table } from 'dexie';
import {
  BLOB_SLICE_BYTES,
  MAX_FRAME_BYTES,
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
import { clearLocalJournal } from './wipe';

// The renderer's side of backups: reads the store table by table in pages and sends each page
// (and each paper's PDF, slice by slice) to main as a frame; main encrypts and appends it. A
// restore reads the frames back one at a time inside one transaction over every table, so the
// store is either wholly the backup or wholly as it was (a crash mid-restore commits nothing).

// Records per page: large pages mean few frames, so few round trips to main and few waits that
// keep the restore's transaction alive (each costs far more than the records' own bytes). A page
// whose frame would pass the format's limit is split.
const PAGE_RECORDS = 2000;
/** The most bytes of papers one page's records may hold (one paper larger than this is a page of its own). */
const MAX_PAGE_BLOB_BYTES = 16 * 2 ** 20;
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

export type BackupProgress = { table: string; records: number };

function sortedTables(db: OversightDatabase): Table[] {
  return [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
}

/** One page of a table: up to PAGE_RECORDS records after `after` (from the start when undefined), in primary-key order. */
function readPage(table: Table, after: unknown): Promise<unknown[]> {
  const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
  return collection.limit(PAGE_RECORDS).toArray();
}

/**
 * Every table's records in pages, table after table. Each page is read in a short transaction of
 * its own (members' edits are never held up behind a backup), and the next page's read is begun
 * as soon as this one arrives, so the store reads it while this one is encoded and sent: at most
 * two pages in memory.
 */
async function* storePages(tables: readonly Table[]): AsyncGenerator<{ table: Table; records: unknown[] }> {
  const readFrom = (tableIndex: number, after: unknown) => {
    const table = tables[tableIndex];
    if (!table) return null;
    const reading = readPage(table, after).then((records) => ({ tableIndex, records }));
    // A read begun ahead and never awaited (the backup failed meanwhile) must not be an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = readFrom(0, undefined);
  while (next) {
    const { tableIndex, records } = await next;
    const table = tables[tableIndex] as Table;
    const keyPath = table.schema.primKey.keyPath;
    if (keyPath === null || keyPath === undefined) throw new Error(`The ${table.name} table has no key path.`);
    // A short page is the table's last; a full one may have more after it.
    next =
      records.length < PAGE_RECORDS
        ? readFrom(tableIndex + 1, undefined)
        : readFrom(tableIndex, Dexie.getByKeyPath(records[records.length - 1] as object, keyPath));
    if (records.length > 0) yield { table, records };
  }
}

/** Whether a record holds a Blob anywhere (a walk that allocates nothing: most records hold none). */
function holdsBlob(value: unknown): boolean {
  if (value instanceof Blob) return true;
  if (Array.isArray(value)) return value.some(holdsBlob);
  if (typeof value === 'object' && value !== null) {
    for (const key in value) if (holdsBlob((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Replaces every Blob inside a record by a numbered placeholder, collecting the Blobs in order. */
function withPlaceholders(value: unknown, blobs: Blob[], base: number): unknown {
  if (value instanceof Blob) {
    blobs.push(value);
    return { $blob: base + blobs.length - 1, type: value.type, size: value.size } satisfies BlobPlaceholder;
  }
  if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, blobs, base));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPlaceholders(item, blobs, base)]));
  }
  return value;
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
 * Backs the whole store up through main, streaming: pages read ahead one at a time, a few frames
 * in flight to main, never the whole store in memory.
 */
export async function backUpStore(
  db: OversightDatabase,
  api: Api,
  reason: BackupReason,
  onProgress?: (progress: BackupProgress) => void,
): Promise<Result<{ fileName: string }>> {
  const begun = await api.call('backup:begin', { reason, schemaVersion: db.verno });
  if (!begun.ok) return begun;
  const { session } = begun.value;
  const holds: BackupHolds = { tables: {}, papers: 0, paperBytes: 0 };
  let blobNumber = 0;
  // Several appends in flight (main writes them in the order they were sent) while the next page
  // is read and encoded: the store's reads, this thread's JSON and main's encryption and writing
  // overlap instead of taking turns. A failed append is noticed at the next send or at the end.
  const inFlight: Array<Promise<unknown>> = [];
  let failure: unknown = null;
  async function send(frame: Uint8Array): Promise<void> {
    if (inFlight.length >= APPENDS_IN_FLIGHT) await inFlight.shift();
    if (failure) throw failure;
    inFlight.push(
      call(api.call('backup:append', { session, frame })).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  }
  try {
    const tables = sortedTables(db);
    for (const table of tables) holds.tables[table.name] = 0;
    for await (const { table, records } of storePages(tables)) {
      await sendPage(table.name, records);
      holds.tables[table.name] = (holds.tables[table.name] ?? 0) + records.length;
      onProgress?.({ table: table.name, records: holds.tables[table.name] ?? 0 });
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    holds.papers = holds.tables.papers ?? 0;
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
  }

  async function sendPage(tableName: string, page: unknown[]): Promise<void> {
    const blobs: Blob[] = [];
    // Placeholders are numbered across the whole backup.
    // Only a record that holds a file is copied (with placeholders); the rest go as they are.
    const records = page.map((record) => (holdsBlob(record) ? withPlaceholders(record, blobs, blobNumber) : record));
    // A restore holds a page's papers in memory until the page is whole: pages of papers stay small.
    const blobBytes = blobs.reduce((sum, blob) => sum + blob.size, 0);
    if (blobBytes > MAX_PAGE_BLOB_BYTES && page.length > 1) {
      const half = Math.ceil(page.length / 2);
      await sendPage(tableName, page.slice(0, half));
      await sendPage(tableName, page.slice(half));
      return;
    }
    const frame = encodeFrame({ kind: 'records', table: tableName, records });
    if (frame.length > MAX_FRAME_BYTES) {
      if (page.length === 1) throw new Error(`A record in ${tableName} is larger than a backup frame allows.`);
      const half = Math.ceil(page.length / 2);
      await sendPage(tableName, page.slice(0, half));
      await sendPage(tableName, page.slice(half));
      return;
    }
    await send(frame);
    for (const blob of blobs) {
      holds.paperBytes += blob.size;
      // The next slice is read while this one is sent (two slices, 2 MiB, in hand at most). A read
      // begun ahead and never awaited (the backup failed meanwhile) must not be an unhandled rejection.
      const readSlice = (start: number) => {
        if (start >= blob.size) return null;
        const reading = blob.slice(start, start + BLOB_SLICE_BYTES).arrayBuffer();
        reading.catch(() => undefined);
        return reading;
      };
      // An empty Blob has no blob frames: its placeholder's size (0) says it is complete.
      let next = readSlice(0);
      for (let start = 0; next; start += BLOB_SLICE_BYTES) {
        const bytes = new Uint8Array(await next);
        next = readSlice(start + BLOB_SLICE_BYTES);
        await send(encodeFrame({ kind: 'blob', blob: blobNumber, bytes }));
      }
      blobNumber += 1;
    }
  }
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
  if (isBlobPlaceholder(value)) {
    const bytes = parts.get(value.$blob) ?? [];
    return new Blob(bytes as BlobPart[], { type: sizes.get(value.$blob)?.type ?? value.type });
  }
  if (Array.isArray(value)) return value.map((item) => withBlobs(item, parts, sizes));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withBlobs(item, parts, sizes)]));
  }
  return value;
}
