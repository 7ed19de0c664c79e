import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, whyCannotRun, type AppHarness } from './harness';
import { dumpStore } from './store-dump';

// What survives a crash: the browser is killed by pid (SIGKILL, no unload, no flush) at chosen
// moments, started again on the same profile and data folder (the same origin, so the same
// IndexedDB), and the store is compared with what the user was told was saved.

let app: AppHarness | undefined;
const MEETING = 'sample-next-meeting';

beforeAll(() => {
  const reason = whyCannotRun();
  if (reason) throw new Error(`End-to-end tests cannot run: ${reason}`);
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function live(section: string): string {
  return `#/meetings/live?meeting=${MEETING}&section=${section}`;
}

/** Restarts the app on the killed run's profile and data folder. */
async function restart(killed: AppHarness): Promise<AppHarness> {
  return startApp({ userDataDir: killed.userDataDir, dataFolder: killed.dataFolder });
}

async function firstRun(): Promise<AppHarness> {
  const started = await startApp();
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
    app = await startApp();
    await app.open('#/plan');
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
});
