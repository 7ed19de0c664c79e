// A deterministic generator of realistic plan files (plan file format, version 1) for the
// bundled sample, tests and benchmarks. All randomness comes from a seeded generator and every
// date is derived from `exportedAt`, so the same options give the same file on every machine.

import {
  civilDate,
  firstDayOfMonth,
  formatIsoDate,
  formatPeriod,
  lastDayOfMonth,
  latestBoardMeeting,
  localDateOf,
  monthIndexOf,
  toWorkingDay,
  ukDateTime,
} from './calendar';
import { AREAS } from './catalogue-areas';
import type { ActionTemplate, AreaTemplate } from './catalogue-areas';
import { MEASURES } from './catalogue-measures';
import type { MeasureTemplate } from './catalogue-measures';
import { LOCAL_AREA, ORGANISATIONS, OWNERS } from './catalogue-parties';
import { createRng, mixSeed } from './prng';
import type { Rng } from './prng';
import {
  ID_PREFIX,
  approvalText,
  areaTemplate,
  clampValue,
  composeNarrative,
  earlierRag,
  fillTemplate,
  idWidth,
  isSuppressed,
  measureImpactRag,
  organisationId,
  ownerId,
  padNumber,
  rollUpAreas,
  roundTo,
  variantLabel,
} from './sample-rules';
import type {
  ActionStatus,
  PlanFileObject,
  Rag,
  SampleAction,
  SampleArea,
  SampleEvidence,
  SampleMeasure,
  SampleMilestone,
  SamplePlan,
  SamplePoint,
  SampleRisk,
  SampleUpdate,
} from './sample-types';

export type { PlanFileObject } from './sample-types';
export { generateRevision } from './generate-revision';
export type { GenerateRevisionOptions } from './generate-revision';

/** Options for {@link generatePlan}; every one has a default that gives the bundled sample's first revision. */
export type GeneratePlanOptions = {
  seed?: number;
  actions?: number;
  areas?: number;
  /** Defaults to 20, or one measure per 20 actions in larger plans. */
  measures?: number;
  /** Months of series per measure. */
  months?: number;
  revision?: number;
  planId?: string;
  exportedAt?: string;
};

/** The defaults behind the bundled sample. */
export const SAMPLE_DEFAULTS = {
  seed: 14,
  actions: 60,
  areas: 5,
  months: 24,
  revision: 1,
  planId: 'northmoor-send-app',
  exportedAt: '2026-09-30T17:00:00+01:00',
} as const;

// Separate random streams for each part of the plan, so asking for more measures does not
// reshuffle the actions (and the reverse).
const STREAM = { plan: 1, measures: 2, actions: 3, supporting: 4 } as const;

// Plan timeline relative to the export month: the plan started eight months before it, its
// baseline is the month before the plan started, and monthly data lag the export by a month.
const PLAN_START_OFFSET = -8;

// Weights for the month an action starts in, counted from the plan's first month: most start
// early, and those starting after the export month are not started yet.
const START_MONTH_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 10],
  [1, 10],
  [2, 9],
  [3, 9],
  [4, 8],
  [5, 7],
  [6, 7],
  [7, 6],
  [8, 5],
  [9, 5],
  [10, 4],
  [11, 4],
];

const HEALTH_ORGANISATIONS: readonly string[] = ['icb', 'community-trust', 'mental-health-trust'];

type Timeline = { asAt: number; asAtMonth: number; planStartMonth: number; latestDataMonth: number; baselineMonth: number };

type Resolved = Required<GeneratePlanOptions>;

/** Generates a complete, internally consistent plan file for an invented local area. */
export function generatePlan(options: GeneratePlanOptions = {}): PlanFileObject {
  return buildPlan(resolveOptions(options));
}

/** The timeline every date in a plan exported at `asAt` (a day number) is derived from. */
function timelineFor(asAt: number): Timeline {
  const asAtMonth = monthIndexOf(asAt);
  const planStartMonth = asAtMonth + PLAN_START_OFFSET;
  return { asAt, asAtMonth, planStartMonth, latestDataMonth: asAtMonth - 1, baselineMonth: planStartMonth - 1 };
}

