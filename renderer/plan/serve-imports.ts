import { OversightDatabase } from '../db/database';
import { storeCandidate } from '../db/plan-repository';
import { checkStore } from '../db/store-guard';
import { isToImportWorker, type FromImportWorker, type StoreRequest } from './import-messages';
import { receiveCandidate } from './receive-candidate';

/** The worker's side of a message port: its global scope in the app, a MessagePort in tests. */
export type ImportPort = {
  postMessage(message: FromImportWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};

/**
 * Answers the window's requests to store plans (the body of renderer/plan/import-worker.ts).
 * The plan is parsed and stored here, off the window's thread: a 100 MB plan's parse, diff and
 * writes, and the garbage collection of its objects, were the window's long tasks. Nothing here
 * touches the DOM or localStorage (a worker has neither).
 */
export function serveImports(port: ImportPort, openDb: (name: string) => OversightDatabase = (name) => new OversightDatabase(name)): void {
  let storing: AbortController | null = null;
  port.addEventListener('message', (event) => {
    const message = event.data;
    if (!isToImportWorker(message)) return;
    if (message.type === 'cancel') {
      storing?.abort();
      return;
    }
    // The window starts one worker per import; a second request would share the AbortController.
    if (storing) {
      port.postMessage({ type: 'failed', name: 'Error', message: 'The import worker is already storing a plan.' });
      return;
    }
    const controller = new AbortController();
    storing = controller;
    void storeRequested(port, message, controller.signal, openDb).finally(() => {
      storing = null;
    });
  });
  port.postMessage({ type: 'ready' });
}

async function storeRequested(
  port: ImportPort,
  request: StoreRequest,
  signal: AbortSignal,
  openDb: (name: string) => OversightDatabase,
): Promise<void> {
  const db = openDb(request.dbName);
  try {
    // The window checked the store before starting sync; checked again here, as this is a
    // connection of its own and must never write into a store a newer build has upgraded.
    const check = await checkStore(db);
    if (!check.ok) throw new Error(check.message);
    // The bytes' decode and parse, with receive-candidate's located message when they fail.
    const candidate = receiveCandidate(request.candidate);
    const outcome = await storeCandidate(db, candidate, {
      ...(request.boardId !== undefined ? { boardId: request.boardId } : {}),
      signal,
      // Off the window's thread nothing needs to yield: every chunk of entities is handed over at
      // once, the rest computed while IndexedDB stores them, and Cancel aborts the transaction.
      sliceMs: Infinity,
      onProgress: (stored, total) => port.postMessage({ type: 'progress', stored, total }),
    });
    port.postMessage({ type: 'outcome', outcome });
  } catch (error) {
    port.postMessage({
      type: 'failed',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db.close();
  }
}
