import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ServicesProvider } from '../../../renderer/app/context';
import { catchUpSearchIndex, createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { targetKeyOf, type AnnotationRecord } from '../../../renderer/annotations/types';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { createUnavailableApi } from '../../../renderer/ipc/client';
import { createSyncController } from '../../../renderer/plan/sync-controller';
import { ActionsView } from '../../../renderer/plan-review/actions-view';
import { DashboardView } from '../../../renderer/plan-review/dashboard-view';
import { annotationSearchChanges } from '../../../renderer/search/annotation-documents';
import {
  isSearchIndexReady,
  loadSearchIndex,
  resetSearchIndexCache,
  searchLoadedIndex,
  subscribeToSearchIndex,
  updateSearchIndex,
} from '../../../renderer/search/search-index';
import type { ImportCandidate } from '../../../shared/ipc/contract';

// In Chromium: plan review against a store of 10,000 actions and 50,000 annotations. Opening
// the dashboard and the actions list are timed as real React renders of the app's views; the
// baseline is a bare IndexedDB read of every action of the plan, in the same page.

const PHRASES = [
  'Why has recruitment slipped again, and what is the recovery date for',
  'Ask officers for the locality breakdown behind',
  'Not assured: the figures are provisional and the trend has reversed for',
  'The parent carer forum says families have not yet felt a difference from',
  'Praise for the team: good progress on',
  'Concern that the tribunal backlog will undo',
  'Question for the designated clinical officer about health advice timeliness on',
  'Request the audit sample size and moderation findings for',
  'Escalate to the partnership board if the milestone is missed again on',
  'Check the revised date was approved by the board for',
];

/** Seeds the store: the plan through the real import, then annotations by twelve members, indexed as the annotations feature does. */
async function seedReview(candidate: ImportCandidate, dbName: string, annotations: number) {
  const db = new OversightDatabase(dbName);
  await db.open();
  const importStarted = performance.now();
  const outcome = await storeCandidate(db, candidate);
  const importMs = performance.now() - importStarted;
  if (outcome.status !== 'imported' || candidate.outcome.status !== 'valid') throw new Error(`import ${outcome.status}`);
  const { plan } = candidate.outcome;
  const planId = plan.plan.id;
  const records: AnnotationRecord[] = [];
  for (let index = 0; index < annotations; index += 1) {
    const action = plan.actions[(index * 7919) % plan.actions.length];
    if (!action) continue;
    const author = index % 3 === 0 ? 'me' : `member-${index % 12}`;
    const target = { kind: 'action' as const, planId, id: action.id };
    const wall = 1_760_000_000_000 + index * 1000;
    records.push({
      id: `annotation-${index}`,
      authorId: author,
      authorName: author === 'me' ? 'Cllr Amira Shah' : `Member ${index % 12}`,
      targetKey: targetKeyOf(target),
      target,
      kind: index % 3 === 0 ? 'question' : index % 5 === 0 ? 'concern' : 'note',
      text: `${PHRASES[index % PHRASES.length] ?? ''} ${action.ref} ${action.title.toLowerCase()}.`,
      tags: index % 4 === 0 ? ['EHC'] : [],
      visibility: author === 'me' ? 'private' : 'shared',
      answer: null,
      madeAgainstRevision: plan.export.revision,
      order: index,
      createdAt: new Date(wall).toISOString(),
      hlc: `${String(wall).padStart(15, '0')}:000000:${author}`,
      deviceId: author,
      deleted: false,
    });
  }
  const annotationsStarted = performance.now();
  await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
    await db.annotations.bulkPut(records);
    await updateSearchIndex(db, annotationSearchChanges(records));
  });
  const annotationsMs = performance.now() - annotationsStarted;

  // A shard's later parts (ids with \u0002) are not shards of their own.
  const shards = (await db.searchIndex.toCollection().primaryKeys()).filter((id) => !id.includes('\u0002')).length;
  const stored = { annotations: await db.annotations.count(), shards };
  db.close();
  return { planId, importMs, annotationsMs, ...stored };
}

