import type { Page } from 'playwright-core';
import { measured, type Figure } from './stats';

// Issue 13 item 4: a 100 MB plan (60,000 actions) blocked the window for 62 s in one task.
// In Chromium, the longest main-thread task (PerformanceObserver 'longtask') while the plan is
// stored: as the app does, its JSON's bytes moved to the import worker (renderer/plan/import-worker.ts),
// which parses it and runs the real storeCandidate, against the same import in the window with
// slicing off (diff, figures and search index each computed in one go), each in a fresh profile.

type LongTaskBench = {
  importLongTaskBench: {
    makePlan(actions: number, megabytes: number, form?: 'object' | 'bytes'): { megabytes: number; actions: number };
    importWatchingLongTasks(dbName: string, sliceMs: number): Promise<Watched>;
    importInWorkerWatchingLongTasks(dbName: string): Promise<Watched>;
  };
};
type Watched = {
  status: string;
  ms: number;
  longestMs: number;
  count: number;
  totalMs: number;
  /** After the outcome, until the window's search index took in the plan. */
  afterMs: number;
  afterLongestMs: number;
  afterCount: number;
  afterTotalMs: number;
};
const WORKER_SCRIPT = /\/assets\/import-worker-[^/]+\.js$/;

export async function benchImportLongTask(
  freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  actions = Number(process.env.BENCH_LONGTASK_ACTIONS ?? 60_000),
  megabytes = Number(process.env.BENCH_LONGTASK_MB ?? 100),
): Promise<Figure[]> {
  // 'worker': the app's path; 'unsliced': the baseline, stored in the window in one go.
  const run = async (path: 'worker' | 'unsliced') => {
    const { page, close } = await freshPage();
    try {
      let workers = 0;
      page.on('worker', (worker) => {
        if (WORKER_SCRIPT.test(worker.url())) workers += 1;
      });
      const plan = await page.evaluate(([a, mb, form]) => (window as unknown as LongTaskBench).importLongTaskBench.makePlan(a, mb, form), [
        actions,
        megabytes,
        path === 'worker' ? 'bytes' : 'object',
      ] as const);
      const result =
        path === 'worker'
          ? await page.evaluate(() => (window as unknown as LongTaskBench).importLongTaskBench.importInWorkerWatchingLongTasks('longtask'))
          : // Infinity does not survive the trip to the page: sent as null, "never yield".
            await page.evaluate(
              ([slice]) => (window as unknown as LongTaskBench).importLongTaskBench.importWatchingLongTasks('longtask', slice ?? Infinity),
              [null] as const,
            );
      if (result.status !== 'imported') throw new Error(`longtask bench import: ${result.status}`);
      // A worker that failed to start would have left the import to the window: not this figure.
      if (path === 'worker' && workers !== 1) throw new Error(`longtask bench: ${workers} import workers started, not 1`);
      return { ...result, ...plan };
    } finally {
      await close();
    }
  };
  // Rounds alternate the baseline and the app (each in a fresh profile), so both see the same load.
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const baselines: Awaited<ReturnType<typeof run>>[] = [];
  const workerRuns: Awaited<ReturnType<typeof run>>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    console.log(`Long tasks during a large import, round ${round + 1} of ${rounds}…`);
    baselines.push(await run('unsliced'));
    workerRuns.push(await run('worker'));
  }
  const first = workerRuns[0];
  if (!first) throw new Error('no rounds');
  const label = `${first.megabytes.toFixed(0)} MB import (${first.actions.toLocaleString('en-GB')} actions)`;
  const counts = (runs: typeof workerRuns) => runs.map((result) => `${result.count} (${Math.round(result.totalMs)} ms)`).join(', ');
  return [
    measured(
      `longest main-thread task during a ${label}`,
      'ms',
      workerRuns.map((result) => result.longestMs),
      {
        baseline: {
          name: 'same import in the window, diff, figures and search index each in one task',
          runs: baselines.map((result) => result.longestMs),
        },
        goal: { atMost: 50 },
        note: `stored by the import worker from the plan's bytes; long tasks (time in them) per round: ${counts(workerRuns)}; baseline ${counts(baselines)}`,
      },
    ),
    measured(
      `after a ${label} in the import worker: longest task while the window's search index takes it in`,
      'ms',
      workerRuns.map((result) => result.afterLongestMs),
      {
        note: `from the outcome until the search index changed, then 1 s: ${workerRuns
          .map((result) => `${Math.round(result.afterMs)} ms, ${result.afterCount} long tasks (${Math.round(result.afterTotalMs)} ms)`)
          .join('; ')}`,
      },
    ),
    measured(
      `store a ${label} in the import worker (bytes moved, parsed, stored), start to end`,
      'ms',
      workerRuns.map((result) => result.ms),
      { baseline: { name: 'same import in the window, unsliced, from the parsed plan', runs: baselines.map((result) => result.ms) } },
    ),
  ];
}
