import type { CandidateReply } from '../../shared/ipc/contract';
import type { StoreOutcome } from '../db/plan-repository';

// The messages between the window and the import worker (renderer/plan/import-worker.ts). Both
// ends are this build's own code, but each end still checks a message's shape before acting on it.

/** Store one candidate: a plan as the bytes of its JSON (transferred, not copied) or as the plan object. */
export type StoreRequest = { type: 'store'; dbName: string; candidate: CandidateReply; boardId?: string };

/** Cancel the import being stored (its transaction is aborted at once and rolls back). */
export type CancelRequest = { type: 'cancel' };

export type ToImportWorker = StoreRequest | CancelRequest;

export type FromImportWorker =
  /** The worker's module has loaded: a plan's bytes can be handed over. */
  | { type: 'ready' }
  | { type: 'progress'; stored: number; total: number }
  | { type: 'outcome'; outcome: StoreOutcome }
  /** The import failed and its transaction rolled back; `name` is the error's (ImportCancelledError when cancelled). */
  | { type: 'failed'; name: string; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether a message the worker received is one of the window's requests. */
export function isToImportWorker(value: unknown): value is ToImportWorker {
  if (!isRecord(value)) return false;
  if (value.type === 'cancel') return true;
  return (
    value.type === 'store' &&
    typeof value.dbName === 'string' &&
    isRecord(value.candidate) &&
    (value.boardId === undefined || typeof value.boardId === 'string')
  );
}

/** Whether a message the window received is one of the worker's answers. */
export function isFromImportWorker(value: unknown): value is FromImportWorker {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'progress':
      return typeof value.stored === 'number' && typeof value.total === 'number';
    case 'outcome':
      return isRecord(value.outcome) && typeof value.outcome.status === 'string';
    case 'failed':
      return typeof value.name === 'string' && typeof value.message === 'string';
    default:
      return false;
  }
}
