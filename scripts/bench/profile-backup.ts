// `npx tsx scripts/bench/profile-backup.ts`: where one backup of the backup bench's store (issue
// 16: the 10,000-action plan, 50,000 annotations, ten 2 MB papers) spends its time, as
// profile-restore.ts does for the restore. Two CPU profiles over the same backup: Chromium's (CDP
// Profiler, the renderer's `backUpStore`, and the bare read for comparison) and Node's (node:inspector, main's backup service and
// the bench's bridge into the page). Main's side is also timed by part: the bridge's base64
// decoding, the contract's parse, and the handler (encryption and the write).
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { channels, isChannelName } from '../../shared/ipc/contract';
import { fail } from '../../shared/result';
import { benchBridge } from './backup';
import { benchPlanCandidate, runScript, serve } from './bench-page';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium.mjs';
import { backupHandlers, bytesFromPage, bytesToPage } from './bytes-bridge';
import { reportProfile, type CpuProfile } from './cpu-profile';

type BenchWindow = {
  backupBench: {
    seed(candidate: unknown, annotations: number, papers: number, paperBytes: number): Promise<Record<string, number>>;
    backup(): Promise<{ ms: number; fileName: string }>;
    bareRead(): Promise<{ ms: number; records: number }>;
  };
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist', 'bench');
const PASSPHRASE = 'bench passphrase, not a secret';

async function main(): Promise<void> {
  const found = ensureChromium();
  if (!found.ok) throw new Error(found.message);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-profile-backup-'));
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
    const bridge = benchBridge();
    const parts = { decode: 0, parse: 0, handler: 0, calls: 0, bytes: 0 };
    const tableBytes = new Map<string, number>();
    await context.exposeBinding('__backupInvoke', async (_source, channel: unknown, argument: unknown) => {
      if (!isChannelName(channel) || !channel.startsWith('backup:')) return fail('forbidden', 'not a backup channel');
      let started = performance.now();
      const decoded = bytesFromPage(argument);
      parts.decode += performance.now() - started;
      started = performance.now();
      const parsed = channels[channel].request.safeParse(decoded);
      parts.parse += performance.now() - started;
      if (!parsed.success) return fail('invalid-argument', parsed.error.message);
      const frame = (parsed.data as { frame?: Uint8Array }).frame;
      parts.bytes += frame?.length ?? 0;
      // Bytes by table: a page's frame starts `{"table":"NAME"`; a paper's slices count as papers' bytes.
      if (frame) {
        const table =
          frame[0] === 1
            ? (/^\{"table":"([A-Za-z0-9]+)"/.exec(Buffer.from(frame.subarray(1, 80)).toString('latin1'))?.[1] ?? '?')
            : '(paper bytes)';
        tableBytes.set(table, (tableBytes.get(table) ?? 0) + frame.length);
      }
      started = performance.now();
      const result = await (handlers[channel] ?? (async () => fail('forbidden', 'no handler')))(parsed.data);
      parts.handler += performance.now() - started;
      parts.calls += 1;
      return bridge === 'playwright' ? result : bytesToPage(result);
    });
    await service.setPassphrase(PASSPHRASE);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((mode) => {
      (window as unknown as { __benchBridge: string }).__benchBridge = mode;
    }, bridge);
    await page.evaluate(([c]) => (window as unknown as BenchWindow).backupBench.seed(c, 50_000, 10, 2 * 1024 * 1024), [candidate] as const);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    // The bare read profiled too: what of the backup's renderer time (`(program)` above all) any read of the store costs.
    await cdp.send('Profiler.start');
    const read = await page.evaluate(() => (window as unknown as BenchWindow).backupBench.bareRead());
    const { profile: readProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`bare read ${Math.round(read.ms)} ms (${read.records} records)`);
    const node = new Session();
    node.connect();
    await node.post('Profiler.enable');
    await node.post('Profiler.start');
    await cdp.send('Profiler.start');
    const made = await page.evaluate(() => (window as unknown as BenchWindow).backupBench.backup());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const nodeProfile = (await node.post('Profiler.stop')).profile as unknown as CpuProfile;
    const size = (await fs.stat(path.join(work, 'data', 'Backups', made.fileName))).size;
    console.log(
      `bridge ${bridge}: backup ${Math.round(made.ms)} ms (${(made.ms / read.ms).toFixed(2)}× the bare read), file ${(size / 2 ** 20).toFixed(1)} MB; ` +
        `main over ${parts.calls} calls (${(parts.bytes / 2 ** 20).toFixed(1)} MB of frames): base64 decode ${Math.round(parts.decode)} ms, ` +
        `contract parse ${Math.round(parts.parse)} ms, handlers ${Math.round(parts.handler)} ms`,
    );
    console.log(
      `frames by table: ${[...tableBytes]
        .sort((a, b) => b[1] - a[1])
        .map(([table, bytes]) => `${table} ${(bytes / 2 ** 20).toFixed(1)} MB`)
        .join(', ')}`,
    );
    reportProfile('Chromium (renderer), the bare read', readProfile);
    reportProfile('Chromium (renderer), the backup', profile);
    reportProfile('Node (main and the bridge)', nodeProfile);
  } finally {
    await context.close();
    server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

runScript(main);
