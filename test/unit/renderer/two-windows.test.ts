import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnnotation, scheduleSearchCatchUp } from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { annotationDocumentId } from '../../../renderer/search/annotation-documents';
import { loadSearchIndex, searchLoadedIndex, shardRecordId } from '../../../renderer/search/search-index';
import type { Profile } from '../../../shared/annotations/types';
import { candidateFor, planObject } from './plan-candidates';

// Two windows on one store (possible if the single-instance lock fails): each keeps the search
// index in memory. Writing back a stale in-memory shard lost the other window's documents for good.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const action = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.1' };

/** Two windows on one store holding a plan, each with its search index loaded, and a member's profile. */
async function twoWindows() {
  const name = `two-windows-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const first = new OversightDatabase(name);
  await storeCandidate(first, candidateFor(planObject()));
  const profile = await saveProfile(first, { displayName: 'Cllr A', role: 'member', organisation: 'Council' });
  const second = new OversightDatabase(name);
  await loadSearchIndex(first);
  await loadSearchIndex(second);
  return { name, first, second, profile };
}

describe('two windows writing the search index', () => {
  it('loses no window’s documents: each change is made to the stored shard, not a stale copy', async () => {
    const { name, first, second, profile } = await twoWindows();

    // Forty notes from each window, interleaved: with 16 note shards, many share a shard.
    for (let index = 0; index < 40; index += 1) {
      for (const [window, db] of [
        ['first', first],
        ['second', second],
      ] as const)
        await createAnnotation(db, profile, action, {
          kind: 'note',
          text: `${window}window zebrafinch ${index}`,
          tags: [],
          visibility: 'shared',
        });
    }

    const third = new OversightDatabase(name);
    await loadSearchIndex(third);
    expect(searchLoadedIndex(third, 'firstwindow').total).toBe(40);
    expect(searchLoadedIndex(third, 'secondwindow').total).toBe(40);
    for (const db of [first, second, third]) db.close();
  });

  it('a window finds every note another window saves in quick succession, and keeps them', async () => {
    const { first, second, profile } = await twoWindows();
    // The second window saves notes back to back; the first is told of each write and reads the
    // written shards again.
    for (let index = 0; index < 30; index += 1) {
      await createAnnotation(second, profile, action, { kind: 'note', text: `quickwindow heron ${index}`, tags: [], visibility: 'shared' });
      // A turn, so the first window's refreshes start while the next note is being saved.
      await new Promise((resolve) => setTimeout(resolve, index % 3));
    }
    await vi.waitFor(() => expect(searchLoadedIndex(first, 'quickwindow').total).toBe(30), { timeout: 5000 });
    // And it stays so once every refresh has run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searchLoadedIndex(first, 'quickwindow').total).toBe(30);
    for (const db of [first, second]) db.close();
  });

  it('each window finds the notes the other saves, without a restart', async () => {
    const { first, second, profile } = await twoWindows();
    for (let index = 0; index < 20; index += 1) {
      const [db, window] = index % 2 === 0 ? [first, 'firstwindow'] : [second, 'secondwindow'];
      await createAnnotation(db, profile, action, { kind: 'note', text: `${window} zebrafinch ${index}`, tags: [], visibility: 'shared' });
    }
    // Told over a BroadcastChannel which shards the other wrote, each reads them again.
    for (const db of [first, second]) {
      await vi.waitFor(() => {
        expect(searchLoadedIndex(db, 'firstwindow').total).toBe(10);
        expect(searchLoadedIndex(db, 'secondwindow').total).toBe(10);
      });
    }
    for (const db of [first, second]) db.close();
  });

  it('a window loading its index keeps a note another window indexes while a shard is being read', async () => {
    const { name, first, second: loaded, profile } = await twoWindows();
    loaded.close();
    const shard = 'northshire-wsoa-2025\u0001notes-3';
    await save(first, profile, noteIn(shard, 'a'), 'earlier heron');
    const second = new OversightDatabase(name);
    // The second window's load reads the shard; before that read reaches the window, the first
    // window indexes a note into the same shard, and the second hears of the write.
    const table = second.searchIndex;
    const get = table.get.bind(table);
    let isHeld = false;
    table.get = (async (key: string) => {
      const record = await get(key);
      if (key === shard && !isHeld) {
        isHeld = true;
        const heard = writeHeard(shard);
        await save(first, profile, noteIn(shard, 'b'), 'latewriter kingfisher');
        await heard;
      }
      return record;
    }) as typeof table.get;
    await loadSearchIndex(second);
    expect(isHeld).toBe(true);
    await vi.waitFor(() => expect(searchLoadedIndex(second, 'kingfisher').total).toBe(1));
    expect(searchLoadedIndex(second, 'heron').total).toBe(1);
    for (const db of [first, second]) db.close();
  });

  it('a window that hears of two writes of a shard keeps the later, whichever read returns first', async () => {
    const { first, second, profile } = await twoWindows();
    const shard = 'northshire-wsoa-2025\u0001notes-5';
    // The first window hears of two writes and reads the shard after each; the first read
    // returns after the second read has begun, and before it returns.
    const held = await readHeldAfterWrite(first, second, profile, shard);
    const heardTwice = writeHeard(shard);
    await save(second, profile, noteIn(shard, 'c'), 'thirdnote curlew');
    await heardTwice;
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    held[1]?.();
    await vi.waitFor(() => expect(searchLoadedIndex(first, 'curlew').total).toBe(1));
    expect(searchLoadedIndex(first, 'plover').total).toBe(1);
    // And it stays so once both reads have been dealt with.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(searchLoadedIndex(first, 'curlew').total).toBe(1);
    for (const db of [first, second]) db.close();
  });

  it('a window’s own note stays found when a read it began before saving returns after', async () => {
    const { first, second, profile } = await twoWindows();
    const shard = 'northshire-wsoa-2025\u0001notes-7';
    const held = await readHeldAfterWrite(first, second, profile, shard);
    // The first window saves into the shard while its read of the other's write is out.
    await save(first, profile, noteIn(shard, 'c'), 'ownnote dunlin');
    expect(searchLoadedIndex(first, 'dunlin').total).toBe(1);
    held[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(searchLoadedIndex(first, 'dunlin').total).toBe(1);
    expect(searchLoadedIndex(first, 'plover').total).toBe(1);
    for (const db of [first, second]) db.close();
  });
});

/** An annotation id whose search document falls in the given shard. */
function noteIn(shard: string, seed: string): string {
  for (let attempt = 0; ; attempt += 1) {
    const id = `note-${seed}-${attempt}`;
    if (shardRecordId(annotationDocumentId({ id, target: action })) === shard) return id;
  }
}

/** Saves a note with the given id and waits until its search document is written. */
async function save(db: OversightDatabase, profile: Profile, id: string, text: string): Promise<void> {
  await createAnnotation(db, profile, action, { kind: 'note', text, tags: [], visibility: 'shared' }, { newId: () => id });
  await scheduleSearchCatchUp(db);
}

/** Resolves once a window has announced a write of the shard, and every window has had a turn to hear it. */
function writeHeard(shard: string): Promise<void> {
  const channel = new BroadcastChannel('oversight.search-shards');
  return new Promise<void>((resolve) => {
    channel.onmessage = (event: MessageEvent<{ recordIds?: string[] }>) => {
      if (!event.data.recordIds?.includes(shard)) return;
      channel.close();
      setTimeout(resolve, 0);
    };
  });
}

/**
 * The first window holds the shard with one note of the second's in it; the second then saves
 * a note ("secondnote plover") into it, and the first's read of that write is held (see
 * {@link holdShardReads}).
 */
async function readHeldAfterWrite(first: OversightDatabase, second: OversightDatabase, profile: Profile, shard: string) {
  await save(second, profile, noteIn(shard, 'a'), 'firstnote osprey');
  await vi.waitFor(() => expect(searchLoadedIndex(first, 'osprey').total).toBe(1));
  const held = holdShardReads(first, shard);
  const heard = writeHeard(shard);
  await save(second, profile, noteIn(shard, 'b'), 'secondnote plover');
  await heard;
  await vi.waitFor(() => expect(held).toHaveLength(1));
  return held;
}

/**
 * Holds each read of the shard made in its own read transaction (a window reading shards
 * another wrote) after the transaction, until the test calls the returned functions in turn.
 * Held after the transaction, since IndexedDB commits a transaction left waiting.
 */
function holdShardReads(db: OversightDatabase, shard: string): Array<() => void> {
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const held: Array<() => void> = [];
  (db as unknown as { transaction: typeof transaction }).transaction = async (...args) => {
    const result = await transaction(...args);
    const isShardRead = args[0] === 'r' && Array.isArray(result) && result.some((record) => (record as { id?: string })?.id === shard);
    if (isShardRead) await new Promise<void>((resolve) => held.push(resolve));
    return result;
  };
  return held;
}
