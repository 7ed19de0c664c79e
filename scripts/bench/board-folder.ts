// The board folder (issue 15): 20 members × 2 devices and the clerk share a year of monthly
// meetings' annotations through a folder that delays, reorders, duplicates, conflict-copies and
// truncates files, with forgeries mixed in (test/unit/board/simulation.ts). Node-side: every
// laptop's reading, verifying and merging, one after another on one core.
import { pathToFileURL } from 'node:url';
import { simulateBoard } from '../../test/unit/board/simulation';
import { measured, type Figure } from './stats';

const YEAR = {
  seed: 2026,
  members: 20,
  months: 12,
  stepsPerMonth: 4,
  editsPerStep: 1.5,
  maxDelay: 3,
  duplicate: 0.1,
  conflictCopy: 0.1,
  truncate: 0.2,
  forgeriesPerMonth: 4,
  snapshotEveryMonths: 3,
  removeDevice: true,
} as const;

/** Runs the same year `BENCH_ROUNDS` times (at least three) and returns the board folder figures. */
export async function benchBoardFolder(): Promise<Figure[]> {
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const times: number[] = [];
  const results: Awaited<ReturnType<typeof simulateBoard>>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    console.log(`Board folder, round ${round + 1} of ${rounds}…`);
    const started = performance.now();
    const result = await simulateBoard(YEAR);
    times.push(performance.now() - started);
    if (!result.converged) throw new Error('board folder: the devices did not converge');
    results.push(result);
  }
  const result = results[0];
  if (!result) throw new Error('no rounds');
  // The same seed makes the same year each round; the worst round counts all the same.
  const worst = (pick: (run: (typeof results)[number]) => number) => Math.max(...results.map(pick));
  return [
    measured('board folder: 40 devices converge', 'ms', times, {
      note: `${result.devices} devices (20 members × 2 and the clerk), ${result.legitFilesWritten} files written in the year, ${result.annotations} shared annotations; every device read every file`,
    }),
    {
      name: 'board folder: records lost',
      value: worst((run) => run.recordsLost),
      unit: 'records',
      note: `must be 0 (worst of ${rounds} rounds)`,
    },
    {
      name: 'board folder: forged files accepted',
      value: worst((run) => run.forgedFilesAccepted),
      unit: 'files',
      note: `must be 0, of ${result.forgedFilesWritten} forged files written (worst of ${rounds} rounds)`,
    },
    {
      name: 'board folder: size after a year',
      value: worst((run) => run.folderBytes) / 2 ** 20,
      unit: 'MB',
      note: `${result.folderFiles} files after quarterly snapshots`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of await benchBoardFolder())
    console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit} (${figure.note ?? ''})`);
}