function resolveOptions(options: GeneratePlanOptions): Resolved {
  const actions = options.actions ?? SAMPLE_DEFAULTS.actions;
  const resolved: Resolved = {
    seed: options.seed ?? SAMPLE_DEFAULTS.seed,
    actions,
    areas: options.areas ?? SAMPLE_DEFAULTS.areas,
    measures: options.measures ?? Math.max(20, Math.ceil(actions / 20)),
    months: options.months ?? SAMPLE_DEFAULTS.months,
    revision: options.revision ?? SAMPLE_DEFAULTS.revision,
    planId: options.planId ?? SAMPLE_DEFAULTS.planId,
    exportedAt: options.exportedAt ?? SAMPLE_DEFAULTS.exportedAt,
  };
  requireInteger('seed', resolved.seed, -(2 ** 31), 2 ** 32 - 1);
  requireInteger('actions', resolved.actions, 0, 1_000_000);
  requireInteger('areas', resolved.areas, 1, 10_000);
  requireInteger('measures', resolved.measures, 0, 100_000);
  requireInteger('months', resolved.months, 1, 240);
  requireInteger('revision', resolved.revision, 1, Number.MAX_SAFE_INTEGER);
  if (resolved.planId.length < 1 || resolved.planId.length > 64) throw new RangeError('planId must be 1 to 64 characters long.');
  localDateOf(resolved.exportedAt);
  return resolved;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
}

