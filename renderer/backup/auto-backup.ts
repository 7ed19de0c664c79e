import type { BackupReason } from '../../shared/backup/format';
import type { Result } from '../../shared/result';
import type { OversightDatabase } from '../db/database';
import type { Api } from '../ipc/client';
import { backUpStore } from './backup-store';

// Automatic backups: daily at start, and before an import, an approval, a restore or a wipe.
// They run one at a time (a second waits for the first), and only once the member has set a
// passphrase: without one there is nothing to encrypt with, and the Settings view says so.

let queue: Promise<unknown> = Promise.resolve();

/** Backs up now for `reason`; null when no passphrase is set yet. One backup at a time. */
export function backUpIfSetUp(db: OversightDatabase, api: Api, reason: BackupReason): Promise<Result<{ fileName: string }> | null> {
  const run = queue.then(async () => {
    const status = await api.call('backup:status', undefined);
    if (!status.ok || !status.value.hasPassphrase) return null;
    return backUpStore(db, api, reason);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The daily backup, when none was made today. */
export async function backUpDailyIfDue(db: OversightDatabase, api: Api): Promise<Result<{ fileName: string }> | null> {
  const status = await api.call('backup:status', undefined);
  if (!status.ok || !status.value.hasPassphrase || !status.value.isDailyDue) return null;
  return backUpIfSetUp(db, api, 'daily');
}
