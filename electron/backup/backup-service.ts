import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_ITERATIONS,
  backupFileName,
  parseBackupFileName,
  type BackupHeader,
  type BackupHolds,
  type BackupReason,
} from '../../shared/backup/format';
import { isDailyBackupDue, planRetention } from '../../shared/backup/retention';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../fs/atomic-write';
import {
  TEMP_FILE_PATTERN,
  WrongKeyError,
  createBackupWriter,
  decryptChunk,
  deriveKey,
  keyForBackup,
  openBackupFile,
  type BackupWriter,
  type KeyMaterial,
  type OpenedBackup,
} from './backup-file';

// Main's side of backups: where they go, the key they are made with, the files being written
// and the backups opened for restore. The renderer reads the store and sends frames; main never
// sees the passphrase again after deriving the key from it.

const storedSchema = z.object({
  folder: z.string().min(1).optional(),
  key: z.object({ salt: z.string(), iterations: z.number().int().positive(), key: z.string() }).optional(),
});
type Stored = z.infer<typeof storedSchema>;

export type BackupListing = { fileName: string; createdAt: string; reason: BackupReason; size: number };
export type BackupStatus = {
  hasPassphrase: boolean;
  folder: string;
  isDefaultFolder: boolean;
  isDailyDue: boolean;
  backups: BackupListing[];
};
export type OpenedSummary = { token: string; fileName: string; header: BackupHeader };

export type BackupServiceOptions = {
  dataFolder: string;
  app: { name: string; version: string };
  now?: () => Date;
  /** Test seam: fewer PBKDF2 iterations for new keys (never below the format's minimum). */
  iterations?: number;
};