/** A bare IndexedDB read of every action record of the plan (no Dexie), the baseline. */
async function bareReadActions(dbName: string, planId: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const count = await new Promise<number>((resolve, reject) => {
    const range = IDBKeyRange.bound([planId, 'action'], [planId, 'action', []]);
    const request = db.transaction('entities').objectStore('entities').getAll(range);
    request.onsuccess = () => resolve(request.result.length);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, count };
}

/** Renders a view as the app does, and times until `ready` finds what the member came for. */
async function timeRender(dbName: string, view: ReturnType<typeof createElement>, ready: (root: HTMLElement) => boolean) {
  const db = new OversightDatabase(dbName);
  await db.open();
  const api = createUnavailableApi();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const started = performance.now();
  root.render(createElement(ServicesProvider, { services: { db, api, sync: createSyncController(db, api) }, children: view }));
  await new Promise<void>((resolve, reject) => {
    const deadline = started + 30_000;
    const check = () => {
      if (ready(container)) resolve();
      else if (performance.now() > deadline) reject(new Error('view never became ready'));
      else requestAnimationFrame(check);
    };
    check();
  });
  const ms = performance.now() - started;
  root.unmount();
  container.remove();
  db.close();
  return ms;
}

/** Times opening the dashboard until every area's figures are on screen. */
function openDashboard(dbName: string, planId: string) {
  return timeRender(dbName, createElement(DashboardView, { planId }), (root) => root.querySelectorAll('.area-card .figure').length > 0);
}

/** Times opening the actions list until its first screen of rows is on screen. */
function openActionsList(dbName: string, planId: string) {
  return timeRender(
    dbName,
    createElement(ActionsView, { params: new URLSearchParams({ plan: planId }) }),
    (root) => root.querySelectorAll('[data-testid="action-row"]').length >= 10,
  );
}

/** Loads the persisted index as at start, then times each query; returns the timings. */
async function searchQueries(dbName: string, queries: readonly string[]) {
  const db = new OversightDatabase(dbName);
  await db.open();
  resetSearchIndexCache(db);
  const loadStarted = performance.now();
  // Ready when search can answer (the first shard loaded); complete when every shard is.
  let loadMs = 0;
  const unsubscribe = subscribeToSearchIndex(db, () => {
    if (loadMs === 0 && isSearchIndexReady(db)) loadMs = performance.now() - loadStarted;
  });
  await loadSearchIndex(db);
  unsubscribe();
  const completeMs = performance.now() - loadStarted;
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const results = searchLoadedIndex(db, query);
    times.push(performance.now() - started);
    if (results.total > 0) hits += 1;
  }
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  db.close();
  return { loadMs, completeMs, times, hits, heap };
}

/**
 * One more annotation saved through the app's own `createAnnotation`, as a member does on the
 * train: the time until the save resolves (what the member waits for), then the time until the
 * search index has caught up with it.
 */
async function saveOneAnnotation(dbName: string, planId: string, actionId: string, round: number) {
  const db = new OversightDatabase(dbName);
  await db.open();
  const profile = { id: 'me', displayName: 'Cllr Amira Shah', role: 'member' as const, organisation: 'Council', deviceId: 'me' };
  const started = performance.now();
  await createAnnotation(
    db,
    profile,
    { kind: 'action', planId, id: actionId },
    {
      kind: 'question',
      text: `One more question about the locum budget, round ${round}`,
      tags: [],
      visibility: 'private',
    },
  );
  const saveMs = performance.now() - started;
  await catchUpSearchIndex(db);
  const indexedMs = performance.now() - started;
  db.close();
  return { saveMs, indexedMs };
}

Object.assign(window, {
  planReviewBench: { seedReview, bareReadActions, openDashboard, openActionsList, searchQueries, saveOneAnnotation },
});
