import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Help in real Chromium (issue 19): the offline guide's page for each role, About, and the
// keyboard shortcut sheet that `?` opens; each checked by axe.

let app: AppHarness;

const e2e = useApp({ closeAfter: 'all' });

beforeAll(async () => {
  const emptySample = await e2e.tempFolder('oversight-help-');
  app = await e2e.start({ sampleFolder: emptySample });
  await app.open('#/plan');
}, 90_000);

describe('help', () => {
  it('opens from the navigation, has a page per role with its tasks, and passes axe on each', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const [link, task] of [
      ['Councillors and board members', 'Write a note, a question or a concern on an action'],
      ['The chair', 'Record the meeting as it happens'],
      ['The clerk', 'Import a plan, a tracker or a meeting pack'],
    ] as const) {
      await page.goto(`${app.origin}/index.html#/help`);
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      await page.getByRole('heading', { level: 2, name: task }).waitFor();
      expect(await axeViolations(page), link).toEqual([]);
    }
    // A task's link goes to the view it is about.
    await page.getByRole('link', { name: 'Go to Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  });

  it('About shows the version main reports', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/help/about`);
    await expect.poll(() => page.getByTestId('about-version').textContent()).toBe('0.1.0-e2e');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('? opens the keyboard shortcut sheet, which passes axe, holds focus and closes with Escape', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/plan`);
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Close' }).evaluate((button) => button === document.activeElement))
      .toBe(true);
    await dialog.getByRole('cell', { name: 'Ctrl+K' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Typing ? in a text field types it.
    await page.getByRole('searchbox', { name: 'Search (Ctrl+K)' }).click();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search (Ctrl+K)' }).inputValue()).toBe('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
