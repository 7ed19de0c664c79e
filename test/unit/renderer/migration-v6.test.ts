import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v6 } from '../../../renderer/db/schema/v6';
import { getPaper, papersOfMeeting, savePaperText } from '../../../renderer/papers/pack-repository';
import { paperRecordId, type PaperRecord } from '../../../renderer/papers/types';

// v5 → v6 (meeting packs): a store at the version before, with data in it, opened with the
// current code keeps its data and gains the packs, papers and paper texts tables.

describe('schema v6 (meeting packs and papers)', () => {
  it('declares packs, papers and paper texts by primary key alone', () => {
    expect(v6.stores).toEqual({ packs: 'id', papers: 'id', paperTexts: 'id' });
    expect(SCHEMA_VERSIONS.map((schema) => schema.version)).toContain(6);
  });

  it('v5 → v6: keeps the existing data and adds working paper tables', async () => {
    const name = `migrate-v6-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version < 6)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    await old.table('plans').put({ id: 'plan-1', header: { title: 'Kept plan' } });
    await old.table('annotations').put({ id: 'a1', targetKey: 'plan-1\u0001action\u0001x', text: 'Kept note' });
    await old.table('meetings').put({ id: 'm1', title: 'Kept meeting' });
    expect(old.verno).toBe(5);
    old.close();

    const db = new OversightDatabase(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version)));
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.plans.get('plan-1')).toMatchObject({ header: { title: 'Kept plan' } });
    expect(await db.annotations.get('a1')).toMatchObject({ text: 'Kept note' });
    expect(await db.meetings.get('m1')).toMatchObject({ title: 'Kept meeting' });
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['packs', 'papers', 'paperTexts']));
    expect(db.papers.schema.indexes).toEqual([]);

    // A paper with its PDF as a Blob, and its text apart.
    const paper: PaperRecord = {
      id: paperRecordId('m1', 'p1'),
      meetingId: 'm1',
      paperId: 'p1',
      packId: 'f'.repeat(64),
      title: 'Dashboard',
      agendaItem: null,
      file: 'p1.pdf',
      sha256: 'e'.repeat(64),
      size: 8,
      pageCount: 1,
      isExempt: false,
      supersedes: null,
      lineage: [],
      importedAt: '2026-11-05T09:00:00Z',
      pdf: new Blob([new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55])], { type: 'application/pdf' }),
    };
    await db.papers.add(paper);
    await savePaperText(db, { id: paper.id, status: 'ready', pages: ['Page one'], pageLabels: null, extractedAt: '2026-11-05T09:01:00Z' });
    const stored = await getPaper(db, 'm1', 'p1');
    expect(new TextDecoder().decode(await stored?.pdf.arrayBuffer())).toBe('%PDF-1.7');
    expect((await papersOfMeeting(db, 'm1')).map((record) => record.paperId)).toEqual(['p1']);
    expect(await papersOfMeeting(db, 'm')).toEqual([]);
    db.close();
    await Dexie.delete(name);
  });
});
