import type { Page } from 'playwright-core';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { generatePlan } from '../sample/generate-plan';
import { searchQueries } from './plan-review';
import { measured, percentile, ratioOf, type Figure } from './stats';

// How cost grows (issue 18): import, search p95, opening the dashboard and merging annotations
// at 1,000, 10,000 and 50,000 actions (5,000, 50,000 and 200,000 annotations), each against its
// same-run baseline, with the slope between sizes: the exponent k in cost ∝ size^k (1 is
// linear; below 1 is better than linear).

type ScaleWindow = {
  oversightBench: {
    importCandidate(candidate: ImportCandidate, dbName: string): Promise<{ cloneMs: number; storeMs: number; outcome: { status: string } }>;
    bareWrite(candidate: ImportCandidate, dbName: string): Promise<{ ms: number; records: number }>;
  };
  planReviewBench: {
    seedReview(candidate: ImportCandidate, dbName: string, annotations: number): Promise<{ planId: string; annotations: number }>;
    bareReadActions(dbName: string, planId: string): Promise<{ ms: number; count: number }>;
    openDashboard(dbName: string, planId: string): Promise<number>;
    searchQueries(dbName: string, queries: readonly string[]): Promise<{ times: number[] }>;
  };
  annotationsBench: {
    mergeFile(count: number, dbName: string): Promise<{ firstMs: number; indexMs: number }>;
    bareWrite(count: number, dbName: string, withIndex: boolean): Promise<{ ms: number; records: number }>;
  };
};

export type ScaleSize = { actions: number; annotations: number };

/** The sizes to run: `BENCH_SCALE=1000:5000,10000:50000` overrides the issue's three. */
export function scaleSizes(): ScaleSize[] {
  const given = process.env.BENCH_SCALE;
  if (!given)
    return [
      { actions: 1_000, annotations: 5_000 },
      { actions: 10_000, annotations: 50_000 },
      { actions: 50_000, annotations: 200_000 },
    ];
  return given.split(',').map((pair) => {
    const [actions, annotations] = pair.split(':').map(Number);
    return { actions: actions ?? 1_000, annotations: annotations ?? (actions ?? 1_000) * 5 };
  });
}

type Row = { name: string; unit: string; values: number[]; ratios: Array<number | undefined> };

/** The exponent k in cost ∝ size^k between two sizes. */
export function slope(sizeA: number, costA: number, sizeB: number, costB: number): number {
  return Math.log(costB / costA) / Math.log(sizeB / sizeA);
}

