import ExcelJS from 'exceljs';
import type { Table } from '../../shared/exports/tables';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';

// A table as an Excel workbook: a bold, frozen heading row with a filter, sensible widths, and
// CONFIDENTIAL as the first row when exempt items are in it. Text is written as text cells
// (never as formulas), so a cell that starts with "=" stays text. Dates are real dates (so they
// sort and filter as dates) shown dd/mm/yyyy; the sheet prints landscape, one page wide, with
// the heading row repeated on every page, as a clerk would set it up.

/** A YYYY-MM-DD text as a date cell (midnight UTC, which Excel reads as that day), or the text unchanged. */
function dateCell(cell: string | number | null): Date | string | number | null {
  if (typeof cell !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
  const date = new Date(`${cell}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? cell : date;
}

/** The table as XLSX bytes. */
export async function tableXlsx(table: Table, options: { isConfidential: boolean }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Oversight';
  const sheet = workbook.addWorksheet(table.sheetName);
  let headingRow = 1;
  if (options.isConfidential) {
    sheet.addRow([CONFIDENTIAL_LINE]).font = { bold: true, color: { argb: 'FFB3261E' } };
    headingRow = 2;
  }
  const headings = sheet.addRow(table.headings);
  headings.font = { bold: true };
  const dates = new Set(table.dateColumns ?? []);
  for (const row of table.rows) sheet.addRow(row.map((cell, index) => (dates.has(index) ? dateCell(cell) : cell) ?? ''));
  table.widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
    sheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' };
    if (dates.has(index)) sheet.getColumn(index + 1).numFmt = 'dd/mm/yyyy';
  });
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    printTitlesRow: `${headingRow}:${headingRow}`,
  };
  sheet.views = [{ state: 'frozen', ySplit: headingRow }];
  sheet.autoFilter = { from: { row: headingRow, column: 1 }, to: { row: headingRow, column: table.headings.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
