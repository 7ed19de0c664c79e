import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makePapers, manifestFor, writeFolderPack } from '../unit/pack/fixtures';
import { axeViolations, startApp, whyCannotRun, type AppHarness } from './harness';

// The viewer draws a paper's first page before it reads the page labels and the contents (on a
// long paper resolving every outline entry is hundreds of requests to pdf.js's worker): they
// must still arrive, and the contents must still open their pages.

let app: AppHarness | undefined;
let work: string;

beforeAll(() => {
  const reason = whyCannotRun();
  if (reason) throw new Error(`End-to-end tests cannot run: ${reason}`);
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('a long paper in the viewer', () => {
  it('draws the first page, then shows its page labels and contents, which open their pages', async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-paper-contents-'));
    app = await startApp({ sampleFolder: path.join(work, 'no-sample') });
    const { page } = app;
    await app.open('#/papers');
    const papers = await makePapers([
      {
        id: 'annual',
        file: 'papers/annual-report.pdf',
        spec: {
          title: 'Annual report of the board',
          sections: ['Foreword', 'Timeliness of plans', 'Annual reviews', 'Therapies'].map((heading) => ({
            heading,
            paragraphs: [`${heading}: what the board found this year, and what it asked officers to do next.`],
            startsOnNewPage: true,
          })),
          romanFrontPages: 2,
          hasOutline: true,
          minimumPages: 40,
        },
      },
    ]);
    app.nextDialogFiles = [await writeFolderPack(path.join(work, 'pack'), await manifestFor(papers), papers)];
    await page.getByRole('button', { name: 'Import a pack file…' }).click();
    await page.getByRole('link', { name: 'Annual report of the board', exact: true }).click({ timeout: 30_000 });
    await page.locator('.page-frame[data-rendered-page="1"]').waitFor({ timeout: 30_000 });

    // The labels: page 1 is the front matter's "i".
    const pageBox = page.getByRole('textbox', { name: 'Page', exact: true });
    await expect.poll(() => pageBox.inputValue(), { timeout: 30_000 }).toBe('i');
    const contents = page.getByRole('navigation', { name: 'Contents of the paper' });
    await contents.getByRole('button', { name: 'Therapies' }).waitFor({ timeout: 30_000 });
    expect(await contents.getByRole('button').allTextContents()).toEqual([
      'Foreword',
      'Timeliness of plans',
      'Annual reviews',
      'Therapies',
    ]);

    // An entry opens its page, drawn, with its label in the page box.
    await contents.getByRole('button', { name: 'Therapies' }).click();
    await expect.poll(() => page.locator('.page-frame').getAttribute('data-rendered-page'), { timeout: 30_000 }).toMatch(/^([4-9]|\d\d)$/);
    await expect.poll(() => page.locator('.textLayer').textContent(), { timeout: 30_000 }).toContain('Therapies: what the board found');
    expect(await pageBox.inputValue()).not.toBe('i');
    expect(await axeViolations(page)).toEqual([]);
  });
});
