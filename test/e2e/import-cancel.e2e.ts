import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../scripts/sample/generate-plan';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';
import { dumpStore } from './store-dump';

// Issue 13 item 4 end to end: a large plan is stored in chunks by the import worker
// (renderer/plan/import-worker.ts), off the window's thread, so the window stays usable and
// "Cancel import" can be pressed while it is stored; the whole import is then rolled back.

let app: AppHarness | undefined;

const e2e = useApp();

describe('cancelling a large import in Chromium', () => {
  it('cancels by keyboard while the plan is being stored, and leaves the store exactly as it was', async () => {
    app = await e2e.start();
    const { page } = app;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await app.open('#/plan');
    // The bundled sample first, so there is something to keep.
    await page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 60_000 });
    const before = await dumpStore(page);

    const file = path.join(app.documentsFolder, 'large.plan.json');
    await fs.writeFile(file, JSON.stringify(generatePlan({ actions: 12_000, seed: 134, planId: 'large-plan' })));
    app.nextDialogFiles = [file];
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('button', { name: 'Import files…' }).click();

    // Storing has begun (records are counted): the window still answers the keyboard.
    const cancel = page.getByRole('button', { name: 'Cancel import' });
    await cancel.waitFor({ timeout: 120_000 });
    await cancel.focus();
    await page.keyboard.press('Enter');

    await page.getByText('The import of large.plan.json was cancelled, so nothing was changed.').waitFor({ timeout: 60_000 });
    await page.getByTestId('sync-progress').waitFor({ state: 'detached' });
    expect(await dumpStore(page)).toBe(before);
    // The sample's two revisions and the large plan, each in an import worker of its own.
    expect(workers.filter((url) => /\/assets\/import-worker-[^/]+\.js$/.test(url))).toHaveLength(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);
});
