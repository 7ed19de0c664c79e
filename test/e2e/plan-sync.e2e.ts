import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRevision, type PlanFileObject } from '../../scripts/sample/generate-plan';
import { securityHeaders } from '../../electron/security';
import { axeViolations, RENDERER_DIST, SAMPLE_FOLDER, type AppHarness } from './harness';
import { useApp } from './use-app';
import { dumpStore } from './store-dump';

// Plan sync end to end: the bundled sample on first run, the inbox watched while the app runs,
// revisions and what changed, bad files and failed transactions that change nothing.

let app: AppHarness | undefined;
let revision2: PlanFileObject;
let sampleTitle: string;

const e2e = useApp();

beforeAll(async () => {
  const files = (await fs.readdir(SAMPLE_FOLDER)).filter((name) => name.endsWith('.plan.json')).sort();
  const last = files.at(-1);
  if (!last) throw new Error('no bundled sample plan');
  revision2 = JSON.parse(await fs.readFile(path.join(SAMPLE_FOLDER, last), 'utf8')) as PlanFileObject;
  sampleTitle = (revision2.plan as { title: string }).title;
});

async function firstRun(): Promise<AppHarness> {
  const started = await e2e.start();
  await started.open('#/plan');
  await started.page.getByRole('heading', { level: 2, name: sampleTitle }).waitFor({ timeout: 30_000 });
  await started.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor();
  return started;
}

/** Saves a file into a folder the way careful writers do: a temporary name, then a rename. */
async function saveLikeAnApp(folder: string, name: string, content: string): Promise<string> {
  const temporary = path.join(folder, `${name}.tmp`);
  await fs.writeFile(temporary, content);
  const final = path.join(folder, name);
  await fs.rename(temporary, final);
  return final;
}

function revision3(): PlanFileObject {
  return generateRevision(revision2, { seed: 33, revision: 3, exportedAt: '2026-11-28T17:00:00Z' });
}

