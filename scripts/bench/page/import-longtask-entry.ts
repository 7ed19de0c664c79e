import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import { validatePlanValue } from '../../../shared/plan/validate';
import { generatePlan } from '../../sample/generate-plan';

// Issue 13 item 4: how long the window is blocked while a 100 MB plan is stored. The plan is
// generated and validated in the page (passing 100 MB through the driver would dominate), then
// stored by the renderer's real storeCandidate while a PerformanceObserver records every long
// task (over 50 ms) on the main thread. `sliceMs` Infinity computes the diff, the figures and the
// search index each in one go: the baseline, as before the slicing.

let made: { candidate: ImportCandidate; megabytes: number; actions: number } | null = null;

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

function makePlan(actions: number, megabytes: number) {
  const plan = padded(actions, megabytes);
  const size = JSON.stringify(plan).length;
  const validation = validatePlanValue(plan);
  if (!validation.ok) throw new Error(`generated plan invalid: ${JSON.stringify(validation.errors.slice(0, 3))}`);
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

async function importWatchingLongTasks(dbName: string, sliceMs: number) {
  if (!made) throw new Error('makePlan first');
  const db = new OversightDatabase(dbName);
  await db.open();
  // Let the long tasks of making the plan finish before watching.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const outcome = await storeCandidate(db, made.candidate, { sliceMs });
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  db.close();
  return {
    status: outcome.status,
    ms,
    longestMs: Math.max(0, ...tasks),
    count: tasks.length,
    totalMs: tasks.reduce((sum, duration) => sum + duration, 0),
  };
}

Object.assign(window, { importLongTaskBench: { makePlan, importWatchingLongTasks } });
