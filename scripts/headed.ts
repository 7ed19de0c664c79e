// `npm run headed`: the app as a member sees it, in a visible Chromium window, with the same
// handlers the Electron main process registers. Where there is no display it runs under Xvfb.
import { spawnSync } from 'node:child_process';
import { startApp, whyCannotRun } from '../test/e2e/harness';

if (!process.env.DISPLAY && !process.env.OVERSIGHT_UNDER_XVFB) {
  const result = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1440x900x24', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, OVERSIGHT_UNDER_XVFB: '1' },
    },
  );
  if (result.error) console.error('No display and no xvfb-run: install it with `apt-get install xvfb`, or run with a display.');
  process.exit(result.status ?? 1);
}
const reason = whyCannotRun();
if (reason) {
  console.error(`Cannot open the app: ${reason}.`);
  process.exit(1);
}
const app = await startApp({ headless: false });
await app.open('#/plan');
console.log(`Oversight is open (data folder ${app.dataFolder}, inbox ${app.inboxFolder}). Press Ctrl+C to stop.`);
process.on('SIGINT', () => {
  void app.close().then(() => process.exit(0));
});
