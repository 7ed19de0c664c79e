import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import type { CandidateReply, ImportCandidate } from '../../../shared/ipc/contract';
import { readyImportWorker, startImportWorker, storeCandidateInWorker } from '../../../renderer/plan/import-in-worker';
import { diffPlan } from '../../../shared/plan/diff';
import './annotations-entry';
import './plan-review-entry';
import './backup-entry';
import './import-longtask-entry';

// Runs inside Chromium: our import (the renderer's real storeCandidate, in one Dexie
// transaction; as the app runs it, in the import worker) against the bare IndexedDB write of
// exactly the same records.

async function importCandidate(candidate: ImportCandidate, dbName: string, sliceMs?: number) {
  const db = new OversightDatabase(dbName);
  await db.open();
  // The candidate arrives over IPC by structured clone: time that copy too.
  const cloneStarted = performance.now();
  const received = structuredClone(candidate);
  const cloneMs = performance.now() - cloneStarted;
  // Count the records IndexedDB is actually asked to write, independently of our own bookkeeping.
  let writes = 0;
  const originalPut = IDBObjectStore.prototype.put;
  const originalAdd = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    writes += 1;
    return originalPut.apply(this, args);
  };
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    writes += 1;
    return originalAdd.apply(this, args);
  };
  const started = performance.now();
  try {
    const outcome = await storeCandidate(db, received, sliceMs === undefined ? {} : { sliceMs });
    const storeMs = performance.now() - started;
    return { cloneMs, storeMs, outcome, writes };
  } finally {
    IDBObjectStore.prototype.put = originalPut;
    IDBObjectStore.prototype.add = originalAdd;
    db.close();
  }
}

/**
 * The app's path: the plan's JSON as the bytes main sends (encoded here before the timing: main's
 * reader encoding them is timed in Node, with its examination), copied once as IPC copies them,
 * then moved to the import worker, which parses and stores them. Fails if the window stored the
 * plan itself (the fallback).
 */
async function importInWorker(candidate: ImportCandidate, dbName: string) {
  if (candidate.outcome.status !== 'valid') throw new Error('bench candidate must be valid');
  const { plan, ...rest } = candidate.outcome;
  const fileBytes = new TextEncoder().encode(JSON.stringify(plan));
  const db = new OversightDatabase(dbName);
  await db.open();
  let workers = 0;
  let fellBack = false;
  const warn = console.warn;
  // storeCandidateInWorker says so in the console when the window stores the plan itself.
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).includes('stored by the window')) fellBack = true;
    warn(...args);
  };
  try {
    const copyStarted = performance.now();
    const planJson = structuredClone(fileBytes);
    const copyMs = performance.now() - copyStarted;
    const sent: CandidateReply = { ...candidate, outcome: { ...rest, planJson } };
    // Loaded before the timing, as in the app, where the sync controller starts it while main
    // validates the file (timed in Node, and several times longer than the worker takes to load).
    const ready = await readyImportWorker({
      startWorker: () => {
        const worker = startImportWorker();
        if (worker) workers += 1;
        return worker;
      },
    });
    const started = performance.now();
    const outcome = await storeCandidateInWorker(db, sent, { started: Promise.resolve(ready) });
    const storeMs = performance.now() - started;
    if (workers !== 1 || fellBack) throw new Error('the import worker did not run: the window stored the plan');
    return { copyMs, storeMs, outcome };
  } finally {
    console.warn = warn;
    db.close();
  }
}

/**
 * The records a first import of this candidate writes, written with nothing but IndexedDB: an
 * entity a record, as the app stores them (the import's baseline). Or, given `entitiesPerRecord`,
 * the entities that many to a record, in the order the plan lists them: what IndexedDB costs here
 * per record rather than per byte, a reference for the entity store's layout and the baseline of
 * no figure of ours.
 */
async function bareWrite(candidate: ImportCandidate, dbName: string, entitiesPerRecord?: number) {
  if (candidate.outcome.status !== 'valid') throw new Error('bench candidate must be valid');
  const { plan } = candidate.outcome;
  const diff = diffPlan([], plan, plan.export.revision);
  const planId = plan.plan.id;
  const entityRecords: readonly unknown[] =
    entitiesPerRecord === undefined
      ? diff.writes
      : Array.from({ length: Math.ceil(diff.writes.length / entitiesPerRecord) }, (_, chunk) => ({
          planId,
          chunk,
          entities: diff.writes.slice(chunk * entitiesPerRecord, (chunk + 1) * entitiesPerRecord),
        }));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('entities', {
        keyPath: entitiesPerRecord === undefined ? ['planId', 'kind', 'id'] : ['planId', 'chunk'],
      });
      request.result.createObjectStore('plans', { keyPath: 'id' });
      request.result.createObjectStore('imports', { keyPath: 'id' });
      request.result.createObjectStore('changeSets', { keyPath: 'importId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(['entities', 'plans', 'imports', 'changeSets'], 'readwrite');
    const entities = transaction.objectStore('entities');
    for (const record of entityRecords) entities.put(record);
    transaction.objectStore('plans').put({ id: planId, header: plan.plan, export: plan.export });
    transaction.objectStore('imports').put({ id: 'bare', planId });
    transaction.objectStore('changeSets').put({ importId: 'bare', changes: diff.changes });
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, records: entityRecords.length + 3 };
}

/** Bare read of every entity of a database written by bareWrite (the "read all actions" baseline). */
async function bareReadAll(dbName: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const count = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('entities').objectStore('entities').getAll();
    request.onsuccess = () => resolve(request.result.length);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, count };
}

function heapBytes(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

Object.assign(window, { oversightBench: { importCandidate, importInWorker, bareWrite, bareReadAll, heapBytes } });
document.title = 'ready';
