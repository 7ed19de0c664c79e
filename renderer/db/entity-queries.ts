import type { EntityKind } from '../../shared/plan/diff';
import type { OversightDatabase } from './database';
import type { EntityRecord } from './types';

// Reads of the stored entities. Apart from plan-repository.ts so that the plan review's derived
// records (review-store.ts), which the import writes, can read them without a circular import.

/** Every entity stored for a plan, current and archived. */
export function entitiesOfPlan(db: OversightDatabase, planId: string, kind?: EntityKind): Promise<EntityRecord[]> {
  // IndexedDB orders a shorter array before any longer one with the same prefix, and every
  // array after every string: so [planId] .. [planId, []] spans exactly one plan's keys.
  const lower = kind ? [planId, kind] : [planId];
  const upper = kind ? [planId, kind, []] : [planId, []];
  return db.entities.where('[planId+kind+id]').between(lower, upper, true, true).toArray();
}
