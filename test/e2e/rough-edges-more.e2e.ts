import { describe, expect, it } from 'vitest';
import type { AppHarness } from './harness';
import { useApp } from './use-app';

// More rough edges found in use (issue 19), each seen in a real layout engine and store.

let app: AppHarness | undefined;

const e2e = useApp();

describe('board papers in search', () => {
  it('are found on first run without Papers ever being opened', async () => {
    app = await e2e.start();
    const { page } = app;
    await app.open('#/search?q=commissioning');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    // The sample pack's text is read in the background after first run settles: wait for its pages.
    await expect
      .poll(
        async () => {
          if ((await page.getByRole('heading', { name: /^Board papers \(\d+\)$/ }).count()) > 0) return true;
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
          return false;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    const hit = page.locator('.search-hit a[href*="#/papers/paper?meeting=sample-next-meeting"]').first();
    await hit.waitFor();
  });
});

describe('the sample pack and the sample meeting', () => {
  it('agree: the pack names the date of the meeting its "Open this meeting’s agenda" link opens', async () => {
    app = await e2e.start();
    const { page } = app;
    await app.open('#/papers');
    const heading = page.locator('#meeting-title');
    await heading.waitFor({ timeout: 30_000 });
    const packHeading = (await heading.textContent()) ?? '';
    const packDate = /, (\d{1,2} \w+ \d{4}) at /.exec(packHeading)?.[1];
    expect(packDate, packHeading).toBeDefined();
    await page.getByRole('link', { name: 'Open this meeting’s agenda in the chair’s record' }).click();
    const agenda = page.getByRole('heading', { level: 1, name: /^Agenda: meeting of / });
    await agenda.waitFor();
    expect(await agenda.textContent()).toBe(`Agenda: meeting of ${packDate ?? ''}`);
  });
});

describe('the actions list at 1280 × 860', () => {
  it('shows most of the list, not the filters: the list starts in the top 40% of the window, filters one button away', async () => {
    app = await e2e.start({ viewport: { width: 1280, height: 860 } });
    const { page } = app;
    await app.open('#/plan/actions?plan=northmoor-send-app');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /of 60 actions/ })
      .waitFor({ timeout: 30_000 });
    const inView = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid="action-row"]')].filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }).length,
      );
    // Before: the open filters took half the screen and five rows showed.
    const listTop = await page.evaluate(() => document.querySelector('.action-scroll')?.getBoundingClientRect().top ?? 860);
    expect(listTop).toBeLessThan(860 * 0.4);
    expect(await inView()).toBeGreaterThanOrEqual(7);
    await page.getByRole('button', { name: 'Show filters' }).click();
    await page.getByRole('checkbox', { name: 'Red' }).waitFor();
    await page.getByRole('button', { name: 'Hide filters' }).click();
    await expect.poll(inView).toBeGreaterThanOrEqual(7);
  });
});

describe('the meetings table at 1280 × 860', () => {
  it('never breaks a column heading or a status tag mid-word ("Minut/es", "Draf/t")', async () => {
    app = await e2e.start({ viewport: { width: 1280, height: 860 } });
    const { page } = app;
    await app.open('#/meetings');
    await page.locator('.meetings-table .status-tag').first().waitFor({ timeout: 30_000 });
    // Each single-word heading and tag must lay out on one line: its text's boxes share one top.
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.meetings-table th, .meetings-table .status-tag')]
        .filter((element) => !/\s/.test((element.textContent ?? '').trim()))
        .filter((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
        })
        .map((element) => element.textContent),
    );
    expect(broken).toEqual([]);
  });
});
