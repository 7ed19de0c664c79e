// The search index as stored (schema v3).

/** One shard of a plan's search index: MiniSearch's serialised JSON. */
export type SearchIndexRecord = {
  /** `planId \u0001 shard name`, e.g. `northmoor\u0001plan-2` or `northmoor\u0001notes-11`. */
  id: string;
  planId: string;
  shard: string;
  documentCount: number;
  json: string;
};
