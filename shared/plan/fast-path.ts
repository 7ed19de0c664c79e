import {
  ACTION_STATUSES,
  AREA_KINDS,
  APPROVAL_STATES,
  EVIDENCE_MARKINGS,
  EVIDENCE_TYPES,
  ID_MAX_LENGTH,
  MEASURE_FREQUENCIES,
  MEASURE_POLARITIES,
  MEASURE_UNITS,
  ORGANISATION_KINDS,
  PLAN_FORMAT,
  PLAN_FORMAT_VERSION,
  PLAN_KINDS,
  RAG_VALUES,
  SERIES_STATUSES,
  actionSchema,
  areaSchema,
  benchmarkSchema,
  evidencePathProblem,
  evidenceSchema,
  inspectionSchema,
  isIsoDate,
  isIsoDateTime,
  isMonthPeriod,
  isSeriesPeriod,
  measureSchema,
  measureValueSchema,
  milestoneSchema,
  organisationSchema,
  ownerSchema,
  parseRag,
  planExportSchema,
  planFileSchema,
  planHeaderSchema,
  progressUpdateSchema,
  riskSchema,
  seriesPointSchema,
} from './schema';
import type { PlanFile } from './schema';

// A yes/no check of a parsed plan file against the same contract as the zod schema and the
// content limits, written for speed: one walk, no issue objects, no paths. It answers "valid,
// and here is the plan exactly as zod would return it" or "not sure"; on "not sure" the
// validator runs the full schema, which finds and words every problem. So it may only ever
// be stricter than the schema, never looser: test/unit/plan/fast-path.test.ts compares the
// two on thousands of damaged plans.
//
// Why: zod's per-field machinery (and the copy of the whole plan it builds) was most of the
// time the validator spent on a large valid file, beyond JSON.parse itself.
//
// It never changes the value unless the whole value passes: RAG letters ("R") are
// normalised and objects whose keys are out of the schema's order are rebuilt in that order
// (zod's output order, which the plan's content hash depends on) only after every check.

const BAD: unique symbol = Symbol('bad');

/** One field's check: the value as zod would output it, or BAD. */
type Check = (value: unknown) => unknown;

type Field = { check: Check; isOptional: boolean; isNullable: boolean };

type Pending = { container: Record<string, unknown> | unknown[]; key: string | number; value: unknown; reorder?: readonly string[] };

function enumSet(values: readonly string[]): ReadonlySet<unknown> {
  return new Set<unknown>(values);
}

const RAG_SET = enumSet(RAG_VALUES);
const SHA256_PATTERN = /^[0-9a-fA-F]{64}$/;

