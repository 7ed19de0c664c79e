import type { Page } from 'playwright-core';
import { measured, type Figure } from './stats';

// Issue 13 item 4: a 100 MB plan (60,000 actions) blocked the window for 62 s in one task.
// In Chromium, the longest main-thread task (PerformanceObserver 'longtask') while the renderer's
// real storeCandidate stores it: sliced (the app) against the same import with slicing off
// (diff, figures and search index each computed in one go), each in a fresh profile.

type LongTaskBench = {
  importLongTaskBench: {
    makePlan(actions: number, megabytes: number): { megabytes: number; actions: number };
    importWatchingLongTasks(
      dbName: string,
      sliceMs: number,
    ): Promise<{ status: string; ms: number; longestMs: number; count: number; totalMs: number }>;
  };
};

export async function benchImportLongTask(
  freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  actions = Number(process.env.BENCH_LONGTASK_ACTIONS ?? 60_000),
  megabytes = Number(process.env.BENCH_LONGTASK_MB ?? 100),
): Promise<Figure[]> {
  const run = async (sliceMs: number | null) => {
    const { page, close } = await freshPage();
    try {
      const plan = await page.evaluate(([a, mb]) => (window as unknown as LongTaskBench).importLongTaskBench.makePlan(a, mb), [
        actions,
        megabytes,
      ] as const);
      // Infinity does not survive the trip to the page: null stands for "never yield".
      const result = await page.evaluate(
        ([slice]) => (window as unknown as LongTaskBench).importLongTaskBench.importWatchingLongTasks('longtask', slice ?? Infinity),
        [sliceMs] as const,
      );
      if (result.status !== 'imported') throw new Error(`longtask bench import: ${result.status}`);
      return { ...result, ...plan };
    } finally {
      await close();
    }
  };
  // Rounds alternate the baseline and the app (each in a fresh profile), so both see the same load.
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const baselines: Awaited<ReturnType<typeof run>>[] = [];
  const slicedRuns: Awaited<ReturnType<typeof run>>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    console.log(`Long tasks during a large import, round ${round + 1} of ${rounds}…`);
    baselines.push(await run(null));
    slicedRuns.push(await run(20));
  }
  const first = slicedRuns[0];
  if (!first) throw new Error('no rounds');
  const label = `${first.megabytes.toFixed(0)} MB import (${first.actions.toLocaleString('en-GB')} actions)`;
  const counts = (runs: typeof slicedRuns) => runs.map((result) => `${result.count} (${Math.round(result.totalMs)} ms)`).join(', ');
  return [
    measured(
      `longest main-thread task during a ${label}`,
      'ms',
      slicedRuns.map((result) => result.longestMs),
      {
        baseline: {
          name: 'same import, diff, figures and search index each in one task',
          runs: baselines.map((result) => result.longestMs),
        },
        goal: { atMost: 50 },
        note: `long tasks (time in them) per round: ${counts(slicedRuns)}; baseline ${counts(baselines)}`,
      },
    ),
    measured(
      `store a ${label}, sliced, start to end`,
      'ms',
      slicedRuns.map((result) => result.ms),
      { baseline: { name: 'same import unsliced', runs: baselines.map((result) => result.ms) } },
    ),
  ];
}
