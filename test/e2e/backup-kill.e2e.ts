import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_FILE_PATTERN, checkBackupDecrypts, keyForBackup, openBackupFile } from '../../electron/backup/backup-file';
import { axeViolations, startApp, whyCannotRun, type AppHarness } from './harness';
import { dumpStore } from './store-dump';

// Backups and restores cut short: the app (Chromium, and main with it) is killed by pid at
// chosen moments of a backup and of a restore, then started again on the same profile and data
// folder. A killed backup leaves no file under a backup's name, only its temporary file, which
// the next backup removes; the store is untouched. A killed restore leaves the store wholly as
// it was (killed part way) or wholly the backup (killed just after it committed), and the app
// says which at the next start.

const PASSPHRASE = 'harbour lantern mistral copper';
// Enough records that a backup and a restore take seconds, so a kill lands part way through.
const ANNOTATIONS = 25_000;
const apps: AppHarness[] = [];

beforeAll(() => {
  const reason = whyCannotRun();
  if (reason) throw new Error(`End-to-end tests cannot run: ${reason}`);
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function hasMeta(page: Page, key: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onsuccess = () => {
          const get = request.result.transaction('meta', 'readonly').objectStore('meta').get(wanted);
          get.onsuccess = () => {
            resolve(get.result !== undefined);
            request.result.close();
          };
          get.onerror = () => reject(get.error);
        };
        request.onerror = () => reject(request.error);
      }),
    key,
  );
}

/** Puts `count` notes into the store in one transaction, numbered from `from`, with the bare IndexedDB API. */
function seedAnnotations(page: Page, from: number, count: number): Promise<void> {
  return page.evaluate(
    ([first, how]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('annotations', 'readwrite');
          const store = transaction.objectStore('annotations');
          for (let index = first; index < first + how; index += 1) {
            store.put({
              id: `member-${index % 12}-annotation-${index}`,
              targetKey: `action\u0001kill-plan\u0001act-${index % 5000}`,
              authorId: `member-${index % 12}`,
              kind: index % 3 === 0 ? 'question' : 'note',
              text: `Note ${index}: ${'Not assured: the 20-week figure is provisional and has fallen two months running. '.repeat(6)}`,
              tags: index % 4 === 0 ? ['EHC'] : [],
              visibility: index % 2 === 0 ? 'shared' : 'private',
              createdAt: new Date(1_760_000_000_000 + index * 1000).toISOString(),
              hlc: `${String(1_760_000_000_000 + index * 1000).padStart(15, '0')}:000000:member-${index % 12}`,
            });
          }
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [from, count] as const,
  );
}

/** Deletes every note whose number is even (a store that differs from the backup's). */
function deleteEvenAnnotations(page: Page): Promise<void> {
  return page.evaluate(
    (how) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('annotations', 'readwrite');
          const store = transaction.objectStore('annotations');
          for (let index = 0; index < how; index += 2) store.delete(`member-${index % 12}-annotation-${index}`);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    ANNOTATIONS,
  );
}

/** The sample stored, a passphrase set and the notes seeded, in Settings. */
async function laptopWithBigStore(): Promise<AppHarness> {
  const app = await startApp();
  apps.push(app);
  await app.open('#/settings');
  await expect.poll(() => hasMeta(app.page, 'sampleLoaded'), { timeout: 60_000 }).toBe(true);
  await app.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await app.page.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Set passphrase' }).click();
  await app.page.getByText('A backup passphrase is set.').waitFor({ timeout: 30_000 });
  await seedAnnotations(app.page, 0, ANNOTATIONS);
  return app;
}

async function restart(killed: AppHarness): Promise<AppHarness> {
  const app = await startApp({ userDataDir: killed.userDataDir, dataFolder: killed.dataFolder });
  apps.push(app);
  await app.open('#/settings');
  return app;
}

async function backupFolderFiles(app: AppHarness): Promise<{ backups: string[]; temps: string[] }> {
  const names = await fs.readdir(path.join(app.dataFolder, 'Backups')).catch(() => [] as string[]);
  return {
    backups: names.filter((name) => name.endsWith('.oversight-backup') && !name.startsWith('.')),
    temps: names.filter((name) => TEMP_FILE_PATTERN.test(name)),
  };
}

/** Checks a backup file as `oversight-cli validate --passphrase-file` does: structure, hash, every chunk and frame. */
async function expectValidBackup(file: string): Promise<void> {
  const opened = await openBackupFile(file);
  if (!opened.ok) throw new Error(`${path.basename(file)}: ${opened.message}`);
  expect(await checkBackupDecrypts(file, opened, await keyForBackup(opened.header, PASSPHRASE))).toEqual({ ok: true });
}

/** The restore's progress bar, as a fraction (0 while it is not showing). */
function restoreProgress(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('#restore-progress');
    return bar ? bar.value / bar.max : 0;
  });
}

async function startRestore(app: AppHarness, file: string): Promise<void> {
  app.nextDialogFiles = [file];
  await app.page.getByRole('button', { name: 'Restore from a backup file…' }).click();
  await app.page.getByLabel('The backup’s passphrase').fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Replace this laptop’s data with this backup' }).click();
}

