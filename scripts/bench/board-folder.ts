// The board folder (issue 15): 20 members × 2 devices and the clerk share a year of monthly
// meetings' annotations through a folder that delays, reorders, duplicates, conflict-copies and
// truncates files, with forgeries mixed in (test/unit/board/simulation.ts). Node-side: every
// laptop's reading, verifying and merging, one after another on one core.
import { pathToFileURL } from 'node:url';
import { simulateBoard } from '../../test/unit/board/simulation';
import type { Figure } from './run';

/** Runs the year and returns the board folder figures. */
export async function benchBoardFolder(): Promise<Figure[]> {
  const started = performance.now();
  const result = await simulateBoard({
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
  });
  const ms = performance.now() - started;
  if (!result.converged) throw new Error('board folder: the devices did not converge');
  return [
    {
      name: 'board folder: 40 devices converge',
      value: ms,
      unit: 'ms',
      note: `${result.devices} devices (20 members × 2 and the clerk), ${result.legitFilesWritten} files written in the year, ${result.annotations} shared annotations; every device read every file`,
    },
    { name: 'board folder: records lost', value: result.recordsLost, unit: 'records', note: 'must be 0' },
    {
      name: 'board folder: forged files accepted',
      value: result.forgedFilesAccepted,
      unit: 'files',
      note: `must be 0, of ${result.forgedFilesWritten} forged files written`,
    },
    {
      name: 'board folder: size after a year',
      value: result.folderBytes / 2 ** 20,
      unit: 'MB',
      note: `${result.folderFiles} files after quarterly snapshots`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const figure of await benchBoardFolder())
    console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit} (${figure.note ?? ''})`);
}
