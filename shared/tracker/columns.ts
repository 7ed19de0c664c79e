import { clean } from './cells';
import {
  MULTI_COLUMN_FIELDS,
  TRACKER_FIELD_LABELS,
  columnKeys,
  columnLetter,
  headingSignature,
  normaliseHeading,
  type TrackerField,
  type TrackerMapping,
} from './mapping';
import { sheetReference, type Location, type Reporter } from './tracker-report';

// The first two steps of reading a tracker: find the heading row the mapping names, then map
// its columns to plan fields. Everything after reads cells through the Columns they make.

/** The heading row as the sheet has it, and the field each column is mapped to. */
export type Header = { row: number; headings: string[]; keys: string[]; fieldsByColumn: TrackerField[] };

/** Reads cells by plan field, and names them in messages by the sheet's own headings. */
export type Columns = {
  headerRow: number;
  fieldsByColumn: readonly TrackerField[];
  columnOf(field: TrackerField): number | undefined;
  heading(column: number): string;
  label(field: TrackerField): string;
  cell(row: readonly string[], field: TrackerField): string;
  cellsOf(row: readonly string[], field: TrackerField): Array<{ text: string; column: number }>;
  at(row: number, field: TrackerField): Location;
};

/** Finds the heading row the mapping names; warns where its headings differ from the mapping's. Undefined (with an error) when the sheet is shorter. */
export function readHeader(rows: readonly (readonly string[])[], mapping: TrackerMapping, report: Reporter): Header | undefined {
  const headerRow = mapping.headerRow;
  const headerCells = rows[headerRow];
  if (!Array.isArray(headerCells)) {
    report.errors.push({
      path: sheetReference(report.sheet),
      message: `The mapping expects headings in row ${headerRow + 1}, but the sheet has only ${rows.length} row${rows.length === 1 ? '' : 's'}.`,
    });
    return undefined;
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
  return { row: headerRow, headings, keys, fieldsByColumn };
}

/** Maps the header's columns to fields; errors for a single-valued field mapped twice and for a title, due date or status/RAG not mapped at all. */
export function mapColumns(header: Header, report: Reporter): Columns {
  const { row: headerRow, keys, fieldsByColumn } = header;
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

  return {
    headerRow,
    fieldsByColumn,
    columnOf,
    heading,
    label: (field) => {
      const column = columnOf(field);
      return column === undefined ? TRACKER_FIELD_LABELS[field] : heading(column);
    },
    cell: (row, field) => {
      const column = columnOf(field);
      return column === undefined ? '' : clean(row[column]);
    },
    cellsOf: (row, field) =>
      (columnsOf.get(field) ?? []).map((column) => ({ text: clean(row[column]), column })).filter(({ text }) => text !== ''),
    at: (row, field) => ({ row, column: columnOf(field) }),
  };
}
