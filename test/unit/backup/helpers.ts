import { randomBytes } from 'node:crypto';
import { createBackupWriter, deriveKey } from '../../../electron/backup/backup-file';
import { encodeFrame, type BackupHolds } from '../../../shared/backup/format';

/** Few iterations, so tests stay quick; the format's minimum is still honoured. */
export const TEST_ITERATIONS = 1_000;
export const PASSPHRASE = 'correct horse battery staple';

/** Writes a small backup of two tables and one 2.5 MiB "paper" (three blob frames); returns its path. */
export async function writeSampleBackup(
  folder: string,
  options: { fileName?: string; date?: Date } = {},
): Promise<{ filePath: string; paper: Uint8Array }> {
  const salt = randomBytes(16);
  const key = await deriveKey(PASSPHRASE, salt, TEST_ITERATIONS);
  const writer = await createBackupWriter({
    folder,
    fileName: options.fileName ?? 'sample.oversight-backup',
    keys: { key, salt, iterations: TEST_ITERATIONS },
    app: { name: 'Oversight', version: '0.1.0-test' },
    schemaVersion: 6,
    reason: 'manual',
    now: () => options.date ?? new Date('2026-12-01T09:30:00Z'),
  });
  const paper = randomBytes(2.5 * 1024 * 1024);
  await writer.append(encodeFrame({ kind: 'records', table: 'meta', records: [{ key: 'firstRun', value: true }] }));
  await writer.append(
    encodeFrame({
      kind: 'records',
      table: 'papers',
      records: [{ id: 'm1\u0001p1', pdf: { $blob: 0, type: 'application/pdf', size: paper.length } }],
    }),
  );
  for (let start = 0; start < paper.length; start += 1024 * 1024) {
    await writer.append(encodeFrame({ kind: 'blob', blob: 0, bytes: paper.subarray(start, start + 1024 * 1024) }));
  }
  const holds: BackupHolds = { tables: { meta: 1, papers: 1 }, papers: 1, paperBytes: paper.length };
  const filePath = await writer.finish(encodeFrame({ kind: 'end', holds }), holds);
  return { filePath, paper };
}
