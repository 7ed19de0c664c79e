// The bench's page, shared by `npm run bench` and the scripts that run or profile one section:
// the built bench renderer served from a local port, and a fresh Chromium profile that loads it.
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { examineFile } from '../../electron/sync/examine';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { generatePlan } from '../sample/generate-plan';
import { CHROMIUM_ARGS } from '../chromium.mjs';
import { receiveUpload } from './bytes-bridge';

/** Serves a built folder on a free local port (nothing outside it), and takes the page's bytes for the bench's bridge. */
export async function serve(folder: string) {
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/__discard') {
      // The bridge's cost alone (backup bench): the bytes are received in full, then dropped.
      request.on('data', () => undefined);
      request.on('end', () => response.writeHead(204).end());
      return;
    }
    const upload = request.method === 'POST' ? /^\/__bytes\/([^/]+)$/.exec(request.url ?? '') : null;
    if (upload?.[1]) {
      receiveUpload(request, response, upload[1]);
      return;
    }
    void (async () => {
      const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
      const file = path.resolve(folder, relative);
      if (!file.startsWith(folder)) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        response.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A fresh Chromium profile (so IndexedDB starts empty), with the bench page loaded. */
export async function freshPage(executablePath: string, origin: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.title === 'ready');
  return {
    page,
    close: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** The bench's plan (`actions` actions, seed 2026) written to `folder` and examined as main does: the candidate main hands over. */
export async function benchPlanCandidate(folder: string, actions = 10_000): Promise<ImportCandidate> {
  const planFile = path.join(folder, 'bench.plan.json');
  await fs.writeFile(planFile, JSON.stringify(generatePlan({ actions, seed: 2026 })));
  const examined = await examineFile(planFile, {});
  if (examined.status !== 'examined' || examined.outcome.status !== 'valid') throw new Error('bench plan did not validate');
  return { token: 'bench', fileName: 'bench.plan.json', source: 'dialog', ...examined.file, outcome: examined.outcome };
}

/** Runs a bench script's main and exits: 0 when it resolves, 1 (with the error) when it throws. */
export function runScript(main: () => Promise<void>): void {
  void main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
