import type { CandidateReply } from '../../shared/ipc/contract';
import type { OversightDatabase } from '../db/database';
import { storeCandidate, type StoreOutcome } from '../db/plan-repository';
import { isFromImportWorker, type StoreRequest, type ToImportWorker } from './import-messages';
import { receiveCandidate } from './receive-candidate';
import { startReadyWorker, type WorkerLike } from '../start-worker';

/** What the window needs of a Worker (a Worker in the app; a MessagePort pair in tests). */
export type ImportWorkerLike = WorkerLike<ToImportWorker>;

export type StoreInWorkerOptions = {
  /** The board a new plan is filed under (the open board unless given). */
  boardId?: string;
  /** Aborting it cancels the import at once (in the worker) or between two chunks (in the window): the transaction rolls back, nothing changes. */
  signal?: AbortSignal;
  /** Told as entities are written: how many of how many. */
  onProgress?: (stored: number, total: number) => void;
  /** Starts the worker: null where there is none (jsdom). Tests pass their own. */
  startWorker?: () => ImportWorkerLike | null;
  /**
   * A worker started ahead ({@link readyImportWorker}), while main still examined the file: used
   * instead of starting one, and stopped when done like any. Null inside: it could not load, and
   * the window stores the plan itself.
   */
  started?: Promise<ImportWorkerLike | null>;
  /** How long the worker's module may take to load before the window stores the plan itself. */
  readyWithinMs?: number;
};

/** Starts the import worker, or null where the page has no Worker (jsdom). */
export function startImportWorker(): ImportWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  // Vite bundles the worker and its imports into a file of its own, served from the app's origin
  // (the CSP's worker-src 'self').
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'oversight-import' });
}

/**
 * Stores a candidate as main sent it (a valid plan as its JSON's bytes, or as the plan object),
 * in a worker of its own: the plan's parse, the store's computing and their garbage collection
 * then run off the window's thread, and the window paints and takes input throughout (a 100 MB
 * plan stored in the window held it in tasks of over 100 ms). One logical import as before: one
 * transaction, all or nothing. Where there is no Worker, or it does not start, the window stores
 * the plan itself through the same storeCandidate, sliced.
 */
export async function storeCandidateInWorker(
  db: OversightDatabase,
  sent: CandidateReply,
  options: StoreInWorkerOptions = {},
): Promise<StoreOutcome> {
  const worker = await (options.started ?? readyImportWorker(options));
  if (!worker) return storeInWindow(db, sent, options);
  try {
    return await storeThrough(worker, db.name, sent, options);
  } finally {
    worker.terminate();
  }
}

/**
 * Starts the import worker and waits for its module to load (55–75 ms here, 6–9% of a
 * revision's import): null where it cannot run, and the window stores the plan itself. The sync
 * controller starts one as soon as main validates a file, so that a valid plan finds it loaded.
 */
export function readyImportWorker(
  options: Pick<StoreInWorkerOptions, 'startWorker' | 'readyWithinMs'> = {},
): Promise<ImportWorkerLike | null> {
  return startReadyWorker(options.startWorker ?? startImportWorker, {
    name: 'import',
    fallback: 'the plan is stored by the window',
    readyWithinMs: options.readyWithinMs ?? 15_000,
  });
}

function storeInWindow(db: OversightDatabase, sent: CandidateReply, options: StoreInWorkerOptions): Promise<StoreOutcome> {
  return storeCandidate(db, receiveCandidate(sent), {
    ...(options.boardId !== undefined ? { boardId: options.boardId } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** The plan's bytes are moved to the worker, not copied (100 MB copied was a long task of its own). */
function transferable(sent: CandidateReply): Transferable[] {
  if (!('planJson' in sent.outcome)) return [];
  const bytes = sent.outcome.planJson;
  // Only a buffer the bytes fill: moving a shared one (a pool) would take other data with it.
  const isWhole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return isWhole ? [bytes.buffer] : [];
}

function storeThrough(
  worker: ImportWorkerLike,
  dbName: string,
  sent: CandidateReply,
  options: StoreInWorkerOptions,
): Promise<StoreOutcome> {
  return new Promise<StoreOutcome>((resolve, reject) => {
    const cancel = () => worker.postMessage({ type: 'cancel' });
    const settle = () => options.signal?.removeEventListener('abort', cancel);
    worker.addEventListener('message', (event) => {
      const message = (event as MessageEvent<unknown>).data;
      if (!isFromImportWorker(message)) return;
      if (message.type === 'progress') options.onProgress?.(message.stored, message.total);
      if (message.type === 'outcome') {
        settle();
        resolve(message.outcome);
      }
      if (message.type === 'failed') {
        settle();
        // The error's name travels with it, so the window tells a cancelled import
        // (isImportCancelled) and a full disk (QuotaExceededError) from any other failure.
        reject(Object.assign(new Error(message.message), { name: message.name }));
      }
    });
    const stopped = (what: string) => () => {
      settle();
      // The worker's transaction dies with it, so nothing was stored.
      reject(new Error(`The import worker ${what}, so nothing was stored.`));
    };
    worker.addEventListener('error', stopped('stopped with an error'));
    worker.addEventListener('messageerror', stopped('could not read a message'));
    const request: StoreRequest = {
      type: 'store',
      dbName,
      candidate: sent,
      ...(options.boardId !== undefined ? { boardId: options.boardId } : {}),
    };
    worker.postMessage(request, transferable(sent));
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel, { once: true });
  });
}
