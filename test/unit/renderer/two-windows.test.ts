import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { loadSearchIndex, searchLoadedIndex } from '../../../renderer/search/search-index';
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
});
