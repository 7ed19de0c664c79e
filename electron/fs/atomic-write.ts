import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type AtomicWriteError = { code: 'exists' | 'no-space' | 'read-only' | 'no-folder' | 'failed'; message: string };

export type AtomicWriteOptions = {
  /** Replace an existing file. Off by default: exports never silently overwrite. */
  overwrite?: boolean;
  /** Test seam: runs after the temporary file is flushed and before the rename. */
  beforeRename?: (tempPath: string) => Promise<void>;
};

/**
 * Writes a file so that a reader only ever sees the old content or the whole new content:
 * a temporary file in the same folder, flushed to disk, then renamed over the target.
 * On any failure the temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<{ ok: true } | { ok: false; error: AtomicWriteError }> {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (!options.overwrite && (await exists(target))) {
      return { ok: false, error: { code: 'exists', message: `${path.basename(target)} already exists; choose another name.` } };
    }
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.(temp);
    if (!options.overwrite && (await exists(target))) {
      await fs.rm(temp, { force: true });
      return { ok: false, error: { code: 'exists', message: `${path.basename(target)} already exists; choose another name.` } };
    }
    await fs.rename(temp, target);
    return { ok: true };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, error: describeWriteError(error, target) };
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Turns a file system error into a message a clerk can act on. */
export function describeWriteError(error: unknown, target: string): AtomicWriteError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const folder = path.dirname(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'no-space', message: `The disk holding ${folder} is full. Nothing was written; free some space and try again.` };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'read-only', message: `Oversight may not write to ${folder}. Nothing was written; choose another folder.` };
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'no-folder', message: `The folder ${folder} does not exist. Nothing was written.` };
    default:
      return { code: 'failed', message: `${path.basename(target)} could not be written. Nothing was changed.` };
  }
}
