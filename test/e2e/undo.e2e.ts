import { describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// "Deleted. Undo" in the real app: the toast is announced politely, reachable from the keyboard,
// passes axe, and the restored note is in the store (it survives a reload).

const ACTION = '#/plan/action?plan=northmoor-send-app&id=act-001';
let app: AppHarness | undefined;

const e2e = useApp();

describe('undo a deleted note', () => {
  it('offers Undo for a deleted note, by keyboard, and puts the note back for good', async () => {
    app = await e2e.start();
    const { page } = app;
    await app.open(ACTION);
    const panel = page.getByRole('region', { name: 'Notes and questions' });
    await panel.getByText('Add a note or question').click();
    await panel.getByRole('textbox', { name: 'Your note' }).fill('Ask for the audit sample size');
    await panel.getByRole('button', { name: 'Add' }).click();
    await panel.getByText('Ask for the audit sample size', { exact: true }).waitFor();

    await panel.getByRole('button', { name: 'Delete' }).click();
    await panel.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete' }).click();
    const toast = page.getByTestId('undo-toast');
    await toast.getByText('Deleted: your note.').waitFor();
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    expect(await panel.getByText('Ask for the audit sample size', { exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The deleted row took the focus with it: Undo has it, and Enter undoes.
    const undo = toast.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await toast.getByText('Restored.').waitFor();
    await panel.getByText('Ask for the audit sample size', { exact: true }).waitFor();

    await page.reload();
    await page.getByRole('region', { name: 'Notes and questions' }).getByText('Ask for the audit sample size', { exact: true }).waitFor();
  });
});
