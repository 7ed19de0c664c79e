import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { createBridge } from '../../shared/ipc/bridge';
import { CHANNEL_NAMES, EVENT_NAMES, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { mimeTypeFor, resolveAppAsset, securityHeaders } from '../../electron/security';
import { createMainServices, type MainServicesOptions } from '../../electron/services';

// The end-to-end harness: the built renderer in Debian's Chromium, with the very handler table
// main.ts registers bound into the page where Electron's preload would be. Real React, real
// IndexedDB, real handlers touching real files in a fresh temp folder per test.

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
export const SAMPLE_FOLDER = path.join(ROOT, 'electron', 'resources', 'sample');
/**
 * The one origin the app is served from in every run. IndexedDB and localStorage belong to an
 * origin, so a random port would give each start an empty store: with a fixed origin, a test
 * that starts again on the same `userDataDir` finds what the last run left, as the real app
 * does on its custom scheme. Chromium maps the name to this run's server (`--host-resolver-rules`);
 * a `.localhost` name is a secure context, as the app's scheme is.
 */
export const APP_HOST = 'oversight-e2e.localhost';
export const APP_ORIGIN = `http://${APP_HOST}`;

export type HarnessOptions = {
  /** Folder of sample plan files loaded on first run (default: the bundled sample). */
  sampleFolder?: string;
  /** Reuse a browser profile (to test what survives a restart: the origin is the same every run). */
  userDataDir?: string;
  /** Serve another build of the renderer (a previous release's, to test opening its store). */
  rendererDist?: string;
  /** Reuse an app data folder (settings, remembered mappings). */
  dataFolder?: string;
  /** Inbox stability window in ms (short in tests). */
  stableForMs?: number;
  /** How main examines files (default: in-process; the app uses the file reader, electron/sync/parse-host.ts). */
  examine?: MainServicesOptions['examine'];
  headless?: boolean;
  viewport?: { width: number; height: number };
};

export type AppHarness = {
  page: Page;
  context: BrowserContext;
  origin: string;
  dataFolder: string;
  documentsFolder: string;
  inboxFolder: string;
  userDataDir: string;
  /** Console errors and uncaught exceptions seen in the page. */
  consoleErrors: string[];
  /** Files main asked the OS to open (the harness's stand-in for shell.openPath). */
  openedPaths: string[];
  /** Files main asked the OS to show in their folder (the stand-in for shell.showItemInFolder). */
  shownInFolder: string[];
  /** Requests for anything outside the app's own origin (all are blocked). */
  foreignRequests: string[];
  /** Files the next Import dialog "chooses" (the harness's stand-in for the OS dialog). */
  nextDialogFiles: string[];
  /** Folder the next folder picker "chooses". */
  nextChosenFolder: string | null;
  /** Path the next save dialog "chooses" (null: the user cancels). */
  nextSavePath: string | null;
  /**
   * Opens the app (at a hash route) and waits for the shell. On first run the app asks who the
   * member is: by default the harness answers as "Test Member" (pass `profile: false` to leave
   * the question for the test, or another profile to answer with).
   */
  open(hash?: string, options?: { profile?: { displayName: string; role?: string; organisation?: string } | false }): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /**
   * Opens the app in a second window (a tab of the same browser profile, so the same IndexedDB),
   * as two copies of the app would if the single-instance lock failed; main answers it as its own.
   * Waits for the shell and the profile, already saved by `open`.
   */
  openWindow(hash?: string): Promise<Page>;
  /** The pid of this run's Chromium browser process (found by its profile folder). */
  browserPid(): number;
  /**
   * Kills the browser process by pid (SIGKILL: no unload, no flush), as a crash or a power cut
   * of the app would, then stops this run's services and server. The profile and data folders
   * are kept for the next `startApp` on them. `mainToo`: main is killed with it, so its services
   * stop without tidying the files they were writing (a backup's temporary file stays).
   */
  kill(options?: { mainToo?: boolean }): Promise<void>;
};

/** Tells why the end-to-end suite cannot run here, or null when it can. */
export function whyCannotRun(): string | null {
  if (!findChromium()) return 'no Chromium found (install Debian’s chromium package or set CHROMIUM_PATH)';
  if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) return 'the renderer is not built (run `node scripts/build.mjs renderer`)';
  return null;
}

