import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, writeFileAtomic } from '../../../electron/fs/atomic-write';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-atomic-'));
});
afterEach(async () => {
  await fs.chmod(folder, 0o755).catch(() => undefined);
  await fs.rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file behind', async () => {
    const target = path.join(folder, 'minutes.csv');
    expect(await writeFileAtomic(target, 'a,b\n1,2\n')).toEqual({ ok: true });
    expect(await fs.readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(await fs.readdir(folder)).toEqual(['minutes.csv']);
  });

  it('never silently overwrites an existing file', async () => {
    const target = path.join(folder, 'log.csv');
    await fs.writeFile(target, 'old');
    const result = await writeFileAtomic(target, 'new');
    expect(result).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(folder)).toEqual(['log.csv']);
  });

  it('replaces a file when asked to', async () => {
    const target = path.join(folder, 'settings.json');
    await fs.writeFile(target, 'old');
    expect(await writeFileAtomic(target, 'new', { overwrite: true })).toEqual({ ok: true });
    expect(await fs.readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the old file intact and no partial file when a failure strikes between write and rename', async () => {
    const target = path.join(folder, 'decisions.json');
    await fs.writeFile(target, 'the approved record');
    const result = await writeFileAtomic(target, 'half-written', {
      overwrite: true,
      beforeRename: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-space' } });
    expect(await fs.readFile(target, 'utf8')).toBe('the approved record');
    expect(await fs.readdir(folder)).toEqual(['decisions.json']);
  });

  it('explains a missing folder', async () => {
    const result = await writeFileAtomic(path.join(folder, 'nope', 'x.csv'), 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'no-folder' } });
  });

  it('explains a folder it may not write to, and leaves nothing there', async () => {
    // Root may write into a chmod 555 folder, so as root (CI) use sysfs, which refuses everyone.
    const isRoot = process.getuid?.() === 0;
    const readOnly = isRoot ? '/sys' : folder;
    if (!isRoot) await fs.chmod(folder, 0o555);
    const before = await fs.readdir(readOnly);
    const result = await writeFileAtomic(path.join(readOnly, 'oversight-test.csv'), 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await fs.readdir(readOnly)).toEqual(before);
  });

  it('words file system errors for people', () => {
    const target = '/exports/minutes.docx';
    expect(describeWriteError({ code: 'EROFS' }, target).message).toContain('may not write to /exports');
    expect(describeWriteError({ code: 'EACCES' }, target).code).toBe('read-only');
    expect(describeWriteError({ code: 'ENOSPC' }, target).message).toContain('full');
    expect(describeWriteError(new Error('weird'), target)).toEqual({
      code: 'failed',
      message: 'minutes.docx could not be written. Nothing was changed.',
    });
  });
});
