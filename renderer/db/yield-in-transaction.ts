import { Dexie } from 'dexie';
import { runInSlices, type Sliced } from '../../shared/sliced';

const turns = new WeakMap<object, PromiseLike<unknown>>();

/**
 * Hands the event loop back for one macrotask. Inside a Dexie transaction a bare timer would let
 * IndexedDB commit the transaction (no request in flight), so the wait goes through Dexie.waitFor,
 * which keeps requests in flight on the transaction until the timer fires.
 *
 * Work running side by side in one transaction (an import's entity chunks and its search index)
 * shares one wait: Dexie 4.4.7 drops a waiter whose timer has fired but who has not yet been
 * woken when another Dexie.waitFor starts on the same transaction (it empties its queue), and the
 * import then hung until Dexie's 60 s timeout.
 */
export function yieldToWindow(): PromiseLike<unknown> {
  const timer = new Promise<void>((resolve) => setTimeout(resolve, 0));
  const transaction = Dexie.currentTransaction;
  if (!transaction) return timer;
  const current = turns.get(transaction);
  if (current) return current;
  const turn = Dexie.waitFor(timer);
  turns.set(transaction, turn);
  // Forgotten before the waiters wake (registered first), so their next yield is a new turn.
  const forget = () => {
    if (turns.get(transaction) === turn) turns.delete(transaction);
  };
  turn.then(forget, forget);
  return turn;
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
