import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Themes and reflow in real Chromium (issue 19): axe, contrast included, passes on the main views
// in light, in dark (following the system, and chosen in Settings) and with Windows high contrast
// emulated; the page reflows at 320 CSS pixels and at 200% zoom without sideways scrolling.
// `npm run screenshots` saves the same views in each theme into docs/screenshots/.

const PLAN = 'northmoor-send-app';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();
const VIEWS: Array<{ name: string; hash: string; ready: (page: Page) => Locator }> = [
  { name: 'plans', hash: '#/plan', ready: (page) => page.getByRole('link', { name: /What changed in revision/ }).first() },
  { name: 'dashboard', hash: `#/plan/dashboard?plan=${PLAN}`, ready: (page) => page.getByTestId('rag-bar').first() },
  {
    name: 'action',
    hash: `#/plan/action?plan=${PLAN}&id=act-001`,
    ready: (page) => page.getByRole('region', { name: 'Notes and questions' }),
  },
  { name: 'measures', hash: `#/plan/measures?plan=${PLAN}`, ready: (page) => page.getByTestId('measure-chart').first() },
  { name: 'meetings', hash: '#/meetings', ready: heading },
  { name: 'papers', hash: '#/papers', ready: heading },
  { name: 'exports', hash: '#/exports', ready: heading },
  { name: 'help', hash: '#/help?role=chair', ready: heading },
  { name: 'settings', hash: '#/settings', ready: (page) => page.getByTestId('app-version') },
];

let app: AppHarness;

const e2e = useApp({ closeAfter: 'all' });

beforeAll(async () => {
  app = await e2e.start();
  await app.open('#/plan');
  await app.page.getByText('What changed in revision').first().waitFor({ timeout: 30_000 });
}, 90_000);

async function show(view: (typeof VIEWS)[number]) {
  await app.page.goto(`${app.origin}/index.html${view.hash}`);
  await view.ready(app.page).waitFor({ timeout: 30_000 });
}

/** The page's background and text colours as Chromium computes them. */
async function colours(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('main') ?? document.body);
    const root = getComputedStyle(document.documentElement);
    return { background: root.backgroundColor, text: style.color };
  });
}

async function setTheme(page: Page, label: 'Follow the system' | 'Light' | 'Dark') {
  await page.goto(`${app.origin}/index.html#/settings`);
  const radio = page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label });
  await radio.check();
  await expect.poll(() => radio.isChecked()).toBe(true);
}

describe('themes', () => {
  it('light: axe passes on every main view', async () => {
    await app.page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    for (const view of VIEWS) {
      await show(view);
      expect(await axeViolations(app.page), view.name).toEqual([]);
    }
    expect(await colours(app.page)).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(11, 12, 12)' });
  });

  it('dark follows the system by default, and axe (contrast included) passes on every main view', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark', forcedColors: 'none' });
    for (const view of VIEWS) {
      await show(view);
      expect(await axeViolations(app.page), view.name).toEqual([]);
    }
    expect(await colours(app.page)).toEqual({ background: 'rgb(22, 24, 25)', text: 'rgb(243, 242, 241)' });
  });

  it('a setting overrides the system: Light on a dark system, Dark on a light one, and it survives a reload', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark', forcedColors: 'none' });
    await setTheme(app.page, 'Light');
    await expect.poll(() => colours(app.page)).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(11, 12, 12)' });

    await app.page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await setTheme(app.page, 'Dark');
    await expect.poll(() => colours(app.page)).toEqual({ background: 'rgb(22, 24, 25)', text: 'rgb(243, 242, 241)' });
    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => colours(app.page)).toEqual({ background: 'rgb(22, 24, 25)', text: 'rgb(243, 242, 241)' });

    await setTheme(app.page, 'Follow the system');
    await expect.poll(() => colours(app.page)).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(11, 12, 12)' });
  });

  it('forced colours (Windows high contrast): axe passes, and RAG badges keep a word and an edge', async () => {
    await app.page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    for (const view of VIEWS) {
      await show(view);
      expect(await axeViolations(app.page), view.name).toEqual([]);
    }
    await show(VIEWS[1] as (typeof VIEWS)[number]);
    const badge = app.page.locator('.rag').first();
    await badge.waitFor();
    const look = await badge.evaluate((element) => ({ text: element.textContent, border: getComputedStyle(element).borderTopStyle }));
    expect(look.text).toMatch(/^(Red|Amber|Green|Blue|Grey|Not rated)/);
    expect(look.border).toBe('solid');
    // The stacked RAG bars are lettered, so they stay apart when every bar is the same colour.
    const letters = await app.page.getByTestId('rag-bar').first().locator('text').allTextContents();
    expect(letters.some((text) => /^(R|A|G|B|Gy) \d+$/.test(text))).toBe(true);
    await app.page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });
});

describe('reflow', () => {
  it.each([
    [320, 800, '320 CSS pixels wide'],
    [640, 430, '200% zoom of a 1280 × 860 window'],
  ])('at %i × %i (%s) no main view scrolls sideways and the navigation stays on screen', async (width, height) => {
    await app.page.setViewportSize({ width, height });
    try {
      for (const view of VIEWS) {
        await show(view);
        const sizes = await app.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
        expect(sizes.page, view.name).toBeLessThanOrEqual(sizes.window);
        const exports = await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).boundingBox();
        expect((exports?.x ?? Infinity) + (exports?.width ?? 0), view.name).toBeLessThanOrEqual(width);
      }
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 860 });
    }
  });
});