/** The fast check, bound to one validation's limits. */
function makeChecker(maxStringLength: number, maxArrayLength: number) {
  const pending: Pending[] = [];

  const text: Check = (value) => (typeof value === 'string' && value.length <= maxStringLength ? value : BAD);
  const id: Check = (value) => (typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH ? value : BAD);
  const date: Check = (value) => (typeof value === 'string' && isIsoDate(value) ? value : BAD);
  const dateTime: Check = (value) => (typeof value === 'string' && isIsoDateTime(value) ? value : BAD);
  const oneOf =
    (values: ReadonlySet<unknown>): Check =>
    (value) =>
      values.has(value) ? value : BAD;
  const finite: Check = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : BAD);
  const whole =
    (min: number, max: number): Check =>
    (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : BAD;
  // A RAG rating is checked here and normalised ("R" → "red") only once the whole plan passes.
  const rag: Check = (value) => {
    if (RAG_SET.has(value)) return value;
    if (typeof value !== 'string') return BAD;
    return parseRag(value) ?? BAD;
  };

  const list =
    (element: Check, minLength = 0): Check =>
    (value) => {
      if (!Array.isArray(value) || value.length > maxArrayLength || value.length < minLength) return BAD;
      for (let index = 0; index < value.length; index += 1) {
        const item: unknown = value[index];
        const out = element(item);
        if (out === BAD) return BAD;
        if (out !== item) pending.push({ container: value, key: index, value: out });
      }
      return value;
    };

  const field = (check: Check, flags: { isOptional?: boolean; isNullable?: boolean } = {}): Field => ({
    check,
    isOptional: flags.isOptional ?? false,
    isNullable: flags.isNullable ?? false,
  });
  const optional = (check: Check): Field => field(check, { isOptional: true });

  /** A strict object: only the schema's keys, each passing its check; keys in `order` (the schema's). */
  const entity = (order: readonly string[], fields: Readonly<Record<string, Field>>): Check => {
    const position = new Map(order.map((key, index) => [key, index]));
    const specs = order.map((key) => fields[key]);
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return BAD;
      const record = value as Record<string, unknown>;
      // Keys in the schema's order (the usual case) match by a walk along `order`, without a lookup.
      let next = 0;
      let isOrdered = true;
      for (const key in record) {
        while (next < order.length && order[next] !== key) next += 1;
        if (next < order.length) {
          next += 1;
          continue;
        }
        if (!position.has(key)) return BAD;
        isOrdered = false;
        next = (position.get(key) ?? 0) + 1;
      }
      for (let index = 0; index < order.length; index += 1) {
        const key = order[index] ?? '';
        const spec = specs[index];
        if (spec === undefined) return BAD;
        // JSON has no undefined, so an absent key reads undefined and a present one never does.
        const current = record[key];
        if (current === undefined) {
          if (spec.isOptional) continue;
          return BAD;
        }
        if (current === null && spec.isNullable) continue;
        const out = spec.check(current);
        if (out === BAD) return BAD;
        if (out !== current) pending.push({ container: record, key, value: out });
      }
      if (!isOrdered) pending.push({ container: record, key: '', value: record, reorder: order });
      return value;
    };
  };

  const keysOf = (schema: { shape: Record<string, unknown> }): readonly string[] => Object.keys(schema.shape);

  const measureValue = entity(keysOf(measureValueSchema), { value: field(finite), asAt: field(date) });
  const fields = {
    inspection: {
      reportPublished: optional(date),
      outcome: optional(text),
      framework: optional(text),
    } satisfies Record<keyof typeof inspectionSchema.shape, Field>,
    export: {
      sourceSystem: field(text),
      exportedAt: field(dateTime),
      revision: field((value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : BAD)),
      versionLabel: optional(text),
      approvalState: optional(oneOf(enumSet(APPROVAL_STATES))),
    } satisfies Record<keyof typeof planExportSchema.shape, Field>,
    organisation: {
      id: field(id),
      name: field(text),
      kind: field(oneOf(enumSet(ORGANISATION_KINDS))),
    } satisfies Record<keyof typeof organisationSchema.shape, Field>,
    owner: { id: field(id), role: field(text), organisationId: field(id) } satisfies Record<keyof typeof ownerSchema.shape, Field>,
    area: {
      id: field(id),
      ref: field(text),
      title: field(text),
      kind: field(oneOf(enumSet(AREA_KINDS))),
      inspectionText: optional(text),
      sroId: optional(id),
      deliveryRag: optional(rag),
      impactRag: optional(rag),
    } satisfies Record<keyof typeof areaSchema.shape, Field>,
    update: {
      period: field((value) => (typeof value === 'string' && isMonthPeriod(value) ? value : BAD)),
      narrative: field(text),
      deliveryRag: field(rag),
      submittedAt: field((value) => (typeof value === 'string' && (isIsoDate(value) || isIsoDateTime(value)) ? value : BAD)),
    } satisfies Record<keyof typeof progressUpdateSchema.shape, Field>,
    milestone: {
      id: field(id),
      actionId: field(id),
      title: field(text),
      dueDate: field(date),
      achievedOn: field(date, { isNullable: true }),
    } satisfies Record<keyof typeof milestoneSchema.shape, Field>,
    benchmark: { label: field(text), value: field(finite), period: field(text) } satisfies Record<
      keyof typeof benchmarkSchema.shape,
      Field
    >,
    seriesPoint: {
      period: field((value) => (typeof value === 'string' && isSeriesPeriod(value) ? value : BAD)),
      value: field(finite, { isNullable: true }),
      status: field(oneOf(enumSet(SERIES_STATUSES))),
    } satisfies Record<keyof typeof seriesPointSchema.shape, Field>,
    evidence: {
      id: field(id),
      title: field(text),
      type: field(oneOf(enumSet(EVIDENCE_TYPES))),
      date: field(date),
      file: optional((value) =>
        typeof value === 'string' && value.length <= maxStringLength && evidencePathProblem(value) === undefined ? value : BAD,
      ),
      sha256: optional((value) => (typeof value === 'string' && SHA256_PATTERN.test(value) ? value : BAD)),
      marking: field(oneOf(enumSet(EVIDENCE_MARKINGS))),
    } satisfies Record<keyof typeof evidenceSchema.shape, Field>,
    risk: {
      id: field(id),
      description: field(text),
      likelihood: field(whole(1, 5)),
      impact: field(whole(1, 5)),
      mitigation: field(text),
      ownerId: field(id),
    } satisfies Record<keyof typeof riskSchema.shape, Field>,
  };
  const update = entity(keysOf(progressUpdateSchema), fields.update);
  const action = entity(keysOf(actionSchema), {
    id: field(id),
    areaId: field(id),
    ref: field(text),
    title: field(text),
    description: optional(text),
    leadId: optional(id),
    sroId: optional(id),
    partnerOrgIds: field(list(id)),
    startDate: field(date),
    dueDate: field(date),
    revisedDueDate: optional(date),
    revisionApprovedBy: optional(text),
    status: field(oneOf(enumSet(ACTION_STATUSES))),
    deliveryRag: field(rag),
    successCriteria: field(list(text)),
    measureIds: field(list(id)),
    evidenceIds: field(list(id)),
    riskIds: field(list(id)),
    updates: field(list(update)),
  } satisfies Record<keyof typeof actionSchema.shape, Field>);
  const measure = entity(keysOf(measureSchema), {
    id: field(id),
    name: field(text),
    unit: field(oneOf(enumSet(MEASURE_UNITS))),
    polarity: field(oneOf(enumSet(MEASURE_POLARITIES))),
    frequency: field(oneOf(enumSet(MEASURE_FREQUENCIES))),
    source: field(text),
    definition: optional(text),
    baseline: field(measureValue),
    targets: field(list(measureValue)),
    benchmarks: field(list(entity(keysOf(benchmarkSchema), fields.benchmark))),
    series: field(list(entity(keysOf(seriesPointSchema), fields.seriesPoint))),
    impactRag: optional(rag),
  } satisfies Record<keyof typeof measureSchema.shape, Field>);
  const root = entity(keysOf(planFileSchema), {
    format: field((value) => (value === PLAN_FORMAT ? value : BAD)),
    formatVersion: field((value) => (value === PLAN_FORMAT_VERSION ? value : BAD)),
    export: field(entity(keysOf(planExportSchema), fields.export)),
    plan: field(
      entity(keysOf(planHeaderSchema), {
        id: field(id),
        title: field(text),
        kind: field(oneOf(enumSet(PLAN_KINDS))),
        localArea: field(text),
        inspection: optional(entity(keysOf(inspectionSchema), fields.inspection)),
      } satisfies Record<keyof typeof planHeaderSchema.shape, Field>),
    ),
    organisations: field(list(entity(keysOf(organisationSchema), fields.organisation))),
    owners: field(list(entity(keysOf(ownerSchema), fields.owner))),
    areas: field(list(entity(keysOf(areaSchema), fields.area), 1)),
    actions: field(list(action)),
    milestones: field(list(entity(keysOf(milestoneSchema), fields.milestone))),
    measures: field(list(measure)),
    evidence: field(list(entity(keysOf(evidenceSchema), fields.evidence))),
    risks: field(list(entity(keysOf(riskSchema), fields.risk))),
  } satisfies Record<keyof typeof planFileSchema.shape, Field>);

  return { root, pending };
}

