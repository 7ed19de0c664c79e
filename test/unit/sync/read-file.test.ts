import type * as NodeFs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { appendFileSync, truncateSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHUNK_BYTES,
  PROGRESS_EVERY_CHUNKS,
  PROGRESS_EVERY_MS,
  createProgressReporter,
  readFileForImport,
  sha256File,
} from '../../../electron/sync/read-file';
import type { ReadProgress } from '../../../electron/sync/read-file';

// Wrap createReadStream in a spy (still the real thing) so a test can prove nothing was read.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>();
  return { ...actual, createReadStream: vi.fn(actual.createReadStream) };
});

const MIB = 1024 * 1024;
const LARGE = 200 * MIB;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oversight-read-file-'));
  vi.mocked(fs.createReadStream).mockClear();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('readFileForImport', () => {
  it('returns the bytes, their sha256, the size, the modification time and the name', async () => {
    const content = randomBytes(Math.round(3.5 * MIB));
    const path = join(dir, 'send.plan.json');
    await writeFile(path, content);
    const { mtime } = await stat(path);

    const result = await readFileForImport(path, { maxBytes: LARGE });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sha256).toBe(sha256(content));
    expect(Buffer.from(result.bytes).equals(content)).toBe(true);
    expect(result.size).toBe(content.length);
    expect(result.name).toBe('send.plan.json');
    expect(result.modifiedAt).toBe(mtime.toISOString());
  });

  it('reads in chunks of at most a mebibyte', async () => {
    const path = join(dir, 'chunks.plan.json');
    await writeFile(path, randomBytes(2 * MIB + 10));
    await readFileForImport(path, { maxBytes: LARGE });
    expect(fs.createReadStream).toHaveBeenCalledWith(path, expect.objectContaining({ highWaterMark: CHUNK_BYTES }));
    expect(CHUNK_BYTES).toBe(MIB);
  });

  it('reads an empty file', async () => {
    const path = join(dir, 'empty.csv');
    await writeFile(path, '');
    const events: ReadProgress[] = [];
    const result = await readFileForImport(path, { maxBytes: LARGE, onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ ok: true, size: 0, sha256: sha256(new Uint8Array()) });
    expect(events).toEqual([{ loaded: 0, total: 0 }]);
  });

  it('reports progress that only grows and ends at the total', async () => {
    const content = randomBytes(5 * MIB + 123);
    const path = join(dir, 'big.plan.json');
    await writeFile(path, content);
    const events: ReadProgress[] = [];

    const result = await readFileForImport(path, { maxBytes: LARGE, onProgress: (p) => events.push({ ...p }) });

    expect(result.ok).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(2);
    // Never more than one event per chunk read, plus the final one.
    expect(events.length).toBeLessThanOrEqual(Math.ceil(content.length / CHUNK_BYTES) + 1);
    expect(events[0]).toEqual({ loaded: CHUNK_BYTES, total: content.length });
    for (const [index, event] of events.entries()) {
      expect(event.total).toBe(content.length);
      if (index > 0) expect(event.loaded).toBeGreaterThan(events[index - 1]?.loaded ?? Infinity);
    }
    expect(events.at(-1)).toEqual({ loaded: content.length, total: content.length });
  });

  it('refuses a file over the limit before reading it, naming both sizes', async () => {
    const path = join(dir, 'plan.json');
    // A sparse file: 250 MB on paper, nothing on disk.
    await writeFile(path, '');
    await truncate(path, 250 * MIB);
    const onProgress = vi.fn();

    const result = await readFileForImport(path, { maxBytes: LARGE, onProgress });

    expect(result).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'plan.json is 250 MB; the largest file Oversight accepts is 200 MB' },
    });
    expect(onProgress).not.toHaveBeenCalled();
    expect(fs.createReadStream).not.toHaveBeenCalled();
  });

  it('never makes a file just over the limit look as if it were within it', async () => {
    const path = join(dir, 'edge.plan.json');
    await writeFile(path, '');
    await truncate(path, LARGE + 1);
    const result = await readFileForImport(path, { maxBytes: LARGE });
    expect(result).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'edge.plan.json is 200.1 MB; the largest file Oversight accepts is 200 MB' },
    });
  });

  it('accepts a file exactly at the limit', async () => {
    const content = randomBytes(1000);
    const path = join(dir, 'exact.csv');
    await writeFile(path, content);
    const result = await readFileForImport(path, { maxBytes: 1000 });
    expect(result).toMatchObject({ ok: true, size: 1000, sha256: sha256(content) });
  });

  it('reports a missing file, and a path through a file, as not found', async () => {
    const missing = await readFileForImport(join(dir, 'missing.plan.json'), { maxBytes: LARGE });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!missing.ok) expect(missing.error.message).toContain('missing.plan.json');

    const file = join(dir, 'a-file.csv');
    await writeFile(file, 'x');
    const through = await readFileForImport(join(file, 'inside.plan.json'), { maxBytes: LARGE });
    expect(through).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a folder, even one named like a plan', async () => {
    const folder = join(dir, 'folder.plan.json');
    await mkdir(folder);
    const result = await readFileForImport(folder, { maxBytes: LARGE });
    expect(result).toEqual({ ok: false, error: { code: 'not-a-file', message: 'folder.plan.json is a folder, not a file' } });
    expect(fs.createReadStream).not.toHaveBeenCalled();
  });

  it('follows a symbolic link to the file it points at', async () => {
    const content = randomBytes(4096);
    const target = join(dir, 'real.plan.json');
    await writeFile(target, content);
    const link = join(dir, 'link.plan.json');
    await symlink(target, link);
    const result = await readFileForImport(link, { maxBytes: LARGE });
    expect(result).toMatchObject({ ok: true, name: 'link.plan.json', size: 4096, sha256: sha256(content) });
  });

  it('reports a dangling symbolic link as not found', async () => {
    const link = join(dir, 'dangling.plan.json');
    await symlink(join(dir, 'nowhere.plan.json'), link);
    const result = await readFileForImport(link, { maxBytes: LARGE });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a file that grows while it is read', async () => {
    const path = join(dir, 'growing.plan.json');
    await writeFile(path, randomBytes(3 * MIB));
    let hasAppended = false;
    const result = await readFileForImport(path, {
      maxBytes: LARGE,
      // The first progress event comes after the first chunk, with most of the file unread.
      onProgress: () => {
        if (hasAppended) return;
        hasAppended = true;
        appendFileSync(path, randomBytes(MIB));
      },
    });
    expect(hasAppended).toBe(true);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'changed',
        message: 'the file changed while it was being read; try again when it has finished copying',
      },
    });
  });

  it('refuses a file that shrinks while it is read', async () => {
    const path = join(dir, 'shrinking.plan.json');
    await writeFile(path, randomBytes(3 * MIB));
    let hasTruncated = false;
    const result = await readFileForImport(path, {
      maxBytes: LARGE,
      onProgress: () => {
        if (hasTruncated) return;
        hasTruncated = true;
        truncateSync(path, MIB / 2);
      },
    });
    expect(hasTruncated).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed' } });
  });

  it('refuses a file rewritten in place at the same size while it is read', async () => {
    const path = join(dir, 'rewritten.plan.json');
    await writeFile(path, randomBytes(3 * MIB));
    let hasRewritten = false;
    const result = await readFileForImport(path, {
      maxBytes: LARGE,
      onProgress: () => {
        if (hasRewritten) return;
        hasRewritten = true;
        // Same size, later modification time: what a tracker re-saving the file looks like.
        const fd = fs.openSync(path, 'r+');
        fs.writeSync(fd, randomBytes(16), 0, 16, 0);
        fs.futimesSync(fd, new Date(), new Date(Date.now() + 60_000));
        fs.closeSync(fd);
      },
    });
    expect(hasRewritten).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed' } });
  });

  it('stops when cancelled, before or during the read', async () => {
    const path = join(dir, 'cancel.plan.json');
    await writeFile(path, randomBytes(3 * MIB));

    const before = new AbortController();
    before.abort();
    const early = await readFileForImport(path, { maxBytes: LARGE, signal: before.signal });
    expect(early).toMatchObject({ ok: false, error: { code: 'cancelled' } });

    const during = new AbortController();
    const events: ReadProgress[] = [];
    const late = await readFileForImport(path, {
      maxBytes: LARGE,
      signal: during.signal,
      onProgress: (p) => {
        events.push(p);
        during.abort();
      },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(events).toHaveLength(1);
  });

  it('completes the read when the progress listener throws', async () => {
    const content = randomBytes(2 * MIB);
    const path = join(dir, 'listener.plan.json');
    await writeFile(path, content);
    const result = await readFileForImport(path, {
      maxBytes: LARGE,
      onProgress: () => {
        throw new Error('renderer gone');
      },
    });
    expect(result).toMatchObject({ ok: true, sha256: sha256(content) });
  });

  it('never throws, even for a path no file system accepts', async () => {
    const nul = readFileForImport(join(dir, 'bad\0name.plan.json'), { maxBytes: LARGE });
    await expect(nul).resolves.toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const result = await nul;
    if (!result.ok) expect(result.error.message).not.toContain('\0');

    const notAString = readFileForImport(42 as unknown as string, { maxBytes: LARGE });
    await expect(notAString).resolves.toMatchObject({ ok: false });
  });
});

