import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { useStores } from '../use-stores';
import { validateAnnotationsText } from '../../../shared/annotations/file';
import type { Profile } from '../../../shared/annotations/types';
import {
  annotationsOn,
  answerQuestion,
  buildAnnotationsFile,
  catchUpSearchIndex,
  createAnnotation,
  deleteAnnotation,
  mergeAnnotationsFile,
  mergedAnnotationFileHashes,
  myAnnotations,
  reorderAnnotations,
  searchIndexCaughtUp,
  updateAnnotation,
} from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { deletePrivateNotes, privateNotesForMeeting } from '../../../renderer/annotations/retention';
import { type OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { loadSearchIndex, resetSearchIndexCache, searchLoadedIndex } from '../../../renderer/search/search-index';
import { candidateFor, planObject } from '../renderer/plan-candidates';

const store = useStores();
async function laptop(name: string): Promise<{ db: OversightDatabase; profile: Profile }> {
  const db = store(`annotations-${name}-${Math.random().toString(36).slice(2)}`);
  await storeCandidate(db, candidateFor(planObject()));
  const profile = await saveProfile(db, { displayName: name, role: 'member', organisation: 'Council' });
  return { db, profile };
}

const action = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.1' };

describe('annotating', () => {
  it('creates, edits, answers and deletes the member’s own annotations, each edit re-stamped', async () => {
    const { db, profile } = await laptop('Cllr A');
    const question = await createAnnotation(db, profile, action, {
      kind: 'question',
      text: '  Why is 1.1 late? ',
      tags: ['EHC', ' EHC ', ''],
      visibility: 'shared',
    });
    expect(question).toMatchObject({
      text: 'Why is 1.1 late?',
      tags: ['EHC'],
      madeAgainstRevision: 7,
      authorId: profile.id,
      deleted: false,
    });
    const edited = await updateAnnotation(db, profile, question.id, {
      kind: 'question',
      text: 'Why is 1.1 late again?',
      tags: [],
      visibility: 'shared',
    });
    expect(edited.ok && edited.record.hlc > question.hlc).toBe(true);
    const answered = await answerQuestion(
      db,
      profile,
      question.id,
      'Two posts unfilled; recruitment reopened.',
      new Date('2026-03-12T11:00:00Z'),
    );
    expect(answered.ok && answered.record.answer).toEqual({
      text: 'Two posts unfilled; recruitment reopened.',
      answeredAt: '2026-03-12T11:00:00.000Z',
      via: 'meeting',
    });
    const deleted = await deleteAnnotation(db, profile, question.id);
    expect(deleted.ok && deleted.record).toMatchObject({ deleted: true, text: '', tags: [], answer: null });
    expect(await annotationsOn(db, action, profile.id)).toEqual([]);
  });

  it('refuses to change another member’s annotation', async () => {
    const a = await laptop('Cllr A');
    const b = await laptop('Cllr B');
    await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'A’s shared note', tags: [], visibility: 'shared' });
    await mergeAnnotationsFile(b.db, await buildAnnotationsFile(a.db, a.profile), { profile: b.profile });
    const [theirs] = await annotationsOn(b.db, action, b.profile.id);
    if (!theirs) throw new Error('not merged');
    const attempt = await updateAnnotation(b.db, b.profile, theirs.id, {
      kind: 'note',
      text: 'B rewrites it',
      tags: [],
      visibility: 'shared',
    });
    expect(attempt).toEqual({ ok: false, error: { code: 'not-yours', message: 'Only Cllr A can change this annotation.' } });
    expect((await deleteAnnotation(b.db, b.profile, theirs.id)).ok).toBe(false);
  });

  it('orders the member’s questions as they choose', async () => {
    const { db, profile } = await laptop('Cllr A');
    const ids = [];
    for (const text of ['first', 'second', 'third'])
      ids.push((await createAnnotation(db, profile, action, { kind: 'question', text, tags: [], visibility: 'private' })).id);
    await reorderAnnotations(db, profile, [ids[2] ?? '', ids[0] ?? '', ids[1] ?? '']);
    expect((await myAnnotations(db, profile.id)).map((record) => record.text)).toEqual(['third', 'first', 'second']);
  });
});

