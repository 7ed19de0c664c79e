import { runToEnd, sortSteps, type Sliced } from '../sliced';
import type { StoredEntity } from '../plan/diff';
import { RAG_VALUES, type Action, type ActionStatus, type Area, type Measure, type Milestone, type Owner, type Rag } from '../plan/schema';
import { effectiveDueDate, isOpenStatus, measureTrend, targetCheck } from './rules';

// What plan review keeps up to date at import, so that opening the dashboard or the actions
// list never re-reads every entity: per area the dashboard's figures, and per action one small
// row for the list. Both are computed from the plan's stored state (current and archived
// entities) in the same transaction that stores a revision.

export type RagCounts = Record<Rag | 'none', number>;

/** One action as the actions list shows, sorts and filters it. */
export type ActionRow = {
  id: string;
  areaId: string;
  ref: string;
  title: string;
  /** The lead's role (a role, never a person's name); null when none is given. */
  leadRole: string | null;
  leadId: string | null;
  dueDate: string;
  revisedDueDate: string | null;
  status: ActionStatus;
  deliveryRag: Rag;
  /** The latest progress update's period (YYYY-MM), or null before the first update. */
  lastUpdatePeriod: string | null;
  addedInRevision: number;
  changedInRevision: number;
  archivedInRevision: number | null;
  /** Milestones of this action, so the action page reads them by key, not by scanning all milestones. */
  milestoneIds: string[];
  measureIds: string[];
  riskIds: string[];
};

/** The dashboard's figures for one area of the plan. */
export type AreaSummary = {
  areaId: string;
  ref: string;
  title: string;
  deliveryRag: Rag | null;
  impactRag: Rag | null;
  actions: number;
  /** Delivery RAG of the area's current actions. */
  delivery: RagCounts;
  /** Impact RAG of the distinct measures the area's actions are linked to. Never mixed with delivery. */
  impact: RagCounts;
  revisedDue: number;
  /** Open actions with the date they are now due, soonest first: overdue and due-soon are read from this by date. */
  openDue: Array<[actionId: string, due: string]>;
  measures: string[];
  measuresOffTarget: string[];
  measuresWorsening: string[];
};

export type PlanSummary = { planId: string; revision: number; areas: AreaSummary[] };

/** Counts of zero for every RAG rating and for "not rated". */
export function emptyRagCounts(): RagCounts {
  return { blue: 0, green: 0, amber: 0, red: 0, grey: 0, none: 0 };
}

/** The list row of one stored action. */
export function actionRow(entity: StoredEntity, owners: ReadonlyMap<string, Owner>, milestoneIds: readonly string[]): ActionRow {
  const action = entity.data as Action;
  let lastUpdatePeriod: string | null = null;
  for (const update of action.updates) if (lastUpdatePeriod === null || update.period > lastUpdatePeriod) lastUpdatePeriod = update.period;
  return {
    id: action.id,
    areaId: action.areaId,
    ref: action.ref,
    title: action.title,
    leadRole: action.leadId ? (owners.get(action.leadId)?.role ?? null) : null,
    leadId: action.leadId ?? null,
    dueDate: action.dueDate,
    revisedDueDate: action.revisedDueDate ?? null,
    status: action.status,
    deliveryRag: action.deliveryRag,
    lastUpdatePeriod,
    addedInRevision: entity.addedInRevision,
    changedInRevision: entity.changedInRevision,
    archivedInRevision: entity.archivedInRevision,
    milestoneIds: [...milestoneIds],
    measureIds: [...action.measureIds],
    riskIds: [...action.riskIds],
  };
}

// One collator for every comparison: localeCompare with options builds a new one per call,
// which dominated sorting 10,000 rows.
const refCollator = new Intl.Collator('en-GB', { numeric: true });

/** Compares plan references the way people read them: 1.2 before 1.10. */
export function compareRefs(a: string, b: string): number {
  return refCollator.compare(a, b);
}

/**
 * The dashboard summary and the action rows of a plan, from every entity stored for it
 * (archived ones included: they appear in the list only when asked for, never in the figures).
 */
export function buildPlanReview(planId: string, revision: number, entities: Iterable<StoredEntity>): PlanReview {
  return runToEnd(buildPlanReviewSteps(planId, revision, entities));
}

export type PlanReview = { summary: PlanSummary; rows: ActionRow[] };

/**
 * {@link buildPlanReview}, pausing after each entity and each action row. With `rows: false` only
 * the summary is built (rows come back empty): a revision that patches the stored rows needs no
 * new row for each of its 10,000 actions, nor their sort.
 */
