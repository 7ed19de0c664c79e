import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { columnLetter, countKnownHeadings } from '../../shared/tracker/mapping';
import type { Problem } from '../../shared/tracker/problem';
import {
  DEFAULT_ZIP_LIMITS,
  entryDataOffset,
  formatSize,
  hasCompoundFileSignature,
  readZipDirectory,
  type ZipEntry,
} from '../../shared/files/zip-directory';

// Reads a tracker's bytes (CSV or XLSX) into a grid of cell texts for shared/tracker/to-plan.
// Everything here treats the file as hostile: sizes are checked before anything is inflated
// or parsed, formulas are never read (only the value Excel saved with them), and every
// failure comes back as a located problem instead of an exception.

/** Limits on what a tracker may hold. */
export type TrackerReadOptions = {
  /** Rows down to the last one with data (default 10,000). */
  maxRows?: number;
  /** Cells in all, counting each row up to its last filled cell (default 500,000). */
  maxCells?: number;
  /** Bytes the file may hold, or expand to once unzipped (default 100 MB). */
  maxUncompressedBytes?: number;
  /** Bytes one worksheet or the shared strings may expand to (default 32 MB). */
  maxSheetPartBytes?: number;
  /** Bytes all worksheets together may expand to (default 48 MB); exceljs reads every sheet. */
  maxAllSheetsBytes?: number;
};

/** How a CSV's bytes were decoded. */
export type TrackerEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A tracker's first (or best-matching) sheet as text cells, or located problems. `rows[0]` is the sheet's row 1. */
export type TrackerReadResult =
  { ok: true; sheet: string; rows: string[][]; warnings: Problem[]; encoding?: TrackerEncoding } | { ok: false; errors: Problem[] };

const DEFAULT_MAX_ROWS = 10_000;
const DEFAULT_MAX_CELLS = 500_000;
// Excel itself cannot hold more in one cell; a longer CSV field is not a tracker's.
const MAX_CELL_LENGTH = 32_767;

// What a tracker's largest parts can be: 500,000 cells of sheet XML is about 25 MB. Checked on
// the zip directory's sizes (themselves checked against the inflated data) before exceljs reads
// anything, because exceljs holds every sheet's XML and its model in memory at once: 90 MB of
// sheet XML took 33 s and 1.3 GB before it was refused by the cell count.
const DEFAULT_MAX_SHEET_PART_BYTES = 32 * 1024 * 1024;
const DEFAULT_MAX_ALL_SHEETS_BYTES = 48 * 1024 * 1024;
const DEFAULT_MAX_OTHER_PART_BYTES = 16 * 1024 * 1024;

type Limits = { maxRows: number; maxCells: number; maxUncompressedBytes: number; maxSheetPartBytes: number; maxAllSheetsBytes: number };

function limitsFrom(options: TrackerReadOptions | undefined): Limits {
  const positive = (value: number | undefined, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
  return {
    maxRows: positive(options?.maxRows, DEFAULT_MAX_ROWS),
    maxCells: positive(options?.maxCells, DEFAULT_MAX_CELLS),
    maxUncompressedBytes: positive(options?.maxUncompressedBytes, DEFAULT_ZIP_LIMITS.maxUncompressedBytes),
    maxSheetPartBytes: positive(options?.maxSheetPartBytes, DEFAULT_MAX_SHEET_PART_BYTES),
    maxAllSheetsBytes: positive(options?.maxAllSheetsBytes, DEFAULT_MAX_ALL_SHEETS_BYTES),
  };
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

function fail(path: string, message: string): TrackerReadResult {
  return { ok: false, errors: [{ path, message }] };
}

function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Reads a tracker's bytes: a CSV (UTF-8 with or without BOM, UTF-16 with BOM, else
 * Windows-1252) or an .xlsx workbook (its first sheet, or the one whose headings match best).
 * Never throws.
 */
export async function readTrackerRows(bytes: Uint8Array, fileName: string, options?: TrackerReadOptions): Promise<TrackerReadResult> {
  const name = baseName(String(fileName));
  try {
    const limits = limitsFrom(options);
    if (!(bytes instanceof Uint8Array)) return fail(name, 'The file could not be read (no content was given).');
    if (bytes.length > limits.maxUncompressedBytes) {
      return fail(
        name,
        `The file is ${formatSize(bytes.length)}, more than the ${formatSize(limits.maxUncompressedBytes)} a tracker may be.`,
      );
    }
    const extension = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
    if (extension === 'xls') {
      return fail(
        name,
        'This is an old Excel 97–2003 (.xls) workbook, which cannot be read. Open it in Excel and save it as "Excel Workbook (.xlsx)" or as CSV.',
      );
    }
    if (extension === 'xlsx' || extension === 'xlsm') return await readXlsx(bytes, name, limits);
    if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return readCsv(bytes, name, limits);
    return fail(name, `${name} is not a tracker Oversight can read: save it as .xlsx or .csv.`);
  } catch (error) {
    // A library failing on a hostile file must end as a message, never as a crash of main.
    const detail = error instanceof Error ? error.message : String(error);
    return fail(name, `The tracker could not be read (${detail.slice(0, 200)}).`);
  }
}

// Windows-1252's 0x80–0x9F block. Node's own 'windows-1252' decoder (before v23) decodes
// these as Latin-1 control codes, which would turn "£5 – “quoted”" into invisible characters.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes (what Excel's "CSV" writes on a UK Windows PC). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** CSV bytes as text, and the encoding found: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TrackerEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      // A BOM followed by invalid UTF-8: the BOM was pasted onto a Windows-1252 file.
      return { text: decodeWindows1252(bytes.subarray(3)), encoding: 'windows-1252' };
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  const end = Math.min(Math.max(index, 0), text.length);
  for (let position = 0; position < end; position++) if (text.charCodeAt(position) === 10) line++;
  return line;
}

