import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, SAMPLE_FOLDER, type AppHarness } from './harness';
import { useApp } from './use-app';

// The start page over the bundled sample, as a new councillor first sees it: what to do next,
// the sample labelled as such, and the papers they have not opened, passing axe.

let app: AppHarness | undefined;

const e2e = useApp();

describe('the start page', () => {
  it('opens first, labels the sample, lists the next meeting’s unread papers and the actions due, and passes axe', async () => {
    app = await e2e.start({ viewport: { width: 1280, height: 860 } });
    const { page } = app;
    // The sample pack, imported as a member would, for the sample board's next meeting.
    await app.open('#/papers');
    app.nextDialogFiles = [path.join(SAMPLE_FOLDER, 'pack', 'northmoor-board-2026-11-12.pack.json')];
    await page.getByRole('button', { name: 'Import a pack file…' }).click();
    await page.getByRole('link', { name: 'Plan status report by area: highlight report', exact: true }).waitFor({ timeout: 30_000 });

    // No hash: the start page.
    await page.goto(`${app.origin}/index.html`);
    await page.getByRole('heading', { level: 1, name: 'What to do next' }).waitFor();
    const meeting = page.getByRole('region', { name: 'Your next meeting' });
    await meeting.getByText('Northmoor SEND Oversight Board').waitFor();
    await meeting.getByText('Sample', { exact: true }).waitFor();
    await meeting.getByText(/papers? of \d+ not opened yet/).waitFor({ timeout: 30_000 });
    const unreadBefore = await meeting.locator('.start-list li').count();
    expect(unreadBefore).toBeGreaterThan(0);
    const actions = page.getByRole('region', { name: 'Actions due or overdue' });
    await actions.getByRole('link').first().waitFor();
    expect(await actions.getByText('Sample', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('nav[aria-label="Main"] a[aria-current="page"]').textContent()).toBe('Start');
    expect(await axeViolations(page)).toEqual([]);

    // Open one unread paper from here; back on the start page it is no longer listed.
    const first = meeting.locator('.start-list a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'What to do next' }).waitFor();
    await expect.poll(() => meeting.locator('.start-list li').count(), { timeout: 10_000 }).toBe(unreadBefore - 1);
    expect(await page.getByRole('region', { name: 'What changed since you last looked' }).count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
