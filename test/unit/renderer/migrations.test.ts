import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { type OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { v1 } from '../../../renderer/db/schema/v1';
import { v2 } from '../../../renderer/db/schema/v2';

// One test per schema version: create the store at version N-1, put data in it, open it with
// the current code, and check that the data is still there and the new tables work.

function uniqueName(): string {
  return `migrate-${Math.random().toString(36).slice(2)}`;
}

describe('schema versions', () => {
  it('are numbered upwards from 1 (gaps are left for parallel work), and none deletes a table (schemas are additive)', () => {
    // The one exception: v11 drops `actionRows` after its upgrade copies every record into `actionRowChunks`.
    const dropped = new Set(['11 actionRows']);
    SCHEMA_VERSIONS.forEach((schema, index) => {
      expect(schema.version).toBeGreaterThan(SCHEMA_VERSIONS[index - 1]?.version ?? 0);
      for (const [table, definition] of Object.entries(schema.stores)) {
        if (!dropped.has(`${schema.version} ${table}`)) expect(definition, `v${schema.version} ${table}`).not.toBeNull();
      }
    });
  });

  it('v1: a new store opens with its meta table', async () => {
    const name = uniqueName();
    const db = new Dexie(name);
    db.version(v1.version).stores(v1.stores);
    await db.open();
    expect(db.tables.map((table) => table.name)).toEqual(['meta']);
    db.close();
    await Dexie.delete(name);
  });

  it('v1 → v2: keeps the meta facts and adds the plan tables', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    await old.table('meta').bulkPut([
      { key: 'sampleLoaded', value: true },
      { key: 'note', value: { text: 'kept' } },
    ]);
    old.close();

    // Open at v2 exactly (later versions have their own tests).
    const db = new Dexie(name) as Dexie & { meta: OversightDatabase['meta']; entities: OversightDatabase['entities'] };
    db.version(v1.version).stores(v1.stores);
    db.version(v2.version).stores(v2.stores);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.meta.get('sampleLoaded')).toEqual({ key: 'sampleLoaded', value: true });
    expect(await db.meta.get('note')).toEqual({ key: 'note', value: { text: 'kept' } });
    expect(db.tables.map((table) => table.name).sort()).toEqual(['changeSets', 'entities', 'imports', 'meta', 'plans']);
    await db.entities.put({
      planId: 'p',
      kind: 'action',
      id: 'a1',
      data: { id: 'a1' } as never,
      addedInRevision: 1,
      changedInRevision: 1,
      archivedInRevision: null,
    });
    expect(await db.entities.get(['p', 'action', 'a1'])).toMatchObject({ id: 'a1' });
    db.close();
    await Dexie.delete(name);
  });
});