function buildPlan(options: Resolved): SamplePlan {
  const timeline = timelineFor(localDateOf(options.exportedAt));
  const planRng = createRng(mixSeed(options.seed, STREAM.plan));
  const year1 = civilDate(firstDayOfMonth(timeline.planStartMonth)).year;
  const years = { year1: String(year1), year2: String(year1 + 1) };

  const measures = buildMeasures(options, timeline);
  const measureIdsByKey = new Map<string, string[]>();
  measures.forEach((measure, index) => {
    const key = MEASURES[index % MEASURES.length]?.key ?? '';
    const ids = measureIdsByKey.get(key);
    if (ids) ids.push(measure.id);
    else measureIdsByKey.set(key, [measure.id]);
  });

  const areas: SampleArea[] = [];
  const actions: SampleAction[] = [];
  const milestones: SampleMilestone[] = [];
  const evidence: SampleEvidence[] = [];
  const risks: SampleRisk[] = [];
  const actionWidth = idWidth(options.actions, 3);
  const evidenceWidth = idWidth(Math.ceil(options.actions * 0.4) + 30 * options.areas, 3);
  const riskWidth = idWidth(Math.ceil(options.actions * 0.2) + 10 * options.areas, 2);

  for (let areaIndex = 0; areaIndex < options.areas; areaIndex += 1) {
    const template = areaTemplate(areaIndex);
    const cycle = Math.floor(areaIndex / AREAS.length);
    const areaId = `${ID_PREFIX.area}${areaIndex + 1}`;
    areas.push({
      id: areaId,
      ref: String(areaIndex + 1),
      title: cycle === 0 ? template.title : `${template.title} (phase ${cycle + 1})`,
      kind: template.kind,
      inspectionText: template.inspectionText,
      sroId: ownerId(template.sro),
      deliveryRag: 'grey',
      impactRag: 'grey',
    });

    const actionCount = Math.floor(options.actions / options.areas) + (areaIndex < options.actions % options.areas ? 1 : 0);
    const supportingRng = createRng(mixSeed(options.seed, STREAM.supporting, areaIndex));
    const evidenceCount = Math.max(template.evidence.length, Math.round(actionCount * 0.4));
    const firstEvidence = evidence.length + 1;
    const areaEvidence = buildEvidence(
      template,
      timeline,
      supportingRng,
      evidenceCount,
      (i) => `${ID_PREFIX.evidence}${padNumber(firstEvidence + i, evidenceWidth)}`,
    );
    evidence.push(...areaEvidence);
    const riskCount = Math.max(template.risks.length, Math.round(actionCount * 0.2));
    const firstRisk = risks.length + 1;
    const areaRisks = buildRisks(template, supportingRng, riskCount, (i) => `${ID_PREFIX.risk}${padNumber(firstRisk + i, riskWidth)}`);
    risks.push(...areaRisks);

    const actionRng = createRng(mixSeed(options.seed, STREAM.actions, areaIndex));
    for (let j = 0; j < actionCount; j += 1) {
      const actionTemplate = template.actions[j % template.actions.length];
      if (actionTemplate === undefined) continue;
      const actionCycle = Math.floor(j / template.actions.length);
      const built = buildAction({
        rng: actionRng,
        timeline,
        id: `${ID_PREFIX.action}${padNumber(actions.length + 1, actionWidth)}`,
        areaId,
        ref: `${areaIndex + 1}.${j + 1}`,
        template: actionTemplate,
        title: actionCycle === 0 ? actionTemplate.title : `${actionTemplate.title}: ${variantLabel(actionCycle - 1)}`,
        isLean: actionCycle > 0,
        areaSro: template.sro,
        years,
        measureIdsByKey,
        areaEvidence,
        areaRisks,
      });
      actions.push(built.action);
      milestones.push(...built.milestones);
    }
  }

  const plan: SamplePlan = {
    format: 'oversight-plan',
    formatVersion: 1,
    export: {
      sourceSystem: 'Northmoor SEND improvement tracker (Excel)',
      exportedAt: options.exportedAt,
      revision: options.revision,
      versionLabel: `1.${options.revision - 1}`,
      approvalState: 'board-agreed',
    },
    plan: {
      id: options.planId,
      title: `${LOCAL_AREA} SEND Accelerated Progress Plan`,
      kind: 'accelerated-progress-plan',
      localArea: LOCAL_AREA,
      inspection: {
        reportPublished: formatIsoDate(toWorkingDay(firstDayOfMonth(timeline.planStartMonth - 2) + planRng.int(8, 20))),
        outcome: 'Revisit: insufficient progress in three of the four areas of weakness',
        framework: 'Ofsted and CQC joint area SEND inspection (revisit)',
      },
    },
    organisations: ORGANISATIONS.map((o) => ({ id: organisationId(o.key), name: o.name, kind: o.kind })),
    owners: OWNERS.map((o) => ({ id: ownerId(o.key), role: o.role, organisationId: organisationId(o.organisation) })),
    areas,
    actions,
    milestones,
    measures,
    evidence,
    risks,
  };
  rollUpAreas(plan);
  return plan;
}

function buildMeasures(options: Resolved, timeline: Timeline): SampleMeasure[] {
  const measures: SampleMeasure[] = [];
  const asAt = formatIsoDate(timeline.asAt);
  for (let index = 0; index < options.measures; index += 1) {
    const template = MEASURES[index % MEASURES.length];
    if (template === undefined) break;
    const cycle = Math.floor(index / MEASURES.length);
    const rng = createRng(mixSeed(options.seed, STREAM.measures, index));
    const { series, baselineValue } = buildSeries(template, rng, timeline, options.months);
    const measure: SampleMeasure = {
      id: cycle === 0 ? `${ID_PREFIX.measure}${template.key}` : `${ID_PREFIX.measure}${template.key}-${cycle + 1}`,
      name: cycle === 0 ? template.name : `${template.name} (${variantLabel(cycle - 1)})`,
      unit: template.unit,
      polarity: template.polarity,
      frequency: 'monthly',
      source: template.source,
      definition: template.definition,
      baseline: { value: baselineValue, asAt: formatIsoDate(lastDayOfMonth(timeline.baselineMonth)) },
      targets: [
        { value: template.targets[0], asAt: formatIsoDate(lastDayOfMonth(timeline.planStartMonth + 11)) },
        { value: template.targets[1], asAt: formatIsoDate(lastDayOfMonth(timeline.planStartMonth + 23)) },
      ],
      benchmarks: template.benchmarks.map((b) => ({ ...b })),
      series,
      impactRag: 'grey',
    };
    measure.impactRag = measureImpactRag(measure, asAt);
    measures.push(measure);
  }
  return measures;
}

