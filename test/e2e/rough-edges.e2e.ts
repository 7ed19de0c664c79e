import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FOLDER, type AppHarness } from './harness';
import { useApp } from './use-app';

// Rough edges found in use (issue 19) that only a real layout engine shows: a title with no
// spaces must not widen the page, and a right-to-left override in it must not spill out.

const require = createRequire(import.meta.url);
const LONG = 'W'.repeat(10_000);
const RLO = '\u202E';

let app: AppHarness | undefined;
let sample: string;

const e2e = useApp();

beforeAll(async () => {
  // The bundled sample plan, with action 1.1's title replaced by 10,000 characters and no space.
  sample = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-long-title-'));
  const plan = JSON.parse(await fs.readFile(path.join(SAMPLE_FOLDER, 'northmoor-send-plan.r2.plan.json'), 'utf8')) as {
    actions: Array<{ id: string; title: string }>;
  };
  for (const action of plan.actions) if (action.id === 'act-001') action.title = LONG;
  await fs.writeFile(path.join(sample, 'northmoor-send-plan.r2.plan.json'), JSON.stringify(plan));
});

describe('very long titles', () => {
  it('wrap: the action list and the action page stay as wide as the window, the marking on screen', async () => {
    app = await e2e.start({ sampleFolder: sample, viewport: { width: 1280, height: 860 } });
    const { page } = app;
    for (const hash of ['#/plan/actions?plan=northmoor-send-app', '#/plan/action?plan=northmoor-send-app&id=act-001']) {
      await app.open(hash);
      await page.getByText(LONG.slice(0, 200), { exact: false }).first().waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      expect(widths.page, hash).toBeLessThanOrEqual(widths.window);
      const marking = await page.getByText('OFFICIAL-SENSITIVE').first().boundingBox();
      expect(marking, hash).not.toBeNull();
      expect((marking?.x ?? 0) + (marking?.width ?? 0), hash).toBeLessThanOrEqual(1280);
    }
  });
});

describe('a right-to-left override in user text', () => {
  it('is isolated: the text after the title element keeps its direction', async () => {
    app = await e2e.start({ sampleFolder: sample });
    await app.open('#/plan');
    // A link holding user text, followed by the app's own words in the same line.
    const widths = await app.page.evaluate((rlo) => {
      const line = document.createElement('p');
      const title = document.createElement('a');
      title.href = '#/plan';
      title.textContent = `abc${rlo}def`;
      const after = document.createElement('b');
      after.textContent = 'due 3 March';
      line.append(title, ' ', after);
      document.querySelector('main')?.append(line);
      // With the override isolated, the words after the link are laid out left to right: the
      // "d" of "due" sits to the left of its "e".
      const range = document.createRange();
      const text = after.firstChild as Text;
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(text, 1);
      range.setEnd(text, 2);
      const second = range.getBoundingClientRect().left;
      line.remove();
      return { first, second };
    }, RLO);
    expect(widths.first).toBeLessThan(widths.second);
  });
});

/** axe's verdict on a page for just the named rules (landmark-unique is best practice, not WCAG). */
async function axeRules(page: Page, rules: string[]): Promise<Array<{ id: string; targets: string[] }>> {
  await page.evaluate(await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: only } });
    return result.violations.map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  }, rules);
}

describe('axe on a paper with its page list open', () => {
  it('finds no target-size or landmark-unique problem (the "Pages" expander, the search landmarks)', async () => {
    app = await e2e.start({ sampleFolder: sample });
    const { page } = app;
    await app.open('#/papers');
    app.nextDialogFiles = [path.join(SAMPLE_FOLDER, 'pack', 'northmoor-board-2026-11-12.pack.json')];
    await page.getByRole('button', { name: 'Import a pack file…' }).click();
    const title = 'Plan status report by area: highlight report';
    await page.getByRole('link', { name: title, exact: true }).click({ timeout: 30_000 });
    await page.locator('.page-frame[data-rendered-page="1"]').waitFor({ timeout: 30_000 });
    const expander = page.getByText('Pages', { exact: true });
    await expander.click();
    // WCAG 2.2 target size: at least 24 by 24 CSS pixels.
    const box = await expander.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
    expect(await axeRules(page, ['target-size', 'landmark-unique'])).toEqual([]);
    await app.open('#/search');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await axeRules(page, ['landmark-unique'])).toEqual([]);
  });
});

describe('the attendance table at 1280 px', () => {
  it('fits its box: no sideways scrolling', async () => {
    app = await e2e.start({ viewport: { width: 1280, height: 860 } });
    const { page } = app;
    await app.open('#/meetings/live?meeting=sample-next-meeting&section=attendance');
    await page.locator('table.attendance-table').waitFor({ timeout: 30_000 });
    const sizes = await page.evaluate(() => {
      const box = document.querySelector('table.attendance-table')?.closest('.table-scroll');
      return { scroll: box?.scrollWidth ?? -1, client: box?.clientWidth ?? -1, page: document.documentElement.scrollWidth };
    });
    expect(sizes.scroll).toBeGreaterThan(0);
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    expect(sizes.page).toBeLessThanOrEqual(1280);
  });
});
