import { Dexie } from 'dexie';
import { runInSlices, type Sliced } from '../../shared/sliced';

/**
 * Hands the event loop back for one macrotask. Inside a Dexie transaction a bare timer would let
 * IndexedDB commit the transaction (no request in flight), so the wait goes through Dexie.waitFor,
 * which keeps requests in flight on the transaction until the timer fires.
 */
export function yieldToWindow(): PromiseLike<unknown> {
  const timer = new Promise<void>((resolve) => setTimeout(resolve, 0));
  return Dexie.currentTransaction ? Dexie.waitFor(timer) : timer;
}

/** Milliseconds of computing between two yields: well under Chromium's 50 ms long task. */
export const SLICE_MS = 20;

/**
 * Runs a sliced computation (the diff, plan review's figures, the search changes of an import),
 * yielding to the window every few milliseconds so no part of it is one long task, while staying
 * inside the caller's transaction.
 */
export function runSliced<T>(steps: Sliced<T>, budgetMs = SLICE_MS): Promise<T> {
  return runInSlices(steps, yieldToWindow, { budgetMs, now: () => performance.now() });
}
