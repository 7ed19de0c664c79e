import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanFolders, isEvidenceDocumentName, openEvidence, type EvidenceRecord } from '../../../electron/evidence/open-evidence';

let base: string;
beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-evidence-'));
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('plan folders', () => {
  it('remembers the folder of the latest revision, survives a restart, and ignores an older revision', async () => {
    const data = path.join(base, 'data');
    const folders = createPlanFolders(data);
    await folders.remember('plan-a', 2, path.join(base, 'r2', 'a.plan.json'));
    await folders.remember('plan-a', 1, path.join(base, 'old', 'a.plan.json'));
    expect(await folders.folderOf('plan-a')).toBe(path.join(base, 'r2'));
    expect(await createPlanFolders(data).folderOf('plan-a')).toBe(path.join(base, 'r2'));
    expect(await folders.folderOf('plan-b')).toBeUndefined();
  });

  it('treats a damaged file as knowing nothing', async () => {
    const data = path.join(base, 'data');
    await fs.mkdir(data);
    await fs.writeFile(path.join(data, 'plan-folders.json'), '{ not json');
    expect(await createPlanFolders(data).folderOf('plan-a')).toBeUndefined();
  });
});

describe('openEvidence', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  async function planWith(evidence: EvidenceRecord[]) {
    const folder = path.join(base, 'plan');
    await fs.mkdir(path.join(folder, 'docs'), { recursive: true });
    const folders = createPlanFolders(path.join(base, 'data'));
    await folders.remember('p', 1, path.join(folder, 'p.plan.json'), evidence);
    const opened: string[] = [];
    const context = { folders, openPath: async (file: string) => (opened.push(file), '') };
    return { folder, opened, context };
  }

  it('opens the file of the stored evidence record, inside the plan folder, and nothing else', async () => {
    const { folder, opened, context } = await planWith([
      { id: 'EV-1', file: 'docs/audit.pdf' },
      { id: 'EV-2', file: 'docs' },
      { id: 'EV-3' },
    ]);
    await fs.writeFile(path.join(folder, 'docs', 'audit.pdf'), 'x');
    expect(await openEvidence({ planId: 'p', evidenceId: 'EV-1' }, context)).toEqual({
      ok: true,
      value: { opened: true, fileName: 'audit.pdf' },
    });
    for (const missing of ['EV-2', 'EV-3', 'EV-404', '__proto__', 'constructor']) {
      expect(await openEvidence({ planId: 'p', evidenceId: missing }, context), missing).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/not-found|refused/) },
      });
    }
    expect(await openEvidence({ planId: 'other', evidenceId: 'EV-1' }, context)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(opened).toEqual([await fs.realpath(path.join(folder, 'docs', 'audit.pdf'))]);
  });

  it('refuses anything but document types, however the name is dressed up', async () => {
    const names = [
      'Q3 highlight report.pdf.bat',
      'report.exe',
      'report.lnk',
      'report.js',
      'report.hta',
      'report.html',
      'report.pdf.',
      'report.pdf ',
      'report.pdf:evil.exe',
      'report',
    ];
    const { folder, opened, context } = await planWith(names.map((file, index) => ({ id: `E${index}`, file: `docs/${file}` })));
    for (const name of names) await fs.writeFile(path.join(folder, 'docs', name), 'x').catch(() => undefined);
    for (const [index, name] of names.entries()) {
      expect(await openEvidence({ planId: 'p', evidenceId: `E${index}` }, context), name).toMatchObject({
        ok: false,
        error: { code: 'refused', message: expect.stringContaining('not a document type') },
      });
    }
    expect(opened).toEqual([]);
    for (const good of ['a.PDF', 'a.docx', 'a.xlsx', 'a.pptx', 'a.odt', 'a.ods', 'a.csv', 'a.txt', 'a.png', 'a.jpg', 'a.jpeg']) {
      expect(isEvidenceDocumentName(good), good).toBe(true);
    }
  });

  it('refuses a document-named link that leads to a program inside the folder', async () => {
    const { folder, opened, context } = await planWith([{ id: 'EV-1', file: 'docs/report.pdf' }]);
    await fs.writeFile(path.join(folder, 'docs', 'run.sh'), '#!/bin/sh');
    await fs.symlink(path.join(folder, 'docs', 'run.sh'), path.join(folder, 'docs', 'report.pdf'));
    expect(await openEvidence({ planId: 'p', evidenceId: 'EV-1' }, context)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(opened).toEqual([]);
  });

  it('opens a file only when its SHA-256 matches the one the plan gives', async () => {
    const { folder, opened, context } = await planWith([
      { id: 'EV-1', file: 'docs/right.pdf', sha256: sha('the report').toUpperCase() },
      { id: 'EV-2', file: 'docs/swapped.pdf', sha256: sha('the report') },
    ]);
    await fs.writeFile(path.join(folder, 'docs', 'right.pdf'), 'the report');
    await fs.writeFile(path.join(folder, 'docs', 'swapped.pdf'), 'something else');
    expect(await openEvidence({ planId: 'p', evidenceId: 'EV-1' }, context)).toMatchObject({ ok: true });
    expect(await openEvidence({ planId: 'p', evidenceId: 'EV-2' }, context)).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('SHA-256 differs') },
    });
    expect(opened).toEqual([await fs.realpath(path.join(folder, 'docs', 'right.pdf'))]);
  });

  it('asks for the plan to be imported again when the store predates evidence records', async () => {
    const data = path.join(base, 'data');
    await fs.mkdir(data);
    await fs.writeFile(path.join(data, 'plan-folders.json'), JSON.stringify({ version: 1, plans: { p: { folder: base, revision: 1 } } }));
    const result = await openEvidence({ planId: 'p', evidenceId: 'EV-1' }, { folders: createPlanFolders(data), openPath: async () => '' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('Import the plan file again') },
    });
  });

  it('reports the OS failing to open a file in words', async () => {
    const { folder, context } = await planWith([{ id: 'EV-1', file: 'a.pdf' }]);
    await fs.writeFile(path.join(folder, 'a.pdf'), 'x');
    const result = await openEvidence(
      { planId: 'p', evidenceId: 'EV-1' },
      { folders: context.folders, openPath: async () => 'No application is registered for .pdf files' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('No application') } });
  });
});
