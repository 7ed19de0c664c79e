import type {
  Action,
  ActionStatus,
  Area,
  AreaKind,
  Evidence,
  EvidenceType,
  Organisation,
  OrganisationKind,
  Owner,
  PlanFile,
  PlanKind,
  Rag,
} from '../plan/schema';
import { parsePeriod, parseTrackerDate } from './dates';
import {
  MULTI_COLUMN_FIELDS,
  TRACKER_FIELD_LABELS,
  columnKeys,
  columnLetter,
  headingSignature,
  isControlCharacter,
  normaliseHeading,
  stableHash,
  trackerMappingSchema,
  type TrackerField,
  type TrackerMapping,
} from './mapping';
import type { Problem } from './problem';
import { parseRag, parseStatus, ragFromStatus, statusFromRag } from './ratings';

// Turns a tracker's rows (one action per row) into a plan-file v1 object, the same snapshot a
// JSON export gives, so everything downstream (validation, diff, store) treats both alike.
// Every problem names its cell as a spreadsheet does ("Sheet1!D14") and its heading. Ids come
// from the tracker's own refs, never from row numbers, so annotations survive a re-sort.

/** What the importer knows about the file the rows came from. */
export type TrackerMeta = {
  fileName: string;
  /** The file's modified time, ISO 8601: the export time, and the revision unless a column gives one. */
  modifiedAt: string;
  sourceSystem: string;
  /** The sheet the rows came from (a CSV's is its file name without the extension). */
  sheet?: string;
};