/**
 * A monthly series drawn through the template's three anchors (two years ago, baseline, latest),
 * each nudged by the seed, with month-to-month noise; the latest one or two months are provisional.
 */
function buildSeries(
  template: MeasureTemplate,
  rng: Rng,
  timeline: Timeline,
  months: number,
): { series: SamplePoint[]; baselineValue: number } {
  const startMonth = timeline.latestDataMonth - 23;
  const anchors = [
    { month: startMonth, value: template.start + rng.normal() * template.noise },
    { month: timeline.baselineMonth, value: template.baseline + rng.normal() * template.noise * 0.7 },
    { month: timeline.latestDataMonth, value: template.latest + rng.normal() * template.noise },
  ] as const;
  const model = (month: number): number => {
    const [a, b, c] = anchors;
    if (month <= a.month) return a.value;
    if (month <= b.month) return a.value + ((b.value - a.value) * (month - a.month)) / (b.month - a.month);
    if (month <= c.month) return b.value + ((c.value - b.value) * (month - b.month)) / (c.month - b.month);
    return c.value;
  };
  const shape = (value: number): number => roundTo(clampValue(template.unit, value), template.decimals);
  const isSecondProvisional = rng.chance(0.5);
  const series: SamplePoint[] = [];
  let baselineValue = shape(model(timeline.baselineMonth));
  for (let month = timeline.latestDataMonth - months + 1; month <= timeline.latestDataMonth; month += 1) {
    const value = shape(model(month) + rng.normal() * template.noise * 0.8);
    if (month === timeline.baselineMonth) baselineValue = value;
    const isProvisional = month === timeline.latestDataMonth || (isSecondProvisional && month === timeline.latestDataMonth - 1);
    series.push({
      period: formatPeriod(month),
      value: isSuppressed(template, value) ? null : value,
      status: isProvisional ? 'provisional' : 'final',
    });
  }
  return { series, baselineValue };
}

function buildEvidence(
  template: AreaTemplate,
  timeline: Timeline,
  rng: Rng,
  count: number,
  idAt: (index: number) => string,
): SampleEvidence[] {
  const items: SampleEvidence[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = template.evidence[i % template.evidence.length];
    if (source === undefined) break;
    const cycle = Math.floor(i / template.evidence.length);
    const month = timeline.planStartMonth + ((source.month + cycle) % (timeline.asAtMonth - timeline.planStartMonth + 1));
    const date = Math.min(toWorkingDay(firstDayOfMonth(month) + rng.int(0, 24)), timeline.asAt);
    items.push({
      id: idAt(i),
      title: cycle === 0 ? source.title : `${source.title} (${variantLabel(cycle - 1)})`,
      type: source.type,
      date: formatIsoDate(date),
      marking: source.isSensitive === true ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    });
  }
  return items;
}

function buildRisks(template: AreaTemplate, rng: Rng, count: number, idAt: (index: number) => string): SampleRisk[] {
  const items: SampleRisk[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = template.risks[i % template.risks.length];
    if (source === undefined) break;
    const cycle = Math.floor(i / template.risks.length);
    const nudge = (score: number): number => (cycle === 0 ? score : Math.min(5, Math.max(1, score + rng.int(-1, 1))));
    items.push({
      id: idAt(i),
      description: cycle === 0 ? source.description : `${source.description} (${variantLabel(cycle - 1)})`,
      likelihood: nudge(source.likelihood),
      impact: nudge(source.impact),
      mitigation: source.mitigation,
      ownerId: ownerId(source.owner),
    });
  }
  return items;
}

