import ExcelJS from 'exceljs';
import type { Table } from '../../shared/exports/tables';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';

// A table as an Excel workbook: a bold, frozen heading row with a filter, sensible widths, and
// CONFIDENTIAL as the first row when exempt items are in it. Text is written as text cells
// (never as formulas), so a cell that starts with "=" stays text.

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
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
  table.widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
    sheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: headingRow }];
  sheet.autoFilter = { from: { row: headingRow, column: 1 }, to: { row: headingRow, column: table.headings.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
