// `npx tsx scripts/bench/profile-import.ts [actions] [sliceMs]`: where the first import of the
// bench plan spends its time beyond a bare IndexedDB write of the same records. Same page;
// ROUNDS=n first runs n rounds of the bare write, the sliced import and the unsliced one (what the
// import worker runs), interleaved and unprofiled; then the bare write, and our import under a
// CPU profile (1 ms sampling): both times and the functions by self time.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { ensureChromium } from '../chromium.mjs';
import { benchPlanCandidate, freshPage, runScript, serve } from './bench-page';
import { reportProfile, type CpuProfile } from './cpu-profile';

type BenchWindow = {
  oversightBench: {
    importCandidate(c: ImportCandidate, db: string, sliceMs?: number): Promise<{ storeMs: number; writes: number }>;
    bareWrite(c: ImportCandidate, db: string): Promise<{ ms: number; records: number }>;
  };
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const actions = Number(process.argv[2] ?? 10_000);
  const sliceMs = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const found = ensureChromium();
  if (!found.ok) throw new Error(found.message);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-profile-import-'));
  const candidate = await benchPlanCandidate(work, actions);
  if (!process.env.NO_BUILD)
    await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn', build: { minify: false } });
  const { server, origin } = await serve(path.join(root, 'dist', 'bench'));
  const { page, close } = await freshPage(found.path, origin);
  const bareWrite = (db: string) =>
    page.evaluate(([c, name]) => (window as unknown as BenchWindow).oversightBench.bareWrite(c, name), [candidate, db] as const);
  const ourImport = (db: string, slice: number | null) =>
    page.evaluate(([c, name, s]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, name, s ?? undefined), [
      candidate,
      db,
      slice,
    ] as const);
  try {
    for (let round = 0; round < Number(process.env.ROUNDS ?? 0); round += 1) {
      const bare = await bareWrite(`bare-${round}`);
      const sliced = await ourImport(`sliced-${round}`, null);
      const whole = await ourImport(`whole-${round}`, Infinity);
      console.log(
        `round ${round + 1}: bare ${Math.round(bare.ms)} ms; sliced ${(sliced.storeMs / bare.ms).toFixed(2)}×; unsliced ${(whole.storeMs / bare.ms).toFixed(2)}×`,
      );
    }
    const bare = await bareWrite('bare');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const ours = await ourImport('ours', sliceMs ?? null);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(
      `bare write ${Math.round(bare.ms)} ms (${bare.records} records); ours ${Math.round(ours.storeMs)} ms (${ours.writes} writes): ${(ours.storeMs / bare.ms).toFixed(2)}×`,
    );
    reportProfile('Chromium, our import', profile);
  } finally {
    await close();
    server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

runScript(main);
