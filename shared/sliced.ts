/**
 * A long computation written as a generator that yields between units of work, so the caller
 * decides whether to run it straight through ({@link runToEnd}) or hand the event loop back every
 * few milliseconds ({@link runInSlices}). Pure: the pause and the clock are passed in.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs a sliced computation in one go (tests, the CLI, small plans). */
export function runToEnd<T>(steps: Sliced<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export type SliceOptions = {
  /** Milliseconds of work before pausing: under the 50 ms at which Chromium reports a long task. */
  budgetMs?: number;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
};

/**
 * Runs a sliced computation, awaiting `pause` whenever `budgetMs` of work has passed since the
 * last pause. The pause is the caller's: inside a Dexie transaction it must keep the transaction
 * alive (awaiting a bare timer there commits it).
 */
export async function runInSlices<T>(steps: Sliced<T>, pause: () => PromiseLike<unknown>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 20;
  const now = options.now ?? (() => Date.now());
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart >= budget) {
      await pause();
      sliceStart = now();
    }
  }
}

/** Items merged between two yields while sorting. */
const SORT_STEP = 2048;

/**
 * Sorts `items` in place, stably, as `items.sort(compare)` does, in steps: a bottom-up merge sort
 * that yields after every few thousand items merged (sorting 60,000 list rows in one call was a
 * long task of its own).
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  let source = items.slice();
  let target = items.slice();
  let work = 0;
  for (let width = 1; width < source.length; width *= 2) {
    for (let start = 0; start < source.length; start += 2 * width) {
      const middle = Math.min(start + width, source.length);
      const end = Math.min(start + 2 * width, source.length);
      let left = start;
      let right = middle;
      let at = start;
      // The right one first only if strictly smaller: equal items keep their order (stable).
      while (left < middle && right < end)
        target[at++] = compare(source[right] as T, source[left] as T) < 0 ? (source[right++] as T) : (source[left++] as T);
      while (left < middle) target[at++] = source[left++] as T;
      while (right < end) target[at++] = source[right++] as T;
      work += end - start;
      if (work >= SORT_STEP) {
        work = 0;
        yield;
      }
    }
    [source, target] = [target, source];
  }
  for (let index = 0; index < items.length; index += 1) items[index] = source[index] as T;
  return items;
}
