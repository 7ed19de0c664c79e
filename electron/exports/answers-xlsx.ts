import ExcelJS from 'exceljs';
import { ANSWER_COLUMNS, ANSWERS_HEADINGS, ANSWERS_MARKER, ANSWERS_SHEET_NAME } from '../../shared/answers/workbook';
import type { QuestionGroup } from '../../shared/exports/tables';
import { CONFIDENTIAL_LINE, dateText } from '../../shared/exports/text';

// The questions-and-answers workbook officers fill in (docs/formats/answers-workbook-v1.md):
// one sheet, one row per question awaiting an answer, every cell locked except the three
// answer cells of each question row, so an officer cannot reword a question or its id by
// accident. The protection has no password: it guards against slips, not against the officer.

const WIDTHS = [38, 32, 20, 18, 60, 40, 60, 24, 14];

/** The workbook as XLSX bytes. Text goes in as text cells, so a question starting with "=" stays text. */
export async function answersXlsx(input: {
  boardName: string;
  scope: string;
  groups: readonly QuestionGroup[];
  isConfidential: boolean;
  now: Date;
}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Oversight';
  workbook.created = input.now;
  const sheet = workbook.addWorksheet(ANSWERS_SHEET_NAME);
  sheet.addRow([ANSWERS_MARKER]).font = { color: { argb: 'FF5F6368' } };
  sheet.addRow([`${input.boardName}: ${input.scope}. Sent ${dateText(input.now.toISOString().slice(0, 10))}.`]).font = { bold: true };
  if (input.isConfidential) sheet.addRow([CONFIDENTIAL_LINE]).font = { bold: true, color: { argb: 'FFB3261E' } };
  sheet.addRow([
    'Write each answer in the Answer column, with who answered (a role, e.g. Head of SEND) and the date. Leave the other columns as they are: answers are matched to questions by their id.',
  ]);
  const headings = sheet.addRow([...ANSWERS_HEADINGS]);
  headings.font = { bold: true };
  const headingRow = headings.number;

  for (const group of input.groups) {
    for (const question of group.questions) {
      const row = sheet.addRow([
        question.id,
        question.targetLabel,
        question.authorName,
        question.askedAt ? dateText(question.askedAt.slice(0, 10)) : '',
        question.text,
        question.followUp ?? '',
        '',
        '',
        null,
      ]);
      for (const column of Object.values(ANSWER_COLUMNS)) row.getCell(column + 1).protection = { locked: false };
      row.getCell(ANSWER_COLUMNS.date + 1).numFmt = 'dd/mm/yyyy';
    }
  }
  WIDTHS.forEach((width, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = width;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  // The lines above the headings run across the empty cells beside them rather than wrapping
  // inside column A, where Excel and LibreOffice would print them on top of each other.
  for (let number = 1; number < headingRow; number++) sheet.getCell(number, 1).alignment = { wrapText: false, vertical: 'top' };
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  sheet.views = [{ state: 'frozen', ySplit: headingRow }];
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
