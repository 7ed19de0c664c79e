import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// Dates in real Chromium (issue 19): the meeting date picker reads and shows dd/mm/yyyy whatever
// the browser's locale (a native date input showed mm/dd/yyyy), and no view has a native one;
// times likewise are 24-hour hh:mm text (a native time input showed 02:00 PM).

let app: AppHarness;

const e2e = useApp({ closeAfter: 'all' });

beforeAll(async () => {
  app = await e2e.start();
  await app.open('#/plan');
  await app.page.getByText('What changed in revision').first().waitFor({ timeout: 30_000 });
}, 90_000);

describe('dates typed and shown en-GB', () => {
  it('sets up a meeting from 05/02/2027 as 5 February 2027 and shows it as 05/02/2027 in the agenda', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/meetings`);
    const date = page.getByRole('textbox', { name: 'Date' });
    await date.waitFor();
    expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await date.pressSequentially('05/02/2027');
    await page.getByRole('button', { name: 'Set up the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda: meeting of 5 February 2027' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Date' }).inputValue()).toBe('05/02/2027');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says why 31/02/2027 is not a date, with the field marked invalid, and sets nothing up', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/meetings`);
    const date = page.getByRole('textbox', { name: 'Date' });
    await date.pressSequentially('31/02/2027');
    await page.getByRole('button', { name: 'Set up the meeting' }).click();
    await page.getByRole('alert').filter({ hasText: 'Give the meeting’s date.' }).waitFor();
    await page.getByText('There is no 31 in that month (it has 28 days).').waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('no main view has a native date input', async () => {
    const { page } = app;
    for (const hash of ['#/meetings', '#/exports', '#/plan/voice?plan=northmoor-send-app', '#/papers/make']) {
      await page.goto(`${app.origin}/index.html${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.locator('input[type=date]').count(), hash).toBe(0);
    }
    // The board report's period is typed the same way.
    await page.goto(`${app.origin}/index.html#/exports`);
    await page.getByRole('radio', { name: /Board’s report to council/ }).check();
    await expect.poll(() => page.getByRole('textbox', { name: 'From' }).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('shows and takes times as 24-hour hh:mm text, and no meeting view has a native time input', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/meetings`);
    const time = page.getByRole('textbox', { name: 'Time' });
    await expect.poll(() => time.inputValue()).toBe('14:00');
    expect(await time.getAttribute('placeholder')).toBe('hh:mm');
    await page.getByRole('textbox', { name: 'Date' }).pressSequentially('12/03/2027');
    await time.fill('');
    await time.pressSequentially('9:30');
    await page.getByRole('button', { name: 'Set up the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda: meeting of 12 March 2027' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Time', exact: true }).inputValue()).toBe('09:30');
    expect(await page.locator('input[type=time]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    for (const hash of ['#/meetings', '#/papers/make']) {
      await page.goto(`${app.origin}/index.html${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.locator('input[type=time]').count(), hash).toBe(0);
    }
  });
});
