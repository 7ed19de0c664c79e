import { z } from 'zod';
import { PLAN_KINDS, type PlanKind } from '../plan/schema';

// A tracker is a spreadsheet with one action per row. Its columns are mapped once, by the
// user, to the plan fields below; the mapping is remembered under a signature of the sheet's
// headings so next month's re-export of the same sheet imports without asking again.

/** The plan fields a tracker column can be mapped to (`ignore` drops the column). */
export const TRACKER_FIELDS = [
  'ref',
  'areaRef',
  'areaTitle',
  'title',
  'description',
  'lead',
  'sro',
  'partners',
  'startDate',
  'dueDate',
  'revisedDueDate',
  'revisionApprovedBy',
  'status',
  'deliveryRag',
  'progressUpdate',
  'updatePeriod',
  'successCriteria',
  'evidence',
  'revision',
  'ignore',
] as const;

/** One target field of a tracker column. */
export type TrackerField = (typeof TRACKER_FIELDS)[number];

/** Fields that several columns may feed at once: their texts are joined, in column order. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<TrackerField> = new Set(['description', 'partners', 'successCriteria', 'evidence']);

/** Words the mapping dialog shows for each field. */
export const TRACKER_FIELD_LABELS: Readonly<Record<TrackerField, string>> = {
  ref: 'Action reference',
  areaRef: 'Area reference',
  areaTitle: 'Area (groups actions)',
  title: 'Action title',
  description: 'Action description',
  lead: 'Lead (role)',
  sro: 'Senior responsible officer',
  partners: 'Partner organisations',
  startDate: 'Start date',
  dueDate: 'Due date',
  revisedDueDate: 'Revised due date',
  revisionApprovedBy: 'Revised date approved by',
  status: 'Status',
  deliveryRag: 'Delivery RAG',
  progressUpdate: 'Progress update',
  updatePeriod: 'Update period (month)',
  successCriteria: 'Success criteria',
  evidence: 'Evidence',
  revision: 'Export revision',
  ignore: 'Ignore',
};

// Mappings arrive from disk (remembered mappings) and from the CLI's `--mapping FILE`, so
// every bound is explicit: a hand-edited file cannot smuggle in megabytes or control codes.
const noControlCharacters = (value: string) => ![...value].some((character) => isControlCharacter(character.charCodeAt(0)));

