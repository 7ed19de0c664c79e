// Schema version 2 (plan sync). Shipped: never edit, add a version.
// Writes are slow on members' laptops (each index costs every put), so every table is keyed by
// its primary key alone: entities by [planId+kind+id], which also serves the only range query
// (all entities of one plan), and the import log by id, read whole (it holds a few hundred rows).
export const v2 = {
  version: 2,
  stores: {
    meta: 'key',
    plans: 'id',
    entities: '[planId+kind+id]',
    imports: 'id',
    changeSets: 'importId',
  },
} as const;
