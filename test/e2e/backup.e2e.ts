import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HEADER_BLOCK_BYTES } from '../../shared/backup/format';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Backups end to end: a laptop with the bundled sample (plans, a pack and its PDFs) backs up;
// a fresh laptop refuses a wrong passphrase, a truncated file and a file from a newer version
// with its store untouched, then restores, and every table (papers' bytes included) is the same.

const PASSPHRASE = 'river kettle lantern orchard';
// The key renderer/plan/sync-controller.ts sets once the bundled sample is stored.
const SAMPLE_LOADED = 'sampleLoaded';
let work: string;
let emptySample: string;

const e2e = useApp();

/** Every object store, Blobs as the SHA-256 of their bytes, as one string. */
function dumpWithBlobs(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('oversight');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames].sort();
    const raw = await new Promise<Record<string, unknown[]>>((resolve, reject) => {
      const transaction = db.transaction(names, 'readonly');
      const result: Record<string, unknown[]> = {};
      for (const name of names) {
        const all = transaction.objectStore(name).getAll();
        all.onsuccess = () => {
          result[name] = all.result;
        };
      }
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    async function hashBlobs(value: unknown): Promise<unknown> {
      if (value instanceof Blob) {
        const digest = await crypto.subtle.digest('SHA-256', await value.arrayBuffer());
        return {
          blob: value.type,
          size: value.size,
          sha256: [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
        };
      }
      if (Array.isArray(value)) return Promise.all(value.map(hashBlobs));
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await hashBlobs(item)])));
      }
      return value;
    }
    return JSON.stringify(await hashBlobs(raw));
  });
}

function countOf(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction(name, 'readonly').objectStore(name).count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
        request.onerror = () => reject(request.error);
      }),
    store,
  );
}

function hasMeta(page: Page, key: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('meta', 'readonly').objectStore('meta').get(wanted);
          get.onsuccess = () => {
            resolve(get.result !== undefined);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
        request.onerror = () => reject(request.error);
      }),
    key,
  );
}

/** Marks the current document, so a test can tell when the page has reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
  });
}

/** Waits for a new document with the app ready, failing at once with the text of `error` if it shows instead. */
async function waitForReloadOrError(page: Page, error: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await error.count()) > 0) return `error: ${(await error.first().textContent()) ?? ''}`;
        return page
          .evaluate(
            () =>
              !(window as unknown as { __beforeReload?: boolean }).__beforeReload &&
              document.documentElement.dataset.profile !== undefined &&
              document.documentElement.dataset.profile !== 'loading',
          )
          .then((isReloaded) => (isReloaded ? 'reloaded' : 'waiting'))
          .catch(() => 'waiting');
      },
      { timeout: 90_000, interval: 250 },
    )
    .toBe('reloaded');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function openRestore(app: AppHarness, file: string): Promise<void> {
  app.nextDialogFiles = [file];
  await app.page.getByRole('button', { name: 'Restore from a backup file…' }).click();
}

const BACKUP_WORKER_SCRIPT = /\/assets\/backup-worker-[^/]+\.js$/;

