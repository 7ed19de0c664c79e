import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportServices } from '../../../electron/exports/build-export';
import { readDecisionsFile, saveExport } from '../../../electron/exports/save-export';
import { exportFileName, finalTargetName } from '../../../shared/exports/file-names';
import type { ExportRequest } from '../../../shared/exports/schema';
import { approvedBundle, BOARD_NAME, draftBundle } from './fixtures';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-save-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const services: ExportServices = {
  printHtmlToPdf: async () => new Uint8Array([1]),
  trackerCopies: { find: async () => undefined },
  now: () => new Date(),
};
const csvRequest = (includeExempt = false): ExportRequest => ({
  kind: 'decision-log-csv',
  includeExempt,
  boardName: BOARD_NAME,
  bundles: [draftBundle()],
});

function errorWithCode(code: string): Error {
  return Object.assign(new Error(code), { code });
}

async function listing(): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

describe('saving an export', () => {
  it('writes where the user chose, adding the extension, and says what it saved', async () => {
    const result = await saveExport(csvRequest(), { services, saveFile: async () => path.join(folder, 'log') });
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'log.csv', summary: '2 decisions from 1 meeting.' } });
    expect((await fs.readFile(path.join(folder, 'log.csv'), 'utf8')).startsWith('\uFEFFDecision,')).toBe(true);
  });

  it('offers a safe name from the meeting and date, and changes nothing when the dialog is cancelled', async () => {
    let offered = '';
    const result = await saveExport(csvRequest(), {
      services,
      saveFile: async (name) => {
        offered = name;
        return null;
      },
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(offered).toBe(`${BOARD_NAME} 2027-01-14 decision log.csv`);
    expect(await listing()).toEqual([]);
  });

  it('replaces a file only when the OS dialog asked about that very name', async () => {
    await fs.writeFile(path.join(folder, 'log.csv'), 'old');
    const replaced = await saveExport(csvRequest(), { services, saveFile: async () => path.join(folder, 'log.csv') });
    expect(replaced.ok).toBe(true);
    await fs.writeFile(path.join(folder, 'log.csv'), 'old');
    const renamed = await saveExport(csvRequest(), { services, saveFile: async () => path.join(folder, 'log') });
    expect(renamed).toEqual({ ok: false, error: { code: 'exists', message: 'log.csv already exists; choose another name.' } });
    expect(await fs.readFile(path.join(folder, 'log.csv'), 'utf8')).toBe('old');
  });

  it('marks the name CONFIDENTIAL when exempt items are included, whatever was typed, and never replaces that file', async () => {
    const first = await saveExport(csvRequest(true), { services, saveFile: async () => path.join(folder, 'log.csv') });
    expect(first.ok && first.value.fileName).toBe('CONFIDENTIAL log.csv');
    expect((await fs.readFile(path.join(folder, 'CONFIDENTIAL log.csv'), 'utf8')).split('\r\n')[0]).toBe(
      '\uFEFFCONFIDENTIAL: contains exempt items. Not for publication.',
    );
    const again = await saveExport(csvRequest(true), { services, saveFile: async () => path.join(folder, 'log.csv') });
    expect(again.ok ? 'saved' : again.error.code).toBe('exists');
  });

  it('leaves the old file intact and no partial file when writing fails between write and rename', async () => {
    const target = path.join(folder, 'minutes.docx');
    await fs.writeFile(target, 'the old minutes');
    const result = await saveExport(
      { kind: 'minutes-docx', includeExempt: false, boardName: BOARD_NAME, bundle: await approvedBundle() },
      {
        services,
        saveFile: async () => target,
        beforeRename: async () => {
          throw errorWithCode('EIO');
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'minutes.docx could not be written. Nothing was changed.' } });
    expect(await fs.readFile(target, 'utf8')).toBe('the old minutes');
    expect(await listing()).toEqual(['minutes.docx']);
  });

  it.each([
    ['ENOSPC', 'no-space', /is full\. Nothing was written/],
    ['EROFS', 'read-only', /may not write to .*Nothing was written; choose another folder/],
  ])('says plainly when the disk is full or the folder read-only (%s)', async (code, expected, message) => {
    const result = await saveExport(csvRequest(), {
      services,
      saveFile: async () => path.join(folder, 'log.csv'),
      beforeRename: async () => {
        throw errorWithCode(code);
      },
    });
    expect(result.ok ? 'saved' : result.error.code).toBe(expected);
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(await listing()).toEqual([]);
  });

  it('says when the chosen folder does not exist', async () => {
    const result = await saveExport(csvRequest(), { services, saveFile: async () => path.join(folder, 'gone', 'log.csv') });
    expect(result.ok ? 'saved' : result.error.code).toBe('no-folder');
  });

  it('returns a build error before asking where to save', async () => {
    let asked = false;
    const result = await saveExport(
      { kind: 'tracker', includeExempt: false, boardName: BOARD_NAME, planId: 'plan-1', revision: 2, bundle: draftBundle() },
      {
        services,
        saveFile: async () => {
          asked = true;
          return null;
        },
      },
    );
    expect(result.ok ? 'saved' : result.error.message).toMatch(/did not come from a spreadsheet/);
    expect(asked).toBe(false);
  });
});

describe('file names', () => {
  it('are safe on Windows, macOS and Linux and keep their extension', () => {
    expect(exportFileName('minutes-docx', { title: 'Board: <Jan>/"special"? *', date: '2027-01-14', isConfidential: false })).toBe(
      'Board- -Jan-special- - 2027-01-14 minutes.docx',
    );
    expect(exportFileName('decisions-json', { title: 'x'.repeat(300), date: '2027-01-14', isConfidential: true })).toMatch(
      /^CONFIDENTIAL x+\.decisions\.json$/,
    );
    expect(exportFileName('decisions-json', { title: 'x'.repeat(300), isConfidential: false }).length).toBeLessThanOrEqual(150);
    expect(exportFileName('minutes-pdf', { title: 'CON', isConfidential: false })).toBe('CON minutes.pdf');
    expect(finalTargetName('record.json', '.decisions.json', false)).toEqual({ name: 'record.decisions.json', changed: true });
    expect(finalTargetName('a.decisions.json', '.decisions.json', false)).toEqual({ name: 'a.decisions.json', changed: false });
    expect(finalTargetName('Confidential a.pdf', '.pdf', true)).toEqual({ name: 'Confidential a.pdf', changed: false });
  });
});

describe('reading a decision file for import', () => {
  it('refuses files that are not decision files, are not JSON, or whose chain is broken', async () => {
    await fs.writeFile(path.join(folder, 'a.json'), '{}');
    await fs.writeFile(path.join(folder, 'b.decisions.json'), 'not json');
    await fs.writeFile(path.join(folder, 'c.decisions.json'), JSON.stringify({ format: 'other' }));
    expect((await readDecisionsFile(path.join(folder, 'a.json'))).status).toBe('refused');
    expect(await readDecisionsFile(path.join(folder, 'b.decisions.json'))).toEqual({
      fileName: 'b.decisions.json',
      status: 'refused',
      message: 'It could not be read as JSON.',
    });
    expect(await readDecisionsFile(path.join(folder, 'c.decisions.json'))).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/not an Oversight decision file/),
    });
    expect((await readDecisionsFile(path.join(folder, 'missing.decisions.json'))).status).toBe('refused');
  });
});
