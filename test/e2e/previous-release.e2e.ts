import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type AppHarness } from './harness';
import { useApp } from './use-app';

// A store written by the previous release, opened by this build: the previous release's renderer
// is built from git (`git archive` of PREVIOUS_RELEASE, cached in the temp folder by commit),
// served on the same origin with the same browser profile, used as a chair would (first run,
// notes, a decision), closed; then this build opens that very IndexedDB. Bump PREVIOUS_RELEASE
// at each release (docs/architecture.md, "Builds of different ages").

/** The commit of the previous release. */
const PREVIOUS_RELEASE = '5cae3d1';
const MEETING = 'sample-next-meeting';

let app: AppHarness | undefined;
let previousDist = '';

const e2e = useApp();

beforeAll(async () => {
  const commit = execFileSync('git', ['rev-parse', PREVIOUS_RELEASE], { cwd: ROOT, encoding: 'utf8' }).trim();
  const tree = path.join(os.tmpdir(), `oversight-release-${commit}`);
  previousDist = path.join(tree, 'dist', 'renderer');
  if (existsSync(path.join(previousDist, 'index.html'))) return;
  await fs.rm(tree, { recursive: true, force: true });
  await fs.mkdir(tree, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${tree}"`], { cwd: ROOT });
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(tree, 'scripts', 'build.mjs'), 'renderer'], { cwd: tree, stdio: 'ignore' });
}, 300_000);

describe('a store written by the previous release', () => {
  it('opens in this build with everything in it: the plan, the dashboard, the notes and the decision', async () => {
    const old = await e2e.start({ rendererDist: previousDist });
    app = old;
    await old.open('#/plan');
    await old.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 60_000 });
    await old.page.goto(`${old.origin}/index.html#/meetings/live?meeting=${MEETING}&section=sample-item-4`);
    await old.page.getByRole('textbox', { name: /^Discussion notes for item 4/ }).fill('Noted under the previous release.');
    await old.page.getByRole('textbox', { name: 'What was decided' }).fill('The board noted the dashboard.');
    await old.page.getByRole('textbox', { name: 'What was decided' }).press('Enter');
    await old.page.getByText(/^SOB\/\d{4}\/001$/).waitFor();
    await old.page
      .getByTestId('save-status')
      .filter({ hasText: /^All changes saved at/ })
      .waitFor();
    await old.close({ keepProfile: true });
    app = undefined;

    app = await e2e.start({ userDataDir: old.userDataDir, dataFolder: old.dataFolder });
    await app.open(`#/meetings/live?meeting=${MEETING}&section=sample-item-4`);
    await app.page.getByText(/^SOB\/\d{4}\/001$/).waitFor();
    await expect
      .poll(() => app?.page.getByRole('textbox', { name: /^Discussion notes for item 4/ }).inputValue())
      .toBe('Noted under the previous release.');
    await app.page.goto(`${app.origin}/index.html#/plan`);
    await app.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor();
    await app.page.goto(`${app.origin}/index.html#/plan/dashboard?plan=northmoor-send-app`);
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await app.page.getByText('Oversight cannot open your data').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
