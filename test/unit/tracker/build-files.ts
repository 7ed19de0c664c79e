import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

// Tracker files are built inside the tests (no checked-in binaries): workbooks with exceljs,
// CSV as strings encoded by hand, and crafted zips byte by byte.

/** A cell as exceljs takes it: text, number, date, or a formula/rich-text object. */
export type SheetCell = ExcelJS.CellValue;

/** An .xlsx workbook with one sheet per entry, each a list of rows. */
export async function buildXlsx(
  sheets: Array<{ name: string; rows: SheetCell[][]; state?: 'visible' | 'hidden'; merges?: string[] }>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows, state, merges } of sheets) {
    const sheet = workbook.addWorksheet(name, state === undefined ? {} : { state });
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null && value !== undefined && value !== '') sheet.getCell(index + 1, column + 1).value = value;
      });
    });
    for (const range of merges ?? []) sheet.mergeCells(range);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** Rows as CSV text with quotes where a cell needs them (commas, quotes, line breaks). */
export function toCsv(rows: string[][], lineBreak = '\r\n'): string {
  return rows
    .map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))
    .join(lineBreak)
    .concat(lineBreak);
}

const WINDOWS_1252_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Text as Windows-1252 bytes, the way Excel's "CSV" is saved on a UK Windows PC. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const extra = WINDOWS_1252_EXTRA[character];
    if (extra !== undefined) bytes.push(extra);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`${character} has no Windows-1252 byte`);
  }
  return Uint8Array.from(bytes);
}

/** Text as UTF-8 bytes, optionally with the byte-order mark Excel's "CSV UTF-8" adds. */
export function encodeUtf8(text: string, hasBom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!hasBom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One entry of a hand-built zip; the declared sizes can lie, as a crafted file's do. */
export type ZipEntrySpec = {
  name: string;
  data: Uint8Array;
  isDeflated?: boolean;
  declaredUncompressedSize?: number;
  declaredCompressedSize?: number;
};

/** A zip archive built byte by byte, so tests can craft what no zip library would write. */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const payload = entry.isDeflated ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    const compressedSize = entry.declaredCompressedSize ?? payload.length;
    const uncompressedSize = entry.declaredUncompressedSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const method = entry.isDeflated ? 8 : 0;

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, compressedSize, true);
    local.setUint32(22, uncompressedSize, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, payload);

    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, compressedSize, true);
    central.setUint32(24, uncompressedSize, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + payload.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...directory, new Uint8Array(end.buffer)];
  const bytes = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The minimal parts that make a zip look like an .xlsx to a quick check. */
export function workbookParts(): ZipEntrySpec[] {
  const text = (value: string) => new TextEncoder().encode(value);
  return [
    {
      name: '[Content_Types].xml',
      data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    {
      name: 'xl/workbook.xml',
      data: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    },
  ];
}
