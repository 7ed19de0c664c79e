import { targetKeyOf } from '../annotations/types';
import type { OversightDatabase } from '../db/database';

/**
 * The target keys (`targetKeyOf({ planId, kind, id })`) of one plan's entities that carry a live
 * annotation by this author: the actions list's "has my annotations" filter. One range read on
 * the annotations' targetKey index; deleted annotations (tombstones) do not count.
 */
export async function annotatedTargetKeys(db: OversightDatabase, planId: string, authorId: string): Promise<Set<string>> {
  const prefix = targetKeyOf({ planId, kind: '', id: '' }).slice(0, -1);
  const keys = new Set<string>();
  await db.annotations
    .where('targetKey')
    .startsWith(prefix)
    .each((record) => {
      if (!record.deleted && record.authorId === authorId) keys.add(record.targetKey);
    });
  return keys;
}