describe('backups and restores cut short by a killed app', () => {
  it('leaves no half backup under a backup’s name and the store untouched; the next backup removes the temporary file and works', async () => {
    const first = await laptopWithBigStore();
    const before = await dumpStore(first.page);
    expect((await backupFolderFiles(first)).backups).toEqual([]);

    await first.page.getByRole('button', { name: 'Back up now' }).click();
    // Killed once a few megabytes of the backup are written: part way through.
    const folder = path.join(first.dataFolder, 'Backups');
    let temp = '';
    await expect
      .poll(
        async () => {
          const [name] = (await backupFolderFiles(first)).temps;
          if (!name) return 0;
          temp = name;
          return (await fs.stat(path.join(folder, name)).catch(() => ({ size: 0 }))).size;
        },
        { timeout: 60_000, interval: 10 },
      )
      .toBeGreaterThan(3 * 2 ** 20);
    await first.kill({ mainToo: true });

    // Only the temporary file is there: nothing under a backup's name, nothing listed.
    expect(await backupFolderFiles(first)).toEqual({ backups: [], temps: [temp] });

    const second = await restart(first);
    expect(await dumpStore(second.page)).toBe(before);
    // No backup today, so the daily one runs at start: it removes the temporary file and completes.
    await expect
      .poll(
        async () => {
          const { backups, temps } = await backupFolderFiles(second);
          return { daily: backups.filter((name) => name.endsWith('-daily.oversight-backup')).length, temps: temps.length };
        },
        { timeout: 120_000, interval: 100 },
      )
      .toEqual({ daily: 1, temps: 0 });

    await second.page.getByRole('button', { name: 'Back up now' }).click();
    await second.page
      .getByTestId('backup-message')
      .getByText(/^Backed up to oversight-.*-manual\.oversight-backup\.$/)
      .waitFor({ timeout: 120_000 });
    const { backups, temps } = await backupFolderFiles(second);
    expect(temps).toEqual([]);
    expect(backups).toHaveLength(2);
    for (const name of backups) await expectValidBackup(path.join(folder, name));
    expect(await dumpStore(second.page)).toBe(before);
    expect(second.consoleErrors).toEqual([]);
  }, 420_000);

  it('leaves the store wholly as it was when killed part way through a restore, or wholly the backup when killed just after, and says which', async () => {
    const first = await laptopWithBigStore();
    await first.page.getByRole('button', { name: 'Back up now' }).click();
    await first.page
      .getByTestId('backup-message')
      .getByText(/^Backed up to oversight-.*-manual\.oversight-backup\.$/)
      .waitFor({ timeout: 120_000 });
    const folder = path.join(first.dataFolder, 'Backups');
    const [backupName] = (await backupFolderFiles(first)).backups;
    if (!backupName) throw new Error('no backup was made');
    const backup = path.join(folder, backupName);
    const inBackup = await dumpStore(first.page);

    // The laptop then differs from the backup: half the notes gone.
    await deleteEvenAnnotations(first.page);
    const old = await dumpStore(first.page);
    expect(old).not.toBe(inBackup);

    // Killed part way through writing the backup's records into the store.
    await startRestore(first, backup);
    await expect.poll(() => restoreProgress(first.page), { timeout: 180_000, interval: 10 }).toBeGreaterThan(0.3);
    expect(await restoreProgress(first.page)).toBeLessThan(1);
    await first.kill({ mainToo: true });

    const second = await restart(first);
    const cutShort = second.page.getByTestId('restore-outcome');
    await expect.poll(() => cutShort.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('cut-short');
    expect(await cutShort.textContent()).toContain(`Nothing of it was restored: this laptop’s data is as it was before.`);
    expect(await cutShort.textContent()).toContain(backupName);
    expect(await axeViolations(second.page)).toEqual([]);
    expect(await dumpStore(second.page)).toBe(old);

    // Killed just after the restore committed, before the page reloads onto the restored store:
    // the reload is held so the kill cannot miss that moment.
    await second.page.route('**/index.html*', () => new Promise<void>(() => undefined));
    await startRestore(second, backup);
    await second.page
      .getByTestId('backup-message')
      .getByText(/^Restored the backup made .*\. Oversight will now reload\.$/)
      .waitFor({ timeout: 240_000 });
    await second.kill({ mainToo: true });

    const third = await restart(second);
    const restored = third.page.getByTestId('restore-outcome');
    await expect.poll(() => restored.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('restored');
    expect(await restored.textContent()).toContain('was restored in full');
    expect(await dumpStore(third.page)).toBe(inBackup);
    // Said once: the marks are gone, so the next start has nothing to tell.
    expect(await hasMeta(third.page, 'restoreDone')).toBe(false);
    expect(await hasMeta(third.page, 'restoreInProgress')).toBe(false);
    expect(third.consoleErrors.filter((text) => !text.includes('Failed to load resource'))).toEqual([]);
  }, 600_000);
});