// Every field name, enum value, date and id of the schema is at most an id's length, so with
// a text limit at least that long only free text can break it; below it, the full check decides.
const SHORTEST_TEXT_LIMIT = ID_MAX_LENGTH;

/** The ids of one collection, or undefined when two share an id. */
function uniqueIds(list: readonly { id: string }[]): ReadonlySet<string> | undefined {
  const ids = new Set<string>();
  for (let index = 0; index < list.length; index += 1) ids.add((list[index] as { id: string }).id);
  return ids.size === list.length ? ids : undefined;
}

function allIn(ids: readonly string[], targets: ReadonlySet<string>): boolean {
  for (let index = 0; index < ids.length; index += 1) if (!targets.has(ids[index] ?? '')) return false;
  return true;
}

function isPercent(value: number | null): boolean {
  return value === null || (value >= 0 && value <= 100);
}

/**
 * Whether a plan that passed the fast check also keeps every rule of rules.ts (unique ids,
 * references, approver of a revised due date, percentages), as `checkPlanRules(plan)` finding
 * nothing would say. One loop per collection with the fields named: checkPlanRules walks each
 * collection once per kind of reference, checking shapes the schema has already vouched for.
 */
export function planKeepsRules(plan: PlanFile): boolean {
  const organisations = uniqueIds(plan.organisations);
  const owners = uniqueIds(plan.owners);
  const areas = uniqueIds(plan.areas);
  const actions = uniqueIds(plan.actions);
  const measures = uniqueIds(plan.measures);
  const evidence = uniqueIds(plan.evidence);
  const risks = uniqueIds(plan.risks);
  if (!organisations || !owners || !areas || !actions || !measures || !evidence || !risks || !uniqueIds(plan.milestones)) return false;
  for (const owner of plan.owners) if (!organisations.has(owner.organisationId)) return false;
  for (const area of plan.areas) if (area.sroId !== undefined && !owners.has(area.sroId)) return false;
  for (const action of plan.actions) {
    if (!areas.has(action.areaId)) return false;
    if (action.leadId !== undefined && !owners.has(action.leadId)) return false;
    if (action.sroId !== undefined && !owners.has(action.sroId)) return false;
    if (!allIn(action.partnerOrgIds, organisations) || !allIn(action.measureIds, measures)) return false;
    if (!allIn(action.evidenceIds, evidence) || !allIn(action.riskIds, risks)) return false;
    if (action.revisedDueDate !== undefined && (action.revisionApprovedBy === undefined || action.revisionApprovedBy.trim() === '')) {
      return false;
    }
  }
  for (const milestone of plan.milestones) if (!actions.has(milestone.actionId)) return false;
  for (const risk of plan.risks) if (!owners.has(risk.ownerId)) return false;
  for (const measure of plan.measures) {
    if (measure.unit !== 'percent') continue;
    if (!isPercent(measure.baseline.value)) return false;
    for (const target of measure.targets) if (!isPercent(target.value)) return false;
    for (const benchmark of measure.benchmarks) if (!isPercent(benchmark.value)) return false;
    for (const point of measure.series) if (!isPercent(point.value)) return false;
  }
  return true;
}

