import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// The chair's meeting record end to end, in Chromium: the sample board and meeting from first
// run, a whole meeting by keyboard from apologies to actions arising, a reload half way that
// loses nothing, approval that locks the record, a refused edit, and a tampered store detected.

let app: AppHarness | undefined;
const MEETING = 'sample-next-meeting';
// The sample meeting is a week or so ahead, so its year (and its decisions' numbers) follow the clock.
const FIRST_DECISION = /^SOB\/\d{4}\/001$/;

const DAY = 24 * 60 * 60 * 1000;
/** YYYY-MM-DD of a time, for a date field. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const e2e = useApp();

async function firstRun(): Promise<AppHarness> {
  const started = await e2e.start();
  await started.open('#/meetings');
  await started.page.getByRole('link', { name: /^Run the meeting of/ }).waitFor({ timeout: 30_000 });
  return started;
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until the locator has focus, as a keyboard user would. */
async function tabTo(page: Page, locator: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${String(locator)} with the keyboard`);
}

function live(app: AppHarness, section?: string): string {
  return `${app.origin}/index.html#/meetings/live?meeting=${MEETING}${section ? `&section=${section}` : ''}`;
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

async function waitForSaved(page: Page): Promise<void> {
  await page
    .getByTestId('save-status')
    .filter({ hasText: /^All changes saved at/ })
    .waitFor();
}

describe('the chair’s meeting record in Chromium', () => {
  it('runs a whole meeting by keyboard, survives a reload, approves and locks the minutes', async () => {
    app = await firstRun();
    const { page } = app;
    await expectAxeClean(page, 'meetings list');

    // From the list to the live record, by keyboard.
    const run = page.getByRole('link', { name: /^Run the meeting of/ });
    await page.locator('body').focus();
    await tabTo(page, run);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Attendance' }).waitFor();
    const quorum = page.getByTestId('quorum');
    await expect.poll(() => quorum.textContent()).toMatch(/^!Not quorate: 0 voting members present/);
    await expectAxeClean(page, 'attendance');

    // Everyone expected is present; then apologies, a substitute and an early departure.
    await tabTo(page, page.getByRole('button', { name: /^Mark the 10 not yet marked as present$/ }));
    await page.keyboard.press('Enter');
    await expect.poll(() => quorum.textContent()).toMatch(/Quorate: 8 voting members present \(at least 4 needed\)/);
    const shah = page.getByRole('combobox', { name: 'Attendance of Cllr Priya Shah' });
    await tabTo(page, shah);
    await page.keyboard.press('a'); // Apologies
    await expect.poll(() => shah.inputValue()).toBe('apologies');
    await expect.poll(() => quorum.textContent()).toMatch(/Quorate: 7 voting members present/);
    const doyle = page.getByRole('combobox', { name: 'Attendance of Cllr Kevin Doyle' });
    await tabTo(page, doyle);
    await page.keyboard.press('p'); // Present, standing in for Cllr Priya Shah (his register entry)
    await expect.poll(() => quorum.textContent()).toMatch(/Quorate: 8 voting members present/);
    await expect.poll(() => page.getByRole('combobox', { name: 'Cllr Kevin Doyle is standing in for' }).inputValue()).toBe('m-shah');
    const reillyLeft = page.getByRole('combobox', { name: 'Cllr Tom Reilly left early at' });
    await tabTo(page, reillyLeft);
    for (let step = 0; step < 8; step += 1) await page.keyboard.press('ArrowDown'); // Item 8
    await expect.poll(() => reillyLeft.inputValue()).toBe('sample-item-8');
    await waitForSaved(page);

    // Item 4: notes typed live.
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 2, name: /^Item 4:/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Item 4:/);
    await page.keyboard.press('Alt+2');
    await page.keyboard.type('EHC timeliness is 48% against a target of 60%. Members asked why health advice is late.');
    await waitForSaved(page);
    await expectAxeClean(page, 'item 4');

    // Item 5: a decision with a show of hands, checked against who may vote.
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 2, name: /^Item 5:/ }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The board accepted the plan status report and asked for a recovery plan for area 1.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('s'); // Show of hands
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    // A blank box is not a 0: the abstentions must be typed too.
    await expect.poll(() => page.getByTestId('vote-check').textContent()).toContain('Type a number in Abstain (0 if none)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await expect
      .poll(() => page.getByTestId('vote-check').textContent())
      .toContain('10 votes were recorded, but only 8 members present are entitled to vote');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '10 votes were recorded' }).waitFor();
    expect(await page.getByText(FIRST_DECISION).count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    await expect
      .poll(() => page.getByTestId('vote-check').textContent())
      .toMatch(/^Carried: 6 for, 1 against, 0 abstentions \(simple majority of votes cast\)\. 8 members/);
    await page.keyboard.press('Enter');
    await page.getByText(FIRST_DECISION).waitFor();
    expect(await isFocused(page.getByRole('combobox', { name: 'Decision', exact: true }))).toBe(true);

    // An assurance judgement on a plan area, and an action arising.
    await page.keyboard.press('Alt+4');
    await page.keyboard.type('Area 1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('p'); // Partially assured
    await page.keyboard.press('Tab');
    await page.keyboard.type('Timeliness is improving but still well below target.');
    await page.keyboard.press('Enter');
    await page.getByText('Timeliness is improving but still well below target.').waitFor();
    await page.keyboard.press('Alt+5');
    await page.keyboard.type('Bring an EHC timeliness recovery plan to the next meeting');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Head of SEND Statutory Services');
    await page.keyboard.press('Enter');
    await page.getByText('Bring an EHC timeliness recovery plan to the next meeting').waitFor();
    expect(await isFocused(page.getByRole('textbox', { name: 'Action', exact: true }))).toBe(true);
    await waitForSaved(page);
    await expectAxeClean(page, 'item 5 with records');

    // Item 7 is exempt: a declaration, and the member leaves the room.
    await page.keyboard.press('Alt+N');
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 2, name: /^Item 7:/ }).waitFor();
    expect(await page.getByText('Exempt: confidential, kept out of published exports').count()).toBeGreaterThan(0);
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('Dr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trustee of an independent special school');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Trustee of an independent special school').waitFor();
    await expect
      .poll(() => quorum.textContent())
      .toMatch(/Quorate: 7 voting members present .*for item 7.*left for an interest: Dr Sarah Quinn/);
    await waitForSaved(page);

    // Reload half way: nothing is lost, and the chair is back where they were.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Item 7:/ }).waitFor();
    expect(await page.getByText('Trustee of an independent special school').count()).toBe(1);
    await page.keyboard.press('Alt+P');
    await page.keyboard.press('Alt+P');
    await page.getByRole('heading', { level: 2, name: /^Item 5:/ }).waitFor();
    expect(await page.getByText(FIRST_DECISION).count()).toBe(1);
    await page.keyboard.press('Alt+P');
    await expect
      .poll(() => page.locator('#live-notes').inputValue())
      .toBe('EHC timeliness is 48% against a target of 60%. Members asked why health advice is late.');
    await page.keyboard.press('Alt+A');
    await expect.poll(() => page.getByRole('combobox', { name: 'Attendance of Cllr Priya Shah' }).inputValue()).toBe('apologies');
    expect(await page.getByRole('combobox', { name: 'Cllr Tom Reilly left early at' }).inputValue()).toBe('sample-item-8');

    // Approve the minutes, by keyboard.
    await page.goto(`${app.origin}/index.html#/meetings/minutes?meeting=${MEETING}`);
    await page.getByRole('heading', { level: 2, name: 'Approve the minutes' }).waitFor();
    expect(await page.getByText(FIRST_DECISION).count()).toBe(1);
    await expectAxeClean(page, 'draft minutes');
    // Minutes are approved at a later meeting, once the meeting has taken place: the page's clock moves on to then.
    await page.clock.setFixedTime(new Date(Date.now() + 60 * DAY));
    await tabTo(page, page.getByRole('textbox', { name: 'Which meeting' }));
    await page.keyboard.type('the meeting of 14 January 2027');
    await page.getByLabel('Date of that meeting').fill(isoDay(Date.now() + 45 * DAY));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Yes, approve and lock' });
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await page.keyboard.press('Enter');
    const badge = page.getByTestId('verified-badge');
    await expect.poll(() => badge.textContent()).toMatch(/^✓ Verified: all \d+ records are as approved\./);
    expect(await page.getByText(/Approved on .* at the meeting of 14 January 2027; locked/).count()).toBe(1);
    // Every line of the minutes now carries its record number, for corrections to refer to.
    expect(await page.getByTitle('Record number in the approved minutes').count()).toBeGreaterThan(10);
    await expectAxeClean(page, 'approved minutes');

    // Try to edit: refused, and the chair is told why.
    await page.goto(live(app, 'sample-item-4'));
    await page.getByRole('heading', { level: 2, name: /^Item 4:/ }).waitFor();
    expect(await page.getByRole('note').textContent()).toContain('are locked: nothing can be changed');
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    await page.keyboard.press('Alt+2');
    await page.keyboard.type('x');
    await page.getByRole('alert').filter({ hasText: 'are locked: nothing in them can be changed. Add a correction instead.' }).waitFor();
    expect(await page.locator('#live-notes').inputValue()).toBe(
      'EHC timeliness is 48% against a target of 60%. Members asked why health advice is late.',
    );
    await page.keyboard.press('Alt+A');
    expect(await page.getByRole('combobox', { name: 'Attendance of Cllr Priya Shah' }).isDisabled()).toBe(true);
    await expectAxeClean(page, 'locked live view');

    // A correction is appended, and the record still verifies.
    await page.goto(`${app.origin}/index.html#/meetings/minutes?meeting=${MEETING}`);
    await page.getByRole('heading', { level: 2, name: 'Corrections' }).waitFor();
    await tabTo(page, page.getByRole('combobox', { name: 'Amends record' }));
    await page.keyboard.type('#1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cllr Shah’s apologies were received after the meeting began.');
    await page.keyboard.press('Enter');
    await page.getByText(/Correction to record #1: Cllr Shah’s apologies/).waitFor();
    await expect.poll(() => badge.textContent()).toMatch(/^✓ Verified: all \d+ records are as approved\./);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('loses nothing typed just before a reload, even inside the 300 ms before the save', async () => {
    app = await firstRun();
    const { page } = app;
    await page.goto(live(app, 'sample-item-4'));
    await page.getByRole('heading', { level: 2, name: /^Item 4:/ }).waitFor();
    await page.keyboard.press('Alt+2');
    await page.keyboard.type('Members challenged the health advice figures.');
    await page.reload(); // at once: no blur, no wait for the debounced save
    await page.getByRole('heading', { level: 2, name: /^Item 4:/ }).waitFor();
    await expect.poll(() => page.locator('#live-notes').inputValue()).toBe('Members challenged the health advice figures.');
    // Stored, by the save before the reload (typing slowly on a busy machine reaches the save's
    // longest wait) or by the recovery after it: either way the journal is empty once it is.
    await expect
      .poll(() => page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('oversight.notes-journal')).length), {
        timeout: 30_000,
      })
      .toBe(0);
    await page.goto(`${app.origin}/index.html#/meetings/minutes?meeting=${MEETING}`);
    await page.getByText('Members challenged the health advice figures.').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('names the first broken record when the store is changed behind the app’s back', async () => {
    app = await firstRun();
    const { page } = app;
    await page.goto(live(app, 'sample-item-5'));
    await page.getByRole('heading', { level: 2, name: /^Item 5:/ }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('n'); // Noted
    await page.keyboard.press('Tab');
    await page.keyboard.type('The board noted the plan status report.');
    await page.keyboard.press('Enter');
    await page.getByText(FIRST_DECISION).waitFor();
    await page.goto(`${app.origin}/index.html#/meetings/minutes?meeting=${MEETING}`);
    await page.getByRole('combobox', { name: 'Approved as a true record at' }).waitFor();
    await page.clock.setFixedTime(new Date(Date.now() + 60 * DAY));
    await page.getByRole('textbox', { name: 'Which meeting' }).fill('the next meeting');
    await page.getByLabel('Date of that meeting').fill(isoDay(Date.now() + 45 * DAY));
    await page.getByRole('button', { name: 'Approve and lock the minutes…' }).click();
    await page.getByRole('button', { name: 'Yes, approve and lock' }).click();
    await page.getByTestId('verified-badge').filter({ hasText: 'Verified' }).waitFor();

    // One character of the decision changed directly in IndexedDB.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('oversight');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const store = db.transaction('meetingRecords', 'readwrite').objectStore('meetingRecords');
            const all = store.getAll();
            all.onsuccess = () => {
              const decision = (all.result as Array<{ kind: string; text: string }>).find((record) => record.kind === 'decision');
              if (!decision) return reject(new Error('no decision'));
              decision.text = decision.text.replace('noted', 'n0ted');
              store.put(decision).onsuccess = () => {
                db.close();
                resolve();
              };
            };
          };
        }),
    );
    await page.reload();
    const badge = page.getByTestId('verified-badge');
    await expect
      .poll(() => badge.textContent())
      .toMatch(/^✖ Record broken at record \d+, the decision SOB\/\d{4}\/001 \(item 5\): its content does not match its hash/);
    await expectAxeClean(page, 'broken record');
    expect(app.consoleErrors).toEqual([]);
  });

  it('keeps the board register and agenda screens usable by keyboard and accessible', async () => {
    app = await firstRun();
    const { page } = app;
    await page.goto(`${app.origin}/index.html#/meetings/board`);
    await page.getByRole('heading', { level: 2, name: 'Register' }).waitFor();
    await expectAxeClean(page, 'board');
    await tabTo(page, page.getByRole('textbox', { name: 'Name', exact: true }));
    await page.keyboard.type('Cllr Jo Bright');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Member');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Green group');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Name of Cllr Jo Bright' }).waitFor();
    expect(await isFocused(page.getByRole('textbox', { name: 'Name', exact: true }))).toBe(true);

    await page.goto(`${app.origin}/index.html#/meetings/agenda?meeting=${MEETING}`);
    await page.getByRole('heading', { level: 2, name: 'Agenda items' }).waitFor();
    expect(await page.getByText('Exempt: confidential, kept out of published exports').count()).toBe(1);
    await expectAxeClean(page, 'agenda');
    await tabTo(page, page.getByRole('textbox', { name: 'Title', exact: true }), { backwards: true, limit: 200 });
    await page.keyboard.type('Report of the young people’s SEND panel');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Title of item 10' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
