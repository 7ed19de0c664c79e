// `npx tsx scripts/bench/backup-only.ts`: the backup and restore figures alone (the same code
// `npm run bench` runs among the rest), for working on backups without the whole suite.
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { examineFile } from '../../electron/sync/examine';
import { generatePlan } from '../sample/generate-plan';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium.mjs';
import { benchBackup } from './backup';
import { machineLoad, meetsGoal, ratioOf, ratios, spreadText, spreadWarning } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDist = path.join(root, 'dist', 'bench');

const found = ensureChromium();
if (!found.ok) throw new Error(found.message);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-'));
const planFile = path.join(work, 'bench.plan.json');
await fs.writeFile(planFile, JSON.stringify(generatePlan({ actions: Number(process.env.BENCH_ACTIONS ?? 10_000), seed: 2026 })));
const examined = await examineFile(planFile, {});
if (examined.status !== 'examined' || examined.outcome.status !== 'valid') throw new Error('bench plan did not validate');
const candidate = { token: 'bench', fileName: 'bench.plan.json', source: 'dialog' as const, ...examined.file, outcome: examined.outcome };
await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn' });
const server = createServer((request, response) => {
  const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(benchDist, relative);
  if (!file.startsWith(benchDist)) return void response.writeHead(404).end();
  fs.readFile(file).then(
    (body) => response.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body),
    () => response.writeHead(404).end(),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(machineLoad());
try {
  const figures = await benchBackup(
    async () => {
      const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-profile-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
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
    },
    candidate,
    { rounds: Number(process.env.BENCH_ROUNDS ?? 3) },
  );
  for (const figure of figures) {
    const perRound = ratios(figure).map((ratio) => `${ratio.toFixed(2)}×`);
    console.log(
      `${figure.name}: median ${Math.round(figure.value)} ms, ${spreadText(figure)} | baseline median ${Math.round(figure.baseline?.value ?? 0)} ms (${figure.baseline?.name ?? ''}), runs ${(figure.baseline?.runs ?? []).map(Math.round).join(', ')} | ratio ${ratioOf(figure)?.toFixed(2) ?? ''}× (rounds: ${perRound.join(', ')}) | goal met: ${String(meetsGoal(figure))}${spreadWarning(figure) ? ` (${spreadWarning(figure) ?? ''})` : ''} | ${figure.note ?? ''}`,
    );
  }
  console.log(machineLoad());
} finally {
  server.close();
  await fs.rm(work, { recursive: true, force: true });
}