describe('plan sync in Chromium', () => {
  it('loads the bundled sample on first run through the sync path and shows what changed in revision 2, by keyboard', async () => {
    app = await firstRun();
    const { page } = app;
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: tab to the What changed link and follow it.
    const link = page.getByRole('link', { name: /What changed in revision 2/ });
    await page.locator('body').focus();
    for (let step = 0; step < 20 && !(await link.evaluate((element) => element === document.activeElement)); step += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `What changed: ${sampleTitle}` }).waitFor();
    const summary = await page.getByTestId('change-summary').textContent();
    expect(summary).toMatch(/^Since revision 1: \d+ changed/);
    expect(Number(/(\d+) changed/.exec(summary ?? '')?.[1])).toBeGreaterThan(0);
    expect(await page.getByRole('region').count()).toBeGreaterThan(1);
    expect(await page.getByText(/New progress update for/).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${app.origin}/index.html#/imports`);
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // header + two sample revisions
    expect(await page.getByRole('table').textContent()).toContain('Sample plan');
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('imports a file saved into the inbox while the app runs, without a restart', async () => {
    app = await firstRun();
    const { page } = app;
    await saveLikeAnApp(app.inboxFolder, 'northmoor-send-plan.r3.plan.json', JSON.stringify(revision3(), null, 2));
    // Also an Office lock file, which must be ignored.
    await fs.writeFile(path.join(app.inboxFolder, '~$tracker.xlsx'), 'lock');
    await page.getByRole('link', { name: /What changed in revision 3/ }).waitFor({ timeout: 30_000 });
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('cell', { name: '2 → 3' }).waitFor();
    expect(await page.getByRole('table').textContent()).toContain('Inbox folder');
    expect(await page.getByText('~$tracker.xlsx').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a bad file’s errors with their locations and changes nothing', async () => {
    app = await firstRun();
    const { page } = app;
    const before = await dumpStore(page);
    const bad = structuredClone(revision3()) as { actions: Array<Record<string, unknown>>; export: Record<string, unknown> };
    const firstAction = bad.actions[0];
    if (firstAction) firstAction.areaId = 'AREA-DOES-NOT-EXIST';
    bad.export.revision = 0;
    const file = path.join(app.documentsFolder, 'broken.plan.json');
    await fs.writeFile(file, JSON.stringify(bad, null, 2));
    app.nextDialogFiles = [file];
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('button', { name: 'Import files…' }).click();
    const entry = page.locator('li.entry-error', { hasText: 'broken.plan.json' });
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('Nothing was changed');
    expect(text).toMatch(/\$\.actions\[0\]\.areaId \(line \d+, column \d+\)/);
    expect(text).toContain('AREA-DOES-NOT-EXIST');
    expect(text).toMatch(/\$\.export\.revision \(line \d+/);
    expect(text).not.toMatch(/at \w+ \(|Error:/); // never a stack trace
    expect(await dumpStore(page)).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses an older revision with a clear message and changes nothing', async () => {
    app = await firstRun();
    const { page } = app;
    const before = await dumpStore(page);
    const files = (await fs.readdir(SAMPLE_FOLDER)).filter((name) => name.endsWith('.plan.json')).sort();
    const revision1 = JSON.parse(await fs.readFile(path.join(SAMPLE_FOLDER, files[0] ?? ''), 'utf8'));
    const file = path.join(app.documentsFolder, 'old.plan.json');
    await fs.writeFile(file, JSON.stringify(revision1)); // same content, other bytes: not skipped by hash
    app.nextDialogFiles = [file];
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('button', { name: 'Import files…' }).click();
    await page.getByText(/old\.plan\.json is revision 1 of .* older than revision 2 already stored\. Nothing was changed\./).waitFor();
    expect(await dumpStore(page)).toBe(before);
  });

  it('leaves the store exactly as it was when IndexedDB fails part-way through an import', async () => {
    app = await firstRun();
    const { page } = app;
    const before = await dumpStore(page);
    const file = path.join(app.documentsFolder, 'r3.plan.json');
    await fs.writeFile(file, JSON.stringify(revision3()));
    // Inject a failure into the last write of the import's transaction, in real Chromium IndexedDB.
    // The plan is stored by the import worker (renderer/plan/import-worker.ts), a realm of its
    // own: the fault goes in at the top of the worker's script, before any of its code runs.
    const workerScript = /\/assets\/import-worker-[^/]+\.js$/;
    const fault = `{
      const original = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (...args) {
        if (this.name === 'changeSets') {
          IDBObjectStore.prototype.add = original;
          throw new DOMException('Injected failure', 'UnknownError');
        }
        return original.apply(this, args);
      };
    }
`;
    let faultsServed = 0;
    await page.route(workerScript, async (route) => {
      const script = await fs.readFile(path.join(RENDERER_DIST, new URL(route.request().url()).pathname), 'utf8');
      faultsServed += 1;
      // Served as the harness serves it, with the app's CSP.
      await route.fulfill({ contentType: 'text/javascript; charset=utf-8', headers: securityHeaders(), body: fault + script });
    });
    app.nextDialogFiles = [file];
    await page.goto(`${app.origin}/index.html#/imports`);
    await page.getByRole('button', { name: 'Import files…' }).click();
    await page.getByText(/r3\.plan\.json could not be stored, so nothing was changed/).waitFor();
    expect(faultsServed).toBe(1);
    expect(await dumpStore(page)).toBe(before);
    await page.unroute(workerScript);

    // The same file imports cleanly once the fault is gone.
    app.nextDialogFiles = [file];
    await page.getByRole('button', { name: 'Import files…' }).click();
    await page.getByText(/imported .*, revision 3/).waitFor();
    expect(await dumpStore(page)).not.toBe(before);
  });

  it('imports a spreadsheet tracker after its columns are confirmed once, and remembers them', async () => {
    app = await e2e.start({ sampleFolder: path.join(SAMPLE_FOLDER, 'no-sample-here') });
    await app.open('#/imports');
    const { page } = app;
    const csv = [
      'Northmoor SEND tracker',
      '',
      'Priority,Ref,Action,Lead Person,Due date,RAG,Status,Progress update',
      '1. EHC timeliness,1.1,Recruit EHC coordinators,Head of SEND,31/03/2027,Amber,In progress,Four of six posts filled',
      '1. EHC timeliness,1.2,Weekly case tracking panel,Head of SEND Statutory Services,30/11/2026,G,In progress,Panel meets weekly',
      '2. Local Offer,2.1,Co-produce the Local Offer website,Local Offer Manager,28/02/2027,R,In progress,"Supplier delayed; ""soft launch"" moved"',
    ].join('\r\n');
    const file = path.join(app.documentsFolder, 'SEND tracker.csv');
    await fs.writeFile(file, csv);
    app.nextDialogFiles = [file];
    await page.getByRole('button', { name: 'Import files…' }).click();
    await page.getByRole('button', { name: 'Confirm columns…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The local area is required and not in the sheet: the form will not submit without it.
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Local area' }).fill('Northmoor');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByText(/SEND tracker\.csv: imported/).waitFor();
    await page.getByRole('cell', { name: /\(first\)/ }).waitFor();

    // Next month's save of the same sheet: no questions this time.
    await fs.writeFile(file, csv.replace('Four of six posts filled', 'Five of six posts filled'));
    const later = new Date(Date.now() + 10 * 60_000);
    await fs.utimes(file, later, later);
    app.nextDialogFiles = [file];
    await page.getByRole('button', { name: 'Import files…' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /→/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Confirm columns…' }).count()).toBe(0);
    const remembered = JSON.parse(await fs.readFile(path.join(app.dataFolder, 'tracker-mappings.json'), 'utf8'));
    expect(Object.keys(remembered.mappings)).toHaveLength(1);
  });
});
