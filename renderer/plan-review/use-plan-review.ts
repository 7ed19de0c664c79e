import { useLiveQuery } from 'dexie-react-hooks';
import { partiesOf, type ActionParties } from '../../shared/plan-review/partners';
import type { AnnotationRecord } from '../../shared/annotations/types';
import { findChange } from '../../shared/plan/compact-changes';
import type { EntityChange } from '../../shared/plan/diff';
import type { Action, Area, Evidence, Measure, Milestone, Organisation, Owner, Risk } from '../../shared/plan/schema';
import { getProfile } from '../annotations/profile-repository';
import { targetKeyOf } from '../annotations/types';
import { useServices } from '../app/context';
import type { OversightDatabase } from '../db/database';
import { entitiesOfPlan } from '../db/plan-repository';
import type { EntityRecord } from '../db/types';
import { annotatedTargetKeys } from './annotated-targets';
import { readActionRows } from './action-rows';
import type { ActionRowsRecord, PlanSummaryRecord } from './records';

// Plan review reads the store only through these hooks. The dashboard and the list read the one
// record each that the import keeps up to date; the action page reads its entities by key.

/** The dashboard's figures for a plan (null when the plan has none). */
export function usePlanSummary(planId: string | undefined): PlanSummaryRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (planId ? ((await db.planSummaries.get(planId)) ?? null) : null), [db, planId]);
}

/** Every action of a plan as a list row (null when the plan has none). */
export function useActionRows(planId: string | undefined): ActionRowsRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (planId ? readActionRows(db, planId) : null), [db, planId]);
}

/** Ids of the plan's actions that carry the current member's annotations; read only while `isWanted`. */
export function useMyAnnotatedActions(planId: string | undefined, isWanted: boolean): ReadonlySet<string> | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!planId || !isWanted) return new Set<string>();
    const profile = await getProfile(db);
    if (!profile) return new Set<string>();
    const keys = await annotatedTargetKeys(db, planId, profile.id);
    const prefix = targetKeyOf({ planId, kind: 'action', id: '' });
    return new Set([...keys].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
  }, [db, planId, isWanted]);
}

export type ActionDetail = {
  record: EntityRecord;
  action: Action;
  area: Area | undefined;
  owners: Map<string, Owner>;
  organisations: Map<string, Organisation>;
  milestones: Milestone[];
  measures: Measure[];
  evidence: Evidence[];
  risks: Risk[];
  latestRevision: number;
  /** The action's own entry in the latest revision's change set, when it changed in that revision. */
  latestChange: EntityChange | null;
};

async function byKeys<T>(db: OversightDatabase, planId: string, kind: string, ids: readonly string[]): Promise<T[]> {
  const found = await db.entities.bulkGet(ids.map((id): [string, string, string] => [planId, kind, id]));
  return found.filter((entity): entity is EntityRecord => entity !== undefined).map((entity) => entity.data as T);
}

/** One action with everything its page shows, read by key (null when there is no such action). */
export function useActionDetail(planId: string | undefined, actionId: string | undefined): ActionDetail | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async (): Promise<ActionDetail | null> => {
    if (!planId || !actionId) return null;
    const record = await db.entities.get([planId, 'action', actionId]);
    const plan = await db.plans.get(planId);
    if (!record || !plan) return null;
    const action = record.data as Action;
    const rows = await readActionRows(db, planId);
    const milestoneIds = rows?.rows.find((row) => row.id === actionId)?.milestoneIds ?? [];
    const [areas, milestones, measures, evidence, risks, ownerList, organisationList] = await Promise.all([
      byKeys<Area>(db, planId, 'area', [action.areaId]),
      byKeys<Milestone>(db, planId, 'milestone', milestoneIds),
      byKeys<Measure>(db, planId, 'measure', action.measureIds),
      byKeys<Evidence>(db, planId, 'evidence', action.evidenceIds),
      byKeys<Risk>(db, planId, 'risk', action.riskIds),
      entitiesOfPlan(db, planId, 'owner'),
      entitiesOfPlan(db, planId, 'organisation'),
    ]);
    const latest = plan.revisions.at(-1);
    const latestRevision = plan.export.revision;
    let latestChange: EntityChange | null = null;
    // The change set is read only when this action changed in the latest revision.
    if (latest && record.changedInRevision === latestRevision && record.addedInRevision !== latestRevision) {
      const changeSet = await db.changeSets.get(latest.importId);
      latestChange = changeSet ? findChange(changeSet, 'action', actionId) : null;
    }
    return {
      record,
      action,
      area: areas[0],
      owners: new Map(ownerList.map((owner) => [owner.id, owner.data as Owner])),
      organisations: new Map(organisationList.map((organisation) => [organisation.id, organisation.data as Organisation])),
      milestones: milestones.sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      measures,
      evidence,
      risks,
      latestRevision,
      latestChange,
    };
  }, [db, planId, actionId]);
}

