// `npm run screenshots`: opens each main view of the app (built renderer, real handlers, the
// bundled sample plan) in Chromium and saves a PNG of it in docs/screenshots/: the light theme
// there, the dark theme in dark/ and Windows high contrast (forced colours) in forced-colors/.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, startApp, whyCannotRun } from '../test/e2e/harness';

const PLAN = 'northmoor-send-app';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();
const VIEWS: Array<{ name: string; hash: string; waitFor: (page: Page) => Locator }> = [
  {
    name: 'start',
    hash: '#/start',
    waitFor: (page) => page.getByRole('region', { name: 'Actions due or overdue' }).getByRole('link').first(),
  },
  { name: 'plans', hash: '#/plan', waitFor: (page) => page.getByRole('link', { name: /What changed in revision/ }).first() },
  { name: 'what-changed', hash: '#/plan/changes', waitFor: (page) => page.getByTestId('change-summary') },
  { name: 'dashboard', hash: `#/plan/dashboard?plan=${PLAN}`, waitFor: (page) => page.locator('.area-card').first() },
  { name: 'actions', hash: `#/plan/actions?plan=${PLAN}`, waitFor: (page) => page.getByRole('row').nth(1) },
  {
    name: 'action',
    hash: `#/plan/action?plan=${PLAN}&id=act-001`,
    waitFor: (page) => page.getByRole('region', { name: 'Notes and questions' }),
  },
  { name: 'measures', hash: `#/plan/measures?plan=${PLAN}`, waitFor: (page) => page.locator('.measure-card').first() },
  { name: 'notes', hash: '#/notes', waitFor: heading },
  { name: 'meetings', hash: '#/meetings', waitFor: heading },
  { name: 'papers', hash: '#/papers', waitFor: heading },
  { name: 'exports', hash: '#/exports', waitFor: heading },
  { name: 'imports', hash: '#/imports', waitFor: (page) => page.getByRole('table').first() },
  { name: 'settings', hash: '#/settings', waitFor: (page) => page.getByTestId('app-version') },
];

const THEMES: Array<{ folder: string; colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' }> = [
  { folder: '', colorScheme: 'light', forcedColors: 'none' },
  { folder: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { folder: 'forced-colors', colorScheme: 'light', forcedColors: 'active' },
];

const reason = whyCannotRun();
if (reason) {
  console.error(`Cannot take screenshots: ${reason}.`);
  process.exit(1);
}
const folder = path.join(ROOT, 'docs', 'screenshots');
await fs.mkdir(folder, { recursive: true });
const app = await startApp({ viewport: { width: 1280, height: 860 } });
try {
  await app.open('#/plan');
  await app.page.getByText('What changed in revision').first().waitFor({ timeout: 30_000 });
  for (const theme of THEMES) {
    await app.page.emulateMedia({ colorScheme: theme.colorScheme, forcedColors: theme.forcedColors });
    await fs.mkdir(path.join(folder, theme.folder), { recursive: true });
    for (const view of VIEWS) {
      if (view.hash === '#/plan/changes') {
        await app.page.goto(`${app.origin}/index.html#/plan`);
        await app.page
          .getByRole('link', { name: /What changed in revision/ })
          .first()
          .click();
      } else {
        await app.page.goto(`${app.origin}/index.html${view.hash}`);
      }
      await view.waitFor(app.page).waitFor({ timeout: 30_000 });
      // Charts and page images draw just after their data arrives.
      await app.page.waitForTimeout(600);
      const file = path.join(folder, theme.folder, `${view.name}.png`);
      await app.page.screenshot({ path: file, fullPage: false });
      console.log(`Saved ${path.relative(ROOT, file)}`);
    }
  }
} finally {
  await app.close();
}
