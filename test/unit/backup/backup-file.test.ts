import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrongKeyError, checkBackupDecrypts, decryptChunk, keyForBackup, openBackupFile } from '../../../electron/backup/backup-file';
import { HEADER_BLOCK_BYTES, decodeFrame } from '../../../shared/backup/format';
import { PASSPHRASE, writeSampleBackup } from './helpers';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-backup-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('a backup file', () => {
  it('round-trips every frame, in order, and the paper byte for byte', async () => {
    const { filePath, paper } = await writeSampleBackup(folder);
    expect((await fs.readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const opened = await openBackupFile(filePath);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.header).toMatchObject({ schemaVersion: 6, reason: 'manual', createdAt: '2026-12-01T09:30:00.000Z', body: { chunks: 6 } });
    expect(opened.header.holds).toEqual({ tables: { meta: 1, papers: 1 }, papers: 1, paperBytes: paper.length });
    const key = await keyForBackup(opened.header, PASSPHRASE);
    const frames = [];
    for (let index = 0; index < opened.chunks.length; index += 1)
      frames.push(decodeFrame(await decryptChunk(filePath, opened, key, index), index));
    expect(frames.map((frame) => frame.kind)).toEqual(['records', 'records', 'blob', 'blob', 'blob', 'end']);
    const bytes = Buffer.concat(frames.flatMap((frame) => (frame.kind === 'blob' ? [frame.bytes] : [])));
    expect(bytes.equals(Buffer.from(paper))).toBe(true);
    expect(await checkBackupDecrypts(filePath, opened, key)).toEqual({ ok: true });
  });

  it('hides the records: no table content appears in the file in clear', async () => {
    const { filePath } = await writeSampleBackup(folder);
    const text = (await fs.readFile(filePath)).subarray(HEADER_BLOCK_BYTES).toString('latin1');
    expect(text).not.toContain('firstRun');
  });

  it('refuses the wrong passphrase at the first chunk', async () => {
    const { filePath } = await writeSampleBackup(folder);
    const opened = await openBackupFile(filePath);
    if (!opened.ok) throw new Error(opened.message);
    const key = await keyForBackup(opened.header, 'not the passphrase');
    await expect(decryptChunk(filePath, opened, key, 0)).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('names a file truncated inside the header, between chunks and inside a chunk', async () => {
    const { filePath } = await writeSampleBackup(folder);
    const whole = await fs.readFile(filePath);
    const opened = await openBackupFile(filePath);
    if (!opened.ok) throw new Error(opened.message);
    const cuts = [100, HEADER_BLOCK_BYTES, (opened.chunks[2]?.offset ?? 0) - 4, (opened.chunks[3]?.offset ?? 0) + 10, whole.length - 1];
    for (const cut of cuts) {
      const cutPath = path.join(folder, `cut-${cut}.oversight-backup`);
      await fs.writeFile(cutPath, whole.subarray(0, cut));
      const reading = await openBackupFile(cutPath);
      expect(reading, `cut at ${cut}`).toMatchObject({ ok: false, code: 'truncated', message: expect.stringContaining('truncated') });
    }
  });

  it('notices a changed byte, an extra chunk and a hostile chunk length', async () => {
    const { filePath } = await writeSampleBackup(folder);
    const whole = await fs.readFile(filePath);
    const flipped = Buffer.from(whole);
    flipped[HEADER_BLOCK_BYTES + 40] = (flipped[HEADER_BLOCK_BYTES + 40] ?? 0) ^ 1;
    await fs.writeFile(path.join(folder, 'flipped'), flipped);
    expect(await openBackupFile(path.join(folder, 'flipped'))).toMatchObject({
      ok: false,
      code: 'damaged',
      message: expect.stringContaining('SHA-256'),
    });
    const extra = Buffer.concat([whole, Buffer.from([0, 0, 0, 16]), Buffer.alloc(16)]);
    await fs.writeFile(path.join(folder, 'extra'), extra);
    expect(await openBackupFile(path.join(folder, 'extra'))).toMatchObject({
      ok: false,
      code: 'damaged',
      message: expect.stringContaining('promises'),
    });
    const hostile = Buffer.from(whole);
    hostile.writeUInt32BE(0xffffffff, HEADER_BLOCK_BYTES);
    await fs.writeFile(path.join(folder, 'hostile'), hostile);
    expect(await openBackupFile(path.join(folder, 'hostile'))).toMatchObject({
      ok: false,
      code: 'damaged',
      message: expect.stringContaining('chunk 0'),
    });
  });

  it('notices chunks swapped even when the hash is made to match (the index is authenticated)', async () => {
    const { filePath } = await writeSampleBackup(folder);
    const opened = await openBackupFile(filePath);
    if (!opened.ok) throw new Error(opened.message);
    const key = await keyForBackup(opened.header, PASSPHRASE);
    const swapped = {
      ...opened,
      chunks: [opened.chunks[1], opened.chunks[0], ...opened.chunks.slice(2)].flatMap((chunk) => (chunk ? [chunk] : [])),
    };
    await expect(decryptChunk(filePath, swapped, key, 1)).rejects.toThrow('chunk 1');
    const dropped = { ...opened, chunks: opened.chunks.slice(0, -1) };
    await expect(decryptChunk(filePath, dropped, key, dropped.chunks.length - 1)).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('is no backup when it is some other file, and says so', async () => {
    await fs.writeFile(path.join(folder, 'other.oversight-backup'), 'PK\u0003\u0004'.padEnd(HEADER_BLOCK_BYTES + 10, 'x'));
    expect(await openBackupFile(path.join(folder, 'other.oversight-backup'))).toMatchObject({ ok: false, code: 'not-backup' });
    expect(await openBackupFile(path.join(folder, 'missing'))).toMatchObject({ ok: false, code: 'unreadable' });
  });
});
