import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePaperPdf } from '../../scripts/sample/paper-pdf';
import { paperSpec } from '../unit/pack/fixtures';
import { axeViolations, type AppHarness } from './harness';
import { selectWords } from './paper-page';
import { useApp } from './use-app';
import { pdfPageTexts } from './pdf-text';

const SENTENCE = 'Recruitment of EHC coordinators is complete: all eight posts are filled.';

// Issue 14 end to end: the clerk makes a pack from a folder of report PDFs in "Make a pack"
// (edits the agenda, previews a paper, saves the .zip), and a member, on another laptop (a fresh
// profile and data folder), imports that zip and reads the paper.

let app: AppHarness | undefined;
let work = '';

const e2e = useApp();

describe('making a pack in Chromium', () => {
  it('a clerk makes a pack from a folder of PDFs, and a member opens it', async () => {
    work = await e2e.tempFolder('oversight-make-pack-');
    const folder = path.join(work, 'January papers');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, '03 Highlight report.pdf'), await makePaperPdf(paperSpec('Highlight report', [SENTENCE])));
    await fs.writeFile(
      path.join(folder, 'Item 7 - Independent placements (exempt).pdf'),
      await makePaperPdf(paperSpec('Independent placements', ['Fees of named providers.'], { minimumPages: 2 })),
    );
    await fs.writeFile(path.join(folder, 'Covering note.docx'), 'PK not a pdf');

    // The clerk.
    app = await e2e.start({ sampleFolder: path.join(work, 'no-sample') });
    const clerk = app.page;
    await app.open('#/papers');
    await clerk.getByRole('link', { name: 'Make a pack (clerk)…' }).click();
    await clerk.getByRole('heading', { name: 'Make a pack', level: 1 }).waitFor();
    expect(await axeViolations(clerk)).toEqual([]);
    await clerk.getByLabel('Meeting title').fill('Northmoor SEND Oversight Board');
    await clerk.getByLabel('Date', { exact: true }).fill('2027-01-14');
    await clerk.getByLabel('Place (optional)').fill('Committee Room 1');
    await clerk.getByLabel('Meeting id (the same for every supplement)').fill('sob-2027-01-14');
    app.nextChosenFolder = folder;
    await clerk.getByRole('button', { name: 'Choose a folder of PDFs…' }).click();
    await clerk.getByLabel('Title, item 3').waitFor({ timeout: 30_000 });
    await clerk.getByText('"Covering note.docx" was left out: it is not a PDF.', { exact: false }).waitFor();
    await clerk.getByLabel('Title, item 3').fill('Highlight report, January');
    await clerk.getByLabel('Presenter, item 3').fill('SEND Improvement Programme Manager');
    await clerk.getByLabel('Schedule 12A paragraph, item 7').selectOption('3');
    // Item 7 first, then back: reordered by keyboard alone.
    await clerk.getByLabel('Title, item 7').focus();
    await clerk.keyboard.press('Alt+ArrowUp');
    await clerk.getByText('Item 7 moved to position 1 of 2.').waitFor();
    await clerk.keyboard.press('Alt+ArrowDown');
    await clerk.getByText('Item 7 moved to position 2 of 2.').waitFor();
    expect(
      await clerk.getByLabel(/^Agenda number, row/).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(['3', '7']);

    await clerk.getByRole('button', { name: 'Preview, item 3' }).click();
    await clerk.locator('.page-frame[data-rendered-page="1"]').waitFor({ timeout: 30_000 });
    expect(await axeViolations(clerk)).toEqual([]);

    app.nextSavePath = path.join(work, 'january.zip');
    await clerk.getByRole('button', { name: 'Save the pack as .zip…' }).click();
    await clerk.getByText('Saved january.zip: 2 papers, 3 pages', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await fs.readdir(work)).toContain('january.zip');
    expect((await fs.readdir(work)).filter((name) => name.endsWith('.tmp.zip'))).toEqual([]);
    await app.close();
    app = undefined;

    // The member, on another laptop.
    app = await e2e.start({ sampleFolder: path.join(work, 'no-sample') });
    const member = app.page;
    await app.open('#/papers');
    app.nextDialogFiles = [path.join(work, 'january.zip')];
    await member.getByRole('button', { name: 'Import a pack file…' }).click();
    await member.getByRole('link', { name: 'Highlight report', exact: true }).waitFor({ timeout: 30_000 });
    expect(await member.getByText('Highlight report, January').count()).toBeGreaterThan(0);
    expect(await member.getByText('Exempt item').count()).toBe(1);
    await member.getByText('New papers for 14 January: 2 papers.').waitFor();
    await member.getByText('2 papers you have not opened yet.').waitFor();
    await member.getByRole('link', { name: 'Highlight report', exact: true }).click();
    await member.locator('.page-frame[data-rendered-page="1"]').waitFor({ timeout: 30_000 });

    // Her own highlight and private note, then "Save a copy with my notes".
    await member.waitForFunction(() => !(document.querySelector('input[type="search"]') as HTMLInputElement | null)?.disabled, undefined, {
      timeout: 30_000,
    });
    await selectWords(member, SENTENCE);
    const panel = member.getByRole('region', { name: 'Highlights and notes' });
    await panel.getByRole('textbox', { name: 'Your note' }).fill('Ask when the posts were filled.');
    await panel.getByRole('button', { name: 'Save highlight' }).click();
    await panel.getByText('Ask when the posts were filled.').waitFor();
    app.nextSavePath = path.join(work, 'my copy.pdf');
    await member.getByRole('button', { name: 'Save a copy with my notes…' }).click();
    // Where the copy went, with "Show in folder", as after an export.
    await member.getByText(`Saved my copy.pdf to ${work}.`, { exact: false }).waitFor({ timeout: 30_000 });
    await member.getByRole('button', { name: /^Show in folder\W*my copy\.pdf$/ }).waitFor();
    const copyTexts = await pdfPageTexts(new Uint8Array(await fs.readFile(path.join(work, 'my copy.pdf'))));
    expect(copyTexts).toHaveLength(2);
    expect(copyTexts[0]).toContain('Recruitment of EHC coordinators');
    expect(copyTexts[1]).toContain('Page 1 · Private');
    expect(copyTexts[1]).toContain('Ask when the posts were filled.');
    expect(copyTexts[1]).toContain('Test Member’s own copy: it contains private notes.');
    // Back at the meeting, the paper read is no longer marked unread.
    await member.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Papers' }).click();
    await member.getByText('1 paper you have not opened yet.').waitFor();
    expect(await member.locator('.paper-list li', { hasText: 'Highlight report' }).locator('.unread-tag').count()).toBe(0);
    expect(await axeViolations(member)).toEqual([]);

    // A paper tabled late: added to the meeting on the spot as a supplement.
    const late = path.join(work, '7 Revised placements.pdf');
    await fs.writeFile(late, await makePaperPdf(paperSpec('Revised placements', ['Revised fees of named providers.'])));
    app.nextDialogFiles = [late];
    await member.getByRole('button', { name: 'Add a PDF to this meeting…' }).click();
    await member.getByText('New papers for 14 January: 3 papers, 1 supplement.').waitFor({ timeout: 30_000 });
    await member.getByRole('link', { name: 'Revised placements', exact: true }).waitFor();
    expect(await member.getByText('2 papers you have not opened yet.').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
