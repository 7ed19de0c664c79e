// `npx tsx scripts/bench/profile-restore.ts`: where one restore of the backup bench's store
// (issue 16: the 10,000-action plan, 50,000 annotations, ten 2 MB papers) spends its time. Two CPU
// profiles are taken over the same restore: Chromium's (CDP Profiler, the renderer's
// `restoreStore`) and Node's (node:inspector, main's backup service and the bench's bridge into
// the page), each reported as self time by function and by file. Time inside the bridge's
// handler (main's real work: reading and decrypting chunks) is summed apart.
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { channels, isChannelName } from '../../shared/ipc/contract';
import { fail } from '../../shared/result';
import { benchPlanCandidate, runScript, serve } from './bench-page';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium.mjs';
import { backupHandlers, bytesFromPage, bytesToPage } from './bytes-bridge';
import { reportProfile, type CpuProfile } from './cpu-profile';

type BenchWindow = {
  backupBench: {
    seed(candidate: unknown, annotations: number, papers: number, paperBytes: number): Promise<Record<string, number>>;
    backup(): Promise<{ ms: number; fileName: string }>;
    restore(fileName: string, passphrase: string): Promise<{ ms: number; counts: Record<string, number> }>;
  };
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist', 'bench');
const PASSPHRASE = 'bench passphrase, not a secret';

async function main(): Promise<void> {
  const found = ensureChromium();
  if (!found.ok) throw new Error(found.message);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-profile-restore-'));
  const candidate = await benchPlanCandidate(work);
  if (!process.env.NO_BUILD)
    await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn', build: { minify: false } });
  const { server, origin } = await serve(dist);
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: found.path,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const { service, handlers } = backupHandlers(path.join(work, 'data'));
    // As the bench: byte arrays as native base64 unless BENCH_BRIDGE=playwright.
    const bridge = process.env.BENCH_BRIDGE === 'playwright' ? 'playwright' : 'base64';
    let handlerMs = 0;
    let calls = 0;
    await context.exposeBinding('__backupInvoke', async (_source, channel: unknown, argument: unknown) => {
      if (!isChannelName(channel) || !channel.startsWith('backup:')) return fail('forbidden', 'not a backup channel');
      const started = performance.now();
      const parsed = channels[channel].request.safeParse(bytesFromPage(argument));
      if (!parsed.success) return fail('invalid-argument', parsed.error.message);
      const result = await (handlers[channel] ?? (async () => fail('forbidden', 'no handler')))(parsed.data);
      handlerMs += performance.now() - started;
      calls += 1;
      return bridge === 'base64' ? bytesToPage(result) : result;
    });
    await service.setPassphrase(PASSPHRASE);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((mode) => {
      (window as unknown as { __benchBridge: string }).__benchBridge = mode;
    }, bridge);
    await page.evaluate(([c]) => (window as unknown as BenchWindow).backupBench.seed(c, 50_000, 10, 2 * 1024 * 1024), [candidate] as const);
    const made = await page.evaluate(() => (window as unknown as BenchWindow).backupBench.backup());
    console.log(`backup ${Math.round(made.ms)} ms`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    const node = new Session();
    node.connect();
    await node.post('Profiler.enable');
    await node.post('Profiler.start');
    await cdp.send('Profiler.start');
    handlerMs = 0;
    calls = 0;
    const restored = await page.evaluate(
      ([fileName, passphrase]) => (window as unknown as BenchWindow).backupBench.restore(fileName, passphrase),
      [made.fileName, PASSPHRASE] as const,
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const nodeProfile = (await node.post('Profiler.stop')).profile as unknown as CpuProfile;
    console.log(`restore ${Math.round(restored.ms)} ms; main's handlers ${Math.round(handlerMs)} ms over ${calls} calls`);
    reportProfile('Chromium (renderer)', profile);
    reportProfile('Node (main and the bridge)', nodeProfile);
  } finally {
    await context.close();
    server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

runScript(main);