/** Whether a UTF-16 code is a C0 control code or DEL (tab and line breaks included). */
export function isControlCharacter(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/** Parses a stored or hand-written tracker mapping. */
export const trackerMappingSchema = z.strictObject({
  version: z.literal(1),
  signature: z.string().min(1).max(200),
  /** Index into the sheet's rows of the heading row (0 = the sheet's first row). */
  headerRow: z.number().int().min(0).max(10_000),
  /** Heading text (as `columnKeys` makes it) → field. Headings not listed are ignored. */
  columns: z.record(z.string().max(1_000), z.enum(TRACKER_FIELDS)),
  planId: z.string().trim().min(1).max(64).refine(noControlCharacters, 'must not contain control characters'),
  planTitle: z.string().trim().min(1).max(300).refine(noControlCharacters, 'must not contain control characters'),
  /** The local area the plan belongs to; empty until the user names it. */
  localArea: z.string().trim().max(200).refine(noControlCharacters, 'must not contain control characters'),
  planKind: z.enum(PLAN_KINDS),
});

/** A confirmed (or suggested) mapping from a tracker's columns to plan fields. */
export type TrackerMapping = z.infer<typeof trackerMappingSchema>;

/** Lower-case words of a heading with punctuation and spacing removed, e.g. "Lead / Lead Person" → "lead lead person". */
export function headingWords(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/#/g, ' no ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A heading reduced to letters and digits only, so case, spacing and punctuation never matter. */
export function normaliseHeading(heading: string): string {
  return headingWords(heading).replace(/ /g, '');
}

/** Column letters as a spreadsheet shows them: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1;
  let letters = '';
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The keys a mapping uses for a sheet's columns: the heading text, trimmed, with an empty
 * heading named after its column ("Column F") and a repeated heading numbered ("Notes (2)").
 */
export function columnKeys(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((raw, index) => {
    const heading = raw.replace(/\s+/g, ' ').trim();
    const base = heading === '' ? `Column ${columnLetter(index)}` : heading;
    const normal = normaliseHeading(base);
    const count = (seen.get(normal) ?? 0) + 1;
    seen.set(normal, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

// cyrb53: a small, well-mixed 53-bit string hash. Not for security: it only names a heading
// layout compactly (the signature is a key in the stored mappings file).
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A short hash of text, stable across runs (used for ids that must fit in 64 characters). */
export function stableHash(text: string): string {
  return hash53(text);
}

/**
 * Names a heading layout so the same sheet re-exported (other case, spacing, punctuation,
 * trailing empty columns) gets the same signature and its remembered mapping.
 */
export function headingSignature(headings: readonly string[]): string {
  const normal = headings.map(normaliseHeading);
  while (normal.length > 0 && normal[normal.length - 1] === '') normal.pop();
  return `tracker-headings:${normal.length}:${hash53(normal.join('|'))}`;
}

type Recogniser = { field: TrackerField; pattern: RegExp };

// Checked in order on a heading's words: the first match wins, so the specific patterns
// (e.g. "revised due date", "action ref", "impact rag") come before the general ones.
const RECOGNISERS: readonly Recogniser[] = [
  // Impact and the board's own assurance are different ratings from delivery: never read them as RAG.
  {
    field: 'ignore',
    pattern: /\b(impact|assurance|assured|outcome)\b.*\b(rag|rating|rated|judgement)\b|\b(rag|rating)\b.*\b(impact|assurance)\b/,
  },
  { field: 'revisionApprovedBy', pattern: /\b(approved|agreed|authorised|authorized|signed off)\b.*\bby\b|\brevision approv|\bapprover\b/ },
  {
    field: 'revisedDueDate',
    pattern: /^(revised|new|amended|updated|rescheduled|re ?profiled)\b.*\b(due|date|deadline|timescales?|target|completion|end)\b/,
  },
  { field: 'areaRef', pattern: /^(area|priority|objective|workstream|theme|strand)s? (ref|reference|no|number|id)$/ },
  {
    field: 'ref',
    pattern:
      /^((action|item|task|row|line) )?(ref|refs|reference|ref no|ref number|reference no|reference number|no|number|id|ref id)$|^(item|no|number|action no)$/,
  },
  {
    field: 'sro',
    pattern:
      /^(sro|sros|senior responsible (officer|owner|lead)s?|accountable (officer|lead|director)s?|executive (lead|sponsor)s?|strategic lead|senior lead|responsible director|director lead)$/,
  },
  {
    field: 'lead',
    pattern:
      /^(lead|leads|lead persons?|lead officers?|lead roles?|lead officer role|lead person role|responsible|responsible (officer|person|lead|role)s?|owner|owners|action (owner|lead)s?|who|who is responsible|by whom|operational lead|named lead)$|^lead lead persons?$/,
  },
  {
    field: 'partners',
    pattern:
      /\bpartners?\b|\bpartner (organisations?|agencies)\b|^supported by$|^contributors?$|^(other )?(agencies|organisations) involved$|^lead (organisation|agency)s?$/,
  },
  {
    field: 'startDate',
    pattern: /^(start|start date|date started|started|commence(ment)?( date)?|from|start by|date from|planned start( date)?)$/,
  },
  {
    field: 'dueDate',
    pattern:
      /^(due|due date|due by|date due|deadline|deadlines|timescale|timescales|time ?scale|time ?frame|timeframe|target date|target completion( date)?|completion date|target|end date|by when|when|finish date|planned (end|completion)( date)?|due timescale|due timescale deadline|due date timescale)$/,
  },
  { field: 'deliveryRag', pattern: /\brag\b|^(delivery )?rating$|^delivery (status )?rag|^delivery rating$/ },
  { field: 'status', pattern: /^(status|statuses|progress status|current status|action status|completion status|delivery status|state)$/ },
  {
    field: 'updatePeriod',
    pattern:
      /^(update period|period|reporting period|update month|month|as at|as at date|update date|date of update|last updated|reporting month|date updated)$/,
  },
  {
    field: 'progressUpdate',
    pattern:
      /^(progress|progress update|progress updates|update|updates|latest update|latest progress|commentary|comment|comments|progress commentary|narrative|progress to date|update on progress|progress notes?|current position|position statement|monthly update|progress (and|\/)? ?commentary|progress narrative|rag commentary|rag rationale)$/,
  },
  {
    field: 'successCriteria',
    pattern:
      /\bsuccess\b|^(measures?|impact measures?|outcome measures?|outcomes?|expected (outcomes?|impact)|kpis?|how will we know|what difference will it make|impact|measures of impact|intended impact|target outcome)$/,
  },
  { field: 'evidence', pattern: /\bevidence\b/ },
  {
    field: 'revision',
    pattern: /^(revision|revision no|revision number|rev|rev no|plan version|version|version no|version number|export revision)$/,
  },
  {
    field: 'description',
    pattern:
      /^(description|details|detail|action details?|further (detail|details|information)|how|how will we do (it|this)|steps|key tasks|sub actions|activities|detailed actions?)$/,
  },
  {
    field: 'title',
    pattern:
      /^(actions?|action (description|title|summary|required|to be taken)|actions to be taken|what|what we will do|what will we do|what will be done|task|tasks|activity|key actions?|specific actions?|description of action|improvement action|action point)$/,
  },
];

// Headings that name the group an action belongs to. When a sheet has no action heading, the
// objective-like one is the action's text instead (e.g. "Priority | No. | Objective | ...").
const AREA_PATTERN =
  /^(areas?|priority|priorities|objectives?|workstreams?|themes?|strands?|area of (weakness|focus)|areas? for improvement|priority (area|action)s?|improvement areas?|key areas?|outcome areas?|area priority|priority area|area priority objective|strategic priority|strategic objective)$/;
const OBJECTIVE_PATTERN = /\bobjectives?\b/;

/** The field a heading is recognised as, or `ignore`; area-like headings give `areaTitle`. */
export function recogniseHeading(heading: string): TrackerField {
  const words = headingWords(heading);
  if (words === '') return 'ignore';
  if (AREA_PATTERN.test(words)) return 'areaTitle';
  for (const { field, pattern } of RECOGNISERS) if (pattern.test(words)) return field;
  return 'ignore';
}

/** How many headings in a row are recognised: the basis of heading-row detection and sheet choice. */
export function countKnownHeadings(cells: readonly string[]): number {
  let count = 0;
  for (const raw of cells) {
    const cell = typeof raw === 'string' ? raw : String(raw ?? '');
    // A heading is a short label: a 200-character cell is a title or a note, not a heading.
    if (cell.length > 80) continue;
    if (recogniseHeading(cell) !== 'ignore') count++;
  }
  return count;
}

/**
 * The index of the heading row: the first of the first 20 rows with at least 3 recognised
 * headings (trackers often have title rows above). Failing that, the row with the most
 * recognised headings, else the first non-empty row, else 0: never negative, so the mapping
 * dialog always has a row to propose.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const limit = Math.min(rows.length, 20);
  let best = -1;
  let bestCount = 0;
  let firstFilled = -1;
  for (let index = 0; index < limit; index++) {
    const row = rows[index] ?? [];
    const count = countKnownHeadings(row);
    if (count >= 3) return index;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
    if (firstFilled < 0 && row.some((cell) => String(cell ?? '').trim() !== '')) firstFilled = index;
  }
  if (best >= 0) return best;
  return Math.max(firstFilled, 0);
}

// Tokens that vary between exports of the same tracker and must not change the plan's identity.
const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const VOLATILE_TOKEN = new RegExp(
  [
    '^v\\d+([._]\\d+)*$',
    '^(version|ver|rev|revision|draft|final|copy|updated|latest|current|new|old)$',
    '^\\d+([._]\\d+)*$',
    `^(${MONTHS})\\d*$`,
    '^\\d{1,2}(st|nd|rd|th)$',
    '^q[1-4]$',
    '^\\d{4}[-_.]?\\d{2}([-_.]?\\d{2})?$',
    '^\\d{1,2}[-_.]\\d{1,2}[-_.]\\d{2,4}$',
    '^\\(\\d+\\)$',
  ].join('|'),
  'i',
);

function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(xlsx|xlsm|xls|csv|tsv|txt)$/i, '');
}

function titleWords(fileName: string): string[] {
  const words = fileStem(fileName)
    .replace(/[_]+/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[-–(),.]+|[-–(),.]+$/g, ''))
    .filter((word) => word !== '');
  return words.filter((word) => !VOLATILE_TOKEN.test(word));
}

/** A plan id from a tracker's file name, without version and date tokens: "SEND Improvement Plan v3 2026-10.xlsx" → "tracker:send-improvement-plan". */
export function planIdFromFileName(fileName: string): string {
  const slug = titleWords(fileName)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const id = `tracker:${slug === '' ? 'plan' : slug}`;
  return id.length <= 64 ? id : `${id.slice(0, 49).replace(/-+$/, '')}-${stableHash(id)}`;
}

/** A plan title from a tracker's file name, e.g. "SEND Improvement Plan". */
export function planTitleFromFileName(fileName: string): string {
  const title = titleWords(fileName).join(' ').trim();
  return title === '' ? 'Tracker plan' : title.slice(0, 300);
}

/** The plan kind a file name suggests (a written statement of action, an accelerated progress plan…), else an improvement plan. */
export function planKindFromFileName(fileName: string): PlanKind {
  const words = headingWords(fileStem(fileName));
  if (/\b(written statement|wsoa)\b/.test(words)) return 'written-statement-of-action';
  if (/\b(accelerated progress|app)\b/.test(words)) return 'accelerated-progress-plan';
  if (/\bpriority action\b/.test(words)) return 'priority-action-plan';
  return 'improvement-plan';
}

/**
 * A first mapping for a sheet's headings, for the user to confirm: recognised headings are
 * mapped, the rest ignored, and the plan named after the file.
 */
export function suggestMapping(headings: readonly string[], fileName: string, headerRow = 0): TrackerMapping {
  const keys = columnKeys(headings);
  const fields = headings.map((heading) => recogniseHeading(heading));

  // With no action heading, the objective-like column (or the last of several area-like
  // columns) holds the action's text, and any other area-like column groups the actions.
  if (!fields.includes('title')) {
    const areaColumns = fields.flatMap((field, index) => (field === 'areaTitle' ? [index] : []));
    const objective = areaColumns.filter((index) => OBJECTIVE_PATTERN.test(headingWords(keys[index] ?? '')));
    const chosen =
      objective.length > 0 ? objective[objective.length - 1] : areaColumns.length >= 2 ? areaColumns[areaColumns.length - 1] : undefined;
    if (chosen !== undefined) fields[chosen] = 'title';
  }

  // One column per single-valued field: a second "Due date" is more likely an older copy.
  const taken = new Set<TrackerField>();
  const columns: Record<string, TrackerField> = {};
  keys.forEach((key, index) => {
    let field = fields[index] ?? 'ignore';
    if (field !== 'ignore' && !MULTI_COLUMN_FIELDS.has(field)) {
      if (taken.has(field)) field = 'ignore';
      else taken.add(field);
    }
    columns[key] = field;
  });

  return {
    version: 1,
    signature: headingSignature(headings),
    headerRow: Math.max(0, Math.floor(headerRow)),
    columns,
    planId: planIdFromFileName(fileName),
    planTitle: planTitleFromFileName(fileName),
    localArea: '',
    planKind: planKindFromFileName(fileName),
  };
}

/** Finds the heading row and suggests a mapping for it. */
export function suggestMappingForRows(rows: readonly (readonly string[])[], fileName: string): TrackerMapping {
  const headerRow = findHeaderRow(rows);
  return suggestMapping([...(rows[headerRow] ?? [])], fileName, headerRow);
}
