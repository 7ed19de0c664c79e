// Schema version 3 (plan review). Shipped: never edit, add a version.
// Three tables kept up to date inside each import's transaction, each keyed by its primary key
// alone (every index costs every write): the dashboard's figures, one record per plan; the
// actions list's rows, one record per plan, so the list's first screen needs one read; and the
// search index, persisted as a few serialised shards per plan, so start-up loads it without
// re-reading a single entity. A shard's key is `planId \u0001 group shard-number`, so a plan's
// shards are one primary-key range.
export const v3 = {
  version: 3,
  stores: {
    planSummaries: 'planId',
    actionRows: 'planId',
    searchIndex: 'id',
  },
} as const;
