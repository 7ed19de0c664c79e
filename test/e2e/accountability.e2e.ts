import { describe, expect, it } from 'vitest';
import { axeViolations, type AppHarness } from './harness';
import { useApp } from './use-app';

// The views that hold officers and partners to account, on the bundled sample plan in Chromium:
// each opens with its content and passes axe.

let app: AppHarness | undefined;
const PLAN = 'northmoor-send-app';

const e2e = useApp();

describe('by partner, families’ voice and assurance views in Chromium', () => {
  it('each opens on the sample plan and passes axe', async () => {
    app = await e2e.start();
    await app.open(`#/plan/partners?plan=${PLAN}`);
    const { page } = app;
    await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('region').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Families’ voice' }).click();
    await page.getByRole('combobox', { name: 'Kind' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Assurance views' }).click();
    await page.getByRole('table', { name: /Members’ views/ }).waitFor();
    await page.getByRole('row', { name: /^1: / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
