import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Officers' answers end to end: a member shares a question; the answers workbook is exported
// from the Exports view; an officer fills it in (exceljs, as Excel would write it); it is imported
// through the Import dialog; the answer shows on the question with who and when. Then a workbook
// with a reworded question and a damaged one: reported with their cells, nothing else changed.

let app: AppHarness | undefined;
const ACTION = '#/plan/action?plan=northmoor-send-app&id=act-001';
const QUESTION = 'When will caseloads fall below 120 per coordinator?';

const e2e = useApp();

async function shareQuestion(harness: AppHarness, text: string) {
  const { page } = harness;
  const panel = page.getByRole('region', { name: 'Notes and questions' });
  // The form may already be open (it stays open after an add).
  if (!(await panel.locator('details.annotation-add').evaluate((element) => (element as HTMLDetailsElement).open)))
    await panel.getByText('Add a note or question').click();
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('question');
  await panel.getByRole('textbox', { name: 'Your question' }).fill(text);
  await panel.getByRole('radio', { name: /^Shared/ }).check();
  await panel.getByRole('button', { name: 'Add' }).click();
  await panel.getByText(text, { exact: true }).waitFor();
}

async function fill(file: string, answer: (question: string) => [string, string, Date | string] | null): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.eachRow((row) => {
    const filled = answer(String(row.getCell(5).value ?? ''));
    if (!filled || row.getCell(1).value === 'Question id') return;
    [7, 8, 9].forEach((column, index) => (row.getCell(column).value = filled[index] ?? ''));
  });
  await workbook.xlsx.writeFile(file);
}

async function importFile(harness: AppHarness, file: string): Promise<string> {
  const { page } = harness;
  harness.nextDialogFiles = [file];
  await page.goto(`${harness.origin}/index.html#/imports`);
  await page.getByRole('button', { name: 'Import files…' }).click();
  const entry = page.locator('li.entry', { hasText: path.basename(file) });
  await entry.waitFor();
  return (await entry.textContent()) ?? '';
}

describe('officers’ answers round trip in Chromium', () => {
  it('exports the workbook, imports the officer’s answers, and shows who answered and when', async () => {
    app = await e2e.start();
    await app.open(ACTION, { profile: { displayName: 'Cllr Amina Shah', organisation: 'Labour group' } });
    await app.page.getByRole('region', { name: 'Notes and questions' }).waitFor({ timeout: 30_000 });
    await shareQuestion(app, QUESTION);
    await shareQuestion(app, 'Is the audit tool used on every new plan?');

    const { page } = app;
    await page.goto(`${app.origin}/index.html#/exports`);
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    await page.getByRole('radio', { name: /^Questions for officers/ }).check();
    await page
      .getByRole('option', { name: /\(draft\)/ })
      .first()
      .waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: 'Answers workbook for officers (.xlsx)' }).check();
    expect(await axeViolations(page)).toEqual([]);
    app.nextSavePath = path.join(app.documentsFolder, 'for officers.answers.xlsx');
    await page.getByRole('button', { name: 'Export…' }).click();
    const result = page.locator('.exports-result .entry-ok, .exports-result .entry-error');
    // Saved, the folder named, the count of questions, and a way to the file.
    await expect
      .poll(async () => (await result.textContent()) ?? '')
      .toBe(
        `Saved for officers.answers.xlsx to ${app.documentsFolder}. 2 questions awaiting an answer. Show in folder: for officers.answers.xlsx`,
      );
    const file = path.join(app.documentsFolder, 'for officers.answers.xlsx');

    // The officer answers one question and leaves the other.
    await fill(file, (question) =>
      question === QUESTION
        ? ['By the end of March: four coordinators start then.', 'Head of SEND', new Date(Date.UTC(2027, 1, 17))]
        : null,
    );
    expect(await importFile(app, file)).toMatch(/officers’ answers: 1 answer recorded, 1 question not yet answered\./);

    await page.goto(`${app.origin}/index.html${ACTION}`);
    const question = page.locator('li.annotation', { hasText: QUESTION });
    await question.locator('.question-status', { hasText: 'answered 17 Feb 2027 by Head of SEND' }).waitFor();
    expect(await question.locator('.annotation-answer').textContent()).toBe(
      'Written answer: By the end of March: four coordinators start then.',
    );
    expect(await axeViolations(page)).toEqual([]);

    // A second copy whose question was reworded in the sheet, and a damaged copy: both reported.
    const reworded = path.join(app.documentsFolder, 'reworded.answers.xlsx');
    await fs.copyFile(file, reworded);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reworded);
    workbook.worksheets[0]?.eachRow((row) => {
      if (row.getCell(5).value === 'Is the audit tool used on every new plan?') {
        row.getCell(5).value = 'Is the audit tool used at all?';
        row.getCell(7).value = 'Yes.';
      }
    });
    await workbook.xlsx.writeFile(reworded);
    const text = await importFile(app, reworded);
    expect(text).toContain('1 row could not be matched to a question and was not recorded');
    expect(text).toMatch(/'Questions and answers'!E\d+/);

    const damaged = path.join(app.documentsFolder, 'damaged.answers.xlsx');
    await fs.writeFile(damaged, (await fs.readFile(file)).subarray(0, 2000));
    expect(await importFile(app, damaged)).toContain('Nothing was changed');

    await page.goto(`${app.origin}/index.html${ACTION}`);
    const other = page.locator('li.annotation', { hasText: 'Is the audit tool used on every new plan?' });
    await other.locator('.question-status', { hasText: 'not yet answered' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
