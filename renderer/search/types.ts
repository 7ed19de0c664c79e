// The search index as stored (schema v3).

/** One shard of a plan's search index: MiniSearch's serialised JSON. */
export type SearchIndexRecord = {
  /** `planId \u0001 shard name`, e.g. `northmoor\u0001plan-2` or `northmoor\u0001notes-11`. */
  id: string;
  planId: string;
  shard: string;
  documentCount: number;
  json: string;
  /**
   * New at every write of the shard. A window's in-memory copy is used only while its stamp
   * matches the stored one: another window (or a tab) may have written the shard meanwhile.
   * Absent in shards written before it existed, which are then always read from the store.
   */
  stamp?: string;
};
