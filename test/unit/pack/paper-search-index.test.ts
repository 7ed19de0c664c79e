import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { type OversightDatabase } from '../../../renderer/db/database';
import { papersOfMeeting, removeEarlierVersions, savePaperText } from '../../../renderer/papers/pack-repository';
import { paperRecordId } from '../../../renderer/papers/types';
import { loadSearchIndex, resetSearchIndexCache, searchLoadedIndex } from '../../../renderer/search/search-index';
import { hitHref } from '../../../renderer/search/search-view';
import { storeTestPack } from '../../component/papers-helpers';

// Board papers' words in the app-wide search: indexed when their text is saved, in the same
// transaction, and taken out again when a reissue replaces them or they are removed.

const store = useStores();
function freshDb(name = `paper-search-${Math.random().toString(36).slice(2)}`): OversightDatabase {
  const db = store(name);
  return db;
}

const MEETING = 'board-1';

function saveText(db: OversightDatabase, paperId: string, pages: string[], status: 'ready' | 'failed' = 'ready') {
  return savePaperText(db, { id: paperRecordId(MEETING, paperId), status, pages, pageLabels: null, extractedAt: '2026-11-05T09:01:00Z' });
}

async function paperHits(db: OversightDatabase, query: string) {
  await loadSearchIndex(db);
  return searchLoadedIndex(db, query).groups.flatMap((group) => (group.kind === 'paper' ? group.hits : []));
}

describe('board papers in the search index', () => {
  it('finds a word on a page of a paper, misspelt too, and opens the paper at that page', async () => {
    const db = freshDb();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    await saveText(db, 'p4', ['Welcome to the dashboard.', 'Timeliness of assessments rose to 62 per cent in September.']);

    // A fresh start reads the persisted shards: the text was written with the index.
    const name = db.name;
    db.close();
    const restarted = freshDb(name);
    resetSearchIndexCache(restarted);
    for (const query of ['assessments', 'asessments', 'timelines']) {
      const hits = await paperHits(restarted, query);
      expect(hits.map((hit) => [hit.label, hit.page, hit.isExempt])).toEqual([['Performance dashboard, page 2', 2, false]]);
    }
    const [hit] = await paperHits(restarted, 'September');
    expect(hit && hitHref(hit)).toBe('#/papers/paper?meeting=board-1&paper=p4&page=2');
    expect(await paperHits(restarted, 'placements')).toEqual([]);
  });

  it('indexes exempt papers, marked as exempt', async () => {
    const db = freshDb();
    await storeTestPack(db, [{ id: 'p7', title: 'Independent placements', item: 'item-7' }]);
    await saveText(db, 'p7', ['Costs of residential placements by provider.']);
    const hits = await paperHits(db, 'residential');
    expect(hits.map((hit) => [hit.targetId, hit.isExempt])).toEqual([['p7', true]]);
  });

  it('replaces the pages of a re-extracted text and leaves out a failed one', async () => {
    const db = freshDb();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    await saveText(db, 'p4', ['Tribunal appeals', 'Tribunal outcomes']);
    expect((await paperHits(db, 'tribunal')).map((hit) => hit.page).sort()).toEqual([1, 2]);
    await saveText(db, 'p4', ['Tribunal appeals']);
    expect((await paperHits(db, 'tribunal')).map((hit) => hit.page)).toEqual([1]);
    await saveText(db, 'p4', [], 'failed');
    expect(await paperHits(db, 'tribunal')).toEqual([]);
  });

  it('drops an earlier version from search when a reissue arrives, and when it is removed', async () => {
    const db = freshDb();
    await storeTestPack(db, [{ id: 'p4', title: 'Dashboard', item: 'item-4' }]);
    await saveText(db, 'p4', ['Draft figures for autism waiting times']);
    expect((await paperHits(db, 'autism')).map((hit) => hit.targetId)).toEqual(['p4']);

    await storeTestPack(
      db,
      [
        { id: 'p4', title: 'Dashboard', item: 'item-4' },
        { id: 'p4b', title: 'Dashboard (revised)', item: 'item-4', supersedes: 'p4', sha: '9' },
      ],
      { issuedAt: '2026-11-09T09:00:00Z' },
    );
    expect(await paperHits(db, 'autism')).toEqual([]);
    await saveText(db, 'p4b', ['Final figures for autism waiting times']);
    // Text extracted late for the replaced version stays out of search.
    await saveText(db, 'p4', ['Draft figures for autism waiting times, again']);
    expect((await paperHits(db, 'autism')).map((hit) => hit.targetId)).toEqual(['p4b']);

    expect(await removeEarlierVersions(db, MEETING)).toBe(1);
    expect((await papersOfMeeting(db, MEETING)).map((paper) => paper.paperId)).toEqual(['p4b']);
    expect((await paperHits(db, 'autism')).map((hit) => hit.targetId)).toEqual(['p4b']);
  });

  it('keeps the index unchanged when saving the text fails', async () => {
    const db = freshDb();
    await storeTestPack(db, [{ id: 'p4', title: 'Dashboard', item: 'item-4' }]);
    await loadSearchIndex(db);
    const bad = savePaperText(db, {
      id: paperRecordId(MEETING, 'p4'),
      status: 'ready',
      pages: ['Ofsted revisit'],
      pageLabels: null,
      extractedAt: '2026-11-05T09:01:00Z',
      // A function cannot be stored: the put fails and the transaction aborts.
      message: (() => 'x') as unknown as string,
    });
    await expect(bad).rejects.toThrow();
    expect(await paperHits(db, 'ofsted')).toEqual([]);
    expect(await db.paperTexts.count()).toBe(0);
  });
});