describe('exchanging files', () => {
  it('exports only shared annotations (and shared tombstones), never a private one', async () => {
    const { db, profile } = await laptop('Cllr A');
    await createAnnotation(db, profile, action, { kind: 'note', text: 'PRIVATE-MARKER do not share', tags: [], visibility: 'private' });
    const shared = await createAnnotation(db, profile, action, { kind: 'concern', text: 'Shared concern', tags: [], visibility: 'shared' });
    const gone = await createAnnotation(db, profile, action, { kind: 'note', text: 'Shared then deleted', tags: [], visibility: 'shared' });
    await deleteAnnotation(db, profile, gone.id);
    const file = await buildAnnotationsFile(db, profile, new Date('2026-03-01T12:00:00Z'));
    const text = JSON.stringify(file);
    expect(text).not.toContain('PRIVATE-MARKER');
    expect(text).not.toContain('Shared then deleted');
    expect(file.annotations.map((entry) => [entry.id, entry.deleted]).sort()).toEqual(
      [
        [gone.id, true],
        [shared.id, false],
      ].sort(),
    );
    // The file is exactly what the format accepts: it round-trips through the validator.
    expect(validateAnnotationsText(text).ok).toBe(true);
  });

  it('merges another member’s file read-only; the same file again writes nothing', async () => {
    const a = await laptop('Cllr A');
    const b = await laptop('Cllr B');
    await createAnnotation(a.db, a.profile, action, { kind: 'question', text: 'From A', tags: [], visibility: 'shared' });
    const file = await buildAnnotationsFile(a.db, a.profile);
    const first = await mergeAnnotationsFile(b.db, file, { profile: b.profile, sha256: 'a'.repeat(64) });
    expect(first).toMatchObject({ inserted: 1, updated: 0, writes: 1, rejected: [] });
    const before = JSON.stringify(await b.db.annotations.toArray());
    const again = await mergeAnnotationsFile(b.db, file, { profile: b.profile, sha256: 'a'.repeat(64) });
    expect(again).toMatchObject({ inserted: 0, updated: 0, skipped: 1, writes: 0 });
    expect(JSON.stringify(await b.db.annotations.toArray())).toBe(before);
    expect(await mergedAnnotationFileHashes(b.db)).toEqual(['a'.repeat(64)]);
    const [merged] = await annotationsOn(b.db, action, b.profile.id);
    expect(merged).toMatchObject({ authorName: 'Cllr A', text: 'From A', visibility: 'shared' });
  });

  it('never lets a file change the member’s own annotations on this laptop', async () => {
    const a = await laptop('Cllr A');
    const mine = await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'Mine', tags: [], visibility: 'shared' });
    const file = await buildAnnotationsFile(a.db, a.profile);
    const forged = {
      ...file,
      annotations: file.annotations.map((entry) => ({ ...entry, text: 'Forged', hlc: '009999999999999:000000:zzz' })),
    };
    const result = await mergeAnnotationsFile(a.db, forged, { profile: a.profile });
    expect(result.rejected).toEqual([{ id: mine.id, reason: 'it would change your own annotation on this laptop' }]);
    expect((await a.db.annotations.get(mine.id))?.text).toBe('Mine');
  });

  it('a later local edit sorts after annotations merged from a laptop whose clock runs ahead', async () => {
    const a = await laptop('Cllr A');
    const b = await laptop('Cllr B');
    const ahead = new Date(Date.now() + 3_600_000);
    await createAnnotation(
      a.db,
      a.profile,
      action,
      { kind: 'note', text: 'from the future', tags: [], visibility: 'shared' },
      { now: ahead },
    );
    await mergeAnnotationsFile(b.db, await buildAnnotationsFile(a.db, a.profile), { profile: b.profile });
    const local = await createAnnotation(b.db, b.profile, action, {
      kind: 'note',
      text: 'written after reading it',
      tags: [],
      visibility: 'shared',
    });
    const [merged] = (await b.db.annotations.toArray()).filter((record) => record.authorId === a.profile.id);
    expect(local.hlc > (merged?.hlc ?? '')).toBe(true);
  });
});

describe('retention', () => {
  it('finds and deletes only the member’s private notes for a meeting', async () => {
    const a = await laptop('Cllr A');
    const old = await createAnnotation(
      a.db,
      a.profile,
      action,
      { kind: 'note', text: 'old', tags: [], visibility: 'private' },
      { now: new Date('2026-01-10T10:00:00Z') },
    );
    const forMeeting = await createAnnotation(
      a.db,
      a.profile,
      action,
      { kind: 'note', text: 'prep', tags: [], visibility: 'private' },
      { now: new Date('2026-03-01T10:00:00Z') },
    );
    await createAnnotation(
      a.db,
      a.profile,
      action,
      { kind: 'note', text: 'shared prep', tags: [], visibility: 'shared' },
      { now: new Date('2026-03-02T10:00:00Z') },
    );
    const found = await privateNotesForMeeting(a.db, a.profile.id, { date: '2026-03-12', previousDate: '2026-02-12' });
    expect(found.map((record) => record.id)).toEqual([forMeeting.id]);
    expect(await deletePrivateNotes(a.db, a.profile.id, [forMeeting.id, old.id])).toBe(2);
    expect(await a.db.annotations.get(forMeeting.id)).toBeUndefined();
    expect((await a.db.annotations.toArray()).map((record) => record.text)).toEqual(['shared prep']);
  });
});