describe('backups in Chromium', () => {
  it('backs up, refuses a wrong passphrase, a truncated file and a newer version, then restores every table on a fresh laptop', async () => {
    work = await e2e.tempFolder('oversight-backup-e2e-');
    emptySample = path.join(work, 'no-sample');
    await fs.mkdir(emptySample);

    // Laptop A: the bundled sample, its pack's papers and their extracted text.
    const a = await e2e.start();
    await a.open('#/settings');
    // The sample is stored once its "loaded" mark is in meta (written after the plan and the pack).
    await expect.poll(() => hasMeta(a.page, SAMPLE_LOADED), { timeout: 45_000 }).toBe(true);
    expect(await countOf(a.page, 'papers')).toBeGreaterThan(0);
    expect(await countOf(a.page, 'entities')).toBeGreaterThan(100);

    await a.page.getByText('No backup passphrase is set yet').waitFor();
    await a.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await a.page.getByLabel('The same passphrase again').fill(`${PASSPHRASE}!`);
    await a.page.getByRole('button', { name: 'Set passphrase' }).click();
    await a.page.getByRole('alert').getByText('The two passphrases differ').waitFor();
    await a.page.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await a.page.getByRole('button', { name: 'Set passphrase' }).click();
    await a.page.getByText('A backup passphrase is set.').waitFor({ timeout: 30_000 });

    const before = await dumpWithBlobs(a.page);
    // The store is read and encoded by two backup workers (renderer/backup/backup-worker.ts), built
    // by Vite and served with the app's CSP; neither is left running, and the window never had to
    // read the store itself.
    let backupWorkers = 0;
    const workerWarnings: string[] = [];
    a.page.on('worker', (worker) => {
      if (BACKUP_WORKER_SCRIPT.test(worker.url())) backupWorkers += 1;
    });
    a.page.on('console', (message) => {
      if (message.text().includes('backup worker')) workerWarnings.push(message.text());
    });
    await a.page.getByRole('button', { name: 'Back up now' }).click();
    await a.page
      .getByTestId('backup-message')
      .getByText(/^Backed up to oversight-.*-manual\.oversight-backup\.$/)
      .waitFor({ timeout: 45_000 });
    expect(backupWorkers).toBe(2);
    await expect.poll(() => a.page.workers().filter((worker) => BACKUP_WORKER_SCRIPT.test(worker.url())).length).toBe(0);
    expect(workerWarnings).toEqual([]);
    const folder = path.join(a.dataFolder, 'Backups');
    const [fileName] = (await fs.readdir(folder)).filter((name) => name.endsWith('-manual.oversight-backup'));
    if (!fileName) throw new Error('no backup file');
    const backup = path.join(folder, fileName);
    await a.page.getByRole('table', { name: 'Backups in the folder' }).getByRole('cell', { name: 'Backed up by hand' }).waitFor();
    // Nothing of the store is readable in the file: not the plan's title, not a paper's text.
    const bytes = await fs.readFile(backup);
    expect(bytes.toString('latin1')).not.toContain('Northmoor');

    // Laptop B: a fresh profile and data folder, no sample.
    const b = await e2e.start({ sampleFolder: emptySample });
    await b.open('#/settings');
    await b.page.getByText('No backup passphrase is set yet').waitFor();
    const empty = await dumpWithBlobs(b.page);

    // A truncated copy is refused when it is opened, with where it ends.
    const truncated = path.join(work, 'truncated.oversight-backup');
    await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await openRestore(b, truncated);
    await b.page
      .getByTestId('backup-error')
      .getByText(/it is truncated/)
      .waitFor();

    // A file from a newer version of the format is refused by name.
    const newer = path.join(work, 'newer.oversight-backup');
    await fs.writeFile(newer, Buffer.from(bytes.toString('latin1').replace('"version":1', '"version":2'), 'latin1'));
    await openRestore(b, newer);
    await b.page
      .getByTestId('backup-error')
      .getByText(/newer version of Oversight \(backup format 2/)
      .waitFor();

    // A newer store version opens (its header is readable) but is refused before the passphrase is asked.
    const newerStore = Buffer.from(bytes);
    const header = newerStore
      .subarray(0, HEADER_BLOCK_BYTES)
      .toString('utf8')
      .replace(/"schemaVersion":\d+/, '"schemaVersion":999')
      // The block keeps its 16 KiB: two of its trailing spaces make room for the longer number.
      .replace(/ {2}\n$/, '\n');
    newerStore.write(header, 0, 'utf8');
    const newerStorePath = path.join(work, 'newer-store.oversight-backup');
    await fs.writeFile(newerStorePath, newerStore);
    await openRestore(b, newerStorePath);
    await b.page
      .getByRole('alert')
      .getByText(/its store is version 999/)
      .waitFor();
    expect(await b.page.getByLabel('The backup’s passphrase').count()).toBe(0);
    await b.page.getByRole('button', { name: 'Cancel' }).click();
    await b.page.getByRole('heading', { name: 'Restore newer-store.oversight-backup' }).waitFor({ state: 'detached' });

    // The real backup: what it holds beside what this laptop holds, then a wrong passphrase.
    await openRestore(b, backup);
    const comparison = b.page.getByRole('table', { name: 'What the backup holds beside what this laptop holds' });
    await comparison.waitFor();
    const papersRow = comparison.getByRole('row', { name: /^Board papers/ });
    await expect.poll(async () => (await papersRow.textContent()) ?? '').toMatch(/^Board papers[1-9]\d*0$/);
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.getByLabel('The backup’s passphrase').fill('not the passphrase');
    await b.page.getByRole('button', { name: 'Replace this laptop’s data with this backup' }).click();
    await b.page
      .getByTestId('backup-error')
      .getByText('That passphrase does not open this backup. Check it and try again.')
      .waitFor({ timeout: 30_000 });
    expect(await dumpWithBlobs(b.page)).toBe(empty);

    await b.page.getByLabel('The backup’s passphrase').fill(PASSPHRASE);
    await markDocument(b.page);
    await b.page.getByRole('button', { name: 'Replace this laptop’s data with this backup' }).click();
    // The page reloads on the restored store once it is in: wait for the new document (or an error).
    await waitForReloadOrError(b.page, b.page.getByTestId('backup-error'));
    // The reloaded app says the restore finished (and forgets the mark it read that from).
    await expect.poll(() => b.page.getByTestId('restore-outcome').getAttribute('data-outcome')).toBe('restored');
    expect(await dumpWithBlobs(b.page)).toBe(before);
    // B held its profile, so it was backed up before the restore, under the passphrase B adopted.
    const bBackups = await fs.readdir(path.join(b.dataFolder, 'Backups'));
    expect(bBackups.some((name) => name.endsWith('-before-restore.oversight-backup'))).toBe(true);
    await b.page.getByText('A backup passphrase is set.').waitFor();

    // Wiping B: only the board's name confirms; a last backup is made, then everything goes.
    const wipe = b.page.getByRole('button', { name: 'Wipe this laptop' });
    await b.page.getByLabel('To confirm, type Northmoor SEND Oversight Board').fill('Northmoor');
    expect(await wipe.isDisabled()).toBe(true);
    await b.page.getByLabel('To confirm, type Northmoor SEND Oversight Board').fill('northmoor send oversight board');
    await markDocument(b.page);
    await wipe.click();
    await waitForReloadOrError(b.page, b.page.getByRole('form', { name: 'Wipe this laptop' }).getByRole('alert'));
    await b.page.getByText('No backup passphrase is set yet').waitFor({ timeout: 30_000 });
    const wiped = JSON.parse(await dumpWithBlobs(b.page)) as Record<string, unknown[]>;
    // After the reload only the mark that the sample is not wanted (and the first-run profile question) remain.
    expect(Object.entries(wiped).filter(([name, records]) => records.length > 0 && name !== 'meta')).toEqual([]);
    expect(wiped.meta).toEqual([{ key: 'sampleLoaded', value: true }]);
    expect((await fs.readdir(path.join(b.dataFolder, 'Backups'))).some((name) => name.endsWith('-before-wipe.oversight-backup'))).toBe(
      true,
    );
    await expect(fs.stat(path.join(b.dataFolder, 'backup.json'))).rejects.toThrow();

    expect(a.consoleErrors).toEqual([]);
    expect(b.consoleErrors.filter((text) => !text.includes('Failed to load resource'))).toEqual([]);
  }, 240_000);
});
