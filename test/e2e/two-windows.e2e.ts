import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { useApp } from './use-app';

// Issue 13 item 7: two windows on one profile (possible if the single-instance lock fails). Both
// add notes at the same time; no note and no search entry may be lost, every note must be
// findable from both windows, and each window says another one is open.

const ACTION = '#/plan/action?plan=northmoor-send-app&id=act-001';
const NOTES_PER_WINDOW = 6;
// Words no sample document holds, far apart so fuzzy matching finds each note alone.
const WORDS = ['kestrel', 'marigold', 'quillwort', 'tamarind', 'heliotrope', 'bergamot'];

const e2e = useApp();

const noteText = (window: 'alpha' | 'omega', index: number) => `Window ${window} note: ${WORDS[index]}${window}`;

async function addNotes(page: Page, window: 'alpha' | 'omega') {
  const panel = page.getByRole('region', { name: 'Notes and questions' });
  for (let index = 0; index < NOTES_PER_WINDOW; index += 1) {
    const details = panel.locator('details.annotation-add');
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
      await panel.getByText('Add a note or question').click();
    await panel.getByRole('textbox', { name: 'Your note' }).fill(noteText(window, index));
    await panel.getByRole('button', { name: 'Add' }).click();
    await panel.getByText(noteText(window, index), { exact: true }).waitFor();
  }
}

/** Whether searching for the note's own word lists that note under Annotations. */
async function isFound(page: Page, text: string): Promise<void> {
  const word = text.split(': ')[1] ?? text;
  await page.goto(`${page.url().split('#')[0]}#/search?q=${encodeURIComponent(word)}`);
  const group = page.locator('section.search-group', { has: page.getByRole('heading', { name: /^Annotations/ }) });
  await group.getByText(text).first().waitFor({ timeout: 10_000 });
}

describe('two windows on one profile', () => {
  it('both add notes at once: none is lost from the store or the search index, and each window warns of the other', async () => {
    const app = await e2e.start();
    await app.open(ACTION, { profile: { displayName: 'Cllr Amina Shah' } });
    await app.page.getByRole('region', { name: 'Notes and questions' }).waitFor();
    const second = await app.openWindow(ACTION);
    await second.getByRole('region', { name: 'Notes and questions' }).waitFor();

    const warning = /^Oversight is also open in another window on this computer\./;
    for (const page of [app.page, second]) await page.getByRole('alert').filter({ hasText: warning }).waitFor();

    await Promise.all([addNotes(app.page, 'alpha'), addNotes(second, 'omega')]);
    const texts = (['alpha', 'omega'] as const).flatMap((window) =>
      Array.from({ length: NOTES_PER_WINDOW }, (_, index) => noteText(window, index)),
    );

    // Every note in each window's list of notes on the action (live queries see the other window's writes).
    for (const page of [app.page, second]) {
      const panel = page.getByRole('region', { name: 'Notes and questions' });
      for (const text of texts) await panel.getByText(text, { exact: true }).waitFor();
    }
    // And in the store, once each.
    const stored = await second.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open('oversight');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction('annotations').objectStore('annotations').getAll();
            all.onsuccess = () => {
              resolve((all.result as Array<{ text?: string; body?: string }>).map((record) => record.text ?? record.body ?? ''));
              request.result.close();
            };
          };
        }),
    );
    expect(stored.filter((text) => text.startsWith('Window ')).sort()).toEqual([...texts].sort());

    // Findable in search from both windows, as each window holds the index now, and after a reload.
    for (const page of [app.page, second]) for (const text of texts) await isFound(page, text);
    await app.page.reload();
    for (const text of texts) await isFound(app.page, text);

    expect(await axeViolations(second)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
