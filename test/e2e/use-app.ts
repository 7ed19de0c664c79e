import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startApp, whyCannotRun, type AppHarness, type HarnessOptions } from './harness';

// Kept apart from harness.ts, which the screenshot, headed and bench scripts import outside
// Vitest: only test files call Vitest's hooks.

/** What `useApp` gives a file of end-to-end tests. */
export type AppsUnderTest = {
  /** Starts a fresh copy of the app (see `startApp`); it is closed and its temp folders removed after the test. */
  start(options?: HarnessOptions): Promise<AppHarness>;
  /** Makes an empty temp folder, removed after the test. */
  tempFolder(prefix: string): Promise<string>;
};

/**
 * Sets up a file of end-to-end tests: it fails at once, saying why, where they cannot run (no
 * Chromium, the renderer not built), and every app started and temp folder made through it is
 * closed or removed after each test (or, with `closeAfter: 'all'`, after the file's last test).
 * Call it at the top of the file, before the file's own hooks.
 */
export function useApp({ closeAfter = 'each' }: { closeAfter?: 'each' | 'all' } = {}): AppsUnderTest {
  const started: AppHarness[] = [];
  const folders: string[] = [];

  beforeAll(() => {
    const reason = whyCannotRun();
    if (reason) throw new Error(`End-to-end tests cannot run: ${reason}`);
  });

  async function cleanUp(): Promise<void> {
    // Newest first: an app restarted on a killed or closed app's profile stops before that
    // profile's folder goes with the older app.
    for (const app of started.splice(0).reverse()) await app.close();
    for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true, maxRetries: 5 });
  }
  if (closeAfter === 'each') afterEach(cleanUp);
  else afterAll(cleanUp);

  return {
    async start(options) {
      const app = await startApp(options);
      started.push(app);
      return app;
    },
    async tempFolder(prefix) {
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
  };
}