async function serveRenderer(origin: string, dist: string): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    void (async () => {
      const file = resolveAppAsset(dist, `${origin}${request.url ?? '/'}`, origin);
      try {
        if (!file) throw new Error('outside');
        const body = await fs.readFile(file);
        response.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-store', ...securityHeaders() });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('Not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// Builds, inside the page, the object the preload exposes with the preload's own factory
// (shared/ipc/bridge.ts, its source text run in the page): the same channel allow-list and event
// filter run in every e2e test. Only the transport differs: Playwright bindings for ipcRenderer.
const BRIDGE_SCRIPT = `(() => {
  const createBridge = ${createBridge.toString()};
  const listeners = new Map();
  const transport = {
    invoke: (channel, argument) => window.__oversightInvoke(channel, argument),
    subscribe: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    pathForFile: (file) => (file && typeof file.__testPath === 'string' ? file.__testPath : ''),
  };
  const bridge = createBridge(transport, ${JSON.stringify(CHANNEL_NAMES)}, ${JSON.stringify(EVENT_NAMES)});
  Object.defineProperty(window, 'oversight', { value: Object.freeze(bridge), writable: false });
  window.__oversightEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
})();`;

/** Starts a fresh copy of the app in Chromium with its own temp folders. */
export async function startApp(options: HarnessOptions = {}): Promise<AppHarness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install Debian’s chromium package or set CHROMIUM_PATH.');
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-e2e-'));
  const userDataDir = options.userDataDir ?? path.join(base, 'profile');
  const dataFolder = options.dataFolder ?? path.join(base, 'data');
  const documentsFolder = path.join(base, 'Documents');
  const inboxFolder = path.join(documentsFolder, 'Oversight', 'Inbox');
  await fs.mkdir(dataFolder, { recursive: true });
  await fs.mkdir(inboxFolder, { recursive: true });

  const origin = APP_ORIGIN;
  const { server, port } = await serveRenderer(origin, options.rendererDist ?? RENDERER_DIST);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${APP_HOST} 127.0.0.1:${port}`],
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });

  // The app's windows: main answers only these (the sender check), as it answers only its own.
  const ownPages = new Set<Page>([page]);
  let isRunning = true;
  const harness: AppHarness = {
    page,
    context,
    origin,
    dataFolder,
    documentsFolder,
    inboxFolder,
    userDataDir,
    consoleErrors,
    openedPaths: [],
    shownInFolder: [],
    foreignRequests,
    nextDialogFiles: [],
    nextChosenFolder: null,
    nextSavePath: null,
    async open(hash = '#/plan', { profile = { displayName: 'Test Member' } } = {}) {
      await page.goto(`${origin}/index.html${hash}`);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.waitForFunction(
        () => document.documentElement.dataset.profile !== undefined && document.documentElement.dataset.profile !== 'loading',
      );
      const state = await page.evaluate(() => document.documentElement.dataset.profile);
      if (state === 'missing' && profile) {
        const dialog = page.getByRole('dialog', { name: 'Welcome to Oversight' });
        await dialog.getByRole('textbox', { name: 'Your name as the board knows you' }).fill(profile.displayName);
        if (profile.role) await dialog.getByRole('combobox', { name: 'Role on the board' }).selectOption(profile.role);
        if (profile.organisation) await dialog.getByRole('textbox', { name: 'Organisation' }).fill(profile.organisation);
        await dialog.getByRole('button', { name: 'Save and continue' }).click();
        await page.waitForFunction(() => document.documentElement.dataset.profile === 'ready');
      }
    },
    async openWindow(hash = '#/plan') {
      const other = await context.newPage();
      ownPages.add(other);
      other.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      other.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
      await other.goto(`${origin}/index.html${hash}`);
      await other.getByRole('navigation', { name: 'Main' }).waitFor();
      await other.waitForFunction(() => document.documentElement.dataset.profile === 'ready');
      return other;
    },
    async close({ keepProfile = false } = {}) {
      // Safe to call again, and after kill(): useApp closes every app it started after each test,
      // including those a test closed (keeping the profile) or killed and restarted on.
      if (isRunning) {
        isRunning = false;
        await services.stop();
        await context.close();
        await new Promise((resolve) => server.close(resolve));
      }
      // Chromium's helpers may still be writing to the profile as it goes: retry a folder not yet empty.
      if (!keepProfile) await fs.rm(base, { recursive: true, force: true, maxRetries: 5 });
    },
    browserPid() {
      return browserPidFor(userDataDir);
    },
    async kill({ mainToo = false } = {}) {
      isRunning = false;
      const closed = new Promise((resolve) => context.once('close', resolve));
      process.kill(browserPidFor(userDataDir), 'SIGKILL');
      await closed;
      await services.stop({ asIfKilled: mainToo });
      await new Promise((resolve) => server.close(resolve));
    },
  };

  function emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    void page
      .evaluate(
        ([name, data]) => (window as unknown as { __oversightEmit?: (e: string, p: unknown) => void }).__oversightEmit?.(name, data),
        [event, payload] as const,
      )
      .catch(() => undefined);
  }

  const services = createMainServices({
    appOrigin: origin,
    dataFolder,
    documentsFolder,
    sampleFolder: options.sampleFolder ?? SAMPLE_FOLDER,
    ...(options.examine ? { examine: options.examine } : {}),
    stableForMs: options.stableForMs ?? 300,
    appInfo: { name: 'Oversight', version: '0.1.0-e2e', platform: process.platform, dataFolder, locale: 'en-GB' },
    dialogs: {
      async openFiles() {
        const files = harness.nextDialogFiles;
        harness.nextDialogFiles = [];
        return files;
      },
      async chooseFolder() {
        const folder = harness.nextChosenFolder;
        harness.nextChosenFolder = null;
        return folder;
      },
      async saveFile() {
        const chosen = harness.nextSavePath;
        harness.nextSavePath = null;
        return chosen;
      },
    },
    openExternal: async () => undefined,
    openPath: async (filePath) => {
      harness.openedPaths.push(filePath);
      return '';
    },
    showItemInFolder: (filePath) => {
      harness.shownInFolder.push(filePath);
    },
    printHtmlToPdf: (html) => printHtmlToPdf(context, html),
    renderSvgToPng: (svg, width, height) => renderSvgToPng(context, svg, width, height),
    emit,
  });

  await context.exposeBinding('__oversightInvoke', (source, channel: unknown, argument: unknown) =>
    services.dispatch(channel, { frameUrl: source.frame.url(), isOwnWindow: ownPages.has(source.page) }, argument),
  );
  await context.addInitScript({ content: BRIDGE_SCRIPT });
  return harness;
}

/** The browser process (not a renderer, GPU or utility one) running on a profile folder. */
export function browserPidFor(userDataDir: string): number {
  const wanted = `--user-data-dir=${userDataDir}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (argv.includes(wanted) && !argv.some((argument) => argument.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`No Chromium browser process found for ${userDataDir}`);
}

/** Chromium's stand-in for Electron's printToPDF: the page printed in a new tab of the same browser. */
export async function printHtmlToPdf(context: BrowserContext, html: string): Promise<Uint8Array> {
  const printer = await context.newPage();
  try {
    await printer.setContent(html);
    return new Uint8Array(await printer.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await printer.close();
  }
}

/** Chromium's stand-in for the app's capturePage: the SVG alone in a new tab, screenshotted at its size. */
export async function renderSvgToPng(context: BrowserContext, svg: string, width: number, height: number): Promise<Uint8Array> {
  const painter = await context.newPage();
  try {
    await painter.setViewportSize({ width, height });
    await painter.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    return new Uint8Array(await painter.screenshot({ type: 'png', omitBackground: false, clip: { x: 0, y: 0, width, height } }));
  } finally {
    await painter.close();
  }
}

/** Runs axe-core against the current page for WCAG 2.0–2.2 A and AA; returns the violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; help: string; targets: string[] }>> {
  const source = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate runs through the DevTools protocol, so it is not blocked by the page's strict CSP.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}
