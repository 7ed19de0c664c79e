import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { useStores } from '../use-stores';
import { type OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { annotationSearchChanges } from '../../../renderer/search/annotation-documents';
import {
  applySearchChanges,
  deleteSearchShards,
  isSearchIndexComplete,
  isSearchIndexReady,
  loadSearchIndex,
  ownerShardRecordIds,
  readShards,
  resetSearchIndexCache,
  shardRecordId,
  searchLoadedIndex,
  updateSearchIndex,
} from '../../../renderer/search/search-index';
import { candidateFor, planObject } from '../renderer/plan-candidates';
import { annotationRecord } from './annotation-record';

const store = useStores();
function freshDb(name = `search-${Math.random().toString(36).slice(2)}`): OversightDatabase {
  const db = store(name);
  return db;
}

const PLAN = 'northshire-wsoa-2025';

function labels(db: OversightDatabase, query: string): string[] {
  return searchLoadedIndex(db, query).groups.flatMap((group) => group.hits.map((hit) => `${hit.kind}:${hit.targetId}`));
}

describe('the search index', () => {
  it('is built by the import, persisted, and found again by a fresh start without reading entities', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const name = db.name;
    db.close();

    const restarted = freshDb(name);
    resetSearchIndexCache(restarted);
    const reads: string[] = [];
    restarted.use({
      stack: 'dbcore',
      name: 'spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            get: (request) => (reads.push(name), table.get(request)),
            getMany: (request) => (reads.push(name), table.getMany(request)),
            query: (request) => (reads.push(name), table.query(request)),
            openCursor: (request) => (reads.push(name), table.openCursor(request)),
          };
        },
      }),
    });
    expect(isSearchIndexReady(restarted)).toBe(false);
    await loadSearchIndex(restarted);
    expect(isSearchIndexReady(restarted)).toBe(true);
    expect(isSearchIndexComplete(restarted)).toBe(true);
    expect(new Set(reads)).toEqual(new Set(['searchIndex']));
    expect(labels(restarted, 'induction')).toEqual(['update:A-1.1']);
  });

  it('finds words by prefix and despite a typo, groups results by kind, and says which words matched', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    await loadSearchIndex(db);
    expect(labels(db, 'induct')).toEqual(['update:A-1.1']);
    expect(labels(db, 'indcution')).toEqual(['update:A-1.1']);
    const results = searchLoadedIndex(db, 'coordinator');
    expect(results.groups.map((group) => group.kind)).toEqual(expect.arrayContaining(['action', 'risk']));
    const risk = results.groups.find((group) => group.kind === 'risk')?.hits[0];
    expect(risk).toMatchObject({ targetKind: 'risk', targetId: 'R-1', terms: ['coordinator'] });
    expect(searchLoadedIndex(db, 'a').total).toBe(0);
    expect(searchLoadedIndex(db, 'the').total).toBe(0);
  });

  it('changes only what a revision changed: new words found, removed updates and archived actions gone', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    await loadSearchIndex(db);
    const next = planObject();
    next.export.revision = 8;
    next.actions[0] = {
      ...next.actions[0],
      updates: [
        { period: '2026-03', narrative: 'Sixth post filled after a third advert.', deliveryRag: 'green', submittedAt: '2026-03-28' },
      ],
    };
    const removed = next.actions.pop();
    next.milestones = (next.milestones as Array<{ actionId: string }>).filter((milestone) => milestone.actionId !== removed?.id);
    await storeCandidate(db, candidateFor(next));
    expect(labels(db, 'advert')).toEqual(['update:A-1.1']);
    expect(labels(db, 'induction')).toEqual([]);
    expect(labels(db, String(removed?.title).split(' ')[0] ?? '')).not.toContain(`action:${String(removed?.id)}`);
  });

  it('answers from the plans’ own shards at start while annotations’ shards are still loading', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const note = annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: 'Ask about locum cover' });
    await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
      await db.annotations.put(note);
      await updateSearchIndex(db, annotationSearchChanges([note]));
    });
    const name = db.name;
    db.close();

    // The annotations' shard is held back until the test lets it through.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const restarted = freshDb(name);
    resetSearchIndexCache(restarted);
    const get = restarted.searchIndex.get.bind(restarted.searchIndex) as (key: string) => ReturnType<typeof restarted.searchIndex.get>;
    (restarted.searchIndex as unknown as { get: (key: string) => unknown }).get = async (key: string) => {
      if (key.includes('notes-')) await gate;
      return get(key);
    };
    const loading = loadSearchIndex(restarted);
    await vi.waitFor(() => expect(isSearchIndexReady(restarted)).toBe(true));
    expect(isSearchIndexComplete(restarted)).toBe(false);
    // Search answers from each shard as it arrives: the plan's own are not held back.
    await vi.waitFor(() => expect(labels(restarted, 'induction')).toEqual(['update:A-1.1']));
    expect(isSearchIndexComplete(restarted)).toBe(false);
    expect(labels(restarted, 'locum')).toEqual([]);
    release();
    await loading;
    expect(isSearchIndexComplete(restarted)).toBe(true);
    expect(labels(restarted, 'locum')).toEqual(['annotation:A-1.2']);
  });

  it('matches a word the index holds as typed, and allows typos only for words it does not hold', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    await loadSearchIndex(db);
    const ranger = { ...annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: 'The ranger visit was cancelled' }), id: 'note-ranger' };
    const danger = { ...annotationRecord({ planId: PLAN, actionId: 'A-2.1', text: 'The danger visit was cancelled' }), id: 'note-danger' };
    await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
      await db.annotations.bulkPut([ranger, danger]);
      await updateSearchIndex(db, annotationSearchChanges([ranger, danger]));
    });
    // "danger" is in the index: it is not widened to "ranger", one letter away.
    expect(labels(db, 'danger')).toEqual(['annotation:A-2.1']);
    expect(labels(db, 'ranger')).toEqual(['annotation:A-1.2']);
    // "dangor" is not: typo tolerance finds the word meant, whichever shard holds it.
    expect(labels(db, 'dangor')).toContain('annotation:A-2.1');
  });

  it('indexes annotations incrementally inside the caller’s transaction, and forgets them when deleted', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    await loadSearchIndex(db);
    const note = annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: 'Ask the designated clinical officer about locum cover' });
    await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
      await db.annotations.put(note);
      await updateSearchIndex(db, annotationSearchChanges([note]));
    });
    expect(labels(db, 'locum')).toEqual(['annotation:A-1.2']);
    await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
      await updateSearchIndex(db, annotationSearchChanges([{ ...note, deleted: true }]));
    });
    expect(labels(db, 'locum')).toEqual([]);
  });

  it('leaves the index as it was when the transaction fails', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    await loadSearchIndex(db);
    const note = annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: 'Escalate the tribunal backlog' });
    await expect(
      db.transaction('rw', [db.annotations, db.searchIndex], async () => {
        await updateSearchIndex(db, annotationSearchChanges([note]));
        throw new Error('injected failure');
      }),
    ).rejects.toThrow('injected failure');
    await loadSearchIndex(db);
    expect(labels(db, 'tribunal')).toEqual([]);
    expect(isSearchIndexReady(db)).toBe(true);
  });

  it('refuses to run outside a transaction, where a failure could leave it out of step', async () => {
    const db = freshDb();
    await expect(updateSearchIndex(db, { upsert: [], remove: ['x\u0001action\u0001y'] })).rejects.toThrow(/inside a transaction/);
  });

  it('stores a large shard over several small records, reads it back whole, and leaves no part behind', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const notes = Array.from({ length: 60 }, (_, n) =>
      annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: `Ask about locum cover, question ${n} of many about staffing` }),
    );
    // Parts of about 600 characters (the app's are 128 KiB): every notes shard is several records.
    const write = (changes: ReturnType<typeof annotationSearchChanges>) =>
      db.transaction('rw', [db.searchIndex], async () => {
        const ids = [...new Set([...changes.remove, ...changes.upsert.map((document) => document.id)].map(shardRecordId))];
        await applySearchChanges(db, await readShards(db, ids), changes, Infinity, 600);
      });
    await write(annotationSearchChanges(notes));
    const stored = await db.searchIndex.toArray();
    const firsts = stored.filter((record) => record.part === undefined && record.shard.startsWith('notes-'));
    expect(firsts.length).toBeGreaterThan(1);
    expect(firsts.every((record) => (record.parts ?? 1) > 1)).toBe(true);
    for (const record of stored.filter((each) => each.shard.startsWith('notes-'))) expect(record.json.length).toBeLessThan(600 + 500);
    const partsBefore = stored.filter((record) => record.part !== undefined).length;
    // The small plan's own shards are one record each, as every shard was before parts existed.
    const planShards = stored.filter((record) => record.shard.startsWith('plan-'));
    expect(planShards.length).toBeGreaterThan(0);
    expect(planShards.every((record) => record.parts === undefined && record.part === undefined)).toBe(true);

    // A fresh start reads each shard's parts back into one index.
    const name = db.name;
    db.close();
    const restarted = freshDb(name);
    resetSearchIndexCache(restarted);
    await loadSearchIndex(restarted);
    expect(searchLoadedIndex(restarted, 'locum').groups.find((group) => group.kind === 'annotation')?.total).toBe(60);
    expect(labels(restarted, 'induction')).toEqual(['update:A-1.1']);

    // Fewer notes: fewer parts, and none of the longer write's left over.
    await restarted.transaction('rw', [restarted.searchIndex], async () => {
      const changes = annotationSearchChanges(notes.slice(0, 50).map((note) => ({ ...note, deleted: true })));
      const ids = [...new Set(changes.remove.map(shardRecordId))];
      await applySearchChanges(restarted, await readShards(restarted, ids), changes, Infinity, 600);
    });
    const after = await restarted.searchIndex.toArray();
    const partsOf = new Map(after.filter((record) => record.part === undefined).map((record) => [record.id, record.parts ?? 1]));
    expect(after.filter((record) => record.part !== undefined).length).toBeLessThan(partsBefore);
    for (const record of after.filter((each) => each.part !== undefined)) {
      const owner = record.id.slice(0, record.id.indexOf('\u0002'));
      expect(record.part ?? 0).toBeLessThan(partsOf.get(owner) ?? 0);
    }
    expect(searchLoadedIndex(restarted, 'locum').groups.find((group) => group.kind === 'annotation')?.total).toBe(10);

    // Removing the plan's shards removes their parts too.
    await restarted.transaction('rw', [restarted.searchIndex], () => deleteSearchShards(restarted, ownerShardRecordIds(PLAN, 'plan')));
    expect(await restarted.searchIndex.count()).toBe(0);
  });

  it('says which shard is incomplete when a part is missing, rather than searching a torn index', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const notes = Array.from({ length: 30 }, (_, n) =>
      annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: `Locum cover question ${n}` }),
    );
    const changes = annotationSearchChanges(notes);
    await db.transaction('rw', [db.searchIndex], async () => {
      const ids = [...new Set(changes.upsert.map((document) => document.id).map(shardRecordId))];
      await applySearchChanges(db, await readShards(db, ids), changes, Infinity, 300);
    });
    const part = (await db.searchIndex.toArray()).find((record) => record.part === 2);
    expect(part).toBeDefined();
    await db.searchIndex.delete(part?.id ?? '');
    resetSearchIndexCache(db);
    const owner = part?.id.slice(0, part.id.indexOf('\u0002')) ?? '';
    await expect(loadSearchIndex(db)).rejects.toThrow(
      `Search shard ${owner} is incomplete: part 2 of ${String(part ? (await db.searchIndex.get(owner))?.parts : 0)} is missing.`,
    );
  });

  it('answers from the first shard loaded, and finds more as each further shard arrives', async () => {
    const db = freshDb();
    await storeCandidate(db, candidateFor(planObject()));
    const notes = Array.from({ length: 40 }, (_, n) => annotationRecord({ planId: PLAN, actionId: 'A-1.2', text: `Locum cover ${n}` }));
    await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
      await db.annotations.bulkPut(notes);
      await updateSearchIndex(db, annotationSearchChanges(notes));
    });
    const name = db.name;
    db.close();

    // Every shard after the first notes shard is held back until the test lets it through.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const restarted = freshDb(name);
    resetSearchIndexCache(restarted);
    let firstNotes: string | null = null;
    const get = restarted.searchIndex.get.bind(restarted.searchIndex) as (key: string) => ReturnType<typeof restarted.searchIndex.get>;
    (restarted.searchIndex as unknown as { get: (key: string) => unknown }).get = async (key: string) => {
      if (key.includes('notes-')) {
        firstNotes ??= key;
        if (key !== firstNotes) await gate;
      }
      return get(key);
    };
    const loading = loadSearchIndex(restarted);
    const locum = () => searchLoadedIndex(restarted, 'locum').groups.find((group) => group.kind === 'annotation')?.total ?? 0;
    await vi.waitFor(() => expect(locum()).toBeGreaterThan(0));
    expect(isSearchIndexReady(restarted)).toBe(true);
    expect(isSearchIndexComplete(restarted)).toBe(false);
    expect(locum()).toBeLessThan(40);
    release();
    await loading;
    expect(isSearchIndexComplete(restarted)).toBe(true);
    expect(locum()).toBe(40);
  });
});
