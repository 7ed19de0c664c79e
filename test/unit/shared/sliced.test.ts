import { describe, expect, it } from 'vitest';
import { runInSlices, runToEnd, sortSteps, type Sliced } from '../../../shared/sliced';

// A long computation written as a generator: run straight through, or with a pause whenever the
// time budget is spent. The clock is faked, so the slices are exact.

function* countTo(limit: number, clock: { t: number }, costPerStep: number): Sliced<number> {
  let total = 0;
  for (let i = 1; i <= limit; i += 1) {
    clock.t += costPerStep;
    total += i;
    yield;
  }
  return total;
}

describe('sliced computations', () => {
  it('run to the end give the same result as in slices', async () => {
    const clock = { t: 0 };
    expect(runToEnd(countTo(100, clock, 1))).toBe(5050);
    const sliced = await runInSlices(countTo(100, clock, 1), () => Promise.resolve(), { budgetMs: 10, now: () => clock.t });
    expect(sliced).toBe(5050);
  });

  it('pause once each time the budget is spent, and resume the clock after each pause', async () => {
    const clock = { t: 0 };
    const pausedAt: number[] = [];
    const pause = () => {
      pausedAt.push(clock.t);
      clock.t += 1000; // time spent away (painting, input) does not count against the next slice
      return Promise.resolve();
    };
    await runInSlices(countTo(100, clock, 1), pause, { budgetMs: 20, now: () => clock.t });
    expect(pausedAt.length).toBe(5);
    // 20 steps of 1 ms each between pauses, each slice measured from the end of the last pause.
    expect(pausedAt).toEqual([20, 1040, 2060, 3080, 4100]);
  });

  it('never pause when the work fits in the budget', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    await runInSlices(countTo(10, clock, 1), () => Promise.resolve(pauses++), { budgetMs: 50, now: () => clock.t });
    expect(pauses).toBe(0);
  });

  it('stop at the first error, after pausing, without running further steps', async () => {
    const clock = { t: 0 };
    let ran = 0;
    function* failing(): Sliced<number> {
      for (let i = 0; i < 50; i += 1) {
        ran += 1;
        clock.t += 5;
        if (i === 30) throw new Error('step 30 failed');
        yield;
      }
      return ran;
    }
    let pauses = 0;
    await expect(runInSlices(failing(), () => Promise.resolve(pauses++), { budgetMs: 10, now: () => clock.t })).rejects.toThrow(
      'step 30 failed',
    );
    expect(ran).toBe(31);
    expect(pauses).toBeGreaterThan(10);
  });
});

describe('sorting in steps', () => {
  it('sorts as Array.prototype.sort does, stably, yielding as it goes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const size of [0, 1, 2, 3, 17, 1000, 9000]) {
      const items = Array.from({ length: size }, (_, index) => ({ key: Math.floor(random() * 50), index }));
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(compare);
      let yields = 0;
      const steps = sortSteps(items, compare);
      let next = steps.next();
      while (!next.done) {
        yields += 1;
        next = steps.next();
      }
      // In place, the same order as the built-in stable sort (ties by their original index).
      expect(next.value).toBe(items);
      expect(items).toEqual(expected);
      if (size >= 9000) expect(yields).toBeGreaterThan(20);
    }
  });
});
