import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { expandChangesSteps } from '../../shared/plan/compact-changes';
import { runToEnd } from '../../shared/sliced';
import { useServices } from '../app/context';
import { entitiesOfPlan, listImports, listPlans } from '../db/plan-repository';
import type { ChangeSetRecord, EntityRecord, ImportRecord, PlanRecord } from '../db/types';
import type { SyncState } from '../plan/sync-controller';

/** Every stored plan, by title (undefined while loading). */
export function usePlans(): PlanRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listPlans(db), [db]);
}

/** The import log, newest first. */
export function useImports(): ImportRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listImports(db), [db]);
}

/** One plan. */
export function usePlan(planId: string | undefined): PlanRecord | undefined | null {
  const { db } = useServices();
  return useLiveQuery(async () => (planId ? ((await db.plans.get(planId)) ?? null) : null), [db, planId]);
}

/** The change set one import recorded, with the entities it names (current or archived). */
export function useChangeSet(
  importId: string | undefined,
): { changeSet: ChangeSetRecord; entities: Map<string, EntityRecord>; areas: EntityRecord[] } | undefined | null {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!importId) return null;
    const stored = await db.changeSets.get(importId);
    if (!stored) return null;
    // A first import's additions are stored as one string: expanded here, so the view sees every change.
    const { importId: id, planId, revision, previousRevision } = stored;
    const changes = runToEnd(expandChangesSteps(stored, importId));
    const changeSet: ChangeSetRecord = { importId: id, planId, revision, previousRevision, changes };
    const keys = changeSet.changes.map((change): [string, string, string] => [changeSet.planId, change.kind, change.id]);
    const areas = await entitiesOfPlan(db, changeSet.planId, 'area');
    // The kinds that changes refer to by id (lead, partners, linked measures, evidence, risks),
    // so a change reads "Evidence: added October board minutes" rather than an id.
    const referenced = (
      await Promise.all(
        (['owner', 'organisation', 'measure', 'evidence', 'risk'] as const).map((kind) => entitiesOfPlan(db, changeSet.planId, kind)),
      )
    ).flat();
    // Actions of milestones are needed to place a milestone under its area.
    const found = (await db.entities.bulkGet(keys)).filter((entity): entity is EntityRecord => entity !== undefined);
    const entities = new Map<string, EntityRecord>();
    for (const entity of [...referenced, ...found, ...areas]) entities.set(`${entity.kind}:${entity.id}`, entity);
    const missingActions = found
      .filter((entity) => entity.kind === 'milestone')
      .map((entity) => ('actionId' in entity.data ? String(entity.data.actionId) : ''))
      .filter((id) => id !== '' && !entities.has(`action:${id}`));
    if (missingActions.length > 0) {
      const actions = await db.entities.bulkGet(missingActions.map((id): [string, string, string] => [changeSet.planId, 'action', id]));
      for (const action of actions) if (action) entities.set(`action:${action.id}`, action);
    }
    return { changeSet, entities, areas };
  }, [db, importId]);
}

/** The sync controller's session state (progress, files handled this session). */
export function useSyncState(): SyncState {
  const { sync } = useServices();
  return useSyncExternalStore(sync.subscribe, sync.getState, sync.getState);
}
