// Rules shared by the first export and its revisions: how values are rounded and suppressed, how
// RAGs roll up, and how an officer's monthly update reads. Keeping them in one place means a
// revision stays consistent with the plan it revises.

import { formatLongDate, formatMonthYear, parsePeriod } from './calendar';
import {
  AMBER_SENTENCES,
  COMPLETION_SENTENCES,
  GREEN_SENTENCES,
  MILESTONE_MET_SENTENCES,
  NEXT_MILESTONE_SENTENCES,
  RED_SENTENCES,
  REVISION_SENTENCE,
  LOCALITIES,
  STARTED_SENTENCES,
} from './catalogue-narratives';
import { AREAS } from './catalogue-areas';
import type { AreaTemplate } from './catalogue-areas';
import { MEASURES } from './catalogue-measures';
import type { MeasureTemplate, MeasureUnit } from './catalogue-measures';
import type { Rng } from './prng';
import type { PlanFileObject, Rag, SampleAction, SampleMeasure, SamplePlan } from './sample-types';

/** Prefixes of generated ids, so revisions can find the next free number. */
export const ID_PREFIX = {
  organisation: 'org-',
  owner: 'own-',
  area: 'area-',
  action: 'act-',
  measure: 'kpi-',
  evidence: 'ev-',
  risk: 'risk-',
} as const;

/** The id of a catalogue organisation. */
export function organisationId(key: string): string {
  return `${ID_PREFIX.organisation}${key}`;
}

/** The id of a catalogue owner. */
export function ownerId(key: string): string {
  return `${ID_PREFIX.owner}${key}`;
}

/** The area template behind the n-th area (areas beyond the five cycle through them). */
export function areaTemplate(areaIndex: number): AreaTemplate {
  const template = AREAS[areaIndex % AREAS.length];
  if (template === undefined) throw new RangeError('The area catalogue is empty.');
  return template;
}

/** Tells repeated copies of a template apart in large plans: "North locality", "North locality, wave 2"… */
export function variantLabel(index: number): string {
  const locality = LOCALITIES[index % LOCALITIES.length] ?? 'Central';
  const wave = Math.floor(index / LOCALITIES.length);
  return wave === 0 ? `${locality} locality` : `${locality} locality, wave ${wave + 1}`;
}

/** A number padded with zeros, e.g. 7 → "007". */
export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The width to pad a collection's numbers to, so ids sort in order. */
export function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(count).length);
}

/** Rounds to a number of decimal places without the binary noise of toFixed round trips. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Keeps a measure's value within what its unit allows (a percent within 0–100, nothing negative). */
export function clampValue(unit: MeasureUnit, value: number): number {
  if (unit === 'percent') return Math.min(100, Math.max(0, value));
  return Math.max(0, value);
}

/** Whether a small count should be published as null to protect individual children. */
export function isSuppressed(template: MeasureTemplate | undefined, value: number): boolean {
  return template?.isSuppressedWhenSmall === true && value >= 1 && value <= 2;
}

/** The catalogue entry a measure id was made from (ids are `kpi-KEY` or `kpi-KEY-N`). */
export function measureTemplateFor(id: string): MeasureTemplate | undefined {
  const key = id.slice(ID_PREFIX.measure.length);
  return MEASURES.find((m) => m.key === key) ?? MEASURES.find((m) => m.key === key.replace(/-\d+$/, ''));
}

/**
 * A measure's impact RAG: green when its latest value meets the target now in force, amber when it
 * is better than the baseline but short of target, red when it is no better than the baseline.
 */
export function measureImpactRag(measure: SampleMeasure, asAt: string): Rag {
  let latest: number | null = null;
  for (let i = measure.series.length - 1; i >= 0 && latest === null; i -= 1) latest = measure.series[i]?.value ?? null;
  if (latest === null) return 'grey';
  const target = measure.targets.find((t) => t.asAt >= asAt) ?? measure.targets[measure.targets.length - 1];
  const isBetter = (a: number, b: number): boolean => (measure.polarity === 'higher-is-better' ? a > b : a < b);
  if (target !== undefined && (latest === target.value || isBetter(latest, target.value))) return 'green';
  return isBetter(latest, measure.baseline.value) ? 'amber' : 'red';
}

/** An area's delivery RAG from its actions, as a programme office would summarise them. */
export function areaDeliveryRag(actions: readonly SampleAction[]): Rag {
  const live = actions.filter((a) => a.status !== 'withdrawn');
  if (live.length === 0) return 'grey';
  const count = (rag: Rag): number => live.filter((a) => a.deliveryRag === rag).length;
  if (count('blue') === live.length) return 'blue';
  if (count('grey') === live.length) return 'grey';
  const red = count('red') / live.length;
  const atRisk = red + count('amber') / live.length;
  if (red > 0.2 || atRisk > 0.5) return 'red';
  if (red > 0.1 || atRisk > 0.3) return 'amber';
  return 'green';
}

/** An area's impact RAG from the measures its actions are linked to. */
export function areaImpactRag(measures: readonly SampleMeasure[]): Rag {
  const rated = measures.filter((m) => m.impactRag !== 'grey');
  if (rated.length === 0) return 'grey';
  const reds = rated.filter((m) => m.impactRag === 'red').length;
  const greens = rated.filter((m) => m.impactRag === 'green' || m.impactRag === 'blue').length;
  if (reds / rated.length >= 0.4) return 'red';
  if (greens / rated.length >= 0.5) return 'green';
  return 'amber';
}

