import type { Area, AreaKind, PlanKind } from '../plan/schema';
import { clean, makeId, parseAreaLabel, shown } from './cells';
import type { Columns, Header } from './columns';
import { normaliseHeading, type TrackerField } from './mapping';
import { capitalise, describeRows, type Reporter } from './tracker-report';

// The steps that read rows into actions and group them into areas: which rows are actions,
// which area each belongs to (an area column, or lone heading rows between blocks), then the
// areas numbered and named as the plan keeps them.

/** The key of the area for actions that no area heading or column claims. */
export const WHOLE_PLAN_KEY = '\u0000whole-plan';

const AREA_KIND_BY_PLAN_KIND: Readonly<Record<PlanKind, AreaKind>> = {
  'written-statement-of-action': 'area-of-weakness',
  'accelerated-progress-plan': 'area-of-weakness',
  'priority-action-plan': 'priority-action',
  'improvement-plan': 'area-for-improvement',
};

/** A row that holds an action: its ref and title cells, and the key of its area. */
export type RowRecord = {
  index: number;
  ref: string;
  title: string;
  areaKey: string;
};

/** An area as the rows name it, before it is numbered. */
export type AreaDraft = {
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

/** The action rows in order and the areas they name. */
export type ReadRows = { records: RowRecord[]; areas: Map<string, AreaDraft>; hasAreaColumn: boolean };

type AreaName = { ref: string | undefined; ownTitle: string | undefined; fallbackTitle: string; row: number; column: number | undefined };

/** Adds an area the first time a row names it (or gives it its own title); returns its key. */
export function registerArea(areas: Map<string, AreaDraft>, name: AreaName, isSection: boolean, report: Reporter): string {
  const { ref, ownTitle, fallbackTitle, row: rowIndex, column } = name;
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
}

/** Reads the rows below the headings: which are actions, which start an area, which are skipped (and why). */
export function readRows(rows: readonly (readonly string[])[], header: Header, columns: Columns, report: Reporter): ReadRows {
  const { columnOf, cell, heading, label, at, fieldsByColumn } = columns;
  const { headings, row: headerRow } = header;
  const hasAreaColumn = columnOf('areaRef') !== undefined || columnOf('areaTitle') !== undefined;
  const areas = new Map<string, AreaDraft>();
  const records: RowRecord[] = [];
  let currentAreaKey = WHOLE_PLAN_KEY;
  const headerNormal = headings.map(normaliseHeading).join('|');
  const headerFirst = normaliseHeading(headings[0] ?? '');
  // "Priority No." → "Priority", so an area numbered 2 is called "Priority 2" until a row names it.
  const areaWord = (field: TrackerField): string =>
    label(field)
      .replace(/[\s.:]*\b(ref|reference|no|number|id)\b[\s.:]*$/i, '')
      .trim();

  for (let index = headerRow + 1; index < rows.length; index++) {
    const candidate = rows[index];
    const row: readonly string[] = Array.isArray(candidate) ? candidate : [];
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
        const fallbackTitle = ref !== undefined ? `${areaWord(field)} ${ref}`.trim() : titleText;
        const name = { ref, ownTitle: titleLabel?.title, fallbackTitle, row: index, column: columnOf(field) };
        currentAreaKey = registerArea(areas, name, false, report);
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
        const name = { ref: parsed.ref, ownTitle: parsed.title, fallbackTitle: only, row: index, column: filled[0] };
        currentAreaKey = registerArea(areas, name, true, report);
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
  return { records, areas, hasAreaColumn };
}

/**
 * Turns the drafts into the plan's areas: actions no area claims go to "Whole plan" (or "Not
 * assigned to an area"), headings with no action under them are dropped, numbered areas keep
 * their number and the others take the next free numbers in order.
 */
export function groupAreas(
  { records, areas, hasAreaColumn }: ReadRows,
  headerRow: number,
  planKind: PlanKind,
  report: Reporter,
): { planAreas: Area[]; areaIdByKey: Map<string, string> } {
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
  const areaKind = AREA_KIND_BY_PLAN_KIND[planKind];
  const areaIdByKey = new Map<string, string>();
  const planAreas: Area[] = [];
  for (const area of areas.values()) {
    const ref = area.ref ?? '0';
    const id = area.key === WHOLE_PLAN_KEY ? 'area-whole-plan' : makeId('area-', ref, true);
    areaIdByKey.set(area.key, id);
    planAreas.push({ id, ref, title: area.title, kind: areaKind });
  }
  return { planAreas, areaIdByKey };
}

/**
 * Whether action numbers restart in each area ("1, 2, 3" under each priority), which makes
 * bare refs repeat across areas; then each ref is prefixed with its area's number ("2.3") to
 * keep them unique and stable between exports, and a warning says so.
 */
export function hasPerAreaNumbering(records: readonly RowRecord[], columns: Columns, report: Reporter): boolean {
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
      { row: columns.headerRow, column: columns.columnOf('ref') },
      `Action numbers in "${columns.label('ref')}" restart in each area, so each action's ref is prefixed with its area's number (e.g. "2.3").`,
    );
  }
  return isPerAreaNumbering;
}
