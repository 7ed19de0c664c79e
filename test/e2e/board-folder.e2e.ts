import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePapers, makeZip, manifestFor, packZipEntries, paperSpec } from '../unit/pack/fixtures';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Two laptops (two Chromium profiles, two main processes' handler tables) sharing one temp folder
// as their board folder: the clerk starts the board, a member joins by confirming the clerk's
// fingerprint, and a question written on the member's laptop appears on the clerk's.

const ACTION = '#/plan/action?plan=northmoor-send-app&id=act-001';

const e2e = useApp();

async function chooseBoardFolder(app: AppHarness, folder: string) {
  app.nextChosenFolder = folder;
  await app.page.getByRole('button', { name: 'Choose the board folder…' }).click();
  await app.page.getByTestId('board-folder').getByText(folder).waitFor();
}

/** The clerk starts the board in a shared temp folder, a member joins and is added, and picks up the register. */
async function joinedBoard(memberRole = 'member') {
  const shared = await e2e.tempFolder('oversight-e2e-board-');

  const clerk = await e2e.start();
  await clerk.open('#/settings', { profile: { displayName: 'Jo Clerk', role: 'clerk' } });
  await chooseBoardFolder(clerk, shared);
  await clerk.page.getByRole('textbox', { name: 'Board’s id (from the clerk)' }).fill('send-board');
  await clerk.page.getByRole('textbox', { name: 'Board’s name (to start the board as its clerk)' }).fill('SEND oversight board');
  await clerk.page.getByRole('button', { name: 'Start the board as its clerk' }).click();
  await clerk.page.getByTestId('board-register').getByText('Jo Clerk: 1 device').waitFor();
  // The fingerprint is worked out after the register shows ("Loading…" until then): wait for it.
  const shown = clerk.page.getByTestId('device-fingerprint');
  await expect.poll(async () => (await shown.textContent()) ?? '', { timeout: 30_000 }).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const fingerprint = (await shown.textContent()) ?? '';
  expect(await axeViolations(clerk.page)).toEqual([]);

  const member = await e2e.start();
  await member.open('#/settings', { profile: { displayName: 'Cllr Amina Shah', organisation: 'Labour group', role: memberRole } });
  await chooseBoardFolder(member, shared);
  await member.page.getByRole('textbox', { name: 'Board’s id (from the clerk)' }).fill('send-board');
  await member.page.getByRole('textbox', { name: 'The clerk’s key fingerprint, as the clerk reads it out' }).fill(fingerprint);
  await member.page.getByRole('button', { name: 'Confirm the fingerprint and join' }).click();
  await member.page.getByTestId('board-joined').waitFor();
  const code = member.page.getByRole('textbox', { name: 'Your joining code (give it to the clerk)' });
  await expect.poll(() => code.inputValue()).toMatch(/^oversight-join:/);
  expect(await axeViolations(member.page)).toEqual([]);

  await clerk.page.getByRole('textbox', { name: 'A member’s joining code' }).fill(await code.inputValue());
  await clerk.page.getByRole('button', { name: 'Add to the register' }).click();
  await clerk.page.getByTestId('board-register').getByText('Cllr Amina Shah: 1 device').waitFor();

  // The member's laptop picks up the register (on its timer, a change event or a sync) before writing.
  await member.page.getByRole('button', { name: 'Sync now' }).click();
  await member.page
    .getByTestId('board-joined')
    .getByText(/register version 2/)
    .waitFor();
  return { shared, clerk, member };
}

describe('board folder between two laptops', () => {
  it('a question written on a member’s laptop appears on the clerk’s', async () => {
    const { shared, clerk, member } = await joinedBoard();

    await member.page.goto(`${member.origin}/index.html${ACTION}`);
    const panel = member.page.getByRole('region', { name: 'Notes and questions' });
    await panel.getByText('Add a note or question').click();
    await panel.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Question for officers' });
    await panel.getByRole('textbox', { name: 'Your question' }).fill('Why has the EHC hub opening slipped to March?');
    await panel.getByRole('radio', { name: /^Shared/ }).check();
    await panel.getByRole('button', { name: 'Add' }).click();
    await panel.getByText('Why has the EHC hub opening slipped to March?', { exact: true }).waitFor();
    await expect.poll(async () => (await fs.readdir(path.join(shared, 'members'))).length, { timeout: 15_000 }).toBe(1);

    await clerk.page.getByRole('button', { name: 'Sync now' }).click();
    await clerk.page.getByTestId('board-notice').getByText('From the board folder: 1 new annotation from Cllr Amina Shah.').waitFor();
    await clerk.page.goto(`${clerk.origin}/index.html${ACTION}`);
    const question = clerk.page
      .getByRole('region', { name: 'Notes and questions' })
      .locator('li.annotation', { hasText: 'Why has the EHC hub opening slipped to March?' });
    await question.waitFor();
    await expect.poll(async () => (await question.textContent()) ?? '').toContain('Cllr Amina Shah');
    expect(await axeViolations(clerk.page)).toEqual([]);
  }, 120_000);

  it('a pack published by the clerk arrives on the member’s laptop and the clerk’s', async () => {
    const { shared, clerk, member } = await joinedBoard();
    const work = await e2e.tempFolder('oversight-e2e-publish-');
    const papers = await makePapers([
      { id: 'paper-1', file: 'papers/dashboard.pdf', spec: paperSpec('Performance dashboard', ['EHC plans within 20 weeks: 41%.']) },
      {
        id: 'paper-2',
        file: 'papers/placements.pdf',
        spec: paperSpec('Independent placements', ['Named placements.']),
        exempt: true,
        agendaItem: 'item-7',
      },
    ]);
    const zip = path.join(work, 'November pack.zip');
    await fs.writeFile(zip, makeZip(packZipEntries(await manifestFor(papers), papers)));

    await clerk.page.goto(`${clerk.origin}/index.html#/settings`);
    const title = clerk.page.getByRole('textbox', { name: 'What you are publishing (members see this)' });
    await title.fill('November board papers');
    // Without the clerk's say-so the exempt paper does not leave: nothing is published.
    clerk.nextDialogFiles = [zip];
    await clerk.page.getByRole('button', { name: 'Publish files to the board…' }).click();
    await clerk.page
      .getByRole('alert')
      .getByText(/holds exempt material \(“Independent placements”\)/)
      .waitFor();
    expect(await fs.readdir(path.join(shared, 'published')).catch(() => [])).toEqual([]);

    await clerk.page.getByRole('checkbox', { name: /Include exempt papers/ }).check();
    clerk.nextDialogFiles = [zip];
    await clerk.page.getByRole('button', { name: 'Publish files to the board…' }).click();
    await clerk.page.getByText('Published 1 file to the board folder: members’ laptops import them at their next sync.').waitFor();
    expect(await axeViolations(clerk.page)).toEqual([]);

    const arrived =
      'From the board folder, the clerk published “November board papers”: the pack for Northmoor SEND Oversight Board (12 November 2026): 2 new papers.';
    await clerk.page.getByTestId('board-notice').getByText(arrived).waitFor({ timeout: 30_000 });
    await member.page.getByRole('button', { name: 'Sync now' }).click();
    await member.page.getByTestId('board-notice').getByText(arrived).waitFor({ timeout: 30_000 });

    for (const laptop of [member, clerk]) {
      await laptop.page.goto(`${laptop.origin}/index.html#/papers?meeting=board-2026-11-12`);
      await laptop.page.getByRole('link', { name: 'Performance dashboard', exact: true }).waitFor({ timeout: 30_000 });
      await laptop.page.getByRole('link', { name: 'Independent placements', exact: true }).waitFor();
      expect(await laptop.page.getByText('Exempt item').count()).toBe(1);
    }
    expect(await axeViolations(member.page)).toEqual([]);
  }, 150_000);

  it('the chair’s draft record reaches the clerk, read-only', async () => {
    const { clerk, member: chair } = await joinedBoard('chair');
    // The register (version 2) names her as chair: her laptop offers to share its draft meetings.
    const share = chair.page.getByRole('button', { name: 'Share the draft record with the clerk' });
    await share.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await chair.page.getByRole('combobox', { name: 'Meeting' }).locator('option').count()) > 0).toBe(true);
    await share.click();
    await chair.page.getByText('The draft record is in the board folder: the clerk sees it, read-only, at their next sync.').waitFor();
    expect(await axeViolations(chair.page)).toEqual([]);

    await clerk.page.getByRole('button', { name: 'Sync now' }).click();
    await clerk.page
      .getByTestId('board-notice')
      .getByText(/^From the board folder: Cllr Amina Shah’s draft record of .+, read-only, in Settings\.$/)
      .waitFor({ timeout: 30_000 });
    const drafts = clerk.page.getByTestId('board-drafts');
    await drafts.getByText(/from Cllr Amina Shah: \d+ records?/).waitFor();
    await drafts.getByRole('button', { name: /as draft minutes \(Word\)…$/ }).waitFor();
    expect(await axeViolations(clerk.page)).toEqual([]);
    // The clerk saves it as draft minutes: told which folder, with Show in folder, like any export.
    clerk.nextSavePath = path.join(clerk.documentsFolder, 'draft minutes.docx');
    await drafts.getByRole('button', { name: /as draft minutes \(Word\)…$/ }).click();
    await clerk.page.getByText(`Saved draft minutes.docx to ${clerk.documentsFolder}.`, { exact: true }).waitFor();
    await clerk.page.getByRole('button', { name: /^Show in folder/ }).click();
    await expect.poll(() => clerk.shownInFolder).toEqual([path.join(clerk.documentsFolder, 'draft minutes.docx')]);
    expect((await fs.stat(path.join(clerk.documentsFolder, 'draft minutes.docx'))).size).toBeGreaterThan(1000);
  }, 150_000);
});