/** A check of a parsed plan file against the schema and the content limits. */
export type FastPlanCheck = {
  /** True when the value passes everything the schema and the limits check (not the cross-collection rules). */
  isValid: boolean;
  /** Turns the value, in place, into the plan zod would output (normalised RAG ratings, keys in the schema's order). */
  commit(): PlanFile;
};

/**
 * Checks a value fresh from JSON.parse (never a value built in memory: it may hold undefined,
 * cycles or shared objects, which this check does not consider). Changes nothing until `commit`.
 */
export function fastCheckPlan(value: unknown, limits: { maxStringLength: number; maxArrayLength: number }): FastPlanCheck {
  if (limits.maxStringLength < SHORTEST_TEXT_LIMIT) return { isValid: false, commit: () => BAD as never };
  const { root, pending } = makeChecker(limits.maxStringLength, limits.maxArrayLength);
  const isValid = root(value) !== BAD;
  return {
    isValid,
    commit: () => {
      if (!isValid) throw new Error('fastCheckPlan: commit of a value that did not pass');
      // Children were queued before their parents, so a parent rebuilt in order holds its children's final values.
      for (const change of pending) {
        const { container, key, reorder } = change;
        if (reorder !== undefined) {
          const record = container as Record<string, unknown>;
          const ordered: Record<string, unknown> = {};
          for (const name of reorder) if (Object.hasOwn(record, name)) ordered[name] = record[name];
          for (const name of Object.keys(record)) delete record[name];
          Object.assign(record, ordered);
        } else if (Array.isArray(container)) container[Number(key)] = change.value;
        else container[String(key)] = change.value;
      }
      return value as PlanFile;
    },
  };
}
