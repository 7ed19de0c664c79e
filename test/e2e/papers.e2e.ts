import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePapers, manifestFor, paperSpec, writeFolderPack, type TestPaper } from '../unit/pack/fixtures';
import { axeViolations, type AppHarness } from './harness';
import { selectWords } from './paper-page';
import { useApp } from './use-app';

// Board papers end to end: import a pack, open a paper, highlight a sentence, import a
// supplement that reissues the paper with a paragraph added before the sentence, and the
// highlight follows it to its new page. Also: the exempt mark on every page, a bad pack that
// changes nothing, keyboard page turning, axe, and no CSP errors from pdf.js.

const SENTENCE = 'The audit sample of thirty plans was too small to give the board assurance.';
const EXTRA = Array.from(
  { length: 14 },
  (_, index) =>
    `Added in the reissue, paragraph ${index + 1}: the method of the audit is now set out in full, with the sampling frame, the reviewers and the moderation arrangements agreed with health colleagues.`,
);

let app: AppHarness | undefined;
let work: string;

const e2e = useApp();

async function firstPapers(): Promise<TestPaper[]> {
  return makePapers([
    {
      id: 'p5',
      file: 'papers/highlight-report.pdf',
      spec: paperSpec('Highlight report', [
        'Recruitment of coordinators is complete.',
        `Quality assurance. ${SENTENCE} A larger audit follows in the spring.`,
      ]),
    },
    {
      id: 'p7',
      file: 'papers/placements.pdf',
      spec: paperSpec('Placements options', ['Fees of named providers.'], { minimumPages: 2 }),
      agendaItem: 'item-7',
      exempt: true,
    },
  ]);
}

async function importPack(harness: AppHarness, manifestPath: string): Promise<void> {
  harness.nextDialogFiles = [manifestPath];
  await harness.page.getByRole('button', { name: 'Import a pack file…' }).click();
}

async function openPaper(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.locator('.page-frame[data-rendered-page="1"]').waitFor({ timeout: 30_000 });
}

