// `npx tsx scripts/bench/profile-import-longtask.ts [actions] [megabytes]` (DEPTH=16 for longer call paths): which code makes the
// long tasks of the 100 MB import bench. A CPU profile (CDP Profiler, 1 ms sampling) of the
// renderer's storeCandidate; every run of busy samples over 50 ms is a long task, reported with
// the functions (self time) and the call paths that filled it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { runScript, serve } from './bench-page';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium.mjs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

type BenchWindow = {
  importLongTaskBench: {
    makePlan(actions: number, megabytes: number): unknown;
    importWatchingLongTasks(dbName: string, sliceMs: number): Promise<unknown>;
  };
};

// A CPU profile names Dexie's mutate for a slow write, not the table: IndexedDB put/add calls
// (their structured clone is synchronous) are timed, back-to-back calls on one table (a bulkPut)
// taken together, and every run over 10 ms is named by table.
const TIME_WRITES = `(() => {
  const slow = [];
  let last = null;
  const flush = () => {
    if (last && last.ms > 10) slow.push({ ...last, ms: Math.round(last.ms), start: Math.round(last.start), end: Math.round(last.end) });
  };
  window.slowPuts = () => { flush(); last = null; return slow; };
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const end = performance.now();
        if (last && last.table === this.name && start - last.end < 1) {
          last.calls += 1;
          last.ms += end - start;
          last.end = end;
        } else {
          flush();
          last = { table: this.name, calls: 1, ms: end - start, start, end };
        }
      }
    };
  }
})()`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist', 'bench');

async function main() {
  const actions = Number(process.argv[2] ?? 60_000);
  const megabytes = Number(process.argv[3] ?? 100);
  const chromiumFound = ensureChromium();
  if (!chromiumFound.ok) throw new Error(chromiumFound.message);
  if (!process.env.NO_BUILD)
    await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn', build: { minify: false } });
  const { server, origin } = await serve(dist);
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumFound.path,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate(([a, mb]) => (window as unknown as BenchWindow).importLongTaskBench.makePlan(a, mb), [actions, megabytes] as const);
    // A CPU profile names Dexie's mutate for a slow write, not the table: IndexedDB put/add calls
    // (their structured clone is synchronous) are timed, back-to-back calls on one table (a
    // bulkPut) taken together, and every run over 10 ms is named by table.
    // As text: tsx names functions with a helper (__name) that the page does not have.
    await page.evaluate(TIME_WRITES);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const result = await page.evaluate(() =>
      (window as unknown as BenchWindow).importLongTaskBench.importWatchingLongTasks('longtask', 20),
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log('bench result', JSON.stringify(result));
    const slowPuts = await page.evaluate(() => (window as unknown as { slowPuts: () => unknown[] }).slowPuts());
    console.log('IndexedDB puts over 10 ms', JSON.stringify(slowPuts));
    report(profile);
  } finally {
    await context.close();
    server.close();
    await fs.rm(profileDir, { recursive: true, force: true });
  }
}

function report(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) (byId.get(child) as ProfileNode).parent = node.id;
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  const isIdle = (id: number) => ['(idle)', '(program)'].includes(byId.get(id)?.callFrame.functionName ?? '');
  // Busy runs: consecutive samples that are neither idle nor the browser's own (program) time.
  type Run = { start: number; ms: number; samples: number[] };
  const runs: Run[] = [];
  let time = 0;
  let current: Run | null = null;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    time += delta;
    const sample = profile.samples[index] as number;
    if (isIdle(sample)) {
      if (current) runs.push(current);
      current = null;
      continue;
    }
    if (!current) current = { start: time, ms: 0, samples: [] };
    current.ms += delta;
    current.samples.push(sample);
  }
  if (current) runs.push(current);
  const long = runs.filter((run) => run.ms > 50).sort((a, b) => b.ms - a.ms);
  console.log(`${long.length} busy runs over 50 ms; total ${Math.round(long.reduce((s, r) => s + r.ms, 0))} ms`);
  // On a loaded machine wall-clock stretches; the samples taken (1 ms apart when the thread gets
  // the CPU) say how much work a run held.
  const bySamples = [...runs].sort((a, b) => b.samples.length - a.samples.length)[0];
  if (bySamples)
    console.log(
      `most samples in one busy run: ${bySamples.samples.length} (${Math.round(bySamples.ms)} ms at ${Math.round(bySamples.start)} ms)`,
    );
  for (const run of long.slice(0, Number(process.env.TOP ?? 12))) {
    const self = new Map<string, number>();
    const paths = new Map<string, number>();
    for (const sample of run.samples) {
      const node = byId.get(sample) as ProfileNode;
      self.set(name(node), (self.get(name(node)) ?? 0) + 1);
      const chain: string[] = [];
      for (let at: ProfileNode | undefined = node; at; at = at.parent ? byId.get(at.parent) : undefined)
        if (at.callFrame.url.includes('/assets/') || at.callFrame.functionName.startsWith('(')) chain.push(name(at));
      const key = chain.slice(0, Number(process.env.DEPTH ?? 6)).join(' < ');
      paths.set(key, (paths.get(key) ?? 0) + 1);
    }
    console.log(`\n== ${Math.round(run.ms)} ms (${run.samples.length} samples) at ${Math.round(run.start)} ms`);
    for (const [fn, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  self ${count}  ${fn}`);
    for (const [chain, count] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  path ${count}  ${chain}`);
  }
}

runScript(main);
