import { Dexie, type Table } from 'dexie';
import {
  BLOB_SLICE_BYTES,
  FRAME_BLOB,
  MAX_FRAME_BYTES,
  decodeFrame,
  encodeFrame,
  isBlobPlaceholder,
  type BlobPlaceholder,
} from '../../shared/backup/format';
import type { OversightDatabase } from '../db/database';

// A backup's body as frames (docs/formats/backup-v1.md), table by table: each table read in
// pages, each page one records frame, each paper's PDF in blob frames after its page. Made by the
// backup workers (renderer/backup/serve-backups.ts), a table each at a time, off the window's
// thread; by the window itself where there is no worker. The window puts the tables' frames in
// file order and main encrypts and appends each one (renderer/backup/backup-store.ts).

// Records per page: large pages mean few frames, so few round trips to main and few waits that
// keep the restore's transaction alive (each costs far more than the records' own bytes). A page
// whose frame would pass the format's limit is split.
export const PAGE_RECORDS = 2000;
/** The most bytes of papers one page's records may hold (one paper larger than this is a page of its own). */
export const MAX_PAGE_BLOB_BYTES = 16 * 2 ** 20;

export type BackupProgress = { table: string; records: number };

/** One frame of a table's part of the body. */
export type TableFrame = {
  frame: Uint8Array;
  /** The records in a page of records (0 for a paper's slice). */
  records: number;
  /** Whether it is a page holding placeholders (whose blob numbers the window renumbers). */
  placeholders: boolean;
};

/** Takes one frame; resolves when the next may be made (a few frames ahead of main, never the whole store). */
export type FrameSink = (frame: TableFrame) => Promise<void>;

/** What one table's frames held: its records, its papers' bytes, and how many blobs (numbered from 0 in the table's frames). */
export type TableDone = { records: number; blobs: number; paperBytes: number };

export function sortedTables(db: OversightDatabase): Table[] {
  return [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
}

/** One page of a table: up to PAGE_RECORDS records after `after` (from the start when undefined), in primary-key order. */
function readPage(table: Table, after: unknown): Promise<unknown[]> {
  const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
  return collection.limit(PAGE_RECORDS).toArray();
}

/**
 * A table's records in pages. Each page is read in a short transaction of its own (members' edits
 * are never held up behind a backup), and the next page's read is begun as soon as this one
 * arrives, so the store reads it while this one is encoded and sent: at most two pages in memory.
 */
async function* tablePages(table: Table): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === null || keyPath === undefined) throw new Error(`The ${table.name} table has no key path.`);
  const readFrom = (after: unknown) => {
    const reading = readPage(table, after);
    // A read begun ahead and never awaited (the backup failed meanwhile) must not be an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next: Promise<unknown[]> | null = readFrom(undefined);
  while (next) {
    const records: unknown[] = await next;
    // A short page is the table's last; a full one may have more after it.
    next = records.length < PAGE_RECORDS ? null : readFrom(Dexie.getByKeyPath(records[records.length - 1] as object, keyPath));
    if (records.length > 0) yield records;
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
  return mapWithin(
    value,
    (item): item is Blob => item instanceof Blob,
    (blob) => {
      blobs.push(blob);
      return { $blob: base + blobs.length - 1, type: blob.type, size: blob.size } satisfies BlobPlaceholder;
    },
  );
}

/**
 * Reads one table and hands its part of the body to `emit` frame by frame, in file order: pages
 * of records, each followed by its papers' bytes. Blobs are numbered from 0 within the table; the
 * window renumbers them across the file (renumberFrame).
 */
export async function produceTableFrames(table: Table, emit: FrameSink): Promise<TableDone> {
  const done: TableDone = { records: 0, blobs: 0, paperBytes: 0 };
  for await (const records of tablePages(table)) {
    await emitPage(records);
    done.records += records.length;
  }
  return done;

  async function emitPage(page: unknown[]): Promise<void> {
    const blobs: Blob[] = [];
    // Only a record that holds a file is copied (with placeholders); the rest go as they are.
    const records = page.map((record) => (holdsBlob(record) ? withPlaceholders(record, blobs, done.blobs) : record));
    // A restore holds a page's papers in memory until the page is whole: pages of papers stay small.
    const blobBytes = blobs.reduce((sum, blob) => sum + blob.size, 0);
    if (blobBytes > MAX_PAGE_BLOB_BYTES && page.length > 1) return halves(page);
    const frame = encodeFrame({ kind: 'records', table: table.name, records });
    // Room for the placeholders' numbers to grow when the window renumbers them.
    if (frame.length > MAX_FRAME_BYTES - 16 * blobs.length) {
      if (page.length === 1) throw new Error(`A record in ${table.name} is larger than a backup frame allows.`);
      return halves(page);
    }
    await emit({ frame, records: page.length, placeholders: blobs.length > 0 });
    for (const blob of blobs) {
      done.paperBytes += blob.size;
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
        await emit({ frame: encodeFrame({ kind: 'blob', blob: done.blobs, bytes }), records: 0, placeholders: false });
      }
      done.blobs += 1;
    }
  }

  async function halves(page: unknown[]): Promise<void> {
    const half = Math.ceil(page.length / 2);
    await emitPage(page.slice(0, half));
    await emitPage(page.slice(half));
  }
}

/**
 * A table's frame with its blob numbers moved up by `base` (the blobs of the tables before it in
 * the file), so they run from 0 across the whole file: a blob frame's number is rewritten in
 * place; a page holding placeholders (a page of papers' records, small) is decoded and encoded again.
 */
export function renumberFrame(frame: Uint8Array, placeholders: boolean, base: number): Uint8Array {
  if (base === 0) return frame;
  if (frame[0] === FRAME_BLOB) {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    view.setUint32(1, view.getUint32(1, false) + base, false);
    return frame;
  }
  if (!placeholders) return frame;
  const decoded = decodeFrame(frame, 0);
  if (decoded.kind !== 'records') return frame;
  const renumbered = (placeholder: BlobPlaceholder) => ({ ...placeholder, $blob: placeholder.$blob + base });
  return encodeFrame({ ...decoded, records: decoded.records.map((record) => mapPlaceholders(record, renumbered)) });
}

/** A copy of a record from a backup with each placeholder inside it replaced by what `replace` makes of it. */
export function mapPlaceholders(value: unknown, replace: (placeholder: BlobPlaceholder) => unknown): unknown {
  return mapWithin(value, isBlobPlaceholder, replace);
}

/** A copy of a record with each value inside it that `isMatch` picks (depth first, in order) replaced by what `replace` makes of it. */
function mapWithin<T>(value: unknown, isMatch: (item: unknown) => item is T, replace: (match: T) => unknown): unknown {
  if (isMatch(value)) return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapWithin(item, isMatch, replace));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapWithin(item, isMatch, replace)]));
  return value;
}
