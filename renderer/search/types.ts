// The search index as stored (schema v3).

/**
 * One shard of a plan's search index: MiniSearch's serialised JSON, or one part of it. A large
 * shard's JSON is stored over several records (`parts` of them), the first under the shard's id
 * and the others under `shard id \u0002 part number` (five digits, from 00001), all with the same
 * stamp and written in one transaction; joined in order they are the JSON. IndexedDB copies each
 * record in one task on the window's thread, so no record may be large.
 */
export type SearchIndexRecord = {
  /** `planId \u0001 shard name`, e.g. `northmoor\u0001plan-2` or `northmoor\u0001notes-11`. */
  id: string;
  planId: string;
  shard: string;
  /** The shard's documents (0 in a part after the first). */
  documentCount: number;
  /** The JSON, or this part of it. */
  json: string;
  /** In the shard's first record: how many records its JSON is stored over (absent: 1). */
  parts?: number;
  /** In a later part: its position, from 1. */
  part?: number;
  /**
   * New at every write of the shard. A window's in-memory copy is used only while its stamp
   * matches the stored one: another window (or a tab) may have written the shard meanwhile.
   * Absent in shards written before it existed, which are then always read from the store.
   */
  stamp?: string;
};