type ActionInput = {
  rng: Rng;
  timeline: Timeline;
  id: string;
  areaId: string;
  ref: string;
  template: ActionTemplate;
  title: string;
  /** A copy beyond the catalogue, kept lean so large bench plans stay near 1 KB an action. */
  isLean: boolean;
  areaSro: string;
  years: Readonly<Record<string, string>>;
  measureIdsByKey: ReadonlyMap<string, readonly string[]>;
  areaEvidence: readonly SampleEvidence[];
  areaRisks: readonly SampleRisk[];
};

type Lifecycle = {
  status: ActionStatus;
  rag: Rag;
  revision: { revisedDue: number; approvedOn: number } | null;
  completedOn: number | null;
};

function buildAction(input: ActionInput): { action: SampleAction; milestones: SampleMilestone[] } {
  const { rng, timeline, template } = input;
  const startMonth = input.timeline.planStartMonth + rng.weighted(START_MONTH_WEIGHTS);
  const start = toWorkingDay(firstDayOfMonth(startMonth) + rng.int(0, 12));
  const due = lastDayOfMonth(Math.min(startMonth + rng.int(3, 12), timeline.planStartMonth + 23));
  const lifecycle = decideLifecycle(rng, timeline.asAt, start, due);
  const milestones = buildMilestones(rng, input, start, due, lifecycle);
  // A green action with a milestone more than a fortnight overdue is not really green.
  if (
    lifecycle.status === 'in-progress' &&
    lifecycle.rag === 'green' &&
    milestones.some((m) => m.achievedOn === null && m.due < timeline.asAt - 14)
  ) {
    lifecycle.rag = 'amber';
  }
  const leadKey = template.lead;
  const lead = OWNERS.find((o) => o.key === leadKey);
  // Health-led actions answer to the ICB's director, whatever area they sit in.
  const isHealthLed = lead !== undefined && HEALTH_ORGANISATIONS.includes(lead.organisation);
  const partnerKeys = [...new Set([lead?.organisation ?? 'council', ...template.partners])];
  const measureIds = [
    ...new Set(
      template.measures.flatMap((key) => {
        const ids = input.measureIdsByKey.get(key);
        return ids && ids.length > 0 ? [rng.pick(ids)] : [];
      }),
    ),
  ];
  const evidenceCount = lifecycle.status === 'not-started' ? 0 : lifecycle.completedOn !== null ? rng.int(1, 2) : rng.chance(0.5) ? 1 : 0;
  // Evidence must exist by the time it is cited; a few draws keep this constant-time per action.
  const citedBy = formatIsoDate(lifecycle.completedOn ?? timeline.asAt);
  const evidenceIds = new Set<string>();
  for (let draw = 0; draw < evidenceCount * 3 && evidenceIds.size < evidenceCount && input.areaEvidence.length > 0; draw += 1) {
    const item = rng.pick(input.areaEvidence);
    if (item.date <= citedBy) evidenceIds.add(item.id);
  }
  const riskIds = input.areaRisks.length > 0 && rng.chance(0.35) ? [rng.pick(input.areaRisks).id] : [];

  const action: SampleAction = {
    id: input.id,
    areaId: input.areaId,
    ref: input.ref,
    title: input.title,
    ...(input.isLean ? {} : { description: fillTemplate(template.description, input.years) }),
    leadId: ownerId(leadKey),
    sroId: ownerId(isHealthLed ? 'icb-nursing' : input.areaSro),
    partnerOrgIds: partnerKeys.map(organisationId),
    startDate: formatIsoDate(start),
    dueDate: formatIsoDate(due),
    ...(lifecycle.revision
      ? { revisedDueDate: formatIsoDate(lifecycle.revision.revisedDue), revisionApprovedBy: approvalText(lifecycle.revision.approvedOn) }
      : {}),
    status: lifecycle.status,
    deliveryRag: lifecycle.rag,
    successCriteria: template.successCriteria.slice(0, input.isLean ? 1 : undefined).map((c) => fillTemplate(c, input.years)),
    measureIds,
    evidenceIds: [...evidenceIds],
    riskIds,
    updates: buildUpdates(rng, timeline, start, lifecycle, milestones).slice(input.isLean ? -1 : 0),
  };
  return {
    action,
    milestones: milestones.map((m) => ({
      id: m.id,
      actionId: input.id,
      title: m.title,
      dueDate: formatIsoDate(m.due),
      achievedOn: m.achievedOn === null ? null : formatIsoDate(m.achievedOn),
    })),
  };
}

