import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ANNOTATIONS_FORMAT, type AnnotationsFile } from '../../shared/annotations/file';
import { generatePlan } from '../../scripts/sample/generate-plan';
import { describe, expect, it } from 'vitest';
import type { AppHarness } from './harness';
import { useApp } from './use-app';
import { dumpStore } from './store-dump';

// What survives a crash: the browser is killed by pid (SIGKILL, no unload, no flush) at chosen
// moments, started again on the same profile and data folder (the same origin, so the same
// IndexedDB), and the store is compared with what the user was told was saved.

let app: AppHarness | undefined;
const MEETING = 'sample-next-meeting';

const e2e = useApp();

/** The stored discussion notes of an agenda item, read with the bare IndexedDB API. */
function storedNote(page: Page, itemId: string): Promise<string> {
  return page.evaluate(
    (item) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('meetingRecords').objectStore('meetingRecords').getAll();
          all.onsuccess = () => {
            const records = all.result as Array<{ kind: string; itemId?: string; text?: string }>;
            resolve(records.find((record) => record.kind === 'note' && record.itemId === item)?.text ?? '');
            request.result.close();
          };
        };
      }),
    itemId,
  );
}

/** Reads one object store with the bare IndexedDB API. */
function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            request.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

/** Waits until the renderer has begun storing a file (its in-progress mark is in the store). */
/** How many list rows a plan has, over its chunks (schema v11), or undefined when it has none. */
function rowsOf(chunks: ReadonlyArray<{ planId: string; rows: unknown[] }>, planId: string): number | undefined {
  const own = chunks.filter((chunk) => chunk.planId === planId);
  return own.length === 0 ? undefined : own.reduce((sum, chunk) => sum + chunk.rows.length, 0);
}

async function waitForImportMark(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const meta = await readTable<{ key: string }>(page, 'meta');
    if (meta.some((record) => record.key === 'importInProgress')) return;
    await sleep(25);
  }
  throw new Error('the import never started storing');
}

/** First run settled: the sample plan stored, the sample board and meeting seeded. */
async function settledFirstRun(): Promise<AppHarness> {
  const started = await e2e.start();
  await started.open('#/plan');
  await started.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 60_000 });
  return started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function live(section: string): string {
  return `#/meetings/live?meeting=${MEETING}&section=${section}`;
}

/** Restarts the app on the killed run's profile and data folder. */
async function restart(killed: AppHarness): Promise<AppHarness> {
  return e2e.start({ userDataDir: killed.userDataDir, dataFolder: killed.dataFolder });
}

async function firstRun(): Promise<AppHarness> {
  const started = await e2e.start();
  await started.open('#/meetings');
  await started.page.getByRole('link', { name: /^Run the meeting of/ }).waitFor({ timeout: 30_000 });
  return started;
}

