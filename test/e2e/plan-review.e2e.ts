import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Plan review end to end, by keyboard alone: the sample plan's dashboard, the actions list
// filtered to red and overdue, one action with its measure's chart and table, and search by a
// word from a progress update and by a misspelling of it. axe-core on every view; no console
// errors (a charting library that broke the CSP would show here).

let app: AppHarness | undefined;

const e2e = useApp();

/** Presses Tab until the element has focus (keyboard only), then returns. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${String(target)} by Tab`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

describe('plan review in Chromium', () => {
  it('dashboard → red and overdue actions → one action with its chart and table → search, all by keyboard', async () => {
    app = await e2e.start();
    const { page } = app;
    // A fixed day, so "overdue" means the same thing on every run.
    await page.clock.setFixedTime(new Date('2026-11-20T10:00:00Z'));
    await app.open('#/plan');
    const dashboardLink = page.getByRole('link', { name: /^Dashboard/ });
    await dashboardLink.waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 30_000 });

    await page.locator('body').focus();
    await tabTo(page, dashboardLink);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Dashboard: / }).waitFor();
    await page.getByRole('region', { name: /^Area 1:/ }).waitFor();
    expect(await page.getByRole('region', { name: /^Area \d+:/ }).count()).toBe(5);
    expect(await page.getByTestId('rag-bar').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // To the actions list, then the red and overdue filters, by keyboard.
    const actionsLink = page.getByRole('navigation', { name: 'This plan' }).getByRole('link', { name: 'Actions' });
    await tabTo(page, actionsLink);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /of 60 actions/ })
      .waitFor();
    // The filters are folded away at first: show them, by keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Show filters' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('checkbox', { name: 'Red' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: 'Overdue' }));
    await page.keyboard.press('Space');
    await page.getByTestId('result-count').filter({ hasText: '(2 filters on)' }).waitFor();
    const rows = page.getByTestId('action-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const text = (await rows.nth(index).textContent()) ?? '';
      expect(text).toContain('Red');
      expect(text).toContain('Overdue');
    }
    expect(page.url()).toMatch(/rag=red/);
    expect(page.url()).toMatch(/overdue=1/);
    await expectAccessible(page);

    // Open the first one that has a linked measure (3.11 in the sample), by keyboard.
    const actionLink = page.getByRole('link', { name: /Agree an information-sharing protocol/ });
    await tabTo(page, actionLink);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^3\.11 / }).waitFor();
    const measures = page.getByRole('region', { name: 'Linked measures' });
    await measures.getByTestId('measure-chart').locator('svg .recharts-line').first().waitFor();
    expect(await measures.getByRole('table').count()).toBe(1);
    expect(await measures.getByRole('table').getByRole('row').count()).toBeGreaterThan(10);
    expect(await page.getByRole('region', { name: 'Evidence' }).textContent()).toContain('No file attached');
    await expectAccessible(page);

    // Back to the same filtered list.
    await tabTo(page, page.getByRole('link', { name: 'Back to the actions' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('result-count').filter({ hasText: '(2 filters on)' }).waitFor();

    // Search: Ctrl+K, a word from a progress update, Enter.
    await page.keyboard.press('Control+k');
    expect(await page.getByRole('searchbox', { name: 'Search (Ctrl+K)' }).evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.type('moderated');
    await page.keyboard.press('Enter');
    const updates = page.getByRole('region', { name: /^Progress updates \(\d+\)/ });
    await updates.waitFor();
    expect(await updates.locator('mark').first().textContent()).toBe('moderated');
    await expectAccessible(page);

    // And by a misspelling, typed into the search page's own box.
    const pageBox = page.getByRole('searchbox', { name: /Search actions, progress updates/ });
    await tabTo(page, pageBox);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('moderatd');
    await page.getByTestId('search-status').filter({ hasText: '“moderatd”' }).waitFor();
    expect(await updates.locator('mark').first().textContent()).toBe('moderated');
    await tabTo(page, updates.getByRole('link').first());
    await page.keyboard.press('Enter');
    await page.locator('.timeline-focus').waitFor();
    expect(await page.locator('.timeline-focus').textContent()).toContain('moderated');

    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('the measures view charts every measure with its table, and passes axe', async () => {
    app = await e2e.start();
    const { page } = app;
    await app.open('#/plan');
    await page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 30_000 });
    await page.goto(`${app.origin}/index.html#/plan/measures?plan=northmoor-send-app&show=worsening`);
    await page.getByRole('heading', { level: 1, name: /^Measures: / }).waitFor();
    await page.locator('.measure-card').first().waitFor();
    const cards = await page.locator('.measure-card').count();
    expect(cards).toBeGreaterThan(0);
    await page.locator('.measure-card [data-testid="measure-chart"] .recharts-line').first().waitFor();
    // Two lines per chart: the figures, and the provisional points marked on them.
    expect(await page.locator('.measure-card [data-testid="measure-chart"] .recharts-line').count()).toBe(cards * 2);
    expect(await page.locator('.measure-card table').count()).toBe(cards);
    expect(await page.locator('.measure-card .trend-worsening').filter({ hasText: 'Worsening' }).count()).toBe(cards);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/plan-review-measures.png', fullPage: false });
    expect(app.consoleErrors).toEqual([]);
  });
});