describe('createProgressReporter', () => {
  it('reports the first chunk, then every 64 chunks, then the end', () => {
    const events: ReadProgress[] = [];
    const clock = 0;
    const total = 200 * CHUNK_BYTES;
    const reporter = createProgressReporter(
      total,
      (p) => events.push(p),
      () => clock,
    );
    for (let chunk = 1; chunk <= 200; chunk += 1) reporter.chunk(chunk * CHUNK_BYTES);
    reporter.finish();
    const chunksAt = events.map((event) => event.loaded / CHUNK_BYTES);
    expect(chunksAt).toEqual([1, 1 + PROGRESS_EVERY_CHUNKS, 1 + 2 * PROGRESS_EVERY_CHUNKS, 1 + 3 * PROGRESS_EVERY_CHUNKS, 200]);
  });

  it('reports when the interval has passed, however few chunks were read', () => {
    const events: ReadProgress[] = [];
    let clock = 0;
    const reporter = createProgressReporter(
      10,
      (p) => events.push(p),
      () => clock,
    );
    reporter.chunk(1);
    clock += PROGRESS_EVERY_MS - 1;
    reporter.chunk(2);
    clock += 1;
    reporter.chunk(3);
    reporter.chunk(4);
    clock += PROGRESS_EVERY_MS;
    reporter.chunk(5);
    expect(events.map((event) => event.loaded)).toEqual([1, 3, 5]);
  });

  it('does not repeat the final event when the last chunk already reported it', () => {
    const events: ReadProgress[] = [];
    const reporter = createProgressReporter(
      7,
      (p) => events.push(p),
      () => 0,
    );
    reporter.chunk(7);
    reporter.finish();
    expect(events).toEqual([{ loaded: 7, total: 7 }]);
  });
});

describe('sha256File', () => {
  it('hashes a file as node:crypto hashes its content', async () => {
    const content = randomBytes(2 * MIB + 5);
    const path = join(dir, 'hash.plan.json');
    await writeFile(path, content);
    await expect(sha256File(path)).resolves.toBe(sha256(content));
  });

  it('rejects for a missing file', async () => {
    await expect(sha256File(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