function readCsv(bytes: Uint8Array, name: string, limits: Limits): TrackerReadResult {
  const sheet = name.replace(/\.[^.]+$/, '').slice(0, 31) || 'Sheet1';
  const where = sheetReference(sheet);
  // Text files hold no NUL bytes: a spreadsheet or image renamed .csv does.
  if (bytes.subarray(0, 8192).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b)
      return fail(name, 'This file is named .csv but is an Excel workbook (or another zip file); rename it .xlsx.');
    return fail(name, 'This file is named .csv but is not text; it may be a spreadsheet saved in another format.');
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.trim() === '') return fail(name, 'The CSV file is empty.');

  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    // One row over the limit is enough to know the file is too long.
    preview: limits.maxRows + 1,
  });
  const rows = parsed.data.filter((row): row is string[] => Array.isArray(row)).map((row) => row.map((cell) => String(cell ?? '')));

  const errors: Problem[] = [];
  for (const problem of parsed.errors) {
    if (problem.type !== 'Quotes') continue;
    const rowIndex = typeof problem.row === 'number' ? problem.row : rows.length - 1;
    const row = rows[rowIndex] ?? [];
    const column = Math.max(row.length - 1, 0);
    const line = typeof problem.index === 'number' ? lineAt(text, problem.index) : undefined;
    const message =
      problem.code === 'MissingQuotes'
        ? `Row ${rowIndex + 1}, column ${columnLetter(column)}: a quoted cell is never closed, so the file may be cut short or damaged${line === undefined ? '' : ` (the quote opens on line ${line})`}. Export the tracker again.`
        : `Row ${rowIndex + 1}, column ${columnLetter(column)}: a quote mark is out of place (a quoted cell must end with " before the next comma)${line === undefined ? '' : ` on line ${line}`}.`;
    errors.push({
      path: `${where}!${columnLetter(column)}${rowIndex + 1}`,
      message,
      ...(line === undefined ? {} : { line }),
      column: column + 1,
    });
    if (errors.length >= 20) break;
  }
  if (errors.length > 0) return { ok: false, errors };

  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell.trim() === '')) rows.pop();
  if (rows.length === 0) return fail(name, 'The CSV file has no rows.');
  if (rows.length > limits.maxRows) {
    return fail(where, `The CSV file has more than ${limits.maxRows.toLocaleString('en-GB')} rows, more than a tracker may hold.`);
  }
  return checkGrid(rows, sheet, limits, encoding, []);
}

// Trailing empty cells are dropped, then the grid's size and each cell's length are checked.
function checkGrid(
  rows: string[][],
  sheet: string,
  limits: Limits,
  encoding: TrackerEncoding | undefined,
  warnings: Problem[],
): TrackerReadResult {
  const where = sheetReference(sheet);
  let cells = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? [];
    while (row.length > 0 && (row[row.length - 1] ?? '').trim() === '') row.pop();
    cells += row.length;
    if (cells > limits.maxCells) {
      return fail(
        where,
        `The sheet has more than ${limits.maxCells.toLocaleString('en-GB')} cells (reached at row ${index + 1}), more than a tracker may hold.`,
      );
    }
    const longColumn = row.findIndex((cell) => cell.length > MAX_CELL_LENGTH);
    if (longColumn >= 0) {
      return {
        ok: false,
        errors: [
          {
            path: `${where}!${columnLetter(longColumn)}${index + 1}`,
            message: `Row ${index + 1}, column ${columnLetter(longColumn)}: the cell holds ${(row[longColumn] ?? '').length.toLocaleString('en-GB')} characters, more than a spreadsheet cell can (${MAX_CELL_LENGTH.toLocaleString('en-GB')}).`,
            line: index + 1,
            column: longColumn + 1,
          },
        ],
      };
    }
  }
  return encoding === undefined ? { ok: true, sheet, rows, warnings } : { ok: true, sheet, rows, warnings, encoding };
}

