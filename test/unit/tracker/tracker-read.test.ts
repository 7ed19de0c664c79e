import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeWindows1252, readTrackerRows, type TrackerReadResult } from '../../../electron/sync/tracker-read';
import { validatePlanValue } from '../../../shared/plan/validate';
import { findHeaderRow, suggestMapping } from '../../../shared/tracker/mapping';
import { trackerRowsToPlan } from '../../../shared/tracker/to-plan';
import { readZipDirectory } from '../../../shared/files/zip-directory';
import { buildXlsx, buildZip, encodeUtf8, encodeWindows1252, toCsv, workbookParts } from './build-files';

function rowsOf(result: TrackerReadResult): string[][] {
  if (!result.ok) throw new Error(`expected rows, got: ${result.errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
  return result.rows;
}

function errorsOf(result: TrackerReadResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

/** Reads, maps as suggested (plus a local area) and converts, as the app does after the user confirms. */
async function importTracker(bytes: Uint8Array, fileName: string) {
  const read = await readTrackerRows(bytes, fileName);
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const headerRow = findHeaderRow(read.rows);
  const mapping = { ...suggestMapping(read.rows[headerRow] ?? [], fileName, headerRow), localArea: 'Northshire' };
  const converted = trackerRowsToPlan(read.rows, mapping, {
    fileName,
    modifiedAt: '2026-03-05T09:00:00Z',
    sourceSystem: 'Test',
    sheet: read.sheet,
  });
  return { read, mapping, converted };
}

describe('CSV trackers', () => {
  const rows = [
    ['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Status', 'Progress update'],
    [
      '1.1',
      'Fund the £250,000 audit – phase 1',
      'Head of SEND',
      '31/03/2026',
      'G',
      'In progress',
      'Board said “good progress”, and it’s on time',
    ],
    ['1.2', 'Weekly tracking', 'QA lead', '30/04/2026', 'A', 'In progress', 'Line one\nline two, with a comma'],
  ];

  it('reads a Windows-1252 CSV with £, – and curly quotes', async () => {
    const bytes = encodeWindows1252(toCsv(rows));
    expect(bytes.includes(0xa3) && bytes.includes(0x96) && bytes.includes(0x93)).toBe(true);
    const result = await readTrackerRows(bytes, 'Tracker.csv');
    expect(rowsOf(result)).toEqual(rows);
    expect(result.ok && result.encoding).toBe('windows-1252');
    expect(result.ok && result.sheet).toBe('Tracker');
  });

  it('reads a UTF-8 CSV with a BOM, and the first heading is still recognised', async () => {
    const result = await readTrackerRows(encodeUtf8(toCsv(rows), true), 'Tracker.csv');
    expect(rowsOf(result)).toEqual(rows);
    expect(result.ok && result.encoding).toBe('utf-8-bom');
    expect(suggestMapping(rowsOf(result)[0] ?? [], 'Tracker.csv').columns.Ref).toBe('ref');
  });

  it('reads a UTF-8 CSV without a BOM, with LF line breaks', async () => {
    const result = await readTrackerRows(encodeUtf8(toCsv(rows, '\n')), 'Tracker.csv');
    expect(rowsOf(result)).toEqual(rows);
    expect(result.ok && result.encoding).toBe('utf-8');
  });

  it('reads semicolon-separated and UTF-16 files', async () => {
    const semicolons = encodeUtf8('Ref;Action;Due;RAG\r\n1;One;31/03/2026;G\r\n');
    expect(rowsOf(await readTrackerRows(semicolons, 'Tracker.csv'))[1]).toEqual(['1', 'One', '31/03/2026', 'G']);
    const text = 'Ref\tAction\tDue\tRAG\r\n1\tÉcole visits\t31/03/2026\tG\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++)
      utf16.set([text.charCodeAt(index) & 0xff, text.charCodeAt(index) >> 8], 2 + index * 2);
    expect(rowsOf(await readTrackerRows(utf16, 'Tracker.txt'))[1]).toEqual(['1', 'École visits', '31/03/2026', 'G']);
  });

  it('decodes every Windows-1252 character the way Windows does', () => {
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xa3, 0xe9))).toBe('€…‘’“”–—™£é');
    expect(decodeCsvBytes(encodeUtf8('£')).text).toBe('£');
  });

  it('refuses a CSV cut short inside a quoted cell, naming the row and column', async () => {
    const text = toCsv(rows);
    const cut = text.slice(0, text.indexOf('line two'));
    const errors = errorsOf(await readTrackerRows(encodeUtf8(cut), 'Tracker.csv'));
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'Tracker!G3',
        line: 3,
        column: 7,
        message: expect.stringMatching(/^Row 3, column G: a quoted cell is never closed/),
      }),
    ]);
  });

  it('refuses more rows than allowed', async () => {
    const many = [rows[0] ?? [], ...Array.from({ length: 30 }, (_, index) => [String(index), 'Action', 'Lead', '31/03/2026', 'G', '', ''])];
    expect(rowsOf(await readTrackerRows(encodeUtf8(toCsv(many)), 'Tracker.csv', { maxRows: 31 }))).toHaveLength(31);
    expect(errorsOf(await readTrackerRows(encodeUtf8(toCsv(many)), 'Tracker.csv', { maxRows: 30 }))[0]?.message).toMatch(
      /more than 30 rows/,
    );
  });

  it('refuses more cells than allowed, and a file larger than allowed', async () => {
    const bytes = encodeUtf8(toCsv(rows));
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.csv', { maxCells: 10 }))[0]?.message).toMatch(/more than 10 cells/);
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.csv', { maxUncompressedBytes: 50 }))[0]?.message).toMatch(
      /is \d+ bytes, more than the 50 bytes/,
    );
  });

  it('refuses a cell longer than a spreadsheet allows', async () => {
    const errors = errorsOf(
      await readTrackerRows(
        encodeUtf8(
          toCsv([
            ['Ref', 'Action'],
            ['1', 'x'.repeat(40_000)],
          ]),
        ),
        'Tracker.csv',
      ),
    );
    expect(errors[0]).toEqual(expect.objectContaining({ path: 'Tracker!B2', line: 2, column: 2 }));
  });

  it('keeps hostile cells as text', async () => {
    const hostile = [
      ['Ref', 'Action'],
      ['1', "=cmd|' /C calc'!A0"],
      ['2', '+SUM(1)'],
      ['3', '-1+2'],
      ['4', '@SUM(A1)'],
      ['5', '<script>alert(1)</script>'],
    ];
    expect(rowsOf(await readTrackerRows(encodeUtf8(toCsv(hostile)), 'Tracker.csv'))).toEqual(hostile);
  });

  it('refuses binary content named .csv, an empty file, and unknown extensions', async () => {
    expect(errorsOf(await readTrackerRows(Uint8Array.of(0x00, 0x01, 0x02, 0x41), 'Tracker.csv'))[0]?.message).toMatch(/not text/);
    expect(errorsOf(await readTrackerRows(await buildXlsx([{ name: 'S', rows: [['a']] }]), 'Tracker.csv'))[0]?.message).toMatch(
      /rename it \.xlsx/,
    );
    expect(errorsOf(await readTrackerRows(encodeUtf8('  \r\n'), 'Tracker.csv'))[0]?.message).toMatch(/empty/);
    expect(errorsOf(await readTrackerRows(encodeUtf8('a,b'), 'Tracker.ods'))[0]?.message).toMatch(/save it as \.xlsx or \.csv/);
    expect(errorsOf(await readTrackerRows(encodeUtf8('a,b'), 'Tracker.xls'))[0]?.message).toMatch(/97–2003/);
  });
});

describe('XLSX trackers', () => {
  it('reads cell values: dates as ISO, rich text and links as text, numbers as digits', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Ref', 'Action', 'Due', 'Count', 'Link'],
          [
            '1.1',
            { richText: [{ text: 'Train ' }, { font: { bold: true }, text: 'staff' }] },
            new Date(Date.UTC(2026, 2, 31)),
            42,
            { text: 'Local Offer', hyperlink: 'https://example.org' },
          ],
        ],
      },
    ]);
    expect(rowsOf(await readTrackerRows(bytes, 'Tracker.xlsx'))).toEqual([
      ['Ref', 'Action', 'Due', 'Count', 'Link'],
      ['1.1', 'Train staff', '2026-03-31', '42', 'Local Offer'],
    ]);
  });

  it("uses a formula cell's saved result and never the formula", async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Ref', 'Action', 'RAG', 'Total'],
          [
            '1',
            { formula: 'HYPERLINK("https://evil.example","Click")', result: 'Saved title' },
            { formula: 'IF(A2=1,"G","R")', result: 'G' },
            { formula: "cmd|' /C calc'!A0", result: 7 },
          ],
          ['2', 'Second', { formula: 'NOW()' }, ''],
        ],
      },
    ]);
    const result = await readTrackerRows(bytes, 'Tracker.xlsx');
    const rows = rowsOf(result);
    expect(rows[1]).toEqual(['1', 'Saved title', 'G', '7']);
    expect(rows[2]).toEqual(['2', 'Second']);
    expect(JSON.stringify(rows)).not.toMatch(/HYPERLINK|calc|NOW/);
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ path: 'Tracker!C3', message: expect.stringMatching(/no saved value/) }),
    ]);
  });

  it("repeats a merged cell's value in every row it covers", async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Priority', 'Ref', 'Action'],
          ['Priority 1', '1.1', 'One'],
          ['', '1.2', 'Two'],
        ],
        merges: ['A2:A3'],
      },
    ]);
    expect(rowsOf(await readTrackerRows(bytes, 'Tracker.xlsx')).map((row) => row[0])).toEqual(['Priority', 'Priority 1', 'Priority 1']);
  });

  it('picks the sheet whose headings match best, skipping hidden sheets', async () => {
    const bytes = await buildXlsx([
      { name: 'Cover', rows: [['Northshire SEND plan'], ['Read me first']] },
      { name: 'Lists', state: 'hidden', rows: [['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Status']] },
      {
        name: 'Action plan',
        rows: [
          ['Ref', 'Action', 'Lead', 'Due'],
          ['1', 'One', 'Lead', '31/03/2026'],
        ],
      },
    ]);
    const result = await readTrackerRows(bytes, 'Tracker.xlsx');
    expect(result.ok && result.sheet).toBe('Action plan');
    expect(result.ok && result.warnings[0]?.message).toMatch(/"Action plan" was read/);
  });

  it('refuses a sheet with more rows than allowed', async () => {
    const rows = [['Ref', 'Action'], ...Array.from({ length: 20 }, (_, index) => [String(index), 'x'])];
    const bytes = await buildXlsx([{ name: 'Tracker', rows }]);
    expect(rowsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxRows: 21 }))).toHaveLength(21);
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxRows: 20 }))).toEqual([
      expect.objectContaining({ path: 'Tracker!21:21', message: expect.stringMatching(/down to row 21, more than the 20 rows/) }),
    ]);
  });

  it('refuses bytes that are not a zip, named .xlsx', async () => {
    const errors = errorsOf(await readTrackerRows(encodeUtf8('Ref,Action\n1,One\n'), 'Tracker.xlsx'));
    expect(errors[0]?.message).toMatch(/not an Excel \.xlsx file/);
  });

  it('refuses a password-protected (or old .xls) workbook', async () => {
    const compound = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0));
    expect(errorsOf(await readTrackerRows(compound, 'Tracker.xlsx'))[0]?.message).toMatch(/password-protected/);
  });

  it('refuses a workbook cut short', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Ref', 'Action'],
          ['1', 'One'],
        ],
      },
    ]);
    expect(errorsOf(await readTrackerRows(bytes.subarray(0, bytes.length - 200), 'Tracker.xlsx'))[0]?.message).toMatch(
      /incomplete or damaged|damaged/,
    );
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = buildZip([{ name: 'content.xml', data: encodeUtf8('<office/>') }]);
    expect(errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'))[0]?.message).toMatch(/zip file of another kind/);
  });

  it('refuses an entry whose name climbs out with ../ or is absolute', async () => {
    for (const name of ['../../evil.sh', 'xl/../../evil.sh', '/etc/passwd', 'C:\\evil.bat']) {
      const zip = buildZip([...workbookParts(), { name, data: encodeUtf8('x') }]);
      expect(errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'))[0]?.message).toMatch(/refused as unsafe/);
    }
  });
});

describe('zip bombs', () => {
  it('refuses a central directory that declares a huge uncompressed size, before inflating anything', async () => {
    const zip = buildZip([
      ...workbookParts(),
      { name: 'xl/worksheets/sheet1.xml', data: encodeUtf8('<x/>'), isDeflated: true, declaredUncompressedSize: 0xfffffff0 },
    ]);
    const errors = errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'));
    expect(errors[0]?.message).toMatch(/zip bombs/);
  });

  it('refuses an entry that expands more than 100 to 1', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const zip = buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: zeros, isDeflated: true }]);
    expect(zip.length).toBeLessThan(100_000);
    expect(errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'))[0]?.message).toMatch(/over 100 to 1/);
  });

  it('refuses an entry that expands beyond the size it declares', async () => {
    const zeros = new Uint8Array(800_000);
    const zip = buildZip([
      ...workbookParts(),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, isDeflated: true, declaredUncompressedSize: 1_000 },
    ]);
    expect(errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'))[0]?.message).toMatch(/expands to more than .* declares/);
  });

  it('refuses a workbook whose files add up to more than the limit', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Ref', 'Action'],
          ['1', 'One'],
        ],
      },
    ]);
    const directory = readZipDirectory(bytes, 'Tracker.xlsx');
    if (!directory.ok) throw new Error('a workbook exceljs wrote should have a readable directory');
    const total = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    expect(total).toBeGreaterThan(bytes.length);
    const limit = Math.floor((bytes.length + total) / 2);
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxUncompressedBytes: limit }))[0]?.message).toMatch(
      /would expand to more than/,
    );
    expect(rowsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxUncompressedBytes: total }))).toHaveLength(2);
  });

  it('caps each sheet before exceljs reads it: 40 MB of sheet XML under the zip-bomb ratio is refused from the directory', async () => {
    // Varied digits compress about 3 to 1: well inside the 100 to 1 ratio and the 100 MB total.
    const cells: string[] = [];
    let seed = 7;
    for (let size = 0; size < 40 * 1024 * 1024;) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const cell = `<c><v>${seed}</v></c>`;
      cells.push(cell);
      size += cell.length;
    }
    const zip = buildZip([
      ...workbookParts(),
      { name: 'xl/worksheets/sheet1.xml', data: encodeUtf8(`<sheetData>${cells.join('')}</sheetData>`), isDeflated: true },
    ]);
    const errors = errorsOf(await readTrackerRows(zip, 'Tracker.xlsx'));
    expect(errors[0]?.message).toMatch(
      /"xl\/worksheets\/sheet1\.xml" expands to 40\.\d MB, more than the 32\.0 MB a tracker's sheet may be/,
    );
    // Building and deflating 40 MB of XML took over 30 s with both cores loaded (issue 12's race hunt).
  }, 120_000);

  it('caps all the sheets together, and the smaller parts on their own', async () => {
    const sheet = (name: string) => ({
      name,
      rows: [['Ref', 'Action'], ...Array.from({ length: 200 }, (_, index) => [`${index}`, `Action ${index}`])],
    });
    const bytes = await buildXlsx([sheet('Tracker'), sheet('Old'), sheet('Older')]);
    const directory = readZipDirectory(bytes, 'Tracker.xlsx');
    if (!directory.ok) throw new Error('a workbook exceljs wrote should have a readable directory');
    const sheets = directory.entries.filter((entry) => entry.name.startsWith('xl/worksheets/sheet'));
    const largest = Math.max(...sheets.map((entry) => entry.uncompressedSize));
    const all = sheets.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxAllSheetsBytes: all - 1 }))[0]?.message).toMatch(
      /sheets expand to .* in all/,
    );
    expect(errorsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxSheetPartBytes: largest - 1 }))[0]?.message).toMatch(
      /a tracker's sheet may be/,
    );
    expect(rowsOf(await readTrackerRows(bytes, 'Tracker.xlsx', { maxAllSheetsBytes: all, maxSheetPartBytes: largest }))).toHaveLength(201);
  });

  it('refuses more than 10,000 entries', () => {
    const entries = Array.from({ length: 10_001 }, (_, index) => ({ name: `f${index}`, data: new Uint8Array(0) }));
    const directory = readZipDirectory(buildZip(entries), 'Tracker.xlsx');
    expect(directory.ok ? '' : directory.errors[0]?.message).toMatch(/10,001 files, more than the 10,000 allowed/);
  });
});

describe('realistic trackers from file to validated plan', () => {
  it('"Ref | Action | Lead | Due | RAG | Status | Progress update" in XLSX', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Tracker',
        rows: [
          ['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Status', 'Progress update'],
          ['1.1', 'Publish the QA framework', 'Head of SEND', new Date(Date.UTC(2026, 2, 31)), 'G', 'In progress', 'Draft agreed'],
          [
            '1.2',
            'Train staff',
            'Principal EP',
            (Date.UTC(2026, 5, 30) - Date.UTC(1899, 11, 30)) / 86_400_000,
            'A',
            'In progress',
            "=cmd|' /C calc'!A0",
          ],
        ],
      },
    ]);
    const { converted } = await importTracker(bytes, 'SEND Improvement Plan v3 2026-10.xlsx');
    if (!converted.ok) throw new Error(converted.errors.map((error) => error.message).join('; '));
    expect(converted.value.plan.id).toBe('tracker:send-improvement-plan');
    expect(converted.value.actions.map((action) => action.dueDate)).toEqual(['2026-03-31', '2026-06-30']);
    expect(converted.value.actions[1]?.updates[0]?.narrative).toBe("=cmd|' /C calc'!A0");
    expect(validatePlanValue(converted.value).ok).toBe(true);
  });

  it('"Priority | No. | Objective | Lead Person | Timescale | RAG rating | Commentary | Success measure" in CSV', async () => {
    const csv = toCsv([
      ['Priority', 'No.', 'Objective', 'Lead Person', 'Timescale', 'RAG rating', 'Commentary', 'Success measure'],
      [
        'Priority 1: Timeliness',
        '1',
        'Clear the backlog of assessments',
        'Head of SEND',
        'Mar 2026',
        'Amber',
        'Backlog down by 40%',
        '95% in 20 weeks',
      ],
      ['', '2', 'Quality-assure new plans', 'QA lead', 'Apr 2026', 'Green', '', ''],
      [
        'Priority 2: Local Offer',
        '1',
        'Co-produce the website',
        'Participation lead',
        '30/06/2026',
        'Red',
        'Supplier late',
        'Parents rate it good',
      ],
    ]);
    const { converted } = await importTracker(encodeUtf8(csv), 'Northshire WSoA tracker.csv');
    if (!converted.ok) throw new Error(converted.errors.map((error) => error.message).join('; '));
    expect(converted.value.plan.kind).toBe('written-statement-of-action');
    expect(converted.value.areas.map((area) => [area.ref, area.title, area.kind])).toEqual([
      ['1', 'Timeliness', 'area-of-weakness'],
      ['2', 'Local Offer', 'area-of-weakness'],
    ]);
    expect(converted.value.actions.map((action) => action.ref)).toEqual(['1.1', '1.2', '2.1']);
    expect(validatePlanValue(converted.value).ok).toBe(true);
  });

  it('a sheet with two title rows above the headings', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Improvement plan',
        rows: [
          ['Northshire Local Area SEND Improvement Plan'],
          ['OFFICIAL – version 4, March 2026'],
          [
            'Area / Priority',
            'Action ref',
            'Action description',
            'Lead / Lead Person',
            'Start',
            'Due / Timescale / Deadline',
            'Status',
            'Success measure / criteria',
            'Evidence',
          ],
          [
            '1. Joint working',
            '1.1',
            'Set up a joint QA panel',
            'Designated Clinical Officer',
            '01/09/2025',
            '31/01/2026',
            'Complete',
            'Panel meets monthly',
            'Panel minutes Jan 2026',
          ],
          [
            '1. Joint working',
            '1.2',
            'Audit 40 plans a term',
            'QA lead',
            new Date(Date.UTC(2025, 8, 1)),
            '31/07/2026',
            'On track',
            'Audit rated good or better: 80%',
            'Audit report 14/02/2026',
          ],
        ],
      },
    ]);
    const { read, mapping, converted } = await importTracker(bytes, 'Improvement plan.xlsx');
    expect(mapping.headerRow).toBe(2);
    if (!converted.ok) throw new Error(converted.errors.map((error) => error.message).join('; '));
    expect(read.ok && read.sheet).toBe('Improvement plan');
    expect(converted.value.actions.map((action) => [action.status, action.deliveryRag, action.startDate])).toEqual([
      ['complete', 'blue', '2025-09-01'],
      ['in-progress', 'grey', '2025-09-01'],
    ]);
    expect(converted.value.evidence.map((item) => item.type)).toEqual(['minutes', 'audit']);
    expect(converted.warnings).toContainEqual(
      expect.objectContaining({
        path: "'Improvement plan'!5:5",
        message: 'Row 5: the tracker has no RAG column, so the delivery RAG is shown as grey (not rated).',
      }),
    );
    expect(validatePlanValue(converted.value).ok).toBe(true);
  });

  it('a Windows-1252 CSV whose problems point at the right cell', async () => {
    const csv = toCsv([
      ['Ref', 'Action', 'Lead officer', 'Due date', 'Status'],
      ['1', 'Spend £40,000 – “quick wins”', 'Head of SEND', '31/03/2026', 'In progress'],
      ['2', 'Recruit', 'Head of SEND', '03/31/2026', 'In progress'],
    ]);
    const { converted } = await importTracker(encodeWindows1252(csv), 'Tracker – March.csv');
    expect(converted.ok ? [] : converted.errors).toEqual([
      expect.objectContaining({
        path: "'Tracker – March'!D3",
        message: 'Row 3, "Due date": "03/31/2026" is not a date (use dd/mm/yyyy, for example 31/03/2026).',
      }),
    ]);
  });
});
