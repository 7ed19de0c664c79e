import { promises as fs } from 'node:fs';
import { BACKUP_EXTENSION, BACKUP_FORMAT } from '../../shared/backup/format';
import { WrongKeyError, checkBackupDecrypts, decryptChunk, keyForBackup, openBackupFile } from './backup-file';

// `oversight-cli validate` for backups: structure and the body's hash without the passphrase;
// with --passphrase-file, every chunk decrypted and every frame checked.

export type BackupVerdict = {
  /** The file could not be read at all (exit 2, as for any unreadable file). */
  unreadable?: string;
  valid: boolean;
  errors: string[];
  backup?: { createdAt: string; schemaVersion: number; records: number; papers: number; isDecrypted: boolean };
};

const MAGIC = `{"format":"${BACKUP_FORMAT}"`;

/** Whether a file is (or claims to be) an Oversight backup: by its extension or its first bytes. */
export async function looksLikeBackup(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith(BACKUP_EXTENSION)) return true;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const start = Buffer.alloc(MAGIC.length);
      await handle.read(start, 0, start.length, 0);
      return start.toString('utf8') === MAGIC;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Checks one backup file; with a passphrase, that it decrypts throughout. */
export async function validateBackupFile(file: string, passphrase?: string): Promise<BackupVerdict> {
  const opened = await openBackupFile(file);
  if (!opened.ok)
    return opened.code === 'unreadable'
      ? { unreadable: opened.message, valid: false, errors: [] }
      : { valid: false, errors: [opened.message] };
  const { header } = opened;
  const records = Object.values(header.holds.tables).reduce((sum, count) => sum + count, 0);
  const summary = { createdAt: header.createdAt, schemaVersion: header.schemaVersion, records, papers: header.holds.papers };
  if (passphrase === undefined) return { valid: true, errors: [], backup: { ...summary, isDecrypted: false } };
  const key = await keyForBackup(header, passphrase);
  try {
    await decryptChunk(file, opened, key, 0);
  } catch (error) {
    const message = error instanceof WrongKeyError ? 'The passphrase does not open this backup.' : String(error);
    return { valid: false, errors: [message], backup: { ...summary, isDecrypted: false } };
  }
  const checked = await checkBackupDecrypts(file, opened, key);
  return checked.ok
    ? { valid: true, errors: [], backup: { ...summary, isDecrypted: true } }
    : { valid: false, errors: [checked.message], backup: { ...summary, isDecrypted: false } };
}
