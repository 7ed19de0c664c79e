// `npx tsx scripts/bench/profile-import.ts [actions] [sliceMs]`: where the first import of the
// bench plan spends its time beyond a bare IndexedDB write of the same records. Same page, bare
// write first, then our import under a CPU profile (1 ms sampling); prints both times, the idle
// share of the import (the thread waiting for IndexedDB) and the functions by self time.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { examineFile } from '../../electron/sync/examine';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { generatePlan } from '../sample/generate-plan';
import { ensureChromium } from '../chromium.mjs';
import { freshPage, serve } from './bench-page';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
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
  const file = path.join(work, 'bench.plan.json');
  await fs.writeFile(file, JSON.stringify(generatePlan({ actions, seed: 2026 })));
  const examined = await examineFile(file, {});
  if (examined.status !== 'examined') throw new Error('plan not examined');
  const candidate: ImportCandidate = {
    token: 'bench',
    fileName: 'bench.plan.json',
    source: 'dialog',
    ...examined.file,
    outcome: examined.outcome,
  };
  if (!process.env.NO_BUILD)
    await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn', build: { minify: false } });
  const { server, origin } = await serve(path.join(root, 'dist', 'bench'));
  const { page, close } = await freshPage(found.path, origin);
  try {
    // ROUNDS=n: first n rounds of bare write, sliced import and unsliced import, interleaved, unprofiled.
    for (let round = 0; round < Number(process.env.ROUNDS ?? 0); round += 1) {
      const b = await page.evaluate(([c, r]) => (window as unknown as BenchWindow).oversightBench.bareWrite(c, `bare-${r}`), [
        candidate,
        round,
      ] as const);
      const sliced = await page.evaluate(([c, r]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, `sliced-${r}`), [
        candidate,
        round,
      ] as const);
      const whole = await page.evaluate(
        ([c, r]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, `whole-${r}`, Infinity),
        [candidate, round] as const,
      );
      console.log(
        `round ${round + 1}: bare ${Math.round(b.ms)} ms; sliced ${(sliced.storeMs / b.ms).toFixed(2)}×; unsliced ${(whole.storeMs / b.ms).toFixed(2)}×`,
      );
    }
    const bare = await page.evaluate(([c]) => (window as unknown as BenchWindow).oversightBench.bareWrite(c, 'bare'), [candidate] as const);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const ours = await page.evaluate(
      ([c, s]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, 'ours', s ?? undefined),
      [candidate, sliceMs ?? null] as const,
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(
      `bare write ${Math.round(bare.ms)} ms (${bare.records} records); ours ${Math.round(ours.storeMs)} ms (${ours.writes} writes): ${(ours.storeMs / bare.ms).toFixed(2)}×`,
    );
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    let total = 0;
    for (let index = 0; index < profile.samples.length; index += 1) {
      const node = byId.get(profile.samples[index] as number) as ProfileNode;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      total += ms;
      const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + ms);
    }
    console.log(`profiled ${Math.round(total)} ms`);
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)))
      console.log(`${Math.round(ms).toString().padStart(6)} ms  ${key}`);
  } finally {
    await close();
    server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
