import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRevision, type PlanFileObject } from '../../scripts/sample/generate-plan';
import type { ReaderResult } from '../../electron/sync/examine';
import { createParseHost, typescriptWorkerParser } from '../../electron/sync/parse-host';
import { axeViolations, ROOT, SAMPLE_FOLDER, type AppHarness } from './harness';
import { useApp } from './use-app';

// Issue 13 item 4: plans are parsed and stored by a module worker of their own
// (renderer/plan/import-worker.ts), built by Vite and served with the app's CSP. The views the
// member has open take in what it stored through Dexie's and the search index's broadcasts, with
// no reload; the worker is stopped once its import is done; and where its script cannot load the
// window stores the plan itself.

let app: AppHarness | undefined;
let sample: PlanFileObject;
const WORKER_SCRIPT = /\/assets\/import-worker-[^/]+\.js$/;
const WORD = 'Xylophonic';

const e2e = useApp();

beforeAll(async () => {
  const files = (await fs.readdir(SAMPLE_FOLDER)).filter((name) => name.endsWith('.plan.json')).sort();
  sample = JSON.parse(await fs.readFile(path.join(SAMPLE_FOLDER, files.at(-1) ?? ''), 'utf8')) as PlanFileObject;
});

/** Revision 3 of the sample, one action retitled with a word nothing else holds. */
function revision3(): string {
  const revision = generateRevision(sample, { seed: 33, revision: 3, exportedAt: '2026-11-28T17:00:00Z' }) as PlanFileObject & {
    actions: Array<{ title: string }>;
  };
  const action = revision.actions[0];
  if (!action) throw new Error('the sample has no actions');
  action.title = `${WORD} outreach to every family`;
  return JSON.stringify(revision, null, 2);
}

const REVISION_3 = 'northmoor-send-plan.r3.plan.json';

/** Counts the import workers the page starts, from before the app opens. */
function countImportWorkers(page: Page): () => number {
  let started = 0;
  page.on('worker', (worker) => {
    if (WORKER_SCRIPT.test(worker.url())) started += 1;
  });
  return () => started;
}

async function firstRun(page: AppHarness): Promise<void> {
  await page.open('#/plan');
  await page.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 60_000 });
}

/** Marks the document, so a reload (a new document) is seen. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.sameDocument = 'yes';
  });
}

const isSameDocument = (page: Page) => page.evaluate(() => document.documentElement.dataset.sameDocument === 'yes');

async function storedRevision(page: Page): Promise<number | undefined> {
  return page.evaluate(
    (planId) =>
      new Promise<number | undefined>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('plans').objectStore('plans').get(planId);
          read.onsuccess = () => {
            resolve((read.result as { export?: { revision: number } } | undefined)?.export?.revision);
            request.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
    (sample.plan as { id: string }).id,
  );
}

describe('the import worker in Chromium', () => {
  it('stores each plan in a worker, from the bytes the file reader sent, and the open views and search show it without a reload', async () => {
    // As the app does: each file examined by the file reader, a valid plan sent to the page as
    // the bytes of its JSON, which the page moves to the import worker unparsed.
    const host = createParseHost(
      typescriptWorkerParser(path.join(ROOT, 'electron', 'sync', 'parse-worker.ts'), createRequire(import.meta.url).resolve('tsx/cjs/api')),
    );
    const asBytes: string[] = [];
    let importWorkers = (): number => 0;
    app = await e2e.start({
      examine: async (filePath, options) => {
        const startedBefore = importWorkers();
        const result: ReaderResult = await host.examine(filePath, options);
        if (result.status === 'examined' && 'planJson' in result.outcome) asBytes.push(path.basename(filePath));
        // The page starts the import worker once main says it is validating the file, before main
        // replies: main's reply waits here until the page has started it.
        if (path.basename(filePath) === REVISION_3) await expect.poll(importWorkers, { timeout: 30_000 }).toBe(startedBefore + 1);
        return result;
      },
    });
    const { page } = app;
    importWorkers = countImportWorkers(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await firstRun(app);
    // The sample's two revisions, one worker each.
    expect(importWorkers()).toBe(2);
    await markDocument(page);

    await fs.writeFile(path.join(app.inboxFolder, REVISION_3), revision3());
    // The plan view the member has open shows revision 3 once the worker's transaction commits.
    await page.getByRole('link', { name: /What changed in revision 3/ }).waitFor({ timeout: 60_000 });
    // Revision 3's worker, started while main validated it, is the one that stored it: no other.
    expect(importWorkers()).toBe(3);
    expect(asBytes).toHaveLength(3);
    expect(await storedRevision(page)).toBe(3);
    // Each worker is stopped once its import is done: none is left holding a plan.
    await expect.poll(() => page.workers().filter((worker) => WORKER_SCRIPT.test(worker.url())).length).toBe(0);

    // Search, loaded in the window before the import, finds what the worker indexed.
    await page.goto(`${app.origin}/index.html#/search?q=${WORD.toLowerCase()}`);
    const actions = page.locator('section.search-group', { has: page.getByRole('heading', { name: /^Actions/ }) });
    await actions.getByText(`${WORD} outreach to every family`).first().waitFor({ timeout: 20_000 });
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('cell', { name: '2 → 3' }).waitFor();
    expect(await isSameDocument(page)).toBe(true);
    // The worker is no other window of the app.
    expect(await page.getByText(/Oversight is also open in another window/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Started under the app's CSP and stored every plan itself: the window never fell back.
    expect(warnings.filter((text) => text.includes('import worker'))).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  }, 120_000);

  it('stores the plan in the window when the worker’s script cannot load, and says so in the console', async () => {
    app = await e2e.start();
    const { page } = app;
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await firstRun(app);
    await markDocument(page);
    await fs.writeFile(path.join(app.inboxFolder, 'northmoor-send-plan.r3.plan.json'), revision3());
    await page.getByRole('link', { name: /What changed in revision 3/ }).waitFor({ timeout: 60_000 });
    expect(await storedRevision(page)).toBe(3);
    expect(await isSameDocument(page)).toBe(true);
    // The sample's two revisions and revision 3, each stored by the window.
    expect(warnings.filter((text) => text === 'The import worker did not start, so the plan is stored by the window.')).toHaveLength(3);
    // Chromium reports the refused script itself as a console error; nothing else failed.
    expect(app.consoleErrors.filter((text) => !/import-worker-[^/]+\.js|404/.test(text))).toEqual([]);
  }, 120_000);
});
