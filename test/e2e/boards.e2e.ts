import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, SAMPLE_FOLDER, startApp, whyCannotRun, type AppHarness } from './harness';

// Several boards in Chromium: two boards, each with its own plan and a note on it. The Plans page
// and Search show only the open board's; switching board switches both.

const apps: AppHarness[] = [];
const SAMPLE_PLAN = 'Northmoor SEND Accelerated Progress Plan';
const FORUM_PLAN = 'Westdale High Needs Recovery Plan';

beforeAll(() => {
  const reason = whyCannotRun();
  if (reason) throw new Error(`End-to-end tests cannot run: ${reason}`);
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function count(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onsuccess = () => {
          const db = request.result;
          const counted = db.transaction(name, 'readonly').objectStore(name).count();
          counted.onsuccess = () => {
            db.close();
            resolve(counted.result);
          };
          counted.onerror = () => reject(counted.error);
        };
        request.onerror = () => reject(request.error);
      }),
    store,
  );
}

async function addNote(app: AppHarness, planId: string, text: string) {
  await app.open(`#/plan/action?plan=${planId}&id=act-001`);
  const panel = app.page.getByRole('region', { name: 'Notes and questions' });
  await panel.getByText('Add a note or question').click();
  await panel.getByRole('textbox', { name: 'Your note' }).fill(text);
  await panel.getByRole('button', { name: 'Add' }).click();
  await panel.getByText(text, { exact: true }).waitFor();
}

async function chooseBoard(page: Page, name: string) {
  const choice = page.getByRole('combobox', { name: 'Board', exact: true });
  await choice.selectOption({ label: name });
  await expect.poll(() => choice.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text)).toBe(name);
}

describe('several boards in Chromium', () => {
  it('shows only the open board’s plans and search results, and the other board’s after switching', async () => {
    const app = await startApp();
    apps.push(app);
    const { page } = app;
    await app.open('#/plan');
    // The first-run sample's board is in once its meeting is.
    await expect.poll(() => count(page, 'meetings'), { timeout: 60_000 }).toBe(1);
    await page.getByRole('heading', { level: 2, name: SAMPLE_PLAN }).waitFor();
    await addNote(app, 'northmoor-send-app', 'Quokka: ask about the sample board’s waits');

    // A second board, opened as it is added; a plan imported now is its plan.
    await app.open('#/plan');
    await page.getByRole('button', { name: 'Add a board…' }).click();
    await page.getByRole('textbox', { name: 'Name of the board to add' }).fill('Westdale Schools Forum');
    await page.getByRole('button', { name: 'Add the board' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Board', exact: true }).inputValue()).not.toBe('board');
    await page.getByText('No plan has been imported yet.', { exact: false }).waitFor();

    const files = (await fs.readdir(SAMPLE_FOLDER)).filter((name) => name.endsWith('.plan.json')).sort();
    const plan = JSON.parse(await fs.readFile(path.join(SAMPLE_FOLDER, files.at(-1) ?? ''), 'utf8')) as {
      plan: { id: string; title: string };
    };
    plan.plan.id = 'westdale-high-needs';
    plan.plan.title = FORUM_PLAN;
    const file = path.join(app.documentsFolder, 'westdale.plan.json');
    await fs.writeFile(file, JSON.stringify(plan, null, 2));
    app.nextDialogFiles = [file];
    await app.open('#/imports');
    await page.getByRole('button', { name: 'Import files…' }).click();
    await expect.poll(() => count(page, 'plans'), { timeout: 60_000 }).toBe(2);
    await addNote(app, 'westdale-high-needs', 'Quokka: ask about the forum’s high needs block');

    // The forum is open: its plan alone, and its note alone in search.
    await app.open('#/plan');
    await page.getByRole('heading', { level: 2, name: FORUM_PLAN }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: SAMPLE_PLAN }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await app.open('#/search?q=quokka');
    const status = page.getByTestId('search-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('1 result for “quokka”.');
    const annotations = page.getByRole('region', { name: 'Annotations (1)' });
    expect(await annotations.getByRole('link').getAttribute('href')).toContain('plan=westdale-high-needs');
    expect(await axeViolations(page)).toEqual([]);

    // Switching to the first board switches the results, then the plans.
    await chooseBoard(page, 'Northmoor SEND Oversight Board');
    await expect
      .poll(() => page.getByRole('region', { name: 'Annotations (1)' }).getByRole('link').getAttribute('href'), { timeout: 30_000 })
      .toContain('plan=northmoor-send-app');
    await expect.poll(() => status.textContent()).toContain('1 result for “quokka”.');

    await app.open('#/plan');
    await page.getByRole('heading', { level: 2, name: SAMPLE_PLAN }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: FORUM_PLAN }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Each board has its own board folder: the forum's is chosen in Settings; the first board has none.
    await app.open('#/settings');
    const shown = page.getByTestId('board-folder');
    await expect.poll(() => shown.textContent()).toBe('No board folder chosen');
    await chooseBoard(page, 'Westdale Schools Forum');
    const forumFolder = path.join(app.documentsFolder, 'forum-board');
    await fs.mkdir(forumFolder);
    app.nextChosenFolder = forumFolder;
    await page.getByRole('button', { name: 'Choose the board folder…' }).click();
    await expect.poll(() => shown.textContent()).toBe(forumFolder);
    expect(await axeViolations(page)).toEqual([]);
    await chooseBoard(page, 'Northmoor SEND Oversight Board');
    await expect.poll(() => shown.textContent()).toBe('No board folder chosen');
    await chooseBoard(page, 'Westdale Schools Forum');
    await expect.poll(() => shown.textContent()).toBe(forumFolder);
  });
});
