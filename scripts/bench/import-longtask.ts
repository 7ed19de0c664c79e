import type { Page } from 'playwright-core';
import type { Figure } from './run';

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
  const baseline = await run(null);
  const sliced = await run(20);
  const label = `${sliced.megabytes.toFixed(0)} MB import (${sliced.actions.toLocaleString('en-GB')} actions)`;
  return [
    {
      name: `longest main-thread task during a ${label}`,
      value: sliced.longestMs,
      unit: 'ms',
      baseline: { name: 'same import, diff, figures and search index each in one task', value: baseline.longestMs },
      note: `${sliced.count} long tasks, ${Math.round(sliced.totalMs)} ms in all; baseline ${baseline.count}, ${Math.round(baseline.totalMs)} ms`,
    },
    {
      name: `store a ${label}, sliced, start to end`,
      value: sliced.ms,
      unit: 'ms',
      baseline: { name: 'same import unsliced', value: baseline.ms },
    },
  ];
}