describe('what survives a killed browser', () => {
  it('keeps notes typed steadily up to the last save before the kill, and says how much was lost', async () => {
    const first = await firstRun();
    app = first;
    await first.open(live('sample-item-4'));
    const notes = first.page.getByRole('textbox', { name: /^Discussion notes for item 4/ });
    await notes.click();
    // A steady typist (a key every 40 ms, never pausing), killed mid-sentence.
    const sentence = 'The board noted that timeliness of new plans is improving but remains below target. '.repeat(2);
    const typedAt: number[] = [];
    let confirmed = '';
    for (const character of sentence.slice(0, 130)) {
      await first.page.keyboard.type(character);
      typedAt.push(Date.now());
      // What the store holds (and the status line calls saved) part way through: it must survive.
      if (typedAt.length === 100) confirmed = await storedNote(first.page, 'sample-item-4');
      await sleep(40);
    }
    const killedAt = Date.now();
    await first.kill();
    app = undefined;

    app = await restart(first);
    await app.open(live('sample-item-4'));
    const after = app.page.getByRole('textbox', { name: /^Discussion notes for item 4/ });
    await after.waitFor();
    const kept = await after.inputValue();
    const typed = sentence.slice(0, typedAt.length);
    expect(typed.startsWith(kept)).toBe(true);
    // Typing never paused, so only the max-wait can have saved anything before the kill.
    expect(confirmed.length).toBeGreaterThan(0);
    expect(kept.startsWith(confirmed)).toBe(true);
    await expect.poll(() => storedNote(app?.page ?? first.page, 'sample-item-4')).toBe(kept);
    const firstLost = typedAt[kept.length];
    const window = firstLost === undefined ? 0 : killedAt - firstLost;
    console.info(
      `notes: ${typed.length} characters typed, ${kept.length} kept; text typed in the last ${window} ms before the kill was lost`,
    );
  });

  it('an older build refuses, in words, a store a newer build has upgraded, and leaves it as it was', async () => {
    app = await e2e.start();
    await app.open('#/plan');
    // Let the first start finish its writes (the sample, its summaries and search index) first:
    // what is compared below is what the refused build does, not what this one was still doing.
    await app.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 60_000 });
    const page = app.page;
    let settled = '';
    await expect
      .poll(
        async () => {
          const dump = await dumpStore(page);
          const isSame = dump === settled;
          settled = dump;
          return isSame;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    // A newer build upgrades the store (a higher version, a table this build does not know).
    const upgraded = await app.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const probe = indexedDB.open('oversight');
          probe.onsuccess = () => {
            const next = probe.result.version + 10;
            probe.result.close();
            const request = indexedDB.open('oversight', next);
            request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
            request.onsuccess = () => {
              resolve(request.result.version);
              request.result.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
    const before = await dumpStore(app.page);
    await app.page.reload();
    await app.page
      .getByRole('alert')
      .filter({ hasText: /^This copy of Oversight is older than the one that last opened your data/ })
      .waitFor();
    expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Oversight cannot open your data');
    expect(await dumpStore(app.page)).toBe(before);
    expect(upgraded).toBeGreaterThan(0);
  });

  it('keeps a decision the chair was shown as recorded', async () => {
    const first = await firstRun();
    app = first;
    await first.open(live('sample-item-4'));
    await first.page.getByRole('textbox', { name: 'What was decided' }).fill('The board noted the performance dashboard.');
    await first.page.getByRole('textbox', { name: 'What was decided' }).press('Enter');
    const number = first.page.getByText(/^SOB\/\d{4}\/001$/);
    await number.waitFor();
    await first.kill();
    app = await restart(first);
    await app.open(live('sample-item-4'));
    await app.page.getByText(/^SOB\/\d{4}\/001$/).waitFor();
    const decisions = (await readTable<{ kind: string; text?: string; number?: string }>(app.page, 'meetingRecords')).filter(
      (record) => record.kind === 'decision',
    );
    expect(decisions).toEqual([
      expect.objectContaining({ text: 'The board noted the performance dashboard.', number: expect.stringMatching(/001$/) }),
    ]);
  });

  it('an import killed part way leaves the store wholly as it was, says so at the next start, and imports on retry', async () => {
    const first = await settledFirstRun();
    app = first;
    const file = path.join(first.documentsFolder, 'crash.plan.json');
    await fs.writeFile(file, JSON.stringify(generatePlan({ seed: 3, actions: 3000, areas: 8, planId: 'crash-plan' })));
    const before = await readTable<{ id: string }>(first.page, 'plans');
    await first.page.goto(`${first.origin}/index.html#/imports`);
    first.nextDialogFiles = [file];
    await first.page.getByRole('button', { name: 'Import files…' }).click();
    await waitForImportMark(first.page);
    await first.kill();

    app = await restart(first);
    await app.open('#/imports');
    const plans = await readTable<{ id: string }>(app.page, 'plans');
    const rows = await readTable<{ planId: string; rows: unknown[] }>(app.page, 'actionRowChunks');
    if (plans.some((plan) => plan.id === 'crash-plan')) {
      // Killed just after the import's transaction committed: then all of it is there.
      expect(rowsOf(rows, 'crash-plan')).toBe(3000);
    } else {
      expect(plans.map((plan) => plan.id).sort()).toEqual(before.map((plan) => plan.id).sort());
      expect((await readTable<{ planId: string }>(app.page, 'entities')).some((entity) => entity.planId === 'crash-plan')).toBe(false);
      await app.page.getByText(/^Oversight stopped while it was importing crash\.plan\.json \(started /).waitFor();
      app.nextDialogFiles = [file];
      await app.page.getByRole('button', { name: 'Choose the file again…' }).click();
      await expect
        .poll(
          async () =>
            rowsOf(await readTable<{ planId: string; rows: unknown[] }>(app?.page ?? first.page, 'actionRowChunks'), 'crash-plan'),
          { timeout: 120_000 },
        )
        .toBe(3000);
    }
  });

  it('an annotation merge killed part way leaves all or none of the file, and indexes what it merged', async () => {
    const first = await settledFirstRun();
    app = first;
    const file: AnnotationsFile = {
      format: ANNOTATIONS_FORMAT,
      formatVersion: 1,
      exportedAt: '2026-11-20T18:30:00Z',
      author: { id: 'member-z', displayName: 'Cllr Zara Quill', role: 'member', organisation: 'Council', deviceId: 'device-z' },
      annotations: Array.from({ length: 3000 }, (_, index) => ({
        id: `crash-note-${String(index).padStart(5, '0')}`,
        authorId: 'member-z',
        target: { kind: 'action' as const, planId: 'northmoor-send-app', id: `act-${String((index % 60) + 1).padStart(3, '0')}` },
        kind: 'note' as const,
        text: `Quillwort observation ${index}`,
        tags: [],
        visibility: 'shared' as const,
        answer: null,
        madeAgainstRevision: 2,
        createdAt: '2026-11-18T09:00:00Z',
        hlc: `001763456400000:${String(index).padStart(6, '0')}:device-z`,
        deviceId: 'device-z',
        deleted: false,
      })),
    };
    const filePath = path.join(first.documentsFolder, 'zara.annotations.json');
    await fs.writeFile(filePath, JSON.stringify(file));
    await first.page.goto(`${first.origin}/index.html#/imports`);
    first.nextDialogFiles = [filePath];
    await first.page.getByRole('button', { name: 'Import files…' }).click();
    await waitForImportMark(first.page);
    await first.kill();

    app = await restart(first);
    await app.open('#/imports');
    const notes = (await readTable<{ authorId: string }>(app.page, 'annotations')).filter((record) => record.authorId === 'member-z');
    expect([0, 3000]).toContain(notes.length);
    if (notes.length === 3000) {
      // Merged before the kill: indexed for search at this start.
      await expect
        .poll(async () =>
          (await readTable<{ key: string }>(app?.page ?? first.page, 'meta')).some(
            (record) => record.key === 'annotationsAwaitingSearchIndex',
          ),
        )
        .toBe(false);
    } else {
      await app.page.getByText(/^Oversight stopped while it was importing zara\.annotations\.json/).waitFor();
    }
  });

  it('an export in flight when the browser is killed leaves either the whole file or none, never a part', async () => {
    const first = await settledFirstRun();
    app = first;
    await first.page.goto(`${first.origin}/index.html#/exports`);
    await first.page
      .getByRole('option', { name: /\(draft\)/ })
      .first()
      .waitFor({ state: 'attached' });
    const savePath = path.join(first.documentsFolder, 'minutes.docx');
    first.nextSavePath = savePath;
    await first.page.getByRole('button', { name: 'Export…' }).click();
    await first.kill();
    // Main (this process) finishes or abandons the write on its own; give it a moment.
    await sleep(2000);
    const left = await fs.readdir(first.documentsFolder);
    expect(left.filter((name) => name.startsWith('minutes') && name !== 'minutes.docx')).toEqual([]);
    if (left.includes('minutes.docx')) {
      const bytes = await fs.readFile(savePath);
      // A whole DOCX: a zip whose end-of-central-directory record is there.
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(true);
    }
    app = await restart(first);
    await app.open('#/exports');
    await app.page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
