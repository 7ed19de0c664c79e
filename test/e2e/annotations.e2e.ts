import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Two members on two laptops: A annotates and exports; B imports A's file and sees A's shared
// notes, read-only, and none of A's private ones. Keyboard only where a member would type.

const ACTION = '#/plan/action?plan=northmoor-send-app&id=act-001';
const PRIVATE_MARKER = 'PRIVATE-7f3a: my own reminder, never to leave this laptop';

const e2e = useApp();

async function addByKeyboard(app: AppHarness, kind: string, text: string, visibility: 'Private' | 'Shared') {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Notes and questions' });
  const summary = panel.getByText('Add a note or question');
  await summary.focus();
  if (!(await panel.locator('details.annotation-add').evaluate((element) => (element as HTMLDetailsElement).open)))
    await page.keyboard.press('Enter');
  await panel.getByRole('combobox', { name: 'Kind' }).focus();
  await page.keyboard.type(kind.slice(0, 4));
  await panel.getByRole('textbox', { name: kind === 'Question for officers' ? 'Your question' : 'Your note' }).focus();
  await page.keyboard.type(text);
  await panel.getByRole('radio', { name: new RegExp(`^${visibility}`) }).focus();
  await page.keyboard.press('Space');
  await panel.getByRole('button', { name: 'Add' }).focus();
  await page.keyboard.press('Enter');
  await panel.getByText(text, { exact: true }).waitFor();
}

describe('annotations between two members', () => {
  it('A annotates and exports; B imports and sees A’s shared notes read-only and none of the private ones', async () => {
    const a = await e2e.start();
    await a.open(ACTION, { profile: { displayName: 'Cllr Amina Shah', organisation: 'Labour group' } });
    await a.page.getByRole('region', { name: 'Notes and questions' }).waitFor();
    await addByKeyboard(a, 'Question for officers', 'When will caseloads fall below 120 per coordinator?', 'Shared');
    await addByKeyboard(a, 'Note', PRIVATE_MARKER, 'Private');
    expect(await axeViolations(a.page)).toEqual([]);

    // Export A's shared annotations through main's save dialog.
    const exported = path.join(a.documentsFolder, 'Cllr Amina Shah');
    a.nextSavePath = exported;
    await a.page.goto(`${a.origin}/index.html#/notes`);
    await a.page.getByRole('button', { name: 'Export my shared annotations…' }).click();
    await a.page.getByText(`Saved Cllr Amina Shah.annotations.json to ${a.documentsFolder}. It holds 1 shared annotation`).waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    const file = await fs.readFile(`${exported}.annotations.json`, 'utf8');
    expect(file).toContain('When will caseloads fall below 120');
    expect(file).not.toContain('PRIVATE-7f3a');

    // A fresh laptop for member B.
    const b = await e2e.start();
    await b.open('#/imports', { profile: { displayName: 'Cllr Ben Okafor', organisation: 'Conservative group' } });
    const copy = path.join(b.documentsFolder, 'from-amina.annotations.json');
    await fs.copyFile(`${exported}.annotations.json`, copy);
    b.nextDialogFiles = [copy];
    await b.page.getByRole('button', { name: 'Import files…' }).click();
    await b.page.getByText(/Cllr Amina Shah’s shared annotations merged: 1 new annotation/).waitFor();

    await b.page.goto(`${b.origin}/index.html${ACTION}`);
    const panel = b.page.getByRole('region', { name: 'Notes and questions' });
    const question = panel.locator('li.annotation', { hasText: 'When will caseloads fall below 120 per coordinator?' });
    await question.waitFor();
    expect(await question.textContent()).toContain('Cllr Amina Shah');
    expect(await question.textContent()).toContain('(read-only)');
    expect(await question.getByRole('button').count()).toBe(0);
    expect(await b.page.getByText('PRIVATE-7f3a').count()).toBe(0);
    expect(await axeViolations(b.page)).toEqual([]);

    // Importing the same file again changes nothing.
    b.nextDialogFiles = [copy];
    await b.page.goto(`${b.origin}/index.html#/imports`);
    await b.page.getByRole('button', { name: 'Import files…' }).click();
    await b.page.getByRole('button', { name: 'Import files…' }).waitFor();
    await b.page.goto(`${b.origin}/index.html#/notes`);
    await b.page.getByRole('table', { name: /Cllr Amina Shah \(1 note, read-only\)/ }).waitFor();
    expect(await axeViolations(b.page)).toEqual([]);
    expect(a.consoleErrors).toEqual([]);
    expect(b.consoleErrors).toEqual([]);
  });

  it('My questions lists the member’s open questions by area, and prints', async () => {
    const a = await e2e.start();
    await a.open(ACTION);
    await addByKeyboard(a, 'Question for officers', 'Is the recruitment timetable realistic?', 'Private');
    await a.page.goto(`${a.origin}/index.html#/questions`);
    const area = a.page.getByRole('region', { name: /^Area 1:/ });
    await area.getByText('Is the recruitment timetable realistic?').waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.emulateMedia({ media: 'print' });
    expect(await a.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await area.getByText('Is the recruitment timetable realistic?').isVisible()).toBe(true);
  });
});
