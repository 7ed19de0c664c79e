import type { Page } from 'playwright-core';
import { measured, type Figure } from './stats';

// Issue 5's target: merging a file of 20,000 annotations into a store already holding 50,000
// costs at most 1.5× a bare IndexedDB write of the same 20,000 records in the same run, and
// merging the same file again writes nothing.

type AnnotationsBench = {
  annotationsBench: {
    seedAnnotations(count: number, dbName: string): Promise<number>;
    mergeFile(
      count: number,
      dbName: string,
    ): Promise<{
      firstMs: number;
      firstWrites: number;
      inserted: number;
      indexMs: number;
      againMs: number;
      againWrites: number;
      againSkipped: number;
    }>;
    bareWrite(count: number, dbName: string, withIndex: boolean): Promise<{ ms: number; records: number }>;
  };
};

/** Runs the annotation merge benchmark; `freshPage` opens the bench page in a new, empty profile. */
export async function benchAnnotations(
  freshPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  sizes = { existing: 50_000, incoming: 20_000 },
  rounds = 3,
): Promise<Figure[]> {
  const bare: number[] = [];
  const bareIndexed: number[] = [];
  const merges: Array<{
    firstMs: number;
    firstWrites: number;
    inserted: number;
    indexMs: number;
    againMs: number;
    againWrites: number;
    againSkipped: number;
  }> = [];
  for (let round = 0; round < Math.max(3, rounds); round += 1) {
    const baseline = await freshPage();
    bare.push(
      (
        await baseline.page.evaluate(
          ([count]) => (window as unknown as AnnotationsBench).annotationsBench.bareWrite(count, 'bare', false),
          [sizes.incoming] as const,
        )
      ).ms,
    );
    bareIndexed.push(
      (
        await baseline.page.evaluate(
          ([count]) => (window as unknown as AnnotationsBench).annotationsBench.bareWrite(count, 'bare-indexed', true),
          [sizes.incoming] as const,
        )
      ).ms,
    );
    await baseline.close();

    const ours = await freshPage();
    const seeded = await ours.page.evaluate(
      ([count]) => (window as unknown as AnnotationsBench).annotationsBench.seedAnnotations(count, 'oversight'),
      [sizes.existing] as const,
    );
    if (seeded !== sizes.existing) throw new Error(`seeded ${seeded} annotations`);
    merges.push(
      await ours.page.evaluate(([count]) => (window as unknown as AnnotationsBench).annotationsBench.mergeFile(count, 'oversight'), [
        sizes.incoming,
      ] as const),
    );
    await ours.close();
  }
  const first = merges[0];
  if (!first) throw new Error('no merge ran');
  const incoming = sizes.incoming.toLocaleString('en-GB');
  const mergeRuns = merges.map((merge) => merge.firstMs);
  return [
    measured(`merge ${incoming} annotations into ${sizes.existing.toLocaleString('en-GB')}`, 'ms', mergeRuns, {
      baseline: { name: `bare IndexedDB write of the same ${incoming} records`, runs: bare },
      goal: { ratioAtMost: 1.5 },
    }),
    measured(`merge ${incoming} annotations: against a bare write with the same index`, 'ms', mergeRuns, {
      baseline: { name: 'bare write, targetKey index', runs: bareIndexed },
    }),
    {
      name: 'merge: records written',
      value: Math.max(...merges.map((merge) => merge.firstWrites)),
      unit: 'records',
      baseline: { name: 'annotations in the file + 2 notes (merged files, waiting for the index)', value: first.inserted + 2 },
    },
    {
      name: 'merge the same file again: records written',
      value: Math.max(...merges.map((merge) => merge.againWrites)),
      unit: 'records',
      goal: { atMost: 0 },
    },
    measured(
      'merge the same file again',
      'ms',
      merges.map((merge) => merge.againMs),
    ),
    measured(
      `then index the ${incoming} merged annotations for search (own transaction)`,
      'ms',
      merges.map((merge) => merge.indexMs),
    ),
  ];
}