/** Runs the scale series; `candidateOf` examines a plan as main does (file, hash, validation). */
export async function benchScale(
  freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  candidateOf: (plan: unknown, name: string) => Promise<ImportCandidate>,
  options: { rounds: number; sizes?: ScaleSize[] },
): Promise<{ figures: Figure[]; table: string }> {
  const sizes = options.sizes ?? scaleSizes();
  const figures: Figure[] = [];
  const rows: Row[] = [
    { name: 'import (store, IPC copy)', unit: 'ms', values: [], ratios: [] },
    { name: 'search p95, 200 queries', unit: 'ms', values: [], ratios: [] },
    { name: 'open the dashboard', unit: 'ms', values: [], ratios: [] },
    { name: 'annotation merge', unit: 'ms', values: [], ratios: [] },
  ];
  const done: ScaleSize[] = [];
  for (const size of sizes) {
    try {
      await runSize(size);
      done.push(size);
    } catch (error) {
      // On a shared machine the largest size can run out of memory or time: keep what was measured.
      console.log(`Scale: ${size.actions.toLocaleString('en-GB')} actions could not be measured: ${String(error).slice(0, 300)}`);
      break;
    }
  }
  return { figures, table: scaleTable(done, rows) };

  async function runSize(size: ScaleSize): Promise<void> {
    const label = `${size.actions.toLocaleString('en-GB')} actions`;
    const notes = `${size.annotations.toLocaleString('en-GB')} annotations`;
    console.log(`Scale: ${label}, ${notes}…`);
    const candidate = await candidateOf(generatePlan({ actions: size.actions, seed: 2026 }), `scale-${size.actions}`);
    // The largest size runs once (minutes each on a shared 2-core machine); the others `rounds` times.
    const rounds = size.actions > 10_000 ? 1 : options.rounds;

    const bare: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const baseline = await freshPage();
      bare.push(
        (
          await baseline.page.evaluate(([c]) => (window as unknown as ScaleWindow).oversightBench.bareWrite(c, 'bare'), [
            candidate,
          ] as const)
        ).ms,
      );
      await baseline.close();
      const app = await freshPage();
      const run = await app.page.evaluate(([c]) => (window as unknown as ScaleWindow).oversightBench.importCandidate(c, 'oversight'), [
        candidate,
      ] as const);
      if (run.outcome.status !== 'imported') throw new Error(`scale import ${run.outcome.status}`);
      ours.push(run.cloneMs + run.storeMs);
      await app.close();
    }
    const importFigure = measured(`scale: import ${label} (IPC copy + store)`, 'ms', ours, {
      baseline: { name: 'bare IndexedDB write of the same records', runs: bare },
    });
    figures.push(importFigure);

    const queries = searchQueries(candidate, 200);
    const review = await freshPage();
    const dashboard: number[] = [];
    const reads: number[] = [];
    const p95: number[] = [];
    try {
      const seeded = await review.page.evaluate(
        ([c, count]) => (window as unknown as ScaleWindow).planReviewBench.seedReview(c, 'review', count),
        [candidate, size.annotations] as const,
      );
      for (let round = 0; round < options.rounds; round += 1) {
        reads.push(
          (
            await review.page.evaluate(([id]) => (window as unknown as ScaleWindow).planReviewBench.bareReadActions('review', id), [
              seeded.planId,
            ] as const)
          ).ms,
        );
        dashboard.push(
          await review.page.evaluate(([id]) => (window as unknown as ScaleWindow).planReviewBench.openDashboard('review', id), [
            seeded.planId,
          ] as const),
        );
        const search = await review.page.evaluate(([q]) => (window as unknown as ScaleWindow).planReviewBench.searchQueries('review', q), [
          queries,
        ] as const);
        p95.push(percentile(search.times, 0.95));
      }
    } finally {
      await review.close();
    }
    const searchFigure = measured(`scale: search p95, ${label} and ${notes}`, 'ms', p95, { goal: { atMost: 30 } });
    const dashboardFigure = measured(`scale: open the dashboard, ${label}`, 'ms', dashboard, {
      baseline: { name: 'bare IndexedDB read of all actions', runs: reads },
    });
    figures.push(searchFigure, dashboardFigure);

    const mergeBare: number[] = [];
    const merges: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const baseline = await freshPage();
      mergeBare.push(
        (
          await baseline.page.evaluate(([count]) => (window as unknown as ScaleWindow).annotationsBench.bareWrite(count, 'bare', true), [
            size.annotations,
          ] as const)
        ).ms,
      );
      await baseline.close();
      const app = await freshPage();
      merges.push(
        (
          await app.page.evaluate(([count]) => (window as unknown as ScaleWindow).annotationsBench.mergeFile(count, 'oversight'), [
            size.annotations,
          ] as const)
        ).firstMs,
      );
      await app.close();
    }
    const mergeFigure = measured(`scale: merge ${notes} into an empty store`, 'ms', merges, {
      baseline: { name: 'bare IndexedDB write of the same records, same index', runs: mergeBare },
      goal: { ratioAtMost: 1.2 },
    });
    figures.push(mergeFigure);

    // The median of each round's ratio to the baseline beside it, as the main table gives it.
    const ratio = (figure: Figure) => ratioOf(figure);
    for (const [row, figure] of [
      [rows[0], importFigure],
      [rows[1], searchFigure],
      [rows[2], dashboardFigure],
      [rows[3], mergeFigure],
    ] as const) {
      row?.values.push(figure.value);
      row?.ratios.push(ratio(figure));
    }
  }
}

function scaleTable(sizes: readonly ScaleSize[], rows: readonly Row[]): string {
  const format = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 });
  const header = [
    'figure',
    ...sizes.map((size) => `${format(size.actions)} actions / ${format(size.annotations)} notes`),
    ...sizes.slice(1).map((size, index) => `slope ${format(sizes[index]?.actions ?? 0)}→${format(size.actions)}`),
  ];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    // Annotation merges grow with the annotations, everything else with the actions.
    const sizeOf = (size: ScaleSize) => (row.name === 'annotation merge' ? size.annotations : size.actions);
    const cells = row.values.map((value, index) => {
      const ratio = row.ratios[index];
      return `${format(value)} ms${ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`}`;
    });
    const slopes = sizes.slice(1).map((size, index) => {
      const before = sizes[index];
      const a = row.values[index];
      const b = row.values[index + 1];
      return before && a !== undefined && b !== undefined && a > 0 ? slope(sizeOf(before), a, sizeOf(size), b).toFixed(2) : '';
    });
    lines.push(`| ${[row.name, ...cells, ...slopes].join(' | ')} |`);
  }
  return lines.join('\n');
}
