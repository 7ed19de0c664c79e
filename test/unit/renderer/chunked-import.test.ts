import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { isImportCancelled, STORE_CHUNK, storeCandidate } from '../../../renderer/db/plan-repository';
import { generatePlan } from '../../../shared/sample/generate-plan';
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
    expect(progress.length).toBe(Math.ceil(total / STORE_CHUNK));
    expect(progress.map(([stored]) => stored)).toEqual([...progress.map(([stored]) => stored)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([total, total]);
    expect(await db.entities.count()).toBe(total);
    db.close();
  }, 60_000);

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
});
