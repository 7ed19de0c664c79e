// Reads a file the user chose, dropped or left in the inbox, for the importer: streamed so a
// large file neither blocks the main process nor is held twice in memory, hashed on the way
// (the sha256 is how an already imported file is recognised and skipped), and checked for
// being rewritten while it was read, because a half-copied file must never be imported.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename } from 'node:path';

/** How far a read has got, in bytes. */
export type ReadProgress = { loaded: number; total: number };

/** Why a file could not be read; `message` is written for the member, not the developer. */
export type ReadFileErrorCode = 'not-found' | 'too-large' | 'not-a-file' | 'unreadable' | 'changed' | 'cancelled';

/** The outcome of `readFileForImport`; it never throws. */
export type ReadFileResult =
  | { ok: true; bytes: Uint8Array; sha256: string; size: number; modifiedAt: string; name: string }
  | { ok: false; error: { code: ReadFileErrorCode; message: string } };

/** Options for `readFileForImport`. */
export type ReadFileOptions = {
  /** Files larger than this are refused before a byte is read. */
  maxBytes: number;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
};

const MIB = 1024 * 1024;
/** The read size: large enough that hashing dominates, small enough for smooth progress. */
export const CHUNK_BYTES = MIB;
/** Progress is reported after this many chunks at the latest... */
export const PROGRESS_EVERY_CHUNKS = 64;
/** ...or after this many milliseconds, whichever comes first. */
export const PROGRESS_EVERY_MS = 100;

const CHANGED_MESSAGE = 'the file changed while it was being read; try again when it has finished copying';

/** Reads a whole file with its sha256, size and modification time, reporting progress. */
export async function readFileForImport(path: string, options: ReadFileOptions): Promise<ReadFileResult> {
  const name = safeBaseName(path);
  try {
    if (options.signal?.aborted) return failure('cancelled', `reading ${name} was cancelled`);
    const before = await stat(path);
    if (before.isDirectory()) return failure('not-a-file', `${name} is a folder, not a file`);
    if (!before.isFile()) return failure('not-a-file', `${name} is not an ordinary file`);
    if (before.size > options.maxBytes) {
      return failure(
        'too-large',
        `${name} is ${formatSize(before.size, Math.ceil)}; the largest file Oversight accepts is ${formatSize(options.maxBytes, Math.floor)}`,
      );
    }

    // One buffer of the size promised by stat: a file that outgrows it is being written to.
    const bytes = new Uint8Array(before.size);
    const hash = createHash('sha256');
    const progress = createProgressReporter(before.size, options.onProgress);
    let loaded = 0;
    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, signal: options.signal });
    for await (const chunk of stream) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('the file stream yielded text, not bytes');
      if (loaded + chunk.length > bytes.length) {
        // Leaving the loop destroys the stream, so a file that keeps growing is not read on.
        return failure('changed', CHANGED_MESSAGE);
      }
      bytes.set(chunk, loaded);
      hash.update(chunk);
      loaded += chunk.length;
      progress.chunk(loaded);
    }
    const after = await stat(path);
    if (loaded !== before.size || hasChanged(before, after)) return failure('changed', CHANGED_MESSAGE);
    progress.finish();
    return {
      ok: true,
      bytes,
      sha256: hash.digest('hex'),
      size: before.size,
      modifiedAt: before.mtime.toISOString(),
      name,
    };
  } catch (error) {
    if (options.signal?.aborted) return failure('cancelled', `reading ${name} was cancelled`);
    return failureFromError(error, name);
  }
}

/** The sha256 (hex) of a file, streamed; rejects when the file cannot be read. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('the file stream yielded text, not bytes');
    hash.update(chunk);
  }
  return hash.digest('hex');
}

/** The progress throttle used by `readFileForImport`; `now` is injectable for tests. */
export function createProgressReporter(
  total: number,
  onProgress: ((progress: ReadProgress) => void) | undefined,
  now: () => number = Date.now,
): { chunk(loaded: number): void; finish(): void } {
  let chunksSinceReport = 0;
  let lastReportAt = now();
  let lastReported = -1;
  const report = (loaded: number): void => {
    lastReported = loaded;
    chunksSinceReport = 0;
    lastReportAt = now();
    try {
      onProgress?.({ loaded, total });
    } catch {
      // Progress is advisory: a failing listener must not fail the import it describes.
    }
  };
  return {
    chunk(loaded) {
      chunksSinceReport += 1;
      // The first chunk is always reported so a progress bar shows its real total at once.
      const isFirst = lastReported < 0;
      if (isFirst || chunksSinceReport >= PROGRESS_EVERY_CHUNKS || now() - lastReportAt >= PROGRESS_EVERY_MS) {
        report(loaded);
      }
    },
    finish() {
      if (lastReported !== total) report(total);
    },
  };
}

function hasChanged(before: Stats, after: Stats): boolean {
  return before.size !== after.size || before.mtimeMs !== after.mtimeMs || before.ino !== after.ino;
}

function failure(code: ReadFileErrorCode, message: string): ReadFileResult {
  return { ok: false, error: { code, message } };
}

function failureFromError(error: unknown, name: string): ReadFileResult {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return failure('not-found', `${name} could not be found; it may have been moved or deleted`);
    case 'EISDIR':
      return failure('not-a-file', `${name} is a folder, not a file`);
    case 'EACCES':
    case 'EPERM':
      return failure('unreadable', `Oversight is not allowed to read ${name}; check the file's permissions`);
    case 'EBUSY':
      return failure('unreadable', `${name} is in use by another program; close it there and try again`);
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return failure('unreadable', `${name} is not a valid file path`);
    default: {
      const detail = error instanceof Error ? `: ${error.message}` : '';
      return failure('unreadable', `${name} could not be read${detail}`);
    }
  }
}

// basename itself can throw on a non-string smuggled past the types; messages must still work.
function safeBaseName(path: string): string {
  try {
    return basename(path).replaceAll('\0', '') || 'the file';
  } catch {
    return 'the file';
  }
}

const UNITS: ReadonlyArray<readonly [label: string, bytes: number]> = [
  ['GB', 1024 * MIB],
  ['MB', MIB],
  ['KB', 1024],
];

// The file's size is rounded up and the limit down, so "is N; the largest is M" never reads
// as though N were not over M.
function formatSize(bytes: number, round: (value: number) => number): string {
  const unit = UNITS.find(([, size]) => bytes >= size);
  if (unit === undefined) return `${bytes} bytes`;
  const [label, size] = unit;
  const tenths = round((bytes / size) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} ${label}`;
}