async function readXlsx(bytes: Uint8Array, name: string, limits: Limits): Promise<TrackerReadResult> {
  if (hasCompoundFileSignature(bytes)) {
    return fail(
      name,
      'This workbook is password-protected or in the old Excel 97–2003 format. Remove the password (File › Info › Protect Workbook) and save it as "Excel Workbook (.xlsx)".',
    );
  }
  const directory = readZipDirectory(bytes, name, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: limits.maxUncompressedBytes });
  if (!directory.ok) return { ok: false, errors: directory.errors };
  const names = new Set(directory.entries.map((entry) => entry.name.replace(/^\/+/, '').toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    return fail(
      name,
      'This is not an Excel .xlsx workbook (it is a zip file of another kind, perhaps an OpenDocument or Word file). Save the tracker as "Excel Workbook (.xlsx)" or as CSV.',
    );
  }
  // Declared sizes first (nothing inflated), then each declaration checked against the data.
  const oversized = checkPartSizes(directory.entries, name, limits);
  if (oversized !== null) return oversized;
  const inflated = checkInflatedSizes(bytes, directory.entries, name);
  if (inflated !== null) return inflated;

  const workbook = new ExcelJS.Workbook();
  try {
    // Validation lists and conditional formats are large in trackers and never needed here.
    // exceljs types its input as an ArrayBuffer; a copy of exactly the file's bytes is one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(name, `The workbook could not be read; it may be damaged or not saved by Excel (${detail.slice(0, 200)}).`);
  }

  const sheets = workbook.worksheets;
  if (sheets.length === 0) return fail(name, 'The workbook has no worksheets.');
  const visible = sheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
  const candidates = visible.length > 0 ? visible : sheets;
  let chosen = candidates[0];
  let bestScore = -1;
  for (const sheet of candidates) {
    const score = headingScore(sheet);
    if (score > bestScore) {
      bestScore = score;
      chosen = sheet;
    }
  }
  if (chosen === undefined) return fail(name, 'The workbook has no worksheets.');
  const warnings: Problem[] = [];
  if (chosen !== candidates[0]) {
    warnings.push({
      path: sheetReference(chosen.name),
      message: `The sheet "${chosen.name}" was read because its headings match a tracker best; the other sheets are not imported.`,
    });
  }
  const grid = sheetRows(chosen, limits, warnings);
  if (!grid.ok) return grid;
  if (grid.rows.length === 0) return fail(sheetReference(chosen.name), `The sheet "${chosen.name}" is empty.`);
  return checkGrid(grid.rows, chosen.name, limits, undefined, warnings);
}

// The central directory's sizes are only claims. Each entry is inflated here with a hard
// ceiling at its declared size, so an entry that lies about its size is refused before
// exceljs (which trusts the claim) inflates it without limit.
function checkInflatedSizes(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): TrackerReadResult | null {
  for (const entry of entries) {
    const start = entryDataOffset(bytes, entry);
    const shown = JSON.stringify(entry.name);
    if (start < 0) return fail(name, `The workbook is damaged: the file ${shown} inside it is cut short.`);
    if (entry.method === 0 || entry.name.endsWith('/')) continue;
    try {
      const output = inflateRawSync(bytes.subarray(start, start + entry.compressedSize), {
        maxOutputLength: Math.max(entry.uncompressedSize, 1),
      });
      if (output.length !== entry.uncompressedSize) {
        return fail(name, `The workbook is damaged: the file ${shown} inside it is not the size its zip directory says.`);
      }
    } catch (error) {
      const isTooLarge =
        error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE');
      return fail(
        name,
        isTooLarge
          ? `The workbook's file ${shown} expands to more than the ${formatSize(entry.uncompressedSize)} its zip directory declares. That is how "zip bombs" are built, so it was refused.`
          : `The workbook is damaged: the file ${shown} inside it cannot be decompressed.`,
      );
    }
  }
  return null;
}

