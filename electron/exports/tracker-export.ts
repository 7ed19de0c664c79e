import ExcelJS from 'exceljs';
import { isFormulaLike, toCsv, type CsvCell } from '../../shared/exports/csv';
import type { MeetingBundle } from '../../shared/exports/schema';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';
import { formulaHazard, type AddedColumns } from '../../shared/exports/tracker-formulas';
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
): Promise<Result<{ data: Uint8Array | string; updatedRows: number; leftOut: Array<{ address: string; reason: string }> }>> {
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
    const added = { first: width + 1, last: width + ADDED_HEADINGS.length };
    const leftOut: Array<{ address: string; reason: string }> = [];
    // The council's cells are copied verbatim (their "-5" stays a number), except a formula that
    // must not travel, which is left out; only the board's added cells are neutralised.
    const council = (text: string, row: number, column: number): CsvCell => {
      if (isFormulaLike(text)) {
        const reason = formulaHazard(text, { sheet: sheet.sheet, trackerSheet: sheet.sheet, added });
        if (reason) {
          leftOut.push({ address: `${columnLetters(column + 1)}${row + 1}`, reason });
          return '';
        }
      }
      return { verbatim: text };
    };
    const padded = sheet.rows.map((row, rowIndex) =>
      [...row, ...Array.from({ length: width - row.length }, () => '')].map((text, column) => council(text, rowIndex, column)),
    );
    const rows: CsvCell[][] = padded.map((row, index) => {
      if (index < headerRow) return row;
      if (index === headerRow) return [...row, ...ADDED_HEADINGS];
      const id = rowIds[index];
      return [...row, ...cellsOf(id === undefined ? undefined : updates.get(id))];
    });
    return ok({ data: toCsv(isConfidential ? [[CONFIDENTIAL_LINE], ...rows] : rows), updatedRows, leftOut });
  }

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(copy.bytes).buffer);
  const worksheet = workbook.getWorksheet(sheet.sheet);
  if (!worksheet) return fail('tracker-unreadable', `The sheet ${sheet.sheet} is missing from the kept copy of ${meta.fileName}.`);
  const firstAdded = Math.max(worksheet.columnCount, ...sheet.rows.map((row) => row.length)) + 1;
  const leftOut = leaveOutHazardousFormulas(workbook, sheet.sheet, { first: firstAdded, last: firstAdded + ADDED_HEADINGS.length - 1 });
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
  return ok({ data: new Uint8Array(await workbook.xlsx.writeBuffer()), updatedRows, leftOut });
}

function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/**
 * Replaces each council formula that must not travel (shared/exports/tracker-formulas.ts) with
 * its last calculated value, on every sheet, and says where. Shared formulas on a sheet with
 * such a cell are first written out in full, so none depends on a master cell that was replaced.
 */
function leaveOutHazardousFormulas(
  workbook: ExcelJS.Workbook,
  trackerSheet: string,
  added: AddedColumns,
): Array<{ address: string; reason: string }> {
  const leftOut: Array<{ address: string; reason: string }> = [];
  workbook.eachSheet((worksheet) => {
    const formulas: Array<{ cell: ExcelJS.Cell; formula: string; result: unknown; reason: string | undefined }> = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula ?? '';
        formulas.push({
          cell,
          formula,
          result: cell.result,
          reason: formulaHazard(formula, { sheet: worksheet.name, trackerSheet, added }),
        });
      });
    });
    if (!formulas.some((entry) => entry.reason)) return;
    for (const entry of formulas) {
      if (entry.reason) {
        const result = entry.result;
        entry.cell.value =
          typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' || result instanceof Date ? result : null;
        leftOut.push({ address: `${worksheet.name}!${entry.cell.address}`, reason: entry.reason });
      } else if (entry.cell.formulaType === ExcelJS.FormulaType.Shared) {
        entry.cell.value = { formula: entry.formula, result: entry.result } as ExcelJS.CellFormulaValue;
      }
    }
  });
  return leftOut;
}