describe('board papers in Chromium', () => {
  it('imports a pack, highlights a sentence, and the highlight follows it into the reissued paper', async () => {
    work = await e2e.tempFolder('oversight-papers-');
    app = await e2e.start({ sampleFolder: path.join(work, 'no-sample') });
    const { page } = app;
    await app.open('#/papers');
    expect(await axeViolations(page)).toEqual([]);

    const papers = await firstPapers();
    const packFolder = path.join(work, 'pack');
    await fs.mkdir(packFolder);
    await importPack(app, await writeFolderPack(packFolder, await manifestFor(papers, { summary: 'Agenda pack' }), papers));
    await page.getByRole('link', { name: 'Highlight report', exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Exempt item').count()).toBe(1);
    await page
      .getByText('Preparing')
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(() => undefined);
    expect(await axeViolations(page)).toEqual([]);

    // Open the paper and highlight the sentence.
    await openPaper(page, 'Highlight report');
    await page.getByRole('searchbox', { name: 'Find in paper' }).waitFor();
    await page.waitForFunction(() => !(document.querySelector('input[type="search"]') as HTMLInputElement | null)?.disabled);
    await selectWords(page, SENTENCE);
    const panel = page.getByRole('region', { name: 'Highlights and notes' });
    await panel.getByText('New highlight').waitFor();
    expect(await panel.locator('blockquote').first().textContent()).toBe(SENTENCE);
    await panel.getByRole('textbox', { name: 'Your note' }).fill('Ask for the size of the spring audit.');
    await panel.getByRole('button', { name: 'Save highlight' }).click();
    await panel.getByText('Ask for the size of the spring audit.').waitFor();
    await panel.getByRole('button', { name: 'Go to page 1' }).waitFor();
    expect(await page.evaluate(() => CSS.highlights.get('paper-annotation')?.size ?? 0)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // The clerk reissues the paper with paragraphs added before the sentence, in a supplement.
    const [reissued] = await makePapers([
      {
        id: 'p5-v2',
        file: 'papers/highlight-report-v2.pdf',
        spec: paperSpec('Highlight report (reissued)', [
          'Recruitment of coordinators is complete.',
          ...EXTRA,
          `Quality assurance. ${SENTENCE} A larger audit follows in the spring.`,
        ]),
        supersedes: 'p5',
      },
    ]);
    if (!reissued) throw new Error('no reissue');
    const supplementFolder = path.join(work, 'supplement');
    await fs.mkdir(supplementFolder);
    await page.goto(`${app.origin}/index.html#/papers`);
    await importPack(
      app,
      await writeFolderPack(supplementFolder, await manifestFor([reissued], { summary: 'Supplement', issuedAt: '2026-11-09T09:00:00Z' }), [
        reissued,
      ]),
    );
    await page.getByRole('link', { name: 'Highlight report (reissued)', exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Earlier versions' }).waitFor();
    await openPaper(page, 'Highlight report (reissued)');
    const card = page.locator('[data-anchor="moved"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('blockquote').textContent()).toBe(SENTENCE);
    await card.getByText('Written on an earlier version of this paper').waitFor();
    await card.getByRole('button', { name: 'Go to page 2' }).click();
    await page.locator('.page-frame[data-rendered-page="2"]').waitFor();
    await page.waitForFunction(() => (CSS.highlights.get('paper-annotation')?.size ?? 0) > 0);
    await page.screenshot({ path: path.join(os.tmpdir(), 'oversight-papers-reissued.png') });

    // Page turning by keyboard alone.
    await page.locator('.page-frame').focus();
    await page.keyboard.press('ArrowLeft');
    await page.locator('.page-frame[data-rendered-page="1"]').waitFor();
    await page.keyboard.press('End');
    await page.locator('.page-frame[data-rendered-page="2"]').waitFor();

    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('marks an exempt paper on every page, and refuses an altered pack without changing anything', async () => {
    work = await e2e.tempFolder('oversight-papers-');
    app = await e2e.start({ sampleFolder: path.join(work, 'no-sample') });
    const { page } = app;
    await app.open('#/papers');
    const papers = await firstPapers();
    const packFolder = path.join(work, 'pack');
    await fs.mkdir(packFolder);
    await importPack(app, await writeFolderPack(packFolder, await manifestFor(papers), papers));
    await openPaper(page, 'Placements options');
    for (const number of [1, 2]) {
      await page.locator(`.page-frame[data-rendered-page="${number}"]`).waitFor();
      expect(await page.getByRole('note').filter({ hasText: 'EXEMPT' }).isVisible()).toBe(true);
      if (number === 1) await page.getByRole('button', { name: 'Next page' }).click();
    }
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard alone: find the words, go to them, and highlight the match.
    const find = page.getByRole('searchbox', { name: 'Find in paper' });
    await page.waitForFunction(() => !(document.querySelector('input[type="search"]') as HTMLInputElement | null)?.disabled);
    await find.focus();
    await page.keyboard.type('named providers');
    // Enter submits once the matches are counted (until then there is nothing to go to).
    await page.getByText(/^\d+ match(es)?$/).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.page-frame[data-rendered-page="1"]').waitFor();
    await page.getByRole('button', { name: 'Highlight this match' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Highlights and notes' });
    expect(await panel.locator('blockquote').first().textContent()).toBe('named providers');
    await panel.getByRole('textbox', { name: 'Your note' }).focus();
    await page.keyboard.type('Which providers?');
    await panel.getByRole('button', { name: 'Save highlight' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByText('Which providers?').waitFor();

    // A supplement whose paper was altered after the clerk made it: refused, nothing stored.
    const [changed] = await makePapers([{ id: 'p9', file: 'papers/late.pdf', spec: paperSpec('Late paper', ['Original words.']) }]);
    if (!changed) throw new Error('no paper');
    const badFolder = path.join(work, 'bad');
    await fs.mkdir(badFolder);
    const manifestPath = await writeFolderPack(badFolder, await manifestFor([changed]), [changed]);
    await fs.writeFile(
      path.join(badFolder, 'papers', 'late.pdf'),
      (await makePapers([{ id: 'x', file: 'x.pdf', spec: paperSpec('Late paper', ['Other words.']) }]))[0]?.bytes ?? new Uint8Array(),
    );
    await page.goto(`${app.origin}/index.html#/papers`);
    await importPack(app, manifestPath);
    await page.getByRole('alert').filter({ hasText: 'not the file the pack lists' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: 'Late paper' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