// Each part is capped before exceljs reads it: worksheets and shared strings by what a tracker
// can hold, everything else (styles, drawings, embedded files) more tightly.
function checkPartSizes(entries: readonly ZipEntry[], name: string, limits: Limits): TrackerReadResult | null {
  let allSheets = 0;
  for (const entry of entries) {
    const part = entry.name.replace(/^\/+/, '').toLowerCase();
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part);
    const isBig = isSheet || part === 'xl/sharedstrings.xml';
    const cap = isBig ? limits.maxSheetPartBytes : Math.min(DEFAULT_MAX_OTHER_PART_BYTES, limits.maxSheetPartBytes);
    if (entry.uncompressedSize > cap) {
      return fail(
        name,
        `The workbook's part ${JSON.stringify(entry.name)} expands to ${formatSize(entry.uncompressedSize)}, more than the ${formatSize(cap)} a tracker's ${isBig ? 'sheet' : 'part'} may be. Save only the tracker's sheet in a new workbook, or as CSV.`,
      );
    }
    if (isSheet) allSheets += entry.uncompressedSize;
  }
  if (allSheets > limits.maxAllSheetsBytes) {
    return fail(
      name,
      `The workbook's sheets expand to ${formatSize(allSheets)} in all, more than the ${formatSize(limits.maxAllSheetsBytes)} a tracker may be. Save only the tracker's sheet in a new workbook, or as CSV.`,
    );
  }
  return null;
}

function headingScore(sheet: ExcelJS.Worksheet): number {
  let best = 0;
  const last = Math.min(sheet.rowCount, 20);
  for (let rowNumber = 1; rowNumber <= last; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.push(cellText(cell.value, () => undefined));
    });
    best = Math.max(best, countKnownHeadings(cells));
  }
  return best;
}

function sheetRows(
  sheet: ExcelJS.Worksheet,
  limits: Limits,
  warnings: Problem[],
): { ok: true; rows: string[][] } | { ok: false; errors: Problem[] } {
  const where = sheetReference(sheet.name);
  const rows: string[][] = [];
  let cells = 0;
  let lastFilled = 0;
  let missingResults = 0;
  let firstMissing = '';
  let failure: Problem | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (failure !== null) return;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const text = cellText(cell.value, () => {
        missingResults++;
        if (firstMissing === '') firstMissing = `${columnLetter(columnNumber - 1)}${rowNumber}`;
      });
      if (text === '') return;
      while (texts.length < columnNumber - 1) texts.push('');
      texts[columnNumber - 1] = text;
    });
    if (texts.length === 0) return;
    if (rowNumber > limits.maxRows) {
      failure = {
        path: `${where}!${rowNumber}:${rowNumber}`,
        message: `The sheet "${sheet.name}" has data down to row ${rowNumber.toLocaleString('en-GB')}, more than the ${limits.maxRows.toLocaleString('en-GB')} rows a tracker may hold.`,
        line: rowNumber,
      };
      return;
    }
    cells += texts.length;
    if (cells > limits.maxCells) {
      failure = {
        path: `${where}!${rowNumber}:${rowNumber}`,
        message: `The sheet "${sheet.name}" has more than ${limits.maxCells.toLocaleString('en-GB')} cells (reached at row ${rowNumber}), more than a tracker may hold.`,
        line: rowNumber,
      };
      return;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = texts;
    lastFilled = rowNumber;
  });
  if (failure !== null) return { ok: false, errors: [failure] };
  rows.length = lastFilled;
  if (missingResults > 0) {
    warnings.push({
      path: `${where}!${firstMissing}`,
      message: `${missingResults} formula cell${missingResults === 1 ? ' has' : 's have'} no saved value (the first is ${firstMissing}) and ${missingResults === 1 ? 'is' : 'are'} read as empty. Formulas are never worked out here: open the workbook in Excel and save it so the values are stored.`,
    });
  }
  return { ok: true, rows };
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell's value as text: a formula's saved result (never the formula), rich text and links as their text, dates as YYYY-MM-DD. */
export function cellText(value: unknown, onMissingResult: () => void): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return '';
  if ('formula' in value || 'sharedFormula' in value) {
    // Only the result Excel saved is read; the formula text is data we never look at.
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null) {
      onMissingResult();
      return '';
    }
    return cellText(result, onMissingResult);
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run ? String(run.text ?? '') : ''))
      .join('');
  }
  if ('hyperlink' in value || 'text' in value) return 'text' in value ? cellText(value.text, onMissingResult) : '';
  if ('error' in value) return typeof value.error === 'string' ? value.error : '';
  return '';
}