describe('search index for annotations', () => {
  const indexedRecords = async (db: OversightDatabase) => JSON.stringify(await db.searchIndex.toArray());

  it('saves a note without waiting for the search index, which catches up in idle time; the note waits for it crash-safely', async () => {
    const a = await laptop('Cllr A');
    // The window never goes idle before the app stops: the idle callbacks are held, not run.
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    try {
      const note = await createAnnotation(a.db, a.profile, action, {
        kind: 'question',
        text: 'quaggamussel question',
        tags: [],
        visibility: 'shared',
      });
      expect(idle).toHaveLength(1);
      // Saved, and recorded (in the save's own transaction) as waiting for the index…
      expect((await a.db.annotations.get(note.id))?.text).toBe('quaggamussel question');
      expect(await a.db.meta.get('annotationsAwaitingSearchIndex')).toMatchObject({ value: [note.id] });
      expect(await indexedRecords(a.db)).not.toContain('quaggamussel');
      // …an edit and a second note made before the window is idle share the one catch-up…
      await updateAnnotation(a.db, a.profile, note.id, { kind: 'question', text: 'narwhal question', tags: [], visibility: 'shared' });
      const second = await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'okapi note', tags: [], visibility: 'shared' });
      expect(idle).toHaveLength(1);
      expect(await a.db.meta.get('annotationsAwaitingSearchIndex')).toMatchObject({ value: [note.id, second.id] });
      // …and the app stops here. At the next start the catch-up indexes both, as last saved.
      expect(await catchUpSearchIndex(a.db)).toBe(2);
      const indexed = await indexedRecords(a.db);
      expect(indexed).toContain('narwhal');
      expect(indexed).toContain('okapi');
      expect(indexed).not.toContain('quaggamussel');
      expect(await a.db.meta.get('annotationsAwaitingSearchIndex')).toBeUndefined();
      // The idle callback running late finds nothing left to do.
      idle[0]?.();
      await searchIndexCaughtUp(a.db);
      expect(await indexedRecords(a.db)).toBe(indexed);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes a deleted note out of the index when it catches up', async () => {
    const a = await laptop('Cllr A');
    const found = async (word: string) => {
      resetSearchIndexCache(a.db);
      await loadSearchIndex(a.db);
      return searchLoadedIndex(a.db, word).total;
    };
    const note = await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'wombat note', tags: [], visibility: 'shared' });
    await searchIndexCaughtUp(a.db);
    expect(await found('wombat')).toBe(1);
    await deleteAnnotation(a.db, a.profile, note.id);
    await searchIndexCaughtUp(a.db);
    expect(await found('wombat')).toBe(0);
    expect(await a.db.meta.get('annotationsAwaitingSearchIndex')).toBeUndefined();
  });

  it('merges a first file into an empty store without reading every stored note back', async () => {
    const a = await laptop('Cllr A');
    const b = await laptop('Cllr B');
    await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'first', tags: [], visibility: 'shared' });
    await createAnnotation(a.db, a.profile, action, { kind: 'note', text: 'second', tags: [], visibility: 'shared' });
    // Reads of whole annotation records (cursors and value queries), not of their keys alone.
    const reads: string[] = [];
    b.db.use({
      stack: 'dbcore',
      name: 'reads',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'annotations') return table;
          return {
            ...table,
            query: (request) => (request.values ? reads.push('query') : undefined, table.query(request)),
            openCursor: (request) => (reads.push('cursor'), table.openCursor(request)),
          };
        },
      }),
    });
    const summary = await mergeAnnotationsFile(b.db, await buildAnnotationsFile(a.db, a.profile), { profile: b.profile });
    expect(summary.inserted).toBe(2);
    expect(reads).toEqual([]);
    expect((await b.db.annotations.toArray()).map((record) => record.authorName)).toEqual(['Cllr A', 'Cllr A']);
  });

  it('indexes a new note after the save, and merged notes right after the merge', async () => {
    const a = await laptop('Cllr A');
    const b = await laptop('Cllr B');
    await createAnnotation(a.db, a.profile, action, { kind: 'question', text: 'zebracrossing question', tags: [], visibility: 'shared' });
    await searchIndexCaughtUp(a.db);
    expect(await indexedRecords(a.db)).toContain('zebracrossing');
    await mergeAnnotationsFile(b.db, await buildAnnotationsFile(a.db, a.profile), { profile: b.profile });
    // Merged, and waiting (crash-safely) for the search index…
    expect(await indexedRecords(b.db)).not.toContain('zebracrossing');
    expect(await b.db.meta.get('annotationsAwaitingSearchIndex')).toBeDefined();
    // …which the catch-up (run after every merge and at start) brings up to date.
    expect(await catchUpSearchIndex(b.db)).toBe(1);
    expect(await indexedRecords(b.db)).toContain('zebracrossing');
    expect(await b.db.meta.get('annotationsAwaitingSearchIndex')).toBeUndefined();
    expect(await catchUpSearchIndex(b.db)).toBe(0);
  });
});