/** A tracker as a plan-file v1 object, or the located problems that stop it being one. */
export type TrackerPlanResult = { ok: true; value: PlanFile; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

const MAX_PROBLEMS = 200;
const REVISION_EPOCH_MS = Date.UTC(2020, 0, 1);
const WHOLE_PLAN_KEY = '\u0000whole-plan';

const AREA_KIND_BY_PLAN_KIND: Readonly<Record<PlanKind, AreaKind>> = {
  'written-statement-of-action': 'area-of-weakness',
  'accelerated-progress-plan': 'area-of-weakness',
  'priority-action-plan': 'priority-action',
  'improvement-plan': 'area-for-improvement',
};

type Location = { row: number; column?: number };

type Reporter = {
  sheet: string;
  errors: Problem[];
  warnings: Problem[];
  error(at: Location, message: string): void;
  warning(at: Location, message: string): void;
  /** Collects rows that share one warning, so 300 blank start dates make one message, not 300. */
  note(kind: string, at: Location, describe: (rows: number[]) => string): void;
  flush(): void;
};

function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function createReporter(sheet: string): Reporter {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const notes = new Map<string, { at: Location; rows: number[]; describe: (rows: number[]) => string }>();
  const locate = (at: Location, message: string): Problem => {
    const where = at.column === undefined ? `${at.row + 1}:${at.row + 1}` : `${columnLetter(at.column)}${at.row + 1}`;
    const problem: Problem = { path: `${sheetReference(sheet)}!${where}`, message, line: at.row + 1 };
    if (at.column !== undefined) problem.column = at.column + 1;
    return problem;
  };
  return {
    sheet,
    errors,
    warnings,
    error: (at, message) => void errors.push(locate(at, message)),
    warning: (at, message) => void warnings.push(locate(at, message)),
    note(kind, at, describe) {
      const existing = notes.get(kind);
      if (existing === undefined) notes.set(kind, { at, rows: [at.row + 1], describe });
      else existing.rows.push(at.row + 1);
    },
    flush() {
      for (const { at, rows, describe } of notes.values()) warnings.push(locate(at, describe(rows)));
      notes.clear();
    },
  };
}

/** "row 14", "rows 14 and 20", "rows 3, 4, 5 … and 40 more" */
function describeRows(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const shown = rows.slice(0, 8);
  const rest = rows.length - shown.length;
  return rest > 0 ? `rows ${shown.join(', ')} and ${rest} more` : `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function capped(problems: Problem[], what: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  kept.push({ path: problems[MAX_PROBLEMS]?.path ?? '', message: `… and ${problems.length - MAX_PROBLEMS} more ${what} not listed.` });
  return kept;
}

/** Cell text as the plan keeps it: line breaks unified, control characters and outer spaces removed. Formula-like text stays text. */
function clean(value: unknown): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  let hasControl = false;
  for (let index = 0; index < text.length && !hasControl; index++) {
    const code = text.charCodeAt(index);
    hasControl = isControlCharacter(code) && code !== 0x0a && code !== 0x09;
  }
  let kept = text;
  if (hasControl) {
    kept = '';
    for (const character of text.replace(/\r\n?/g, '\n')) {
      const code = character.charCodeAt(0);
      if (!isControlCharacter(code) || code === 0x0a || code === 0x09) kept += character;
    }
  }
  return kept.replace(/[ \t\u00a0]+\n/g, '\n').trim();
}

/** Short form of a cell for messages: long text is cut so a message stays one line. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}

function slug(text: string, keepDots: boolean): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(keepDots ? /[^a-z0-9.]+/g : /[^a-z0-9]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** An id of at most 64 characters from a prefix and text: readable where it fits, hashed where it does not. */
function makeId(prefix: string, text: string, keepDots = false): string {
  const body = slug(text, keepDots);
  const hash = stableHash(text);
  if (body === '') return `${prefix}${hash}`;
  const id = `${prefix}${body}`;
  return id.length <= 64 ? id : `${prefix}${body.slice(0, 64 - prefix.length - hash.length - 1).replace(/[-.]+$/, '')}-${hash}`;
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.replace(/^\s*(?:[•▪‣◦·●○■□➢➤►✓✔*]|-\s|–\s|\d{1,2}[.)]\s|\([a-z0-9]{1,2}\)\s|[a-z][.)]\s)\s*/i, '').trim())
    .filter((item) => item !== '');
}

/** "Priority 2: Joint working" → ref "2", title "Joint working"; "Priority 2" → ref "2" and no title; "Joint working" → no ref. */
export function parseAreaLabel(text: string): { ref?: string; title?: string } {
  const match =
    /^(?:(?:priority|area|objective|workstream|theme|strand|section|aow|afi|pa|area of weakness|area for improvement|priority action)\s*)?(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,3})*)(?!\d)\.?\s*(?:[:)\-–—]\s*)?(.*)$/is.exec(
      text,
    );
  if (match === null) return { title: text };
  const rest = (match[2] ?? '').trim();
  return rest === '' ? { ref: match[1] ?? '' } : { ref: match[1] ?? '', title: rest };
}

function guessOrganisationKind(name: string): OrganisationKind {
  const words = name.toLowerCase();
  if (/\b(icb|integrated care)\b/.test(words)) return 'icb';
  if (/\b(ccg|clinical commissioning)\b/.test(words)) return 'ccg';
  if (/\bparent.{0,3}carers?\b|\bpcf\b/.test(words)) return 'parent-carer-forum';
  if (/\b(dfe|department for education|nhs ?e|nhs england|dhsc|government|ofsted|cqc)\b/.test(words)) return 'government';
  if (/\b(schools?|academ(y|ies)|colleges?|nurser(y|ies)|trust of schools|mat)\b/.test(words)) return 'school';
  if (/\b(council|local authority|borough|county)\b/.test(words)) return 'local-authority';
  if (/\b(nhs|trust|hospital|health|camhs|cahms|provider|foundation trust|therapy|therapies)\b/.test(words)) return 'provider';
  return 'other';
}

function guessEvidenceType(title: string): EvidenceType {
  const words = title.toLowerCase();
  if (/\baudit/.test(words)) return 'audit';
  if (/\bminutes?\b/.test(words)) return 'minutes';
  if (/\b(survey|questionnaire|feedback)\b/.test(words)) return 'survey';
  if (/\b(policy|policies|procedure|strategy|protocol|guidance|framework)\b/.test(words)) return 'policy';
  if (/\b(data|dataset|dashboard|kpi|statistics|figures)\b/.test(words)) return 'dataset';
  if (/\bletter\b/.test(words)) return 'letter';
  if (/\breports?\b/.test(words)) return 'report';
  return 'other';
}

function findDateIn(text: string): string | null {
  const candidates =
    text.match(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9} \d{4}\b/g) ?? [];
  for (const candidate of candidates) {
    const parsed = parseTrackerDate(candidate);
    if (parsed.kind === 'date') return parsed.date;
  }
  return null;
}

function versionLabelFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /(?:^|[\s_\-(])v(?:ersion)?\s?(\d+(?:[._]\d+)*)(?=$|[\s_\-).])/i.exec(base.replace(/\.(xlsx|xlsm|csv|tsv|txt)$/i, ''));
  return match?.[1]?.replace(/_/g, '.');
}

type RowRecord = {
  index: number;
  ref: string;
  title: string;
  areaKey: string;
};

type AreaDraft = {
  key: string;
  ref?: string;
  title: string;
  /** False while the title is made up from the ref ("Priority 2"): a later row may name it. */
  hasOwnTitle: boolean;
  row: number;
  column?: number;
  isSection: boolean;
  actionCount: number;
};

/**
 * Turns a tracker's rows into a plan-file v1 object using a confirmed mapping. Never throws:
 * anything wrong comes back as located problems (`Sheet1!D14`, row, column and heading).
 */
export function trackerRowsToPlan(rows: readonly (readonly string[])[], mapping: TrackerMapping, meta: TrackerMeta): TrackerPlanResult {
  const sheet = clean(meta?.sheet) || sheetNameFromFile(meta?.fileName ?? '');
  try {
    return convert(rows, mapping, meta, sheet);
  } catch (error) {
    // A bug here must reach the user as a message, not take the import down with it.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        { path: sheetReference(sheet), message: `The tracker could not be converted (${detail}). Please report this with the file.` },
      ],
      warnings: [],
    };
  }
}

function sheetNameFromFile(fileName: string): string {
  const base = (String(fileName).split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  return base.trim() === '' ? 'Sheet1' : base.slice(0, 31);
}

function convert(rows: readonly (readonly string[])[], rawMapping: TrackerMapping, meta: TrackerMeta, sheet: string): TrackerPlanResult {
  const report = createReporter(sheet);
  const failed = (): TrackerPlanResult => {
    report.flush();
    return { ok: false, errors: capped(report.errors, 'errors'), warnings: capped(report.warnings, 'warnings') };
  };

  const parsedMapping = trackerMappingSchema.safeParse(rawMapping);
  if (!parsedMapping.success) {
    for (const issue of parsedMapping.error.issues) {
      report.errors.push({ path: `mapping.${issue.path.join('.')}`, message: `The column mapping is not valid: ${issue.message}.` });
    }
    return failed();
  }
  const mapping = parsedMapping.data;
  if (!Array.isArray(rows)) {
    report.errors.push({ path: sheetReference(sheet), message: 'The tracker has no rows to read.' });
    return failed();
  }

  const modifiedMs = Date.parse(String(meta?.modifiedAt ?? ''));
  if (!Number.isFinite(modifiedMs)) {
    report.errors.push({
      path: 'meta.modifiedAt',
      message: `The file's modified time ${shown(String(meta?.modifiedAt ?? ''))} is not a date and time.`,
    });
    return failed();
  }
  const exportedAt = new Date(modifiedMs).toISOString();
  const exportDate = exportedAt.slice(0, 10);
  const exportMonth = exportedAt.slice(0, 7);

  if (mapping.localArea.trim() === '') {
    report.errors.push({
      path: 'mapping.localArea',
      message: 'The local area is not named: enter it in the mapping (for example "Northshire").',
    });
  }

  const headerRow = mapping.headerRow;
  const headerCells = rows[headerRow];
  if (!Array.isArray(headerCells)) {
    report.errors.push({
      path: sheetReference(sheet),
      message: `The mapping expects headings in row ${headerRow + 1}, but the sheet has only ${rows.length} row${rows.length === 1 ? '' : 's'}.`,
    });
    return failed();
  }
  const headings = headerCells.map(clean);
  const keys = columnKeys(headings);
  const mapped = new Map<string, TrackerField>();
  for (const [key, field] of Object.entries(mapping.columns)) mapped.set(normaliseHeading(key), field);
  const fieldsByColumn = keys.map((key) => mapped.get(normaliseHeading(key)) ?? 'ignore');

  if (headingSignature(headings) !== mapping.signature) {
    report.warning(
      { row: headerRow },
      `The headings in row ${headerRow + 1} differ from those the mapping was made for; check the mapping before importing.`,
    );
  }
  const present = new Set(keys.map(normaliseHeading));
  for (const [key, field] of Object.entries(mapping.columns)) {
    if (field !== 'ignore' && !present.has(normaliseHeading(key))) {
      report.warning(
        { row: headerRow },
        `The mapping names a column "${key}" (${TRACKER_FIELD_LABELS[field]}) that is not in row ${headerRow + 1}; it is left out.`,
      );
    }
  }

  const columnsOf = new Map<TrackerField, number[]>();
  fieldsByColumn.forEach((field, column) => {
    if (field === 'ignore') return;
    const list = columnsOf.get(field) ?? [];
    list.push(column);
    columnsOf.set(field, list);
  });
  const heading = (column: number) => keys[column] ?? `Column ${columnLetter(column)}`;
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1 && !MULTI_COLUMN_FIELDS.has(field)) {
      const names = columns.map((column) => `"${heading(column)}"`).join(' and ');
      report.error(
        { row: headerRow, column: columns[1] ?? 0 },
        `${names} are both mapped to ${TRACKER_FIELD_LABELS[field].toLowerCase()}; map all but one of them to Ignore.`,
      );
    }
  }
  const columnOf = (field: TrackerField): number | undefined => columnsOf.get(field)?.[0];
  if (columnOf('title') === undefined) {
    report.error({ row: headerRow }, 'No column is mapped to the action title (a heading such as "Action"): map one before importing.');
  }
  if (columnOf('dueDate') === undefined) {
    report.error(
      { row: headerRow },
      'No column is mapped to the due date (a heading such as "Due", "Timescale" or "Deadline"): map one before importing.',
    );
  }
  if (columnOf('status') === undefined && columnOf('deliveryRag') === undefined) {
    report.error({ row: headerRow }, 'No column is mapped to the status or the delivery RAG: map at least one before importing.');
  }
  if (report.errors.length > 0) return failed();

  const rowAt = (index: number): readonly string[] => {
    const row = rows[index];
    return Array.isArray(row) ? row : [];
  };
  const cell = (row: readonly string[], field: TrackerField): string => {
    const column = columnOf(field);
    return column === undefined ? '' : clean(row[column]);
  };
  const cellsOf = (row: readonly string[], field: TrackerField): Array<{ text: string; column: number }> =>
    (columnsOf.get(field) ?? []).map((column) => ({ text: clean(row[column]), column })).filter(({ text }) => text !== '');
  const at = (row: number, field: TrackerField): Location => ({ row, column: columnOf(field) });
  const label = (field: TrackerField): string => {
    const column = columnOf(field);
    return column === undefined ? TRACKER_FIELD_LABELS[field] : heading(column);
  };

  // First pass: which rows are actions, and which area each belongs to.
  const hasAreaColumn = columnOf('areaRef') !== undefined || columnOf('areaTitle') !== undefined;
  const areas = new Map<string, AreaDraft>();
  const records: RowRecord[] = [];
  let currentAreaKey = WHOLE_PLAN_KEY;
  const headerNormal = headings.map(normaliseHeading).join('|');
  const headerFirst = normaliseHeading(headings[0] ?? '');

  const registerArea = (
    ref: string | undefined,
    ownTitle: string | undefined,
    fallbackTitle: string,
    rowIndex: number,
    column: number | undefined,
    isSection: boolean,
  ): string => {
    const key = ref !== undefined ? `ref:${ref}` : `title:${normaliseHeading(fallbackTitle) || fallbackTitle}`;
    const existing = areas.get(key);
    if (existing === undefined) {
      areas.set(key, {
        key,
        ref,
        title: ownTitle ?? fallbackTitle,
        hasOwnTitle: ownTitle !== undefined,
        row: rowIndex,
        column,
        isSection,
        actionCount: 0,
      });
    } else if (ownTitle !== undefined && !existing.hasOwnTitle) {
      existing.title = ownTitle;
      existing.hasOwnTitle = true;
    } else if (ownTitle !== undefined && normaliseHeading(existing.title) !== normaliseHeading(ownTitle)) {
      const first = existing;
      report.note(
        `area-name:${key}:${normaliseHeading(ownTitle)}`,
        { row: rowIndex, column },
        (list) =>
          `${capitalise(describeRows(list))}: area ${ref ?? ''} is called ${shown(ownTitle)} but ${shown(first.title)} in row ${first.row + 1}; the first name is used.`,
      );
    }
    return key;
  };
  // "Priority No." → "Priority", so an area numbered 2 is called "Priority 2" until a row names it.
  const areaWord = (field: TrackerField): string =>
    label(field)
      .replace(/[\s.:]*\b(ref|reference|no|number|id)\b[\s.:]*$/i, '')
      .trim();

  for (let index = headerRow + 1; index < rows.length; index++) {
    const row = rowAt(index);
    const cells = row.map(clean);
    const filled = cells.flatMap((text, column) => (text === '' ? [] : [column]));
    if (filled.length === 0) continue;
    // Printed trackers repeat the heading row on every page.
    if (normaliseHeading(cells[0] ?? '') === headerFirst && cells.map(normaliseHeading).join('|') === headerNormal) continue;

    if (hasAreaColumn) {
      const refText = cell(row, 'areaRef');
      const titleText = cell(row, 'areaTitle');
      if (refText !== '' || titleText !== '') {
        const titleLabel = titleText === '' ? undefined : parseAreaLabel(titleText);
        const ref = refText === '' ? titleLabel?.ref : (parseAreaLabel(refText).ref ?? refText);
        const field: TrackerField = refText !== '' ? 'areaRef' : 'areaTitle';
        const fallback = ref !== undefined ? `${areaWord(field)} ${ref}`.trim() : titleText;
        currentAreaKey = registerArea(ref, titleLabel?.title, fallback, index, columnOf(field), false);
      }
    }

    const ref = cell(row, 'ref');
    const title = cell(row, 'title');
    if (title === '') {
      const mappedFilled = filled.filter((column) => (fieldsByColumn[column] ?? 'ignore') !== 'ignore');
      const isAreaOnly = mappedFilled.every((column) => fieldsByColumn[column] === 'areaRef' || fieldsByColumn[column] === 'areaTitle');
      if (hasAreaColumn && isAreaOnly && mappedFilled.length > 0) continue;
      const only = filled.length === 1 ? (cells[filled[0] ?? 0] ?? '') : '';
      if (!hasAreaColumn && filled.length === 1 && /\p{L}/u.test(only)) {
        // A lone heading between blocks of actions ("Priority 2 – Joint working") starts an area.
        const parsed = parseAreaLabel(only);
        currentAreaKey = registerArea(parsed.ref, parsed.title, only, index, filled[0], true);
        continue;
      }
      if (filled.length === 1) {
        // A note under the table ("Key: B = complete") or a numbered row not yet filled in: nothing to import.
        const column = filled[0] ?? 0;
        report.warning(
          { row: index, column },
          `Row ${index + 1} holds only ${shown(only)} (in "${heading(column)}") and no action title, so it was skipped.`,
        );
        continue;
      }
      if (ref !== '') {
        report.error(
          at(index, 'title'),
          `Row ${index + 1}, "${label('title')}": empty, but the row has ref ${shown(ref)}; every action needs a title.`,
        );
        continue;
      }
      if (mappedFilled.length > 0) {
        report.note(
          'no-ref-no-title',
          { row: index },
          (list) =>
            `${capitalise(describeRows(list))} ${list.length === 1 ? 'has' : 'have'} neither a ref nor an action title and ${list.length === 1 ? 'was' : 'were'} skipped.`,
        );
      }
      continue;
    }
    records.push({ index, ref, title, areaKey: currentAreaKey });
  }

  // Areas: numbered ones keep their number; the others take the next free numbers in order.
  if (records.some((record) => record.areaKey === WHOLE_PLAN_KEY)) {
    const title = hasAreaColumn || areas.size > 0 ? 'Not assigned to an area' : 'Whole plan';
    areas.set(WHOLE_PLAN_KEY, {
      key: WHOLE_PLAN_KEY,
      ref: hasAreaColumn || areas.size > 0 ? '0' : 'All',
      title,
      hasOwnTitle: true,
      row: headerRow,
      isSection: false,
      actionCount: 0,
    });
  }
  for (const record of records) {
    const area = areas.get(record.areaKey);
    if (area !== undefined) area.actionCount++;
  }
  for (const area of [...areas.values()]) {
    if (area.isSection && area.actionCount === 0) {
      report.warning(
        { row: area.row, column: area.column },
        `Row ${area.row + 1}: ${shown(area.title)} is not followed by any action, so it is not made an area.`,
      );
      areas.delete(area.key);
    }
  }
  const usedRefs = new Set([...areas.values()].flatMap((area) => (area.ref === undefined ? [] : [area.ref])));
  let nextRef = 1;
  for (const area of areas.values()) {
    if (area.ref !== undefined) continue;
    while (usedRefs.has(String(nextRef))) nextRef++;
    area.ref = String(nextRef);
    usedRefs.add(area.ref);
  }
  const areaKind = AREA_KIND_BY_PLAN_KIND[mapping.planKind];
  const areaIdByKey = new Map<string, string>();
  const planAreas: Area[] = [];
  for (const area of areas.values()) {
    const ref = area.ref ?? '0';
    const id = area.key === WHOLE_PLAN_KEY ? 'area-whole-plan' : makeId('area-', ref, true);
    areaIdByKey.set(area.key, id);
    planAreas.push({ id, ref, title: area.title, kind: areaKind });
  }

  // Per-area numbering ("1, 2, 3" under each priority) makes bare refs repeat across areas;
  // prefixing the area's number ("2.3") keeps them unique and stable between exports.
  const areasByBareRef = new Map<string, Set<string>>();
  for (const record of records) {
    if (!/^\d+$/.test(record.ref)) continue;
    const set = areasByBareRef.get(record.ref) ?? new Set<string>();
    set.add(record.areaKey);
    areasByBareRef.set(record.ref, set);
  }
  const isPerAreaNumbering = [...areasByBareRef.values()].some((set) => set.size > 1);
  if (isPerAreaNumbering) {
    report.warning(
      { row: headerRow, column: columnOf('ref') },
      `Action numbers in "${label('ref')}" restart in each area, so each action's ref is prefixed with its area's number (e.g. "2.3").`,
    );
  }

  // Organisations and owners.
  const localArea = mapping.localArea.trim();
  const localAuthority: Organisation = { id: 'org-local-authority', name: localArea, kind: 'local-authority' };
  const organisations = new Map<string, Organisation>([[normaliseHeading(localArea) || 'local authority', localAuthority]]);
  const localAuthorityNames = new Set([
    'la',
    'localauthority',
    'thelocalauthority',
    'council',
    'thecouncil',
    normaliseHeading(localArea),
    normaliseHeading(`${localArea} council`),
  ]);
  const organisationFor = (name: string): string => {
    const key = normaliseHeading(name) || name;
    if (localAuthorityNames.has(key)) return localAuthority.id;
    const existing = organisations.get(key);
    if (existing !== undefined) return existing.id;
    let id = makeId('org-', name);
    if ([...organisations.values()].some((organisation) => organisation.id === id)) id = makeId('org-', `${name} ${stableHash(name)}`);
    organisations.set(key, { id, name, kind: guessOrganisationKind(name) });
    return id;
  };
  const owners = new Map<string, Owner>();
  const ownerFor = (text: string): string => {
    const role = text
      .replace(/\s*\n\s*/g, '; ')
      .replace(/\s+/g, ' ')
      .trim();
    const key = role.toLowerCase().replace(/[.;,]+$/, '');
    const existing = owners.get(key);
    if (existing !== undefined) return existing.id;
    let id = makeId('owner-', key);
    if ([...owners.values()].some((owner) => owner.id === id)) id = makeId('owner-', `${key} ${stableHash(key)}`);
    owners.set(key, { id, role, organisationId: localAuthority.id });
    return id;
  };

  // Due dates: a blank or "Ongoing" due date runs to the plan's last due date.
  const dueByRow = new Map<number, string | null>();
  let latestDue: string | null = null;
  for (const record of records) {
    const row = rowAt(record.index);
    const parsed = parseTrackerDate(cell(row, 'dueDate'));
    if (parsed.kind === 'date') {
      dueByRow.set(record.index, parsed.date);
      if (latestDue === null || parsed.date > latestDue) latestDue = parsed.date;
    } else if (parsed.kind === 'invalid') {
      report.error(
        at(record.index, 'dueDate'),
        `Row ${record.index + 1}, "${label('dueDate')}": ${shown(cell(row, 'dueDate'))} is not a date (use dd/mm/yyyy, for example 31/03/2026).`,
      );
      dueByRow.set(record.index, null);
    } else {
      dueByRow.set(record.index, null);
    }
  }

  const revisionValues: Array<{ value: number; row: number }> = [];
  const actions: Action[] = [];
  const evidence: Evidence[] = [];
  const actionIdOwners = new Map<string, { row: number; ref: string }>();
  const positionInArea = new Map<string, number>();

  for (const record of records) {
    const { index } = record;
    const row = rowAt(index);
    const area = areas.get(record.areaKey);
    const areaId = areaIdByKey.get(record.areaKey);
    if (area === undefined || areaId === undefined) continue;

    // Reference and id.
    let ref = record.ref.replace(/\s+/g, ' ');
    if (ref === '') {
      if (columnOf('ref') === undefined) {
        const position = (positionInArea.get(record.areaKey) ?? 0) + 1;
        positionInArea.set(record.areaKey, position);
        ref = area.key === WHOLE_PLAN_KEY ? String(position) : `${area.ref ?? '0'}.${position}`;
        report.note(
          'no-ref-column',
          { row: headerRow },
          () =>
            'No column is mapped to the action ref, so actions are numbered by their order within each area; the numbers (and what is linked to them) change if rows are moved.',
        );
      } else {
        ref = `row-${index + 1}`;
        report.note(
          'no-ref',
          at(index, 'ref'),
          (list) =>
            `${capitalise(describeRows(list))}: "${label('ref')}" is empty, so the action is given a ref from its row number ("row-${list[0]}"), which changes if rows are moved.`,
        );
      }
    } else if (isPerAreaNumbering && /^\d+$/.test(ref) && area.key !== WHOLE_PLAN_KEY) {
      ref = `${area.ref}.${ref}`;
    }
    const id = makeId('action-', ref, true);
    const previous = actionIdOwners.get(id);
    if (previous !== undefined) {
      const same =
        previous.ref === ref
          ? `${shown(ref)} is already used by row ${previous.row + 1}`
          : `${shown(ref)} gives the same id as ${shown(previous.ref)} in row ${previous.row + 1}`;
      report.error(at(index, 'ref'), `Row ${index + 1}, "${label('ref')}": ${same}; every action needs its own ref.`);
      continue;
    }
    actionIdOwners.set(id, { row: index, ref });

    // Title: the first line; the rest of a multi-line action cell is its description.
    const titleLines = record.title
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const title = titleLines[0] ?? record.title;
    const descriptionParts = [titleLines.slice(1).join('\n'), ...cellsOf(row, 'description').map(({ text }) => text)].filter(
      (text) => text !== '',
    );

    // Dates.
    const dueDate = dueByRow.get(index) ?? latestDue;
    if (dueDate === null) {
      report.error(
        at(index, 'dueDate'),
        `Row ${index + 1}, "${label('dueDate')}": no due date, and no other action has one to fall back on.`,
      );
      continue;
    }
    if (dueByRow.get(index) === null && parseTrackerDate(cell(row, 'dueDate')).kind !== 'invalid') {
      const text = cell(row, 'dueDate');
      report.note(
        `due-fallback:${text.toLowerCase()}`,
        at(index, 'dueDate'),
        (list) =>
          `${capitalise(describeRows(list))}, "${label('dueDate')}": ${text === '' ? 'empty' : shown(text)}; the plan's last due date (${latestDue}) is used.`,
      );
    }
    let startDate = dueDate;
    if (columnOf('startDate') === undefined) {
      report.note(
        'no-start-column',
        { row: headerRow },
        () => 'No column gives the start date, so each action is shown as starting on its due date.',
      );
    } else {
      const parsed = parseTrackerDate(cell(row, 'startDate'));
      if (parsed.kind === 'date') {
        // A start given as a month means its first day.
        startDate = parsed.isMonthOnly ? `${parsed.date.slice(0, 7)}-01` : parsed.date;
      } else if (parsed.kind === 'invalid') {
        report.error(
          at(index, 'startDate'),
          `Row ${index + 1}, "${label('startDate')}": ${shown(cell(row, 'startDate'))} is not a date (use dd/mm/yyyy, for example 01/09/2025).`,
        );
      } else {
        report.note(
          'start-fallback',
          at(index, 'startDate'),
          (list) => `${capitalise(describeRows(list))}: no start date in "${label('startDate')}", so the due date is used as the start.`,
        );
      }
    }
    if (startDate > dueDate) {
      report.warning(at(index, 'startDate'), `Row ${index + 1}: the start date ${startDate} is after the due date ${dueDate}.`);
    }
    let revisedDueDate: string | undefined;
    let revisionApprovedBy: string | undefined;
    const revisedText = cell(row, 'revisedDueDate');
    const revised = parseTrackerDate(revisedText);
    if (revised.kind === 'date') {
      revisedDueDate = revised.date;
      revisionApprovedBy = cell(row, 'revisionApprovedBy');
      if (revisionApprovedBy === '') {
        revisionApprovedBy = 'Not recorded in the tracker';
        report.note(
          'revised-no-approver',
          at(index, 'revisedDueDate'),
          (list) =>
            `${capitalise(describeRows(list))}: a revised due date with no record of who approved it; shown as "Not recorded in the tracker".`,
        );
      }
    } else if (revised.kind === 'invalid') {
      report.error(
        at(index, 'revisedDueDate'),
        `Row ${index + 1}, "${label('revisedDueDate')}": ${shown(revisedText)} is not a date (use dd/mm/yyyy, for example 30/06/2026).`,
      );
    }

    // Status and delivery RAG, each standing in for the other where one is missing.
    const statusText = cell(row, 'status');
    const ragText = cell(row, 'deliveryRag');
    let status: ActionStatus | null = statusText === '' ? null : parseStatus(statusText);
    let rag: Rag | null = null;
    if (ragText !== '') {
      const parsed = parseRag(ragText);
      if (parsed === null) {
        report.error(
          at(index, 'deliveryRag'),
          `Row ${index + 1}, "${label('deliveryRag')}": ${shown(ragText)} is not a recognised RAG rating (use Blue, Green, Amber, Red or Grey, or B, G, A, R).`,
        );
      } else {
        rag = parsed.rag;
        if (parsed.isCompound)
          report.warning(
            at(index, 'deliveryRag'),
            `Row ${index + 1}, "${label('deliveryRag')}": ${shown(ragText)} names two ratings; read as the worse, ${rag}.`,
          );
      }
    }
    if (statusText !== '' && status === null) {
      // Some trackers keep the RAG words in the status column.
      const asRag = parseRag(statusText);
      if (asRag !== null && !asRag.isCompound) {
        status = statusFromRag(asRag.rag);
        rag ??= asRag.rag;
      } else {
        report.error(
          at(index, 'status'),
          `Row ${index + 1}, "${label('status')}": ${shown(statusText)} is not a recognised status (use Not started, In progress, Complete, Embedded or Withdrawn).`,
        );
      }
    }
    if (status === null && rag !== null) status = statusFromRag(rag);
    if (rag === null && status !== null) rag = ragFromStatus(status);
    if (status === null && rag === null && statusText === '' && ragText === '') {
      status = 'not-started';
      rag = 'grey';
      report.note(
        'no-status',
        { row: index },
        (list) => `${capitalise(describeRows(list))}: no status or RAG given; read as not started (grey).`,
      );
    }
    if (status !== null && rag === null) {
      rag = 'grey';
      report.note(
        'no-rag',
        at(index, 'deliveryRag'),
        (list) =>
          `${capitalise(describeRows(list))}: ${columnOf('deliveryRag') === undefined ? 'the tracker has no RAG column' : `"${label('deliveryRag')}" is empty`}, so the delivery RAG is shown as grey (not rated).`,
      );
    }

    // Progress update.
    const narrative = cell(row, 'progressUpdate');
    let period = exportMonth;
    const periodText = cell(row, 'updatePeriod');
    if (periodText !== '') {
      const parsed = parsePeriod(periodText);
      if (parsed === null) {
        report.error(
          at(index, 'updatePeriod'),
          `Row ${index + 1}, "${label('updatePeriod')}": ${shown(periodText)} is not a month (use a month and year, for example March 2026).`,
        );
      } else {
        period = parsed;
      }
    }

    // Lists.
    const successCriteria = cellsOf(row, 'successCriteria').flatMap(({ text }) => splitList(text, /\n|;/));
    const partnerOrgIds = [
      ...new Set(
        cellsOf(row, 'partners')
          .flatMap(({ text }) => splitList(text, /[;,\n]|\s\/\s/))
          .map(organisationFor),
      ),
    ];
    const evidenceIds: string[] = [];
    for (const item of cellsOf(row, 'evidence').flatMap(({ text }) => splitList(text, /\n|;/))) {
      const evidenceId = makeId('evidence-', `${ref}-${evidenceIds.length + 1}`, true);
      evidenceIds.push(evidenceId);
      evidence.push({
        id: evidenceId,
        title: item,
        type: guessEvidenceType(item),
        date: findDateIn(item) ?? exportDate,
        marking: 'OFFICIAL',
      });
    }

    const revisionText = cell(row, 'revision');
    if (revisionText !== '') {
      const match = /^(?:v|rev(?:ision)?\.?\s*)?(\d{1,9})$/i.exec(revisionText);
      if (match === null || Number(match[1]) < 1) {
        report.error(
          at(index, 'revision'),
          `Row ${index + 1}, "${label('revision')}": ${shown(revisionText)} is not a revision number (a whole number, 1 or more).`,
        );
      } else {
        revisionValues.push({ value: Number(match[1]), row: index });
      }
    }

    if (status === null || rag === null) continue;
    const lead = cell(row, 'lead');
    const sro = cell(row, 'sro');
    const action: Action = {
      id,
      areaId,
      ref,
      title,
      ...(descriptionParts.length > 0 ? { description: descriptionParts.join('\n\n') } : {}),
      ...(lead !== '' ? { leadId: ownerFor(lead) } : {}),
      ...(sro !== '' ? { sroId: ownerFor(sro) } : {}),
      partnerOrgIds,
      startDate,
      dueDate,
      ...(revisedDueDate !== undefined ? { revisedDueDate, revisionApprovedBy } : {}),
      status,
      deliveryRag: rag,
      successCriteria,
      measureIds: [],
      evidenceIds,
      riskIds: [],
      updates: narrative === '' ? [] : [{ period, narrative, deliveryRag: rag, submittedAt: exportedAt }],
    };
    actions.push(action);
  }

  // Revision: a column wins; otherwise whole minutes since 2020, which grows with every save.
  let revision = Math.floor((modifiedMs - REVISION_EPOCH_MS) / 60_000);
  if (columnOf('revision') !== undefined && revisionValues.length > 0) {
    const values = new Set(revisionValues.map(({ value }) => value));
    revision = Math.max(...values);
    if (values.size > 1) {
      report.warning(
        { row: headerRow, column: columnOf('revision') },
        `"${label('revision')}" holds different revisions (${[...values].sort((a, b) => a - b).join(', ')}); the highest, ${revision}, is used.`,
      );
    }
  } else {
    if (columnOf('revision') !== undefined) {
      report.warning(
        { row: headerRow, column: columnOf('revision') },
        `"${label('revision')}" is empty, so the revision is taken from the file's modified time.`,
      );
    }
    if (revision < 1) {
      report.warning(
        { row: headerRow },
        "The file's modified time is before 2020, so the revision is set to 1; a later export may be refused as older.",
      );
      revision = 1;
    }
  }

  report.flush();
  if (report.errors.length > 0) return failed();
  if (actions.length === 0) {
    report.errors.push({ path: sheetReference(sheet), message: `No actions were found below the headings in row ${headerRow + 1}.` });
    return failed();
  }

  const versionLabel = versionLabelFromFileName(String(meta.fileName ?? ''));
  const value: PlanFile = {
    format: 'oversight-plan',
    formatVersion: 1,
    export: {
      sourceSystem: clean(meta.sourceSystem) || 'Spreadsheet tracker',
      exportedAt,
      revision,
      ...(versionLabel !== undefined ? { versionLabel } : {}),
    },
    plan: { id: mapping.planId, title: mapping.planTitle, kind: mapping.planKind, localArea },
    organisations: [...organisations.values()],
    owners: [...owners.values()],
    areas: planAreas,
    actions,
    milestones: [],
    measures: [],
    evidence,
    risks: [],
  };
  return { ok: true, value, warnings: capped(report.warnings, 'warnings') };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