/** The backup service behind the `backup:*` channels. */
export function createBackupService(options: BackupServiceOptions) {
  const settingsFile = path.join(options.dataFolder, 'backup.json');
  const defaultFolder = path.join(options.dataFolder, 'Backups');
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, { writer: BackupWriter; reason: BackupReason }>();
  const opened = new Map<string, { filePath: string; backup: Extract<OpenedBackup, { ok: true }>; key?: Uint8Array }>();

  async function read(): Promise<Stored> {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await fs.readFile(settingsFile, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async function write(stored: Stored): Promise<void> {
    await fs.mkdir(options.dataFolder, { recursive: true });
    const written = await writeFileAtomic(settingsFile, JSON.stringify(stored, null, 2), { overwrite: true });
    if (!written.ok) throw new Error(written.error.message);
  }

  async function keyMaterial(): Promise<KeyMaterial | null> {
    const { key } = await read();
    return key ? { key: Buffer.from(key.key, 'base64'), salt: Buffer.from(key.salt, 'base64'), iterations: key.iterations } : null;
  }

  // Only the derived key is kept (in the app's data folder, beside the store it protects copies
  // of), never the passphrase: automatic backups need the key without asking, and a finder of a
  // backup file elsewhere has neither.
  async function storeKey(material: KeyMaterial): Promise<void> {
    await write({
      ...(await read()),
      key: {
        salt: Buffer.from(material.salt).toString('base64'),
        iterations: material.iterations,
        key: Buffer.from(material.key).toString('base64'),
      },
    });
  }

  async function listBackups(folder: string): Promise<BackupListing[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const listings: BackupListing[] = [];
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const stat = await fs.stat(path.join(folder, name)).catch(() => null);
      if (stat?.isFile())
        listings.push({ fileName: name, createdAt: parsed.createdAt.toISOString(), reason: parsed.reason, size: stat.size });
    }
    return listings.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
  }

  async function status(): Promise<BackupStatus> {
    const stored = await read();
    const folder = stored.folder ?? defaultFolder;
    const backups = await listBackups(folder);
    return {
      hasPassphrase: stored.key !== undefined,
      folder,
      isDefaultFolder: stored.folder === undefined,
      isDailyDue: isDailyBackupDue(
        backups.map((backup) => ({ name: backup.fileName, createdAt: new Date(backup.createdAt) })),
        now(),
      ),
      backups,
    };
  }

  return {
    status,
    defaultFolder,

    /** Derives and keeps the key for new backups from a passphrase the member sets. */
    async setPassphrase(passphrase: string): Promise<BackupStatus> {
      const salt = randomBytes(16);
      const iterations = Math.max(options.iterations ?? DEFAULT_ITERATIONS, 1_000);
      await storeKey({ key: await deriveKey(passphrase, salt, iterations), salt, iterations });
      return status();
    },

    async setFolder(folder: string | null): Promise<BackupStatus> {
      const { folder: _old, ...rest } = await read();
      await write(folder ? { ...rest, folder } : rest);
      return status();
    },

    async begin(reason: BackupReason, schemaVersion: number): Promise<Result<{ session: string }>> {
      const keys = await keyMaterial();
      if (!keys) return fail('no-passphrase', 'Set a backup passphrase first.');
      const { folder } = await status();
      // A backup cut short by a crash or a closed laptop leaves its temporary file: tidy it now.
      const active = new Set([...sessions.values()].map((entry) => path.basename(entry.writer.tempPath)));
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      for (const name of names)
        if (TEMP_FILE_PATTERN.test(name) && !active.has(name)) await fs.rm(path.join(folder, name), { force: true });
      try {
        const writer = await createBackupWriter({
          folder,
          fileName: backupFileName(now(), reason),
          keys,
          app: options.app,
          schemaVersion,
          reason,
          now,
        });
        const session = randomUUID();
        sessions.set(session, { writer, reason });
        return ok({ session });
      } catch (error) {
        return fail('failed', `The backup could not be started in ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async append(session: string, frame: Uint8Array): Promise<Result<{ appended: true }>> {
      const entry = sessions.get(session);
      if (!entry) return fail('not-found', 'That backup is no longer being written.');
      try {
        await entry.writer.append(frame);
        return ok({ appended: true });
      } catch (error) {
        sessions.delete(session);
        await entry.writer.abort();
        return fail('failed', `The backup could not be written: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async finish(session: string, endFrame: Uint8Array, holds: BackupHolds): Promise<Result<{ fileName: string; removed: string[] }>> {
      const entry = sessions.get(session);
      if (!entry) return fail('not-found', 'That backup is no longer being written.');
      sessions.delete(session);
      let target: string;
      try {
        target = await entry.writer.finish(endFrame, holds);
      } catch (error) {
        return fail('failed', `The backup could not be finished: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Only files this app named are ever pruned from the folder.
      const folder = path.dirname(target);
      const { remove } = planRetention(
        (await listBackups(folder)).map((backup) => ({ name: backup.fileName, createdAt: new Date(backup.createdAt) })),
        now(),
      );
      for (const file of remove) await fs.rm(path.join(folder, file.name), { force: true });
      return ok({ fileName: path.basename(target), removed: remove.map((file) => file.name) });
    },

    async abort(session: string): Promise<void> {
      const entry = sessions.get(session);
      sessions.delete(session);
      await entry?.writer.abort();
    },

    /** Opens a backup for restore: structure and integrity checked, nothing decrypted yet. */
    async open(filePath: string): Promise<Result<OpenedSummary>> {
      const backup = await openBackupFile(filePath);
      if (!backup.ok) return fail(backup.code, `${path.basename(filePath)}: ${backup.message}`);
      const token = randomUUID();
      opened.set(token, { filePath, backup });
      return ok({ token, fileName: path.basename(filePath), header: backup.header });
    },

    /** Opens a listed backup in the backup folder by its name (never a path from the renderer). */
    async openListed(fileName: string): Promise<Result<OpenedSummary>> {
      const { folder, backups } = await status();
      if (!backups.some((backup) => backup.fileName === fileName)) return fail('not-found', `${fileName} is not in the backup folder.`);
      return this.open(path.join(folder, fileName));
    },

    /**
     * Checks a passphrase against an opened backup (its first chunk must decrypt). A laptop with
     * no passphrase yet adopts this one, so its own backups continue under the same key.
     */
    async unlock(token: string, passphrase: string): Promise<Result<{ unlocked: true; adopted: boolean }>> {
      const entry = opened.get(token);
      if (!entry) return fail('not-found', 'That backup is no longer open; choose it again.');
      const key = await keyForBackup(entry.backup.header, passphrase);
      try {
        await decryptChunk(entry.filePath, entry.backup, key, 0);
      } catch (error) {
        if (error instanceof WrongKeyError)
          return fail('wrong-passphrase', 'That passphrase does not open this backup. Check it and try again.');
        return fail('unreadable', `The backup could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      entry.key = key;
      const hasKey = (await keyMaterial()) !== null;
      if (!hasKey) {
        const { encryption } = entry.backup.header;
        await storeKey({ key, salt: Buffer.from(encryption.salt, 'base64'), iterations: encryption.iterations });
      }
      return ok({ unlocked: true, adopted: !hasKey });
    },

    /** One decrypted frame of an unlocked backup. */
    async read(token: string, index: number): Promise<Result<{ frame: Uint8Array; isLast: boolean }>> {
      const entry = opened.get(token);
      if (!entry?.key) return fail('not-found', 'That backup is not open; choose it again.');
      try {
        const frame = await decryptChunk(entry.filePath, entry.backup, entry.key, index);
        return ok({ frame, isLast: index === entry.backup.chunks.length - 1 });
      } catch (error) {
        return fail('damaged', `${path.basename(entry.filePath)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    /** Forgets the key and the folder setting (a wipe): nothing of the passphrase stays on the laptop. */
    async forget(): Promise<void> {
      await fs.rm(settingsFile, { force: true });
    },

    close(token: string): void {
      opened.delete(token);
    },

    /**
     * Ends the backups being written. `asIfKilled` (the end-to-end harness's stand-in for main
     * being killed) only closes their files, leaving the temporary files a killed app leaves.
     */
    async stop(stopOptions: { asIfKilled?: boolean } = {}): Promise<void> {
      for (const [session, entry] of [...sessions]) {
        if (stopOptions.asIfKilled) {
          sessions.delete(session);
          await entry.writer.release();
        } else await this.abort(session);
      }
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