/**
 * Status, RAG and any revised due date, consistent with the dates: not started until the start
 * date, complete (blue) or overdue (red) once the due date has passed unless the board approved a
 * revised date, and mostly green otherwise.
 */
function decideLifecycle(rng: Rng, asAt: number, start: number, due: number): Lifecycle {
  if (start > asAt) return { status: 'not-started', rag: 'grey', revision: null, completedOn: null };
  const approval = (latest: number): number | null => {
    const meeting = latestBoardMeeting(latest);
    return meeting >= start ? meeting : null;
  };
  const finish = (completedOn: number, revision: Lifecycle['revision']): Lifecycle => ({
    status: completedOn < asAt - 90 && rng.chance(0.4) ? 'embedded' : 'complete',
    rag: 'blue',
    revision,
    completedOn,
  });
  if (due < asAt) {
    const roll = rng.next();
    if (roll < 0.66) {
      const completedOn = Math.min(Math.max(due + rng.int(-25, 12), start + 30), asAt);
      const approvedOn = completedOn > due ? approval(due) : null;
      if (approvedOn === null) return finish(Math.min(completedOn, due), null);
      return finish(completedOn, { revisedDue: lastDayOfMonth(monthIndexOf(due) + rng.int(1, 3)), approvedOn });
    }
    const approvedOn = roll < 0.88 ? approval(Math.min(due, asAt)) : null;
    if (approvedOn === null) return { status: 'in-progress', rag: 'red', revision: null, completedOn: null };
    const revisedDue = lastDayOfMonth(monthIndexOf(due) + rng.int(2, 5));
    const rag: Rag = revisedDue < asAt ? 'red' : rng.chance(0.55) ? 'amber' : 'green';
    return { status: 'in-progress', rag, revision: { revisedDue, approvedOn }, completedOn: null };
  }
  const elapsed = (asAt - start) / Math.max(1, due - start);
  if (elapsed > 0.6 && rng.chance(0.15)) {
    return finish(rng.int(start + Math.ceil((due - start) * 0.6), asAt), null);
  }
  // Actions only just begun are rarely already in trouble.
  const rag = rng.weighted<Rag>(
    elapsed < 0.15
      ? [
          ['green', 85],
          ['amber', 15],
        ]
      : [
          ['green', 62],
          ['amber', 28],
          ['red', 10],
        ],
  );
  if (rag !== 'green' && rng.chance(0.25)) {
    const approvedOn = approval(asAt);
    if (approvedOn !== null) {
      const revisedDue = lastDayOfMonth(monthIndexOf(due) + rng.int(1, 3));
      return { status: 'in-progress', rag: 'amber', revision: { revisedDue, approvedOn }, completedOn: null };
    }
  }
  return { status: 'in-progress', rag, revision: null, completedOn: null };
}

type DraftMilestone = { id: string; title: string; due: number; achievedOn: number | null };

