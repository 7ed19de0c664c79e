import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupWriter, decryptChunk, deriveKey, openBackupFile } from '../../../electron/backup/backup-file';
import { MAX_FRAME_BYTES, decodeFrame, encodeFrame, type BackupHolds } from '../../../shared/backup/format';
import { TEST_ITERATIONS } from './helpers';

// The writer with several appends in flight at once (the renderer no longer waits for each one):
// chunks still land in the order the frames arrived, and a failure part way finishes nothing.

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-backup-writer-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const PASSPHRASE = 'overlapping appends passphrase';

async function writer() {
  const salt = randomBytes(16);
  const key = await deriveKey(PASSPHRASE, salt, TEST_ITERATIONS);
  const made = await createBackupWriter({
    folder,
    fileName: 'overlap.oversight-backup',
    keys: { key, salt, iterations: TEST_ITERATIONS },
    app: { name: 'Oversight', version: '0.1.0-test' },
    schemaVersion: 13,
    reason: 'manual',
    now: () => new Date('2026-12-06T15:00:00Z'),
  });
  return { writer: made, key };
}

/** A page of `count` records numbered from `first`, of varied sizes so the writes take varied times. */
function page(first: number, count: number): Uint8Array {
  return encodeFrame({
    kind: 'records',
    table: 'entities',
    records: Array.from({ length: count }, (_, offset) => ({ id: first + offset, text: 'x'.repeat(((first + offset) * 7919) % 5000) })),
  });
}

describe('a backup writer with appends in flight at once', () => {
  it('writes every chunk in the order the frames arrived, the last partial page included', async () => {
    const { writer: made, key } = await writer();
    // 2,500 records in pages of 300: eight full pages and a last one of 100, all sent without waiting.
    const sizes = [300, 300, 300, 300, 300, 300, 300, 300, 100];
    const appends: Array<Promise<void>> = [];
    let first = 0;
    for (const size of sizes) {
      appends.push(made.append(page(first, size)));
      first += size;
    }
    // A slice of a paper, still in order after the pages.
    const paper = randomBytes(300_000);
    appends.push(made.append(encodeFrame({ kind: 'blob', blob: 0, bytes: paper })));
    await Promise.all(appends);
    const holds: BackupHolds = { tables: { entities: 2_500 }, papers: 0, paperBytes: 0 };
    const filePath = await made.finish(encodeFrame({ kind: 'end', holds }), holds);

    const opened = await openBackupFile(filePath);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.header.body.chunks).toBe(sizes.length + 2);
    const ids: number[] = [];
    const kinds: string[] = [];
    for (let index = 0; index < opened.chunks.length; index += 1) {
      const frame = decodeFrame(await decryptChunk(filePath, opened, key, index), index);
      kinds.push(frame.kind);
      if (frame.kind === 'records') ids.push(...frame.records.map((record) => (record as { id: number }).id));
      if (frame.kind === 'blob') expect(Buffer.from(frame.bytes).equals(paper)).toBe(true);
    }
    expect(ids).toEqual(Array.from({ length: 2_500 }, (_, index) => index));
    expect(kinds).toEqual([...sizes.map(() => 'records'), 'blob', 'end']);
    expect(await fs.readdir(folder)).toEqual(['overlap.oversight-backup']);
  });

  it('fails every later append and the finish after one fails, and leaves no file under any name', async () => {
    const { writer: made } = await writer();
    const replies = [
      made.append(page(0, 10)),
      // Larger than the format allows: this append fails, in its turn.
      made.append(new Uint8Array(MAX_FRAME_BYTES + 1)),
      made.append(page(10, 10)),
      made.append(page(20, 10)),
    ].map((reply) =>
      reply.then(
        () => 'written',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    );
    expect(await Promise.all(replies)).toEqual([
      'written',
      'A backup frame is larger than the format allows.',
      'A backup frame is larger than the format allows.',
      'A backup frame is larger than the format allows.',
    ]);
    const holds: BackupHolds = { tables: { entities: 30 }, papers: 0, paperBytes: 0 };
    await expect(made.finish(encodeFrame({ kind: 'end', holds }), holds)).rejects.toThrow('larger than the format allows');
    expect(await fs.readdir(folder)).toEqual([]);
  });
});
