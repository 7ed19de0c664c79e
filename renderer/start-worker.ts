// Starting the app's module workers (the import worker, the backup worker) the same way: each
// says `{ type: 'ready' }` once its module has loaded; one that cannot be started, fails to load
// (a blocked script) or takes too long is stopped, and the window does the work itself.

/** What the window needs of a Worker (a Worker in the app; a MessagePort pair in tests). */
export type WorkerLike<ToWorker> = {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
};

/** True once the worker says its module loaded; false if it fails to load or takes longer than `withinMs`. */
function whenReady(worker: WorkerLike<unknown>, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), withinMs);
    const settle = (isReady: boolean) => {
      clearTimeout(timer);
      resolve(isReady);
    };
    worker.addEventListener('message', (event) => {
      const data = (event as MessageEvent<unknown>).data;
      if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ready') settle(true);
    });
    worker.addEventListener('error', () => settle(false));
  });
}

/**
 * Starts a worker and waits for it to say it is ready; null when there is none (jsdom), or it
 * could not be started or did not load in time, each said in the console as `The NAME worker …,
 * so FALLBACK.`
 */
export async function startReadyWorker<W extends WorkerLike<never>>(
  start: () => W | null,
  { name, fallback, readyWithinMs }: { name: string; fallback: string; readyWithinMs: number },
): Promise<W | null> {
  let worker: W | null = null;
  try {
    worker = start();
  } catch (error) {
    console.warn(`The ${name} worker could not be started, so ${fallback}.`, error);
  }
  if (!worker) return null;
  if (await whenReady(worker as unknown as WorkerLike<unknown>, readyWithinMs)) return worker;
  worker.terminate();
  console.warn(`The ${name} worker did not start, so ${fallback}.`);
  return null;
}
