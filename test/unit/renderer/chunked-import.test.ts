import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { isImportCancelled, STORE_CHUNK, storeCandidate } from '../../../renderer/db/plan-repository';
import MiniSearch from 'minisearch';
import { loadSearchIndex, searchLoadedIndex } from '../../../renderer/search/search-index';
import { runSliced, yieldToWindow } from '../../../renderer/db/yield-in-transaction';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { candidateFor } from './plan-candidates';

// A huge plan is stored in chunks that let the window breathe, with progress, and can be
// cancelled: still one transaction, so a cancelled import leaves the store exactly as it was.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
/** Every table's records, for comparing a store before and after. */
async function dumpAll(db: OversightDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

function fresh(): OversightDatabase {
  const name = `chunked-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return new OversightDatabase(name);
}

const big = () =>
  candidateFor(generatePlan({ seed: 9, actions: 2500, areas: 6, planId: 'big-plan' }) as Record<string, unknown>, 'big.plan.json');

describe('storing a huge plan', () => {
  it('writes in chunks, telling progress after each, up to every record', async () => {
    const db = fresh();
    const progress: Array<[number, number]> = [];
    const outcome = await storeCandidate(db, big(), { onProgress: (stored, total) => progress.push([stored, total]) });
    expect(outcome.status).toBe('imported');
    const total = progress[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(STORE_CHUNK * 2);
    // Chunks are sized by how long the last took to hand over, never over STORE_CHUNK.
    const stored = progress.map(([count]) => count);
    const sizes = stored.map((count, index) => count - (stored[index - 1] ?? 0));
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(total / STORE_CHUNK));
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(STORE_CHUNK);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(await db.entities.count()).toBe(total);
    db.close();
  }, 60_000);

  it('with slicing off, writes STORE_CHUNK entities at a time', async () => {
    const db = fresh();
    const progress: number[] = [];
    await storeCandidate(db, big(), { sliceMs: Number.POSITIVE_INFINITY, onProgress: (stored) => progress.push(stored) });
    const total = await db.entities.count();
    expect(progress).toEqual(
      Array.from({ length: Math.ceil(total / STORE_CHUNK) }, (_, index) => Math.min((index + 1) * STORE_CHUNK, total)),
    );
    db.close();
  }, 60_000);

  it('two sliced computations yielding side by side in one transaction both finish', async () => {
    // Dexie.waitFor started while another's timer had fired lost the first waiter (the import hung).
    const db = fresh();
    await db.open();
    function* counting(steps: number) {
      for (let step = 0; step < steps; step += 1) yield;
      return steps;
    }
    // The second wakes from its writes, as the import's entity chunks do, not from the first's wait.
    async function writing(times: number) {
      for (let time = 0; time < times; time += 1) {
        await db.meta.put({ key: 'written', value: time });
        await yieldToWindow();
      }
      return times;
    }
    const results = await db.transaction('rw', db.meta, () =>
      Promise.all([runSliced(counting(300), 0), writing(100), runSliced(counting(1), 0)]),
    );
    expect(results).toEqual([300, 100, 1]);
    expect(await db.meta.get('written')).toEqual({ key: 'written', value: 99 });
    db.close();
  }, 30_000);

  it('cancelled part way, leaves the store exactly as it was', async () => {
    const db = fresh();
    await storeCandidate(db, candidateFor(generatePlan({ seed: 2, actions: 20, planId: 'small-plan' }) as Record<string, unknown>));
    const before = await dumpAll(db);
    const controller = new AbortController();
    const attempt = storeCandidate(db, big(), {
      signal: controller.signal,
      onProgress: (stored) => {
        if (stored >= STORE_CHUNK) controller.abort();
      },
    });
    const error: unknown = await attempt.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(isImportCancelled(error)).toBe(true);
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  }, 60_000);

  it('with slicing off (an import off the window thread), a cancel between two chunks still leaves the store exactly as it was', async () => {
    const db = fresh();
    await storeCandidate(db, candidateFor(generatePlan({ seed: 2, actions: 20, planId: 'small-plan' }) as Record<string, unknown>));
    const before = await dumpAll(db);
    const controller = new AbortController();
    const progress: number[] = [];
    const error: unknown = await storeCandidate(db, big(), {
      sliceMs: Number.POSITIVE_INFINITY,
      signal: controller.signal,
      onProgress: (stored) => {
        progress.push(stored);
        if (stored >= STORE_CHUNK) controller.abort();
      },
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(isImportCancelled(error)).toBe(true);
    // Seen after the first chunk: at most the one chunk already handed over finished too.
    expect(progress.length).toBeLessThanOrEqual(2);
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  }, 60_000);

  it('cancelled part way through a first import, leaves no plan, entity or change set behind', async () => {
    const db = fresh();
    const controller = new AbortController();
    const error: unknown = await storeCandidate(db, big(), {
      signal: controller.signal,
      onProgress: (stored) => {
        if (stored >= STORE_CHUNK) controller.abort();
      },
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(isImportCancelled(error)).toBe(true);
    // The compact change set (one string of keys) was handed to IndexedDB with the first writes: gone with the rest.
    expect(
      await Promise.all([db.plans.count(), db.entities.count(), db.imports.count(), db.changeSets.count(), db.entityHashes.count()]),
    ).toEqual([0, 0, 0, 0, 0]);
    db.close();
  }, 60_000);

  // The diff, the dashboard figures and the search changes are computed in slices that yield to
  // the event loop (a timer) inside the import's transaction, kept alive with Dexie.waitFor.
  const plan = (seed: number, revision: number) =>
    candidateFor(generatePlan({ seed, actions: 60, planId: 'sliced-plan', revision }) as Record<string, unknown>, `r${revision}.plan.json`);
  /**
   * The store for comparing two: the search shards without their random stamps, and as the
   * documents they hold (MiniSearch vacuums removed terms on a timer, so yielding changes when
   * that happens, and so the serialised form, but not what is indexed).
   */
  async function comparable(db: OversightDatabase): Promise<Record<string, unknown[]>> {
    const tables = await dumpAll(db);
    tables.searchIndex = (tables.searchIndex ?? []).map((record) => {
      const { json, ...rest } = record as { json: string };
      const index = JSON.parse(json) as { documentIds: Record<string, string>; storedFields: Record<string, unknown> };
      const documents = Object.entries(index.documentIds)
        .map(([short, id]) => [id, index.storedFields[short]])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
      return { ...rest, stamp: null, documents };
    });
    return tables;
  }
  const fixed = () => {
    let n = 0;
    return { now: new Date('2026-03-02T10:00:00Z'), newId: () => `id-${(n += 1)}` };
  };

  it('yielding after every entity stores exactly what storing in one go stores', async () => {
    const inOneGo = fresh();
    const inSlices = fresh();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const ids = [fixed(), fixed()];
      const [first, second] = [plan(3, 1), plan(4, 2)];
      await storeCandidate(inOneGo, first, { ...ids[0], sliceMs: Number.POSITIVE_INFINITY });
      await storeCandidate(inOneGo, second, { ...ids[0], sliceMs: Number.POSITIVE_INFINITY });
      const timersInOneGo = timers.mock.calls.length;
      await storeCandidate(inSlices, first, { ...ids[1], sliceMs: 0 });
      const outcome = await storeCandidate(inSlices, second, { ...ids[1], sliceMs: 0 });
      expect(outcome.status).toBe('imported');
      // Hundreds of entities, each a yield: the transaction survived every one of them.
      expect(timers.mock.calls.length - timersInOneGo).toBeGreaterThan(200);
    } finally {
      timers.mockRestore();
    }
    expect(await comparable(inSlices)).toEqual(await comparable(inOneGo));
    expect((await inSlices.plans.get('sliced-plan'))?.export.revision).toBe(2);
    inOneGo.close();
    inSlices.close();
  }, 60_000);

  it('failing after it has yielded, leaves the store exactly as it was', async () => {
    const db = fresh();
    await storeCandidate(db, plan(3, 1));
    const before = await dumpAll(db);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let yieldsBeforeFailure = 0;
    const error: unknown = await storeCandidate(db, plan(4, 2), {
      sliceMs: 0,
      onProgress: (stored, total) => {
        if (stored < total) return;
        yieldsBeforeFailure = timers.mock.calls.length;
        throw new Error('disk full');
      },
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    timers.mockRestore();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('disk full');
    expect(yieldsBeforeFailure).toBeGreaterThan(100);
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  }, 60_000);

  it('failing while search documents are being added, forgets the half-changed shards held in memory', async () => {
    const db = fresh();
    await storeCandidate(db, plan(3, 1));
    await loadSearchIndex(db); // the plan's shards now held in memory, as in the app
    const revision2 = generatePlan({ seed: 4, actions: 60, planId: 'sliced-plan', revision: 2 }) as { actions: Array<{ title: string }> };
    for (const action of revision2.actions) action.title = `${action.title} zebrafinch`;
    const add = MiniSearch.prototype.add;
    let added = 0;
    const spy = vi.spyOn(MiniSearch.prototype, 'add').mockImplementation(function (this: MiniSearch, document) {
      added += 1;
      if (added === 10) throw new Error('index failed');
      add.call(this, document);
    });
    const error: unknown = await storeCandidate(db, candidateFor(revision2 as unknown as Record<string, unknown>), { sliceMs: 0 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    spy.mockRestore();
    expect((error as Error).message).toBe('index failed');
    expect(added).toBe(10);
    // Nothing of revision 2 is found, in memory or in the store; revision 1 still is.
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'zebrafinch').total).toBe(0);
    const firstTitle =
      (generatePlan({ seed: 3, actions: 60, planId: 'sliced-plan', revision: 1 }) as { actions: Array<{ title: string }> }).actions[0]
        ?.title ?? '';
    expect(searchLoadedIndex(db, firstTitle).total).toBeGreaterThan(0);
    db.close();
  }, 60_000);
});