export function* buildPlanReviewSteps(
  planId: string,
  revision: number,
  entities: Iterable<StoredEntity>,
  options: { rows: boolean } = { rows: true },
): Sliced<PlanReview> {
  const owners = new Map<string, Owner>();
  const areas: StoredEntity[] = [];
  const actions: StoredEntity[] = [];
  const measures = new Map<string, Measure>();
  const milestonesOf = new Map<string, string[]>();
  for (const entity of entities) {
    yield;
    const isCurrent = entity.archivedInRevision === null;
    switch (entity.kind) {
      case 'owner':
        owners.set(entity.id, entity.data as Owner);
        break;
      case 'area':
        if (isCurrent) areas.push(entity);
        break;
      case 'action':
        actions.push(entity);
        break;
      case 'measure':
        if (isCurrent) measures.set(entity.id, entity.data as Measure);
        break;
      case 'milestone': {
        if (!isCurrent) break;
        const actionId = (entity.data as Milestone).actionId;
        const list = milestonesOf.get(actionId);
        if (list) list.push(entity.id);
        else milestonesOf.set(actionId, [entity.id]);
        break;
      }
      default:
        break;
    }
  }

  const rows: ActionRow[] = [];
  if (options.rows) {
    for (const entity of actions) {
      yield;
      rows.push(actionRow(entity, owners, milestonesOf.get(entity.id) ?? []));
    }
    // Sorted in steps: 60,000 rows sorted in one call were a long task of the import.
    yield* sortSteps(rows, (a, b) => compareRefs(a.ref, b.ref));
  }

  const byArea = new Map<string, AreaSummary>();
  for (const entity of areas) {
    const area = entity.data as Area;
    byArea.set(area.id, {
      areaId: area.id,
      ref: area.ref,
      title: area.title,
      deliveryRag: area.deliveryRag ?? null,
      impactRag: area.impactRag ?? null,
      actions: 0,
      delivery: emptyRagCounts(),
      impact: emptyRagCounts(),
      revisedDue: 0,
      openDue: [],
      measures: [],
      measuresOffTarget: [],
      measuresWorsening: [],
    });
  }
  const measuresOfArea = new Map<string, Set<string>>();
  for (const entity of actions) {
    yield;
    if (entity.archivedInRevision !== null) continue;
    const action = entity.data as Action;
    const summary = byArea.get(action.areaId);
    if (!summary) continue;
    summary.actions += 1;
    summary.delivery[action.deliveryRag] += 1;
    if (action.revisedDueDate) summary.revisedDue += 1;
    if (isOpenStatus(action.status)) summary.openDue.push([action.id, effectiveDueDate(action)]);
    let linked = measuresOfArea.get(action.areaId);
    if (!linked) measuresOfArea.set(action.areaId, (linked = new Set()));
    for (const measureId of action.measureIds) if (measures.has(measureId)) linked.add(measureId);
  }

  const trendCache = new Map<string, { isOffTarget: boolean; isWorsening: boolean; impact: Rag | 'none' }>();
  const judge = (measureId: string, measure: Measure) => {
    let judged = trendCache.get(measureId);
    if (!judged) {
      judged = {
        isOffTarget: targetCheck(measure).isOffTarget === true,
        isWorsening: measureTrend(measure).direction === 'worsening',
        impact: measure.impactRag ?? 'none',
      };
      trendCache.set(measureId, judged);
    }
    return judged;
  };
  for (const summary of byArea.values()) {
    // In steps too: an area of a large plan holds thousands of open actions.
    yield* sortSteps(summary.openDue, (a, b) => (a[1] === b[1] ? compareRefs(a[0], b[0]) : a[1] < b[1] ? -1 : 1));
    const linked = [...(measuresOfArea.get(summary.areaId) ?? [])].sort();
    summary.measures = linked;
    for (const measureId of linked) {
      const measure = measures.get(measureId);
      if (!measure) continue;
      const judged = judge(measureId, measure);
      summary.impact[judged.impact] += 1;
      if (judged.isOffTarget) summary.measuresOffTarget.push(measureId);
      if (judged.isWorsening) summary.measuresWorsening.push(measureId);
    }
  }

  const areasInOrder = [...byArea.values()].sort((a, b) => compareRefs(a.ref, b.ref));
  return { summary: { planId, revision, areas: areasInOrder }, rows };
}

/** Every RAG rating in the order the dashboard lists them, worst first, then "not rated". */
export const RAG_ORDER: readonly (Rag | 'none')[] = ['red', 'amber', 'green', 'blue', 'grey', 'none'];

/** True when the value is a RAG rating. */
export function isRag(value: string): value is Rag {
  return (RAG_VALUES as readonly string[]).includes(value);
}
