import * as z from 'zod';

// The plan file, format version 1 (shared/spec/plan-file-v1.md), as zod schemas.
//
// Messages convention: every leaf schema's `error` is a short phrase that
// shared/plan/messages.ts turns into a whole sentence. For a wrong type the phrase
// says what was expected ("a date in the form YYYY-MM-DD"); for a failed check it is
// a predicate about the value ("is not a real date (expected YYYY-MM-DD)"), so the
// sentence can name the field and the offending value in front of it.
//
// These schemas check each field on its own. Rules that span fields or collections
// (unique ids, references, percentages, revised dates needing an approver) live in
// shared/plan/rules.ts: use validatePlanText/Bytes/Value for the whole contract.

export const PLAN_FORMAT = 'oversight-plan';
export const PLAN_FORMAT_VERSION = 1;

export const RAG_VALUES = ['blue', 'green', 'amber', 'red', 'grey'] as const;
export type Rag = (typeof RAG_VALUES)[number];

export const APPROVAL_STATES = ['draft', 'board-agreed', 'dfe-nhse-agreed', 'fit-for-purpose'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const PLAN_KINDS = ['written-statement-of-action', 'accelerated-progress-plan', 'priority-action-plan', 'improvement-plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const ORGANISATION_KINDS = [
  'local-authority',
  'icb',
  'ccg',
  'parent-carer-forum',
  'provider',
  'school',
  'government',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const AREA_KINDS = ['area-of-weakness', 'priority-action', 'area-for-improvement'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete', 'embedded', 'withdrawn'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MEASURE_UNITS = ['percent', 'count', 'rate-per-1000', 'weeks', 'days'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const MEASURE_POLARITIES = ['higher-is-better', 'lower-is-better'] as const;
export type MeasurePolarity = (typeof MEASURE_POLARITIES)[number];

export const MEASURE_FREQUENCIES = ['monthly', 'termly', 'annual'] as const;
export type MeasureFrequency = (typeof MEASURE_FREQUENCIES)[number];

export const SERIES_STATUSES = ['provisional', 'final'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

export const EVIDENCE_TYPES = ['audit', 'minutes', 'survey', 'policy', 'dataset', 'letter', 'report', 'other'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type EvidenceMarking = (typeof EVIDENCE_MARKINGS)[number];

export const COLLECTIONS = ['organisations', 'owners', 'areas', 'actions', 'milestones', 'measures', 'evidence', 'risks'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The kind of entity each collection holds (the singular, as stored and shown). */
export const KIND_OF_COLLECTION = {
  organisations: 'organisation',
  owners: 'owner',
  areas: 'area',
  actions: 'action',
  milestones: 'milestone',
  measures: 'measure',
  evidence: 'evidence',
  risks: 'risk',
} as const satisfies Record<CollectionName, string>;

/** One kind of plan entity. */
export type EntityKind = (typeof KIND_OF_COLLECTION)[CollectionName];

export const ID_MAX_LENGTH = 64;

/** One kind of reference between collections: `field` on each element of `from` names an `id` in `to`. */
export type PlanReference = {
  from: CollectionName;
  field: string;
  to: CollectionName;
  isList: boolean;
};

export const PLAN_REFERENCES: readonly PlanReference[] = [
  { from: 'owners', field: 'organisationId', to: 'organisations', isList: false },
  { from: 'areas', field: 'sroId', to: 'owners', isList: false },
  { from: 'actions', field: 'areaId', to: 'areas', isList: false },
  { from: 'actions', field: 'leadId', to: 'owners', isList: false },
  { from: 'actions', field: 'sroId', to: 'owners', isList: false },
  { from: 'actions', field: 'partnerOrgIds', to: 'organisations', isList: true },
  { from: 'actions', field: 'measureIds', to: 'measures', isList: true },
  { from: 'actions', field: 'evidenceIds', to: 'evidence', isList: true },
  { from: 'actions', field: 'riskIds', to: 'risks', isList: true },
  { from: 'milestones', field: 'actionId', to: 'actions', isList: false },
  { from: 'risks', field: 'ownerId', to: 'owners', isList: false },
];

const RAG_BY_INPUT: ReadonlyMap<string, Rag> = new Map<string, Rag>([
  ...RAG_VALUES.map((rag) => [rag, rag] as const),
  ['b', 'blue'],
  ['g', 'green'],
  ['a', 'amber'],
  ['r', 'red'],
]);

/** The RAG rating a text stands for (any case; B, G, A, R allowed), or undefined if none. */
export function parseRag(input: string): Rag | undefined {
  return RAG_BY_INPUT.get(input.toLowerCase());
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR_PATTERN = /^\d{4}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** True when the text is `YYYY-MM-DD` and names a day that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  // Character codes rather than a capturing regex: this runs for every date in a
  // large plan, and the match arrays a regex allocates showed up in profiles.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let index = 0; index < 4; index += 1) {
    const digit = digitAt(text, index);
    if (digit < 0) return false;
    year = year * 10 + digit;
  }
  const month1 = digitAt(text, 5);
  const month2 = digitAt(text, 6);
  const day1 = digitAt(text, 8);
  const day2 = digitAt(text, 9);
  if (month1 < 0 || month2 < 0 || day1 < 0 || day2 < 0) return false;
  const month = month1 * 10 + month2;
  const day = day1 * 10 + day2;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when the text is an ISO 8601 date-time with a real date and a `Z` or `±hh:mm` offset. */
export function isIsoDateTime(text: string): boolean {
  const match = DATE_TIME_PATTERN.exec(text);
  return match !== null && isIsoDate(match[1] ?? '');
}

/** True when the text is a month period, `YYYY-MM`. */
export function isMonthPeriod(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** True when the text is a series period: `YYYY-MM` or `YYYY`. */
export function isSeriesPeriod(text: string): boolean {
  return MONTH_PATTERN.test(text) || YEAR_PATTERN.test(text);
}

function describeDateProblem(input: unknown): string {
  return typeof input === 'string' && DATE_PATTERN.test(input)
    ? 'is not a real date (expected YYYY-MM-DD)'
    : 'is not a date in the form YYYY-MM-DD';
}

function describeDateTimeProblem(input: unknown): string {
  const datePart = typeof input === 'string' ? DATE_TIME_PATTERN.exec(input)?.[1] : undefined;
  if (datePart !== undefined) return `is not a real date and time (${datePart} does not exist)`;
  return 'is not a date and time in ISO 8601 form with a time zone (for example 2026-03-01T09:30:00Z or 2026-03-01T09:30:00+01:00)';
}

const OR_LEFT_OUT = ' (or left out)';
const DATE_EXPECTED = 'a date in the form YYYY-MM-DD';
const TEXT_EXPECTED = 'text';

function text(expected = TEXT_EXPECTED) {
  return z.string({ error: expected });
}

function idField(expected = `an id (text of 1 to ${ID_MAX_LENGTH} characters)`) {
  return z
    .string({ error: expected })
    .min(1, { error: `is empty; an id must be 1 to ${ID_MAX_LENGTH} characters` })
    .max(ID_MAX_LENGTH, {
      error: (issue) =>
        `is too long (${typeof issue.input === 'string' ? issue.input.length : 'over ' + ID_MAX_LENGTH} characters); an id must be 1 to ${ID_MAX_LENGTH} characters`,
    });
}

function dateField(expected = DATE_EXPECTED) {
  return z.string({ error: expected }).refine(isIsoDate, { error: (issue) => describeDateProblem(issue.input) });
}

function dateTimeField(expected = 'a date and time in ISO 8601 form with a time zone') {
  return z.string({ error: expected }).refine(isIsoDateTime, { error: (issue) => describeDateTimeProblem(issue.input) });
}

function monthPeriodField() {
  return z.string({ error: 'a month in the form YYYY-MM' }).refine(isMonthPeriod, { error: 'is not a month in the form YYYY-MM' });
}

// zod reports any value outside the list (a missing one or a number included) as
// invalid_value; messages.ts adds the list of allowed values to the sentence.
function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: 'is not recognised' });
}

function ragField(suffix = '') {
  return z.string({ error: `a RAG rating: blue, green, amber, red or grey${suffix}` }).transform((input, ctx): Rag => {
    const rag = parseRag(input);
    if (rag === undefined) {
      ctx.issues.push({
        code: 'custom',
        input,
        message: 'is not a recognised RAG rating (expected blue, green, amber, red or grey, or the letters B, G, A or R)',
      });
      return z.NEVER;
    }
    return rag;
  });
}

function wholeNumberField(min: number, max: number) {
  const range = `a whole number from ${min} to ${max}`;
  return z
    .number({ error: range })
    .refine((value) => Number.isInteger(value) && value >= min && value <= max, { error: `is not ${range}` });
}

function listOf<T extends z.ZodType>(element: T, expected = 'a list (in square brackets)') {
  return z.array(element, { error: expected });
}

function entity<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, { error: `an object describing ${what} (in curly brackets)` });
}

export const inspectionSchema = entity(
  {
    reportPublished: dateField(DATE_EXPECTED + OR_LEFT_OUT).optional(),
    outcome: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    framework: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
  },
  'the inspection',
);

export const planExportSchema = entity(
  {
    sourceSystem: text(),
    exportedAt: dateTimeField(),
    revision: z
      .number({ error: 'a whole number, 1 or more' })
      .refine((value) => Number.isSafeInteger(value) && value >= 1, { error: 'is not a whole number, 1 or more' }),
    versionLabel: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    approvalState: enumField(APPROVAL_STATES).optional(),
  },
  'the export',
);

export const planHeaderSchema = entity(
  {
    id: idField(),
    title: text(),
    kind: enumField(PLAN_KINDS),
    localArea: text(),
    inspection: inspectionSchema.optional(),
  },
  'the plan',
);

export const organisationSchema = entity(
  {
    id: idField(),
    name: text(),
    kind: enumField(ORGANISATION_KINDS),
  },
  'one organisation',
);

export const ownerSchema = entity(
  {
    id: idField(),
    role: text(),
    organisationId: idField(),
  },
  'one owner',
);

export const areaSchema = entity(
  {
    id: idField(),
    ref: text(),
    title: text(),
    kind: enumField(AREA_KINDS),
    inspectionText: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    sroId: idField(`an owner id${OR_LEFT_OUT}`).optional(),
    deliveryRag: ragField(OR_LEFT_OUT).optional(),
    impactRag: ragField(OR_LEFT_OUT).optional(),
  },
  'one area',
);

export const progressUpdateSchema = entity(
  {
    period: monthPeriodField(),
    narrative: text(),
    deliveryRag: ragField(),
    // The spec names no type for submittedAt; trackers often hold only a date, so a
    // date or an ISO 8601 date-time are both accepted.
    submittedAt: z
      .string({ error: 'a date (YYYY-MM-DD) or a date and time in ISO 8601 form' })
      .refine((value) => isIsoDate(value) || isIsoDateTime(value), {
        error: 'is not a date (YYYY-MM-DD) or a date and time in ISO 8601 form with a time zone',
      }),
  },
  'one progress update',
);

export const actionSchema = entity(
  {
    id: idField(),
    areaId: idField('an area id'),
    ref: text(),
    title: text(),
    description: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    leadId: idField(`an owner id${OR_LEFT_OUT}`).optional(),
    sroId: idField(`an owner id${OR_LEFT_OUT}`).optional(),
    partnerOrgIds: listOf(idField('an organisation id'), 'a list of organisation ids (in square brackets)'),
    startDate: dateField(),
    dueDate: dateField(),
    revisedDueDate: dateField(DATE_EXPECTED + OR_LEFT_OUT).optional(),
    revisionApprovedBy: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    status: enumField(ACTION_STATUSES),
    deliveryRag: ragField(),
    successCriteria: listOf(text(), 'a list of text (in square brackets)'),
    measureIds: listOf(idField('a measure id'), 'a list of measure ids (in square brackets)'),
    evidenceIds: listOf(idField('an evidence id'), 'a list of evidence ids (in square brackets)'),
    riskIds: listOf(idField('a risk id'), 'a list of risk ids (in square brackets)'),
    updates: listOf(progressUpdateSchema, 'a list of progress updates (in square brackets)'),
  },
  'one action',
);

export const milestoneSchema = entity(
  {
    id: idField(),
    actionId: idField('an action id'),
    title: text(),
    dueDate: dateField(),
    achievedOn: dateField(`${DATE_EXPECTED}, or null if not yet achieved`).nullable(),
  },
  'one milestone',
);

export const measureValueSchema = entity(
  {
    value: z.number({ error: 'a number' }),
    asAt: dateField(),
  },
  'one value ({ "value": ..., "asAt": ... })',
);

export const benchmarkSchema = entity(
  {
    label: text(),
    value: z.number({ error: 'a number' }),
    period: text(),
  },
  'one benchmark ({ "label": ..., "value": ..., "period": ... })',
);

export const seriesPointSchema = entity(
  {
    period: z
      .string({ error: 'a period in the form YYYY-MM or YYYY' })
      .refine(isSeriesPeriod, { error: 'is not a period in the form YYYY-MM or YYYY' }),
    value: z.number({ error: 'a number, or null where the figure is suppressed' }).nullable(),
    status: enumField(SERIES_STATUSES),
  },
  'one point of the series ({ "period": ..., "value": ..., "status": ... })',
);

export const measureSchema = entity(
  {
    id: idField(),
    name: text(),
    unit: enumField(MEASURE_UNITS),
    polarity: enumField(MEASURE_POLARITIES),
    frequency: enumField(MEASURE_FREQUENCIES),
    source: text(),
    definition: text(TEXT_EXPECTED + OR_LEFT_OUT).optional(),
    baseline: measureValueSchema,
    targets: listOf(measureValueSchema, 'a list of targets (in square brackets)'),
    benchmarks: listOf(benchmarkSchema, 'a list of benchmarks (in square brackets)'),
    series: listOf(seriesPointSchema, 'a list of data points (in square brackets)'),
    impactRag: ragField(OR_LEFT_OUT).optional(),
  },
  'one measure',
);

export const evidenceSchema = entity(
  {
    id: idField(),
    title: text(),
    type: enumField(EVIDENCE_TYPES),
    date: dateField(),
    file: text(`a file path relative to the plan file's folder${OR_LEFT_OUT}`)
      .superRefine((path, ctx) => {
        const problem = evidencePathProblem(path);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    sha256: z
      .string({ error: `a SHA-256 hash (64 hexadecimal characters)${OR_LEFT_OUT}` })
      .refine((hash) => /^[0-9a-fA-F]{64}$/.test(hash), { error: 'is not a SHA-256 hash (64 hexadecimal characters)' })
      .optional(),
    marking: enumField(EVIDENCE_MARKINGS),
  },
  'one piece of evidence',
);

export const riskSchema = entity(
  {
    id: idField(),
    description: text(),
    likelihood: wholeNumberField(1, 5),
    impact: wholeNumberField(1, 5),
    mitigation: text(),
    ownerId: idField('an owner id'),
  },
  'one risk',
);

/** Why an evidence path may not be used (it could reach outside the plan's folder), or undefined if it is safe. */
export function evidencePathProblem(path: string): string | undefined {
  // Evidence files are opened next to the plan file; anything that could name a file
  // elsewhere on the laptop or network is refused, whatever the operating system.
  if (path.length === 0) return 'is empty; leave the field out when there is no file';
  if (path.includes('\0')) return 'contains a null character, which no file name may hold';
  if (path.startsWith('\\\\') || path.startsWith('//')) {
    return "is a network (UNC) path; give a path relative to the plan file's folder";
  }
  if (/^[A-Za-z]:/.test(path)) return "starts with a drive letter; give a path relative to the plan file's folder";
  if (path.startsWith('/') || path.startsWith('\\')) {
    return "is an absolute path; give a path relative to the plan file's folder";
  }
  if (path.split(/[\\/]/).some((segment) => segment === '..')) {
    return 'contains ".." and would reach outside the plan file\'s folder';
  }
  return undefined;
}

export const planFileSchema = z.strictObject(
  {
    format: z.literal(PLAN_FORMAT, { error: `must be "${PLAN_FORMAT}"` }),
    formatVersion: z.literal(PLAN_FORMAT_VERSION, {
      error: `must be the number ${PLAN_FORMAT_VERSION} (this version of Oversight reads format version ${PLAN_FORMAT_VERSION})`,
    }),
    export: planExportSchema,
    plan: planHeaderSchema,
    organisations: listOf(organisationSchema, 'a list of organisations (in square brackets)'),
    owners: listOf(ownerSchema, 'a list of owners (in square brackets)'),
    areas: listOf(areaSchema, 'a list of areas (in square brackets)').min(1, {
      error: 'is empty; a plan must have at least one area',
    }),
    actions: listOf(actionSchema, 'a list of actions (in square brackets)'),
    milestones: listOf(milestoneSchema, 'a list of milestones (in square brackets)'),
    measures: listOf(measureSchema, 'a list of measures (in square brackets)'),
    evidence: listOf(evidenceSchema, 'a list of evidence (in square brackets)'),
    risks: listOf(riskSchema, 'a list of risks (in square brackets)'),
  },
  { error: 'a JSON object (in curly brackets)' },
);

export type PlanFile = z.output<typeof planFileSchema>;
export type PlanExport = z.output<typeof planExportSchema>;
export type PlanHeader = z.output<typeof planHeaderSchema>;
export type Inspection = z.output<typeof inspectionSchema>;
export type Organisation = z.output<typeof organisationSchema>;
export type Owner = z.output<typeof ownerSchema>;
export type Area = z.output<typeof areaSchema>;
export type Action = z.output<typeof actionSchema>;
export type ProgressUpdate = z.output<typeof progressUpdateSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Measure = z.output<typeof measureSchema>;
export type MeasureValue = z.output<typeof measureValueSchema>;
export type Benchmark = z.output<typeof benchmarkSchema>;
export type SeriesPoint = z.output<typeof seriesPointSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Risk = z.output<typeof riskSchema>;
