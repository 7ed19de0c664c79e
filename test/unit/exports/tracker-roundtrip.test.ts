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
