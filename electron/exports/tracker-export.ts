import ExcelJS from 'exceljs';
import { toCsv } from '../../shared/exports/csv';
import type { MeetingBundle } from '../../shared/exports/schema';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';
import { actionIdsByRow, ADDED_HEADINGS, trackerUpdates, type TrackerUpdate } from '../../shared/exports/tracker-updates';
import { fail, ok, type Result } from '../../shared/result';
import { trackerRowsToPlan } from '../../shared/tracker/to-plan';
import { readTrackerRows } from '../sync/tracker-read';
import type { TrackerCopy } from './tracker-copies';

// The tracker round trip: a copy of the council's own spreadsheet, exactly as imported, with the
// board's updates in added columns to the right of its last column. Every original column, row,
// value, formula and format is left as it was (exceljs rewrites the workbook from its model).

function cellsOf(update: TrackerUpdate | undefined): string[] {
  return update ? [update.assurance, update.comments, update.meeting, update.actionsArising] : ['', '', '', ''];
}

/** The tracker copy with the meeting's updates added, as bytes in the original's format. */
export async function trackerWithUpdates(
  copy: TrackerCopy,
  bundle: MeetingBundle,
  options: { planId: string; includeExempt: boolean },
): Promise<Result<{ data: Uint8Array | string; updatedRows: number }>> {
  const { meta } = copy;
  const sheet = await readTrackerRows(copy.bytes, meta.fileName);
  if (!sheet.ok) return fail('tracker-unreadable', `The kept copy of ${meta.fileName} can no longer be read: import the tracker again.`);
  const plan = trackerRowsToPlan(sheet.rows, meta.mapping, {
    fileName: meta.fileName,
    modifiedAt: new Date(0).toISOString(),
    sourceSystem: 'tracker',
    sheet: sheet.sheet,
  });
  if (!plan.ok)
    return fail('tracker-unreadable', `The kept copy of ${meta.fileName} no longer converts to a plan: import the tracker again.`);
  const updates = trackerUpdates(bundle, options.planId, options.includeExempt);
  const rowIds = actionIdsByRow(sheet.rows, meta.mapping, plan.value.actions);
  const headerRow = meta.mapping.headerRow;
  const updatedRows = rowIds.filter((id) => id !== undefined && updates.has(id)).length;
  const isConfidential = options.includeExempt;

  if (meta.extension === '.csv') {
    const width = Math.max(...sheet.rows.map((row) => row.length));
    const padded = sheet.rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => '')]);
    const rows = padded.map((row, index) => {
      if (index < headerRow) return row;
      if (index === headerRow) return [...row, ...ADDED_HEADINGS];
      const id = rowIds[index];
      return [...row, ...cellsOf(id === undefined ? undefined : updates.get(id))];
    });
    return ok({ data: toCsv(isConfidential ? [[CONFIDENTIAL_LINE], ...rows] : rows), updatedRows });
  }

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(copy.bytes).buffer);
  const worksheet = workbook.getWorksheet(sheet.sheet);
  if (!worksheet) return fail('tracker-unreadable', `The sheet ${sheet.sheet} is missing from the kept copy of ${meta.fileName}.`);
  const firstAdded = Math.max(worksheet.columnCount, ...sheet.rows.map((row) => row.length)) + 1;
  const headings = worksheet.getRow(headerRow + 1);
  ADDED_HEADINGS.forEach((text, offset) => {
    const cell = headings.getCell(firstAdded + offset);
    cell.value = text;
    cell.font = { bold: true };
  });
  rowIds.forEach((id, index) => {
    const update = id === undefined ? undefined : updates.get(id);
    if (!update) return;
    const row = worksheet.getRow(index + 1);
    cellsOf(update).forEach((text, offset) => {
      const cell = row.getCell(firstAdded + offset);
      // Plain text cells: never a formula, whatever the text starts with.
      cell.value = text;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ADDED_HEADINGS.forEach((_text, offset) => {
    worksheet.getColumn(firstAdded + offset).width = offset === 1 || offset === 3 ? 48 : 20;
  });
  if (isConfidential) {
    // Inserting a row would shift the council's rows and break their formulas: the marking goes
    // above the added headings when there is room, else into the first added heading, and into
    // the printed header of every page.
    if (headerRow > 0) worksheet.getRow(1).getCell(firstAdded).value = CONFIDENTIAL_LINE;
    else headings.getCell(firstAdded).value = `${ADDED_HEADINGS[0]} (${CONFIDENTIAL_LINE})`;
    worksheet.headerFooter.oddHeader = '&C&"Arial,Bold"CONFIDENTIAL: contains exempt items';
  }
  return ok({ data: new Uint8Array(await workbook.xlsx.writeBuffer()), updatedRows });
}
