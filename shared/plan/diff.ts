import { runToEnd, type Sliced } from '../sliced';
import { COLLECTIONS, KIND_OF_COLLECTION, type CollectionName, type EntityKind, type PlanFile } from './schema';

// Computes what an import changes: which entities are new, which disappeared (archived, never
// deleted), which came back, and per entity which fields moved, with before and after. Pure,
// so it is tested in Node and reused by the renderer's import inside its transaction.

export { KIND_OF_COLLECTION, type EntityKind };

type EntityOf<C extends CollectionName> = PlanFile[C][number];
export type EntityData = { [C in CollectionName]: EntityOf<C> }[CollectionName];

/** One entity of one plan as stored: its latest data and the revisions that touched it. */
export type StoredEntity = {
  planId: string;
  kind: EntityKind;
  id: string;
  data: EntityData;
  addedInRevision: number;
  changedInRevision: number;
  /** The revision from which the entity was missing, or null while it is current. */
  archivedInRevision: number | null;
};

export type FieldChange = { field: string; before: unknown; after: unknown };

export type EntityChange = {
  kind: EntityKind;
  id: string;
  change: 'added' | 'archived' | 'restored' | 'changed';
  /** Field-level changes (also for a restored entity whose fields moved while it was away). */
  fields: FieldChange[];
};

export type PlanDiff = {
  changes: EntityChange[];
  /** Only the entity records that must be written: new, changed, archived or restored ones. */
  writes: StoredEntity[];
  summary: { added: number; changed: number; archived: number; restored: number; unchanged: number };
};

/** The key under which an entity is stored and looked up. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}\u0000${id}`;
}

/**
 * Diffs a validated plan against the entities stored for the same plan. An entity that is
 * not in the new revision is archived in it; nothing is ever removed.
 */
export function diffPlan(existing: readonly StoredEntity[], plan: PlanFile, revision: number): PlanDiff {
  return runToEnd(diffPlanSteps(existing, plan, revision));
}

/** {@link diffPlan}, pausing after each entity so a 60,000-action import can yield to the window. */
export function* diffPlanSteps(existing: readonly StoredEntity[], plan: PlanFile, revision: number): Sliced<PlanDiff> {
  const planId = plan.plan.id;
  const stored = new Map<string, StoredEntity>();
  for (const entity of existing) stored.set(entityKey(entity.kind, entity.id), entity);

  const changes: EntityChange[] = [];
  const writes: StoredEntity[] = [];
  const seen = new Set<string>();
  const summary = { added: 0, changed: 0, archived: 0, restored: 0, unchanged: 0 };

  for (const collection of COLLECTIONS) {
    const kind = KIND_OF_COLLECTION[collection];
    for (const data of plan[collection] as readonly EntityData[]) {
      yield;
      const key = entityKey(kind, data.id);
      seen.add(key);
      const before = stored.get(key);
      if (!before) {
        writes.push({ planId, kind, id: data.id, data, addedInRevision: revision, changedInRevision: revision, archivedInRevision: null });
        changes.push({ kind, id: data.id, change: 'added', fields: [] });
        summary.added += 1;
        continue;
      }
      const fields = diffFields(before.data, data);
      const wasArchived = before.archivedInRevision !== null;
      if (!wasArchived && fields.length === 0) {
        summary.unchanged += 1;
        continue;
      }
      writes.push({
        ...before,
        data,
        changedInRevision: fields.length > 0 ? revision : before.changedInRevision,
        archivedInRevision: null,
      });
      changes.push({ kind, id: data.id, change: wasArchived ? 'restored' : 'changed', fields });
      if (wasArchived) summary.restored += 1;
      else summary.changed += 1;
    }
  }

  for (const [key, entity] of stored) {
    yield;
    if (seen.has(key) || entity.archivedInRevision !== null) continue;
    writes.push({ ...entity, archivedInRevision: revision });
    changes.push({ kind: entity.kind, id: entity.id, change: 'archived', fields: [] });
    summary.archived += 1;
  }

  return { changes, writes, summary };
}

/** The top-level fields of two versions of an entity that differ, with before and after. */
export function diffFields(before: object, after: object): FieldChange[] {
  const beforeRecord = before as Record<string, unknown>;
  const afterRecord = after as Record<string, unknown>;
  // Fast path: most entities do not change between revisions.
  if (JSON.stringify(beforeRecord) === JSON.stringify(afterRecord)) return [];
  const fields: FieldChange[] = [];
  const names = new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)]);
  for (const field of names) {
    const was = beforeRecord[field];
    const now = afterRecord[field];
    if (!isSameValue(was, now)) fields.push({ field, before: was ?? null, after: now ?? null });
  }
  return fields;
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
