import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { annotationsOn, createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v5 } from '../../../renderer/db/schema/v5';

// v4 → v5 (member annotations): a store at the version before, with data in it, opened with the
// current code keeps its data and gains the annotations table with its one index.

describe('schema v5 (annotations)', () => {
  it('declares the annotations table with one index, on the target', () => {
    expect(v5.stores).toEqual({ annotations: 'id, targetKey' });
  });

  it('v4 → v5: keeps the plan, meetings and facts, and annotations work', async () => {
    const name = `migrate-v5-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version < 5)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('meta').put({ key: 'sampleLoaded', value: true });
    await old.table('plans').put({ id: 'plan-1', header: { title: 'Kept plan' }, export: { revision: 4 } });
    await old.table('meetings').put({ id: 'm1', title: 'Kept meeting' });
    expect(old.verno).toBe(4);
    old.close();

    const db = new OversightDatabase(name);
    await db.open();
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.plans.get('plan-1')).toMatchObject({ header: { title: 'Kept plan' } });
    expect(await db.meetings.get('m1')).toMatchObject({ title: 'Kept meeting' });
    expect(db.annotations.schema.indexes.map((index) => index.name)).toEqual(['targetKey']);

    const profile = await saveProfile(db, { displayName: 'Cllr A', role: 'member', organisation: '' });
    const target = { kind: 'action' as const, planId: 'plan-1', id: 'a1' };
    const note = await createAnnotation(db, profile, target, { kind: 'note', text: 'after the upgrade', tags: [], visibility: 'private' });
    expect(note.madeAgainstRevision).toBe(4);
    expect((await annotationsOn(db, target, profile.id)).map((record) => record.text)).toEqual(['after the upgrade']);
    db.close();
    await Dexie.delete(name);
  });
});