/** Recomputes every area's delivery and impact RAG in one pass over actions and measures. */
export function rollUpAreas(plan: SamplePlan): void {
  const actionsByArea = new Map<string, SampleAction[]>();
  for (const action of plan.actions) {
    const list = actionsByArea.get(action.areaId);
    if (list) list.push(action);
    else actionsByArea.set(action.areaId, [action]);
  }
  const measureById = new Map(plan.measures.map((m) => [m.id, m]));
  for (const area of plan.areas) {
    const actions = actionsByArea.get(area.id) ?? [];
    const linked = new Map<string, SampleMeasure>();
    for (const action of actions) {
      for (const id of action.measureIds) {
        const measure = measureById.get(id);
        if (measure) linked.set(id, measure);
      }
    }
    area.deliveryRag = areaDeliveryRag(actions);
    area.impactRag = areaImpactRag([...linked.values()]);
  }
}

/** Replaces `{name}` placeholders. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** What happened to an action in one reporting month, for its progress update. */
export type UpdateContext = {
  rag: Rag;
  submittedOn: number;
  period: string;
  isFirst: boolean;
  isCompletion: boolean;
  milestonesMet: readonly string[];
  next: { title: string; dueDate: number } | null;
  revision: { revisedDue: number; approvedOn: number } | null;
};

/** Writes a monthly progress update in the voice of the lead officer. */
export function composeNarrative(rng: Rng, context: UpdateContext): string {
  const parts: string[] = [];
  if (context.isFirst) parts.push(rng.pick(STARTED_SENTENCES));
  for (const title of context.milestonesMet) parts.push(fillTemplate(rng.pick(MILESTONE_MET_SENTENCES), { title }));
  if (context.isCompletion) {
    parts.push(rng.pick(COMPLETION_SENTENCES));
    return parts.join(' ');
  }
  if (context.revision) {
    parts.push(
      fillTemplate(REVISION_SENTENCE, {
        revisedDue: formatLongDate(context.revision.revisedDue),
        board: formatLongDate(context.revision.approvedOn),
      }),
    );
  }
  const month = formatMonthYear(parsePeriod(context.period) + 1);
  if (context.rag === 'red') parts.push(fillTemplate(rng.pick(RED_SENTENCES), { month }));
  else if (context.rag === 'amber') parts.push(fillTemplate(rng.pick(AMBER_SENTENCES), { month }));
  else if (parts.length === 0 || rng.chance(0.5)) parts.push(rng.pick(GREEN_SENTENCES));
  if (context.next) {
    const isOverdue = context.next.dueDate < context.submittedOn;
    const pool = isOverdue
      ? NEXT_MILESTONE_SENTENCES.overdue
      : context.rag === 'red'
        ? NEXT_MILESTONE_SENTENCES.red
        : context.rag === 'amber'
          ? NEXT_MILESTONE_SENTENCES.amber
          : NEXT_MILESTONE_SENTENCES.green;
    parts.push(fillTemplate(rng.pick(pool), { next: context.next.title, nextDue: formatLongDate(context.next.dueDate) }));
  }
  return parts.join(' ');
}

/** The wording a tracker uses for who approved a revised due date. */
export function approvalText(meetingDay: number): string {
  return `SEND Oversight Board, ${formatLongDate(meetingDay)}`;
}

/** The RAG an update a month earlier most plausibly had, walking history backwards from `later`. */
export function earlierRag(rng: Rng, later: Rag): Rag {
  if (later === 'blue') return rng.chance(0.8) ? 'green' : 'amber';
  if (later === 'grey' || rng.chance(0.7)) return later === 'grey' ? 'green' : later;
  if (later === 'amber') return rng.chance(0.6) ? 'green' : 'red';
  return 'amber';
}

/** An action with its keys in the order the spec lists them, so exports diff cleanly. */
export function canonicalAction(action: SampleAction): SampleAction {
  const description = action.description === undefined ? {} : { description: action.description };
  const revision =
    action.revisedDueDate === undefined
      ? {}
      : { revisedDueDate: action.revisedDueDate, revisionApprovedBy: action.revisionApprovedBy ?? '' };
  return {
    id: action.id,
    areaId: action.areaId,
    ref: action.ref,
    title: action.title,
    ...description,
    leadId: action.leadId,
    sroId: action.sroId,
    partnerOrgIds: action.partnerOrgIds,
    startDate: action.startDate,
    dueDate: action.dueDate,
    ...revision,
    status: action.status,
    deliveryRag: action.deliveryRag,
    successCriteria: action.successCriteria,
    measureIds: action.measureIds,
    evidenceIds: action.evidenceIds,
    riskIds: action.riskIds,
    updates: action.updates,
  };
}

/**
 * Whether a value has the top-level shape of a generated plan. Only the generator's own output (or
 * a file it wrote) is expected here, so a shallow check is enough to catch a wrong argument.
 */
export function isSamplePlan(value: PlanFileObject): value is SamplePlan {
  const collections = ['organisations', 'owners', 'areas', 'actions', 'milestones', 'measures', 'evidence', 'risks'];
  const exportInfo = value['export'];
  return (
    value['format'] === 'oversight-plan' &&
    value['formatVersion'] === 1 &&
    typeof exportInfo === 'object' &&
    exportInfo !== null &&
    'revision' in exportInfo &&
    typeof exportInfo.revision === 'number' &&
    'exportedAt' in exportInfo &&
    typeof exportInfo.exportedAt === 'string' &&
    collections.every((key) => Array.isArray(value[key]))
  );
}
