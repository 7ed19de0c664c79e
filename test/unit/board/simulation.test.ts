import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateBoard } from './simulation';

// The board folder's promise (docs/decisions/0007-board-folder.md): whatever the sync client does
// to files, every laptop ends the year with the same annotations, none lost, no forgery merged.

const percent = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 100);

describe('board folder simulation', () => {
  it('converges, loses nothing and refuses every forgery, whatever the folder does to files (property)', async () => {
    const totals = { truncated: 0, conflictCopies: 0, duplicates: 0, deletions: 0, forged: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          members: fc.integer({ min: 1, max: 3 }),
          stepsPerMonth: fc.integer({ min: 1, max: 3 }),
          editsPerStep: fc.integer({ min: 5, max: 20 }).map((tenths) => tenths / 10),
          maxDelay: fc.integer({ min: 0, max: 4 }),
          duplicate: percent(5, 50),
          conflictCopy: percent(5, 50),
          truncate: percent(5, 60),
          forgeriesPerMonth: fc.integer({ min: 1, max: 4 }),
          snapshotEveryMonths: fc.constantFrom(0, 3, 4),
          removeDevice: fc.boolean(),
        }),
        async (options) => {
          const result = await simulateBoard({ ...options, months: 12 });
          totals.truncated += result.faults.truncated;
          totals.conflictCopies += result.faults.conflictCopies;
          totals.duplicates += result.faults.duplicates;
          totals.deletions += result.faults.deletions;
          totals.forged += result.forgedFilesWritten;
          expect(result.converged).toBe(true);
          expect(result.recordsLost).toBe(0);
          expect(result.forgedFilesAccepted).toBe(0);
          expect(result.legitFilesRefused).toBe(0);
          expect(result.privateLeaked).toBe(0);
          expect(result.annotations).toBeGreaterThan(0);
        },
      ),
      { numRuns: 12 },
    );
    // The runs really did meet every fault and forgery (else the property proved little).
    expect(totals.truncated).toBeGreaterThan(0);
    expect(totals.conflictCopies).toBeGreaterThan(0);
    expect(totals.duplicates).toBeGreaterThan(0);
    expect(totals.deletions).toBeGreaterThan(0);
    expect(totals.forged).toBeGreaterThan(12);
  }, 240_000);

  it('is the same year every time for the same seed (so a failure can be replayed)', async () => {
    const options = {
      seed: 42,
      members: 2,
      months: 12,
      stepsPerMonth: 2,
      editsPerStep: 1,
      maxDelay: 3,
      duplicate: 0.3,
      conflictCopy: 0.3,
      truncate: 0.3,
      forgeriesPerMonth: 2,
      snapshotEveryMonths: 4,
      removeDevice: true,
    };
    const first = await simulateBoard(options);
    const second = await simulateBoard(options);
    expect({ ...second, folderBytes: 0 }).toEqual({ ...first, folderBytes: 0 });
    expect(first.converged).toBe(true);
    expect(first.forgedFilesWritten).toBeGreaterThan(0);
  }, 60_000);
});
