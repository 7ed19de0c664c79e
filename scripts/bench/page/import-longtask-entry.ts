import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate, type StoreOutcome } from '../../../renderer/db/plan-repository';
import { storeCandidateInWorker } from '../../../renderer/plan/import-in-worker';
import { loadSearchIndex, subscribeToSearchIndex } from '../../../renderer/search/search-index';
import type { CandidateReply, ImportCandidate } from '../../../shared/ipc/contract';
import { validatePlanValue } from '../../../shared/plan/validate';
import { generatePlan } from '../../sample/generate-plan';

// Issue 13 item 4: how long the window is blocked while a 100 MB plan is stored. The plan is
// generated and validated in the page (passing 100 MB through the driver would dominate), then
// stored by the renderer's real storeCandidate while a PerformanceObserver records every long
// task (over 50 ms) on the main thread. `sliceMs` Infinity computes the diff, the figures and the
// search index each in one go: the baseline, as before the slicing.
//
// The app stores plans in its import worker (renderer/plan/import-worker.ts): `makePlan` with
// `form` 'bytes' keeps only the plan's JSON as UTF-8 bytes, as main sends it, and
// `importInWorkerWatchingLongTasks` moves them to the real worker, which parses and stores them,
// while the window's long tasks are recorded.

let made: { candidate: ImportCandidate; megabytes: number; actions: number } | null = null;
let sent: CandidateReply | null = null;

function padded(actions: number, megabytes: number): Record<string, unknown> {
  const plan = generatePlan({ actions, seed: 13 }) as { actions: Array<Record<string, unknown>> };
  const base = JSON.stringify(plan).length;
  // Long descriptions bring the file up to the size asked for, as in a real export with long texts.
  const perAction = Math.max(0, Math.floor((megabytes * 2 ** 20 - base) / plan.actions.length) - 20);
  const sentence = 'The service reports progress against the agreed trajectory and the board asks for evidence of impact. ';
  for (const [index, action] of plan.actions.entries()) {
    action.description = `${index} ${sentence.repeat(Math.ceil(perAction / sentence.length))}`.slice(0, perAction);
  }
  return plan as unknown as Record<string, unknown>;
}

function makePlan(actions: number, megabytes: number, form: 'object' | 'bytes' = 'object') {
  const plan = padded(actions, megabytes);
  const size = JSON.stringify(plan).length;
  const validation = validatePlanValue(plan);
  if (!validation.ok) throw new Error(`generated plan invalid: ${JSON.stringify(validation.errors.slice(0, 3))}`);
  made = null;
  sent = null;
  if (form === 'bytes') {
    // Only the bytes are kept: the window holds no plan object, as in the app.
    const planJson = new TextEncoder().encode(JSON.stringify(validation.plan));
    sent = {
      token: 'bench-longtask',
      fileName: 'huge.plan.json',
      source: 'dialog',
      sha256: 'e'.repeat(64),
      size,
      modifiedAt: '2026-03-02T09:15:00.000Z',
      outcome: { status: 'valid', planJson, contentHash: 'bench', warnings: validation.warnings, counts: validation.counts },
    };
    return { megabytes: size / 2 ** 20, actions };
  }
  made = {
    megabytes: size / 2 ** 20,
    actions,
    candidate: {
      token: 'bench-longtask',
      fileName: 'huge.plan.json',
      source: 'dialog',
      sha256: 'e'.repeat(64),
      size,
      modifiedAt: '2026-03-02T09:15:00.000Z',
      outcome: { status: 'valid', plan: validation.plan, contentHash: 'bench', warnings: validation.warnings, counts: validation.counts },
    },
  };
  return { megabytes: made.megabytes, actions };
}

type Task = { startTime: number; duration: number };

function summary(tasks: readonly Task[]) {
  return {
    longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
    count: tasks.length,
    totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

/**
 * Runs one import while a PerformanceObserver records the window's long tasks, then goes on
 * watching until `settled` resolves and `afterMs` more: tasks after the outcome are counted apart.
 */
async function watchingLongTasks(
  dbName: string,
  store: (db: OversightDatabase) => Promise<StoreOutcome>,
  options: { afterMs: number; before?: (db: OversightDatabase) => Promise<unknown>; settled?: (db: OversightDatabase) => Promise<unknown> },
) {
  const db = new OversightDatabase(dbName);
  await db.open();
  await options.before?.(db);
  // Let the long tasks of making the plan finish before watching.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const tasks: Task[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const settled = options.settled?.(db);
  const outcome = await store(db);
  const ended = performance.now();
  await settled;
  const afterMs = performance.now() - ended;
  await new Promise((resolve) => setTimeout(resolve, options.afterMs));
  for (const entry of observer.takeRecords()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
  observer.disconnect();
  db.close();
  const after = summary(tasks.filter((task) => task.startTime >= ended));
  return {
    status: outcome.status,
    ms: ended - started,
    ...summary(tasks.filter((task) => task.startTime < ended)),
    afterMs,
    afterLongestMs: after.longestMs,
    afterCount: after.count,
    afterTotalMs: after.totalMs,
  };
}

/** Resolves when the window's search index next changes (or after `withinMs`). */
function searchIndexChanged(db: OversightDatabase, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, withinMs);
    const unsubscribe = subscribeToSearchIndex(db, done);
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

function importWatchingLongTasks(dbName: string, sliceMs: number) {
  const candidate = made?.candidate;
  if (!candidate) throw new Error('makePlan first');
  return watchingLongTasks(dbName, (db) => storeCandidate(db, candidate, { sliceMs }), { afterMs: 200 });
}

/**
 * The app's path: the bytes moved to the import worker, parsed and stored there. The window holds
 * its search index loaded, as the app's does from start: after the worker's commit the window
 * reads the plan's new search shards (the worker names them on a BroadcastChannel). Watched
 * until then and a second more, and counted apart: that reading follows the import.
 */
function importInWorkerWatchingLongTasks(dbName: string) {
  const candidate = sent;
  if (!candidate) throw new Error("makePlan(…, 'bytes') first");
  sent = null;
  return watchingLongTasks(dbName, (db) => storeCandidateInWorker(db, candidate), {
    afterMs: 1000,
    before: (db) => loadSearchIndex(db),
    settled: (db) => searchIndexChanged(db, 120_000),
  });
}

Object.assign(window, { importLongTaskBench: { makePlan, importWatchingLongTasks, importInWorkerWatchingLongTasks } });
