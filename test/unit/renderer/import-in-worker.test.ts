import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CandidateReply, ImportCandidate } from '../../../shared/ipc/contract';
import { OversightDatabase } from '../../../renderer/db/database';
import { isImportCancelled, storeCandidate } from '../../../renderer/db/plan-repository';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { isFromImportWorker, isToImportWorker } from '../../../renderer/plan/import-messages';
import {
  readyImportWorker,
  startImportWorker,
  storeCandidateInWorker,
  type ImportWorkerLike,
} from '../../../renderer/plan/import-in-worker';
import { createApi } from '../../../renderer/ipc/client';
import { createSyncController } from '../../../renderer/plan/sync-controller';
import type { OversightBridge } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';
import { serveImports, type ImportPort } from '../../../renderer/plan/serve-imports';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { candidateFor, planObject } from './plan-candidates';

// Issue 13 item 4: plans are stored by a worker of their own. Here the worker's side
// (serveImports) runs at the far end of a real MessageChannel, so every message is cloned (and
// the plan's bytes transferred) as between the window and a worker, over a real Dexie store.

const names: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function fresh(): OversightDatabase {
  const name = `in-worker-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return new OversightDatabase(name);
}

async function dumpAll(db: OversightDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

type FakeWorker = ImportWorkerLike & { received: unknown[]; isTerminated: () => boolean };

/** A worker whose far end is serveImports on a MessageChannel: what the window sees of import-worker.ts. */
function channelWorker(): FakeWorker {
  const channel = new MessageChannel();
  const received: unknown[] = [];
  let isTerminated = false;
  channel.port2.addEventListener('message', (event) => received.push(event.data));
  serveImports(channel.port2 satisfies ImportPort);
  channel.port2.start();
  channel.port1.start();
  return {
    received,
    isTerminated: () => isTerminated,
    postMessage: (message, transfer) => channel.port1.postMessage(message, transfer ?? []),
    addEventListener: (type, listener) => channel.port1.addEventListener(type, listener),
    terminate: () => {
      isTerminated = true;
      channel.port1.close();
    },
  };
}

/** The candidate as main sends a plan the file reader read: its JSON's bytes. */
function asBytes(candidate: ImportCandidate, bytes?: Uint8Array): CandidateReply {
  if (candidate.outcome.status !== 'valid') throw new Error('fixture not valid');
  const { plan, ...rest } = candidate.outcome;
  return { ...candidate, outcome: { ...rest, planJson: bytes ?? new TextEncoder().encode(JSON.stringify(plan)) } };
}

const large = () =>
  candidateFor(generatePlan({ seed: 21, actions: 2500, areas: 6, planId: 'worker-plan' }) as Record<string, unknown>, 'large.plan.json');

describe('storing a plan in the import worker', () => {
  it('moves the plan’s bytes to the worker, which parses and stores them, telling progress, then is stopped', async () => {
    const db = fresh();
    const worker = channelWorker();
    const sent = asBytes(large());
    const bytes = 'planJson' in sent.outcome ? sent.outcome.planJson : new Uint8Array();
    const size = bytes.byteLength;
    const progress: Array<[number, number]> = [];
    const outcome = await storeCandidateInWorker(db, sent, {
      startWorker: () => worker,
      onProgress: (stored, total) => progress.push([stored, total]),
    });
    expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan', revision: 1, previousRevision: null });
    // Moved, not copied: the window's buffer is detached.
    expect(size).toBeGreaterThan(0);
    expect(bytes.byteLength).toBe(0);
    const stored = await db.entities.count();
    expect(progress.at(-1)).toEqual([stored, stored]);
    expect(progress.map(([count]) => count)).toEqual([...progress.map(([count]) => count)].sort((a, b) => a - b));
    expect((await db.plans.get('worker-plan'))?.export.revision).toBe(1);
    expect(await db.imports.count()).toBe(1);
    expect(await db.planSummaries.get('worker-plan')).toBeDefined();
    expect(worker.isTerminated()).toBe(true);
    db.close();
  }, 60_000);

  it('uses a worker started ahead instead of starting one, and stops it once stored', async () => {
    const db = fresh();
    const worker = channelWorker();
    const startWorker = vi.fn(channelWorker);
    const outcome = await storeCandidateInWorker(db, asBytes(large()), {
      started: readyImportWorker({ startWorker: () => worker }),
      startWorker,
    });
    expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan', revision: 1 });
    expect(startWorker).not.toHaveBeenCalled();
    // The worker started ahead is the one asked to store the plan, and was stopped.
    expect(worker.received.filter((message) => isToImportWorker(message) && message.type === 'store')).toHaveLength(1);
    expect(worker.isTerminated()).toBe(true);
    expect(await db.entities.count()).toBeGreaterThan(0);
    db.close();
  }, 60_000);

  it('stores the plan in the window when the worker started ahead could not load', async () => {
    const db = fresh();
    const startWorker = vi.fn(channelWorker);
    const outcome = await storeCandidateInWorker(db, asBytes(large()), { started: Promise.resolve(null), startWorker });
    expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan' });
    expect(startWorker).not.toHaveBeenCalled();
    expect(await db.entities.count()).toBeGreaterThan(0);
    db.close();
  }, 60_000);

  it('stores what the window would have stored itself', async () => {
    const [inWorker, inWindow] = [fresh(), fresh()];
    const candidate = candidateFor(planObject(), 'Q3.plan.json');
    const fixed = { now: new Date('2026-12-06T10:00:00Z') };
    await storeCandidateInWorker(inWorker, candidate, { startWorker: channelWorker });
    await storeCandidate(inWindow, candidate, fixed);
    const [a, b] = [await dumpAll(inWorker), await dumpAll(inWindow)];
    // Ids, times and search stamps are made afresh by each import; the records are the same.
    expect(a.entities).toEqual(b.entities);
    expect(Object.fromEntries(Object.entries(a).map(([table, rows]) => [table, rows.length]))).toEqual(
      Object.fromEntries(Object.entries(b).map(([table, rows]) => [table, rows.length])),
    );
    inWorker.close();
    inWindow.close();
  });

  it('cancelled part way, rolls the whole import back and says it was cancelled', async () => {
    const db = fresh();
    await storeCandidateInWorker(db, candidateFor(planObject(), 'kept.plan.json'), { startWorker: channelWorker });
    const before = await dumpAll(db);
    const controller = new AbortController();
    const worker = channelWorker();
    const progress: number[] = [];
    const storing = storeCandidateInWorker(db, asBytes(large()), {
      startWorker: () => worker,
      signal: controller.signal,
      onProgress: (stored) => {
        progress.push(stored);
        controller.abort();
      },
    });
    const error = await storing.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(isImportCancelled(error)).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(await dumpAll(db)).toEqual(before);
    expect(worker.isTerminated()).toBe(true);
    db.close();
  }, 60_000);

  it('cancelled before the worker begins, stores nothing', async () => {
    const db = fresh();
    const controller = new AbortController();
    controller.abort();
    const error = await storeCandidateInWorker(db, asBytes(large()), { startWorker: channelWorker, signal: controller.signal }).catch(
      (reason: unknown) => reason,
    );
    expect(isImportCancelled(error)).toBe(true);
    expect(await db.entities.count()).toBe(0);
    expect(await db.plans.count()).toBe(0);
    db.close();
  }, 60_000);

  it.each([
    ['truncated JSON', new TextEncoder().encode('{"format":"oversight-plan",')],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['JSON that is not an object', new TextEncoder().encode('"a string"')],
  ])('answers %s with the file’s located message, and stores nothing', async (_name, bytes) => {
    const db = fresh();
    const outcome = await storeCandidateInWorker(db, asBytes(candidateFor(planObject(), 'Q3.plan.json'), bytes), {
      startWorker: channelWorker,
    });
    expect(outcome).toEqual({
      status: 'invalid',
      errors: [
        {
          path: 'Q3.plan.json',
          message: expect.stringMatching(
            /^The plan read from Q3\.plan\.json could not be taken from the file reader \(.+\)\. Nothing was stored/,
          ),
        },
      ],
      warnings: [],
    });
    expect(await db.plans.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    db.close();
  });

  it('refuses a store a newer build has upgraded, with the guard’s words, and leaves it as it was', async () => {
    const db = fresh();
    // A newer build's store: every schema this build knows, and one it does not.
    const known = Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version));
    const newer = new Dexie(db.name);
    for (const schema of SCHEMA_VERSIONS) newer.version(schema.version).stores(schema.stores);
    newer.version(known + 3).stores({ futureTable: 'id' });
    await newer.table('meta').put({ key: 'kept', value: 1 });
    const dump = async () =>
      Object.fromEntries(await Promise.all(newer.tables.map(async (table) => [table.name, await table.toArray()] as const)));
    const before = await dump();
    newer.close();
    const error = await storeCandidateInWorker(db, asBytes(large()), { startWorker: channelWorker }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(isImportCancelled(error)).toBe(false);
    expect((error as Error).message).toContain(`older than the one that last opened your data (store version ${known + 3};`);
    await newer.open();
    expect(newer.verno).toBe(known + 3);
    expect(await dump()).toEqual(before);
    newer.close();
  });

  it('keeps the failure’s name, so the window can tell a full disk from anything else', async () => {
    const db = fresh();
    const worker: ImportWorkerLike = scriptedWorker([{ type: 'ready' }], (post) => {
      post({ type: 'progress', stored: 10, total: 20 });
      post({ type: 'failed', name: 'QuotaExceededError', message: 'The quota was exceeded.' });
    });
    const progress: number[] = [];
    const error = await storeCandidateInWorker(db, candidateFor(planObject()), {
      startWorker: () => worker,
      onProgress: (stored) => progress.push(stored),
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'QuotaExceededError', message: 'The quota was exceeded.' });
    expect(progress).toEqual([10]);
    db.close();
  });

  it('ignores messages that are not the worker’s, and fails plainly when the worker stops mid-import', async () => {
    const db = fresh();
    let stop: (() => void) | null = null;
    const worker: ImportWorkerLike = scriptedWorker(
      [{ type: 'ready' }],
      (post) => {
        post({ type: 'progress', stored: 'many', total: 3 });
        post({ type: 'outcome', outcome: null });
        post('hello');
        stop?.();
      },
      (fire) => {
        stop = () => fire('error');
      },
    );
    const progress: number[] = [];
    const error = await storeCandidateInWorker(db, candidateFor(planObject()), {
      startWorker: () => worker,
      onProgress: (stored) => progress.push(stored),
    }).catch((reason: unknown) => reason);
    expect((error as Error).message).toBe('The import worker stopped with an error, so nothing was stored.');
    expect(progress).toEqual([]);
    db.close();
  });
});

describe('the sync controller starts the import worker while main validates a file', () => {
  /** Main's side of a scan of the inbox: the progress it tells (the file's phases), then the replies. */
  function scanningBridge(
    phases: ReadonlyArray<'reading' | 'validating' | 'done'>,
    replies: () => CandidateReply[],
    onReplied: () => void,
    fileName = 'north.plan.json',
  ) {
    const listeners = new Set<(payload: unknown) => void>();
    const bridge: OversightBridge = {
      async invoke(channel) {
        if (channel !== 'sync:scan-inbox') return { ok: false, error: { code: 'unknown-channel', message: channel } };
        for (const phase of phases) for (const listener of listeners) listener({ fileName, phase, loaded: 1, total: 1 });
        onReplied();
        return ok(replies());
      },
      on(event, listener) {
        if (event !== 'sync:progress') return () => undefined;
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pathForFile: () => '',
    };
    return createApi(bridge);
  }

  /** Starts channel workers, keeping each. */
  function countedWorkers() {
    const workers: FakeWorker[] = [];
    const startImportWorker = vi.fn(() => {
      const worker = channelWorker();
      workers.push(worker);
      return worker;
    });
    return { workers, startImportWorker };
  }

  it('a valid plan is stored by the worker started while it was validated, started once', async () => {
    const db = fresh();
    const { workers, startImportWorker } = countedWorkers();
    let startedBeforeReply = 0;
    const api = scanningBridge(
      ['reading', 'validating', 'validating', 'done'],
      () => [asBytes(large())],
      () => {
        startedBeforeReply = startImportWorker.mock.calls.length;
      },
    );
    const sync = createSyncController(db, api, { startImportWorker });
    const [outcome] = await sync.scanInbox();
    expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan' });
    expect(startedBeforeReply).toBe(1);
    expect(startImportWorker).toHaveBeenCalledTimes(1);
    expect(workers[0]?.received.filter((message) => isToImportWorker(message) && message.type === 'store')).toHaveLength(1);
    expect(workers[0]?.isTerminated()).toBe(true);
    sync.dispose();
    db.close();
  }, 60_000);

  it('starts none for a file main never validates, and stops one no plan took when the sync ends', async () => {
    const db = fresh();
    const { workers, startImportWorker } = countedWorkers();
    // A known file: read and hashed, never validated, nothing sent.
    const known = createSyncController(
      db,
      scanningBridge(
        ['reading', 'done'],
        () => [],
        () => undefined,
      ),
      { startImportWorker },
    );
    expect(await known.scanInbox()).toEqual([]);
    expect(startImportWorker).not.toHaveBeenCalled();
    known.dispose();
    // An invalid file: validated (a worker starts), refused, and the worker stopped.
    const invalid: CandidateReply = {
      token: 'invalid',
      fileName: 'north.plan.json',
      source: 'inbox',
      sha256: 'e'.repeat(64),
      size: 10,
      modifiedAt: '2026-12-06T09:00:00.000Z',
      outcome: { status: 'invalid', errors: [{ path: 'north.plan.json', message: 'It is not a plan file.' }], warnings: [] },
    };
    const refused = createSyncController(
      db,
      scanningBridge(
        ['reading', 'validating', 'done'],
        () => [invalid],
        () => undefined,
      ),
      {
        startImportWorker,
      },
    );
    const [outcome] = await refused.scanInbox();
    expect(outcome?.status).toBe('invalid');
    expect(startImportWorker).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(workers[0]?.isTerminated()).toBe(true));
    expect(await db.entities.count()).toBe(0);
    refused.dispose();
    db.close();
  });

  it.each([
    ['north.plan.json', 1],
    ['Tracker March.xlsx', 1],
    ['tracker.csv', 1],
    ['board-papers-2026-12.zip', 0],
    ['cllr-ahmed.annotations.json', 0],
  ])('for %s being validated, starts %i worker (only files read as plans)', async (fileName, expected) => {
    const db = fresh();
    const { workers, startImportWorker } = countedWorkers();
    const sync = createSyncController(
      db,
      scanningBridge(
        ['reading', 'validating', 'done'],
        () => [],
        () => undefined,
        fileName,
      ),
      { startImportWorker },
    );
    await sync.scanInbox();
    expect(startImportWorker).toHaveBeenCalledTimes(expected);
    await vi.waitFor(() => expect(workers.every((worker) => worker.isTerminated())).toBe(true));
    sync.dispose();
    db.close();
  });
});

describe('where the import worker cannot run', () => {
  it('has no worker without a Worker (jsdom, Node), and the window stores the plan itself', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(startImportWorker()).toBeNull();
    const db = fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const progress: number[] = [];
    const outcome = await storeCandidateInWorker(db, asBytes(large()), { onProgress: (stored) => progress.push(stored) });
    expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan' });
    expect(progress.at(-1)).toBe(await db.entities.count());
    expect(warn).not.toHaveBeenCalled();
    db.close();
  }, 60_000);

  it.each([
    ['fails to load (a blocked script)', (fire: (type: 'error') => void) => setTimeout(() => fire('error'), 5)],
    ['never says it is ready', () => undefined],
  ])(
    'stores the plan in the window when the worker %s, and says so in the console',
    async (_name, misbehave) => {
      const db = fresh();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      let isTerminated = false;
      const posted: unknown[] = [];
      const listeners: Array<[string, (event: Event) => void]> = [];
      const worker: ImportWorkerLike = {
        postMessage: (message) => posted.push(message),
        addEventListener: (type, listener) => listeners.push([type, listener]),
        terminate: () => {
          isTerminated = true;
        },
      };
      misbehave((type) => {
        for (const [listening, listener] of listeners) if (listening === type) listener(new Event(type));
      });
      const sent = asBytes(large());
      const outcome = await storeCandidateInWorker(db, sent, { startWorker: () => worker, readyWithinMs: 50 });
      expect(outcome).toMatchObject({ status: 'imported', planId: 'worker-plan' });
      // Nothing was handed to the worker: the bytes stayed in the window for its own import.
      expect(posted).toEqual([]);
      expect(isTerminated).toBe(true);
      expect(warn).toHaveBeenCalledWith('The import worker did not start, so the plan is stored by the window.');
      db.close();
    },
    60_000,
  );

  it('stores the plan in the window when starting the worker throws', async () => {
    const db = fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outcome = await storeCandidateInWorker(db, candidateFor(planObject()), {
      startWorker: () => {
        throw new DOMException('Refused by the page’s policy', 'SecurityError');
      },
    });
    expect(outcome.status).toBe('imported');
    expect(warn).toHaveBeenCalledWith(
      'The import worker could not be started, so the plan is stored by the window.',
      expect.any(DOMException),
    );
    db.close();
  });
});

describe('the import worker’s messages', () => {
  it('are checked for shape at both ends', () => {
    expect(isToImportWorker({ type: 'cancel' })).toBe(true);
    expect(isToImportWorker({ type: 'store', dbName: 'oversight', candidate: {} })).toBe(true);
    expect(isToImportWorker({ type: 'store', dbName: 'oversight' })).toBe(false);
    expect(isToImportWorker({ type: 'store', dbName: 1, candidate: {} })).toBe(false);
    expect(isToImportWorker({ type: 'store', dbName: 'oversight', candidate: {}, boardId: 7 })).toBe(false);
    expect(isToImportWorker(null)).toBe(false);
    expect(isFromImportWorker({ type: 'progress', stored: 1, total: 2 })).toBe(true);
    expect(isFromImportWorker({ type: 'progress', stored: '1', total: 2 })).toBe(false);
    expect(isFromImportWorker({ type: 'outcome', outcome: { status: 'imported' } })).toBe(true);
    expect(isFromImportWorker({ type: 'outcome' })).toBe(false);
    expect(isFromImportWorker({ type: 'failed', name: 'Error' })).toBe(false);
    expect(isFromImportWorker({ type: 'other' })).toBe(false);
  });

  it('a second store request while one is being stored is refused, not run alongside', async () => {
    const channel = new MessageChannel();
    const answers: unknown[] = [];
    channel.port1.addEventListener('message', (event) => answers.push(event.data));
    serveImports(channel.port2 satisfies ImportPort);
    channel.port1.start();
    channel.port2.start();
    const db = fresh();
    const candidate = candidateFor(planObject());
    channel.port1.postMessage({ type: 'store', dbName: db.name, candidate });
    channel.port1.postMessage({ type: 'store', dbName: db.name, candidate });
    channel.port1.postMessage({ type: 'nonsense' });
    await vi.waitFor(() => expect(answers.some((answer) => (answer as { type: string }).type === 'outcome')).toBe(true), {
      timeout: 20_000,
    });
    expect(answers.filter((answer) => (answer as { type: string }).type !== 'progress')).toEqual([
      { type: 'ready' },
      { type: 'failed', name: 'Error', message: 'The import worker is already storing a plan.' },
      { type: 'outcome', outcome: expect.objectContaining({ status: 'imported' }) },
    ]);
    expect(await db.imports.count()).toBe(1);
    channel.port1.close();
    db.close();
  });
});

/**
 * A worker that answers from a script: `ready` messages at once, then `answer` once the window
 * posts its request; `events` gets a way to fire the worker's own events (error).
 */
function scriptedWorker(
  ready: unknown[],
  answer: (post: (message: unknown) => void) => void,
  events?: (fire: (type: 'error' | 'messageerror') => void) => void,
): ImportWorkerLike {
  const listeners: Array<[string, (event: Event) => void]> = [];
  const fire = (type: string, event: Event) => {
    for (const [listening, listener] of listeners) if (listening === type) listener(event);
  };
  const post = (message: unknown) => setTimeout(() => fire('message', new MessageEvent('message', { data: message })), 0);
  events?.((type) => setTimeout(() => fire(type, new Event(type)), 5));
  for (const message of ready) post(message);
  return {
    postMessage: (message) => {
      if ((message as { type: string }).type === 'store') answer(post);
    },
    addEventListener: (type, listener) => listeners.push([type, listener]),
    terminate: () => undefined,
  };
}
