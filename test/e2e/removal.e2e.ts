import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { useApp } from './use-app';

// The first-run sample in Chromium (real IndexedDB, PDFs as Blobs): labelled "Sample", then
// removed whole by one command, the member's choice surviving a reload (the sample is not loaded
// again).

const e2e = useApp();

/** Records per object store, by name. */
function counts(page: Page, stores: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(names, 'readonly');
          const result: Record<string, number> = {};
          for (const name of names) {
            const count = transaction.objectStore(name).count();
            count.onsuccess = () => {
              result[name] = count.result;
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(result);
          };
          transaction.onerror = () => reject(transaction.error);
        };
        request.onerror = () => reject(request.error);
      }),
    [...stores],
  );
}

const SAMPLE_TABLES = [
  'plans',
  'entities',
  'imports',
  'planSummaries',
  'actionRowChunks',
  'entityHashes',
  'board',
  'meetings',
  'packs',
  'papers',
] as const;

describe('the sample in Chromium', () => {
  it('is labelled, then removed whole with one command, and stays removed after a reload', async () => {
    const app = await e2e.start();
    await app.open('#/plan');
    // Stored once the board and meeting are in, after the plan and the pack.
    await expect.poll(async () => (await counts(app.page, ['meetings', 'papers', 'plans'])).meetings, { timeout: 60_000 }).toBe(1);
    await app.page.getByRole('article', { name: 'Northmoor SEND Accelerated Progress Plan' }).getByText('Sample').waitFor();

    await app.open('#/settings');
    const section = app.page.getByRole('region', { name: 'The sample' });
    await section.getByText(/a plan, a meeting pack with its papers, a meeting and a board register/).waitFor({ timeout: 30_000 });
    expect(await axeViolations(app.page)).toEqual([]);
    await section.getByRole('button', { name: 'Remove the sample…' }).click();
    await section.getByRole('group', { name: 'Confirm removing the sample' }).getByRole('button', { name: 'Remove the sample' }).click();
    await section.getByText('The sample was removed.').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Object.values(await counts(app.page, SAMPLE_TABLES)).every((count) => count === 0), { timeout: 30_000 })
      .toBe(true);
    expect(await counts(app.page, ['searchIndex', 'paperTexts'])).toEqual({ searchIndex: 0, paperTexts: 0 });

    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await app.open('#/plan');
    await app.page.getByText('No plan has been imported yet.', { exact: false }).waitFor();
    expect(Object.values(await counts(app.page, SAMPLE_TABLES)).every((count) => count === 0)).toBe(true);
  });
});
