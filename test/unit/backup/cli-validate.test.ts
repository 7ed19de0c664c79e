import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../electron/run-captured';
import { PASSPHRASE, writeSampleBackup } from './helpers';

let folder: string;
let backup: string;
let rightPassphrase: string;
let wrongPassphrase: string;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-cli-backup-'));
  ({ filePath: backup } = await writeSampleBackup(folder));
  rightPassphrase = path.join(folder, 'passphrase.txt');
  await fs.writeFile(rightPassphrase, `${PASSPHRASE}\n`);
  wrongPassphrase = path.join(folder, 'wrong.txt');
  await fs.writeFile(wrongPassphrase, 'guess\n');
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('oversight-cli validate on a backup', () => {
  it('checks structure and hash without the passphrase, and says it did not decrypt', async () => {
    const { code, out } = await runCaptured('validate', backup);
    expect(code).toBe(0);
    expect(out).toContain('valid backup made 2026-12-01T09:30:00.000Z (2 records, 1 papers)');
    expect(out).toContain('give --passphrase-file');
  });

  it('decrypts every chunk with --passphrase-file', async () => {
    const { code, out } = await runCaptured('validate', backup, '--passphrase-file', rightPassphrase);
    expect(code).toBe(0);
    expect(out).toContain('decrypts with the passphrase');
  });

  it('reports a wrong passphrase as invalid (exit 1), in JSON too', async () => {
    const { code, out } = await runCaptured('validate', backup, '--passphrase-file', wrongPassphrase, '--json');
    expect(code).toBe(1);
    const [report] = JSON.parse(out) as Array<{ valid: boolean; errors: Array<{ message: string }>; backup: { isDecrypted: boolean } }>;
    expect(report).toMatchObject({
      valid: false,
      errors: [{ message: 'The passphrase does not open this backup.' }],
      backup: { isDecrypted: false },
    });
  });

  it('reports a truncated backup with where it ends (exit 1)', async () => {
    const cut = path.join(folder, 'cut.oversight-backup');
    const whole = await fs.readFile(backup);
    // 100 bytes cut: the short closing chunk is gone and the fifth ends early.
    await fs.writeFile(cut, whole.subarray(0, whole.length - 100));
    const { code, out } = await runCaptured('validate', cut);
    expect(code).toBe(1);
    expect(out).toMatch(/cut\.oversight-backup: 1 problem\n {2}error {3}.*ends at chunk 5 of 6: it is truncated/);
  });

  it('gives exit 2 for a backup that cannot be read', async () => {
    const { code, out } = await runCaptured('validate', path.join(folder, 'gone.oversight-backup'));
    expect(code).toBe(2);
    expect(out).toContain('gone.oversight-backup: there is no such file or folder');
  });

  it('refuses a missing passphrase file (exit 2) and an option without its file', async () => {
    expect((await runCaptured('validate', backup, '--passphrase-file', path.join(folder, 'none.txt'))).code).toBe(2);
    const { code, err } = await runCaptured('validate', backup, '--passphrase-file');
    expect(code).toBe(2);
    expect(err).toContain('--passphrase-file needs a file');
  });
});