/** A plan's current measures. */
export function useMeasures(planId: string | undefined): Measure[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!planId) return [];
    const records = await entitiesOfPlan(db, planId, 'measure');
    return records.filter((record) => record.archivedInRevision === null).map((record) => record.data as Measure);
  }, [db, planId]);
}

export type PlanParties = {
  organisations: Organisation[];
  /** The plan's current owners (roles), for choosing a senior responsible officer. */
  owners: Owner[];
  /** Per action, its SRO and the organisations involved; read only while wanted (it reads every action). */
  parties: ReadonlyMap<string, ActionParties> | null;
};

/**
 * A plan's organisations and owners, and, while `isWanted`, who is accountable for each action:
 * the partner and SRO filters and the by-partner view. The list rows do not carry partners, so
 * this reads the plan's action entities (one range read) only when one of those is in use.
 */
export function usePlanParties(planId: string | undefined, isWanted: boolean): PlanParties | undefined {
  const { db } = useServices();
  return useLiveQuery(async (): Promise<PlanParties> => {
    if (!planId) return { organisations: [], owners: [], parties: null };
    const [organisationRecords, ownerRecords] = await Promise.all([
      entitiesOfPlan(db, planId, 'organisation'),
      entitiesOfPlan(db, planId, 'owner'),
    ]);
    const current = (records: EntityRecord[]) => records.filter((record) => record.archivedInRevision === null);
    const organisations = current(organisationRecords).map((record) => record.data as Organisation);
    const owners = current(ownerRecords).map((record) => record.data as Owner);
    if (!isWanted) return { organisations, owners, parties: null };
    const byId = new Map(owners.map((owner) => [owner.id, owner]));
    const parties = new Map<string, ActionParties>();
    for (const record of await entitiesOfPlan(db, planId, 'action')) parties.set(record.id, partiesOf(record.data as Action, byId));
    return { organisations, owners, parties };
  }, [db, planId, isWanted]);
}

/** A board judgement on an action (or area) of the plan, with its meeting's date. */
export type ActionJudgement = { actionId: string; level: string; reason: string; meetingDate: string; label: string };

/** The board's assurance judgements on the plan's actions (or, with `kind` 'area', its areas), newest first. */
export function useActionJudgements(planId: string | undefined, kind: 'action' | 'area' = 'action'): ActionJudgement[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!planId) return [];
    const [records, meetings] = await Promise.all([
      db.meetingRecords.filter((record) => record.kind === 'judgement').toArray(),
      db.meetings.toArray(),
    ]);
    const dates = new Map(meetings.map((meeting) => [meeting.id, meeting.date]));
    return records
      .flatMap((record): ActionJudgement[] =>
        record.kind === 'judgement' && record.target.kind === kind && record.target.planId === planId
          ? [
              {
                actionId: record.target.id,
                level: record.level,
                reason: record.reason,
                meetingDate: dates.get(record.meetingId) ?? '',
                label: record.target.label,
              },
            ]
          : [],
      )
      .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate));
  }, [db, planId, kind]);
}

/** Members' shared (and this member's own) assurance views on the plan's areas. */
export function useAreaAssuranceViews(planId: string | undefined): AnnotationRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!planId) return [];
    const prefix = targetKeyOf({ planId, kind: 'area', id: '' });
    const records = await db.annotations.where('targetKey').between(prefix, `${prefix}\uffff`).toArray();
    const profile = await getProfile(db);
    return records.filter(
      (record) => record.kind === 'assurance' && !record.deleted && (record.visibility === 'shared' || record.authorId === profile?.id),
    );
  }, [db, planId]);
}
