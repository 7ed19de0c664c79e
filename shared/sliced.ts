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