function buildMilestones(rng: Rng, input: ActionInput, start: number, due: number, lifecycle: Lifecycle): DraftMilestone[] {
  const all = input.template.milestones;
  const titles = input.isLean && all.length > 2 ? [all[0] ?? '', all[all.length - 1] ?? ''] : all;
  const asAt = input.timeline.asAt;
  const achievedChance = lifecycle.rag === 'green' ? 0.95 : lifecycle.rag === 'amber' ? 0.7 : 0.45;
  return titles.map((title, index) => {
    const isLast = index === titles.length - 1;
    const mDue = isLast ? due : toWorkingDay(start + Math.round(((due - start) * (index + 1)) / titles.length));
    let achievedOn: number | null = null;
    if (lifecycle.completedOn !== null) {
      achievedOn = isLast ? lifecycle.completedOn : Math.min(Math.max(toWorkingDay(mDue + rng.int(-10, 5)), start), lifecycle.completedOn);
    } else if (lifecycle.status === 'in-progress' && !isLast && mDue <= asAt && rng.chance(achievedChance)) {
      achievedOn = Math.min(Math.max(toWorkingDay(mDue + rng.int(-5, 15)), start), asAt);
    }
    return { id: `${input.id}-m${index + 1}`, title, due: mDue, achievedOn };
  });
}

function buildUpdates(
  rng: Rng,
  timeline: Timeline,
  start: number,
  lifecycle: Lifecycle,
  milestones: readonly DraftMilestone[],
): SampleUpdate[] {
  if (lifecycle.status === 'not-started') return [];
  const startMonth = monthIndexOf(start);
  const lastMonth = lifecycle.completedOn === null ? timeline.asAtMonth : monthIndexOf(lifecycle.completedOn);
  const firstMonth = Math.min(civilDate(start).day <= 15 ? startMonth : startMonth + 1, lastMonth);
  const slots: { month: number; submittedOn: number }[] = [];
  for (let month = firstMonth; month <= lastMonth; month += 1) {
    let submittedOn = toWorkingDay(firstDayOfMonth(month) + rng.int(19, 25));
    if (month === lastMonth && lifecycle.completedOn !== null) submittedOn = Math.max(submittedOn, lifecycle.completedOn);
    submittedOn = Math.max(submittedOn, start);
    if (submittedOn > timeline.asAt) continue;
    // Officers occasionally miss a month; never the first or the latest.
    if (month !== firstMonth && month !== lastMonth && rng.chance(0.05)) continue;
    slots.push({ month, submittedOn });
  }
  const finalRag: Rag = lifecycle.completedOn !== null ? 'blue' : lifecycle.rag;
  const rags: Rag[] = new Array<Rag>(slots.length).fill(finalRag);
  for (let i = slots.length - 2; i >= 0; i -= 1) rags[i] = earlierRag(rng, rags[i + 1] ?? finalRag);

  const byAchieved = milestones
    .filter((m): m is DraftMilestone & { achievedOn: number } => m.achievedOn !== null)
    .sort((a, b) => a.achievedOn - b.achievedOn);
  let metIndex = 0;
  // The closing milestone of a completed action is reported by the completion sentence instead.
  const closing = lifecycle.completedOn !== null ? milestones[milestones.length - 1] : undefined;
  const revisionMonth = lifecycle.revision ? monthIndexOf(lifecycle.revision.approvedOn) : null;
  return slots.map((slot, index) => {
    const met: string[] = [];
    const isLast = index === slots.length - 1;
    for (let next = byAchieved[metIndex]; next !== undefined && next.achievedOn <= slot.submittedOn; next = byAchieved[metIndex]) {
      if (next.id !== closing?.id) met.push(next.title);
      metIndex += 1;
    }
    const upcoming = milestones.find((m) => m.achievedOn === null || m.achievedOn > slot.submittedOn);
    const rag = rags[index] ?? finalRag;
    return {
      period: formatPeriod(slot.month),
      narrative: composeNarrative(rng, {
        rag,
        submittedOn: slot.submittedOn,
        period: formatPeriod(slot.month),
        isFirst: index === 0,
        isCompletion: isLast && lifecycle.completedOn !== null,
        milestonesMet: met,
        next: upcoming ? { title: upcoming.title, dueDate: upcoming.due } : null,
        revision: lifecycle.revision && slot.month === revisionMonth ? lifecycle.revision : null,
      }),
      deliveryRag: rag,
      submittedAt: ukDateTime(slot.submittedOn, rng.int(9, 17), rng.int(0, 59)),
    };
  });
}
