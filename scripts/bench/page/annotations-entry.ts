import { catchUpSearchIndex, mergeAnnotationsFile } from '../../../renderer/annotations/annotation-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import type { AnnotationsFile } from '../../../shared/annotations/file';
import { entryToRecord } from '../../../shared/annotations/merge';
import type { AnnotationRecord } from '../../../shared/annotations/types';

// In Chromium: merging another member's annotations file into a store that already holds many
// annotations, against a bare IndexedDB write of the same records in a fresh database.

let writes = 0;
function countWrites<T>(work: () => Promise<T>): Promise<T> {
  writes = 0;
  const put = IDBObjectStore.prototype.put;
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    writes += 1;
    return put.apply(this, args);
  };
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    writes += 1;
    return add.apply(this, args);
  };
  return work().finally(() => {
    IDBObjectStore.prototype.put = put;
    IDBObjectStore.prototype.add = add;
  });
}

const TEXTS = [
  'Why has the EHC coordinator recruitment slipped again, and what is the recovery date?',
  'The audit sample looks too small to give assurance on quality.',
  'Praise for the parent carer forum’s work on the Local Offer pages.',
  'Not assured: the 20-week figure is provisional and has fallen two months running.',
  'Ask for the breakdown by locality before the next meeting.',
];

/** `count` realistic annotations by `authors` members, on actions of a 10,000-action plan. */
function makeEntries(count: number, authorPrefix: string, authors: number): AnnotationsFile['annotations'] {
  const entries: AnnotationsFile['annotations'] = [];
  for (let index = 0; index < count; index += 1) {
    const author = `${authorPrefix}-${index % authors}`;
    const wall = 1_760_000_000_000 + index * 1000;
    entries.push({
      id: `${author}-annotation-${index}`,
      authorId: author,
      target: { kind: 'action', planId: 'bench-plan', id: `act-${index % 10_000}` },
      kind: index % 3 === 0 ? 'question' : 'note',
      text: TEXTS[index % TEXTS.length] ?? '',
      tags: index % 4 === 0 ? ['EHC'] : [],
      visibility: 'shared',
      answer: null,
      madeAgainstRevision: 2,
      createdAt: new Date(wall).toISOString(),
      hlc: `${String(wall).padStart(15, '0')}:000000:${author}`,
      deviceId: author,
      deleted: false,
    });
  }
  return entries;
}

/** A file of `count` annotations by one member. */
function makeFile(count: number): AnnotationsFile {
  return {
    format: 'oversight-annotations',
    formatVersion: 1,
    exportedAt: '2026-11-29T12:00:00Z',
    author: { id: 'incoming-0', displayName: 'Cllr Incoming', role: 'member', organisation: 'Council', deviceId: 'incoming-0' },
    annotations: makeEntries(count, 'incoming', 1),
  };
}

/** Seeds `count` annotations by other members (not timed). */
async function seedAnnotations(count: number, dbName: string) {
  const existing: AnnotationRecord[] = makeEntries(count, 'member', 12).map((entry, index) =>
    entryToRecord(entry, `Member ${index % 12}`, index),
  );
  const db = new OversightDatabase(dbName);
  await db.annotations.bulkPut(existing);
  const stored = await db.annotations.count();
  db.close();
  return stored;
}

/** Times merging a file of `count` annotations (and then merging it again). */
async function mergeFile(count: number, dbName: string) {
  const file = makeFile(count);
  const db = new OversightDatabase(dbName);
  await db.open();
  const started = performance.now();
  const first = await countWrites(() => mergeAnnotationsFile(db, file, { sha256: 'b'.repeat(64) }));
  const firstMs = performance.now() - started;
  const firstWrites = writes;
  const indexStarted = performance.now();
  await catchUpSearchIndex(db);
  const indexMs = performance.now() - indexStarted;
  const againStarted = performance.now();
  const again = await countWrites(() => mergeAnnotationsFile(db, file, { sha256: 'b'.repeat(64) }));
  const againMs = performance.now() - againStarted;
  const againWrites = writes;
  db.close();
  return { firstMs, firstWrites, inserted: first.inserted, indexMs, againMs, againWrites, againSkipped: again.skipped };
}

/** The bare write of the records the merge stores, with and without the targetKey index. */
async function bareWrite(count: number, dbName: string, withIndex: boolean) {
  const file = makeFile(count);
  const records = file.annotations.map((entry, index) => entryToRecord(entry, file.author.displayName, index));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('annotations', { keyPath: 'id' });
      if (withIndex) store.createIndex('targetKey', 'targetKey');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('annotations', 'readwrite');
    const store = transaction.objectStore('annotations');
    for (const record of records) store.put(record);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, records: records.length };
}

Object.assign(window, { annotationsBench: { seedAnnotations, mergeFile, bareWrite } });
