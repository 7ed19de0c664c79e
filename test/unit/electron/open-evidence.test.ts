import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanFolders, openEvidence } from '../../../electron/evidence/open-evidence';

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
  it('opens a file inside the plan folder and nothing else', async () => {
    const folder = path.join(base, 'plan');
    await fs.mkdir(path.join(folder, 'docs'), { recursive: true });
    await fs.writeFile(path.join(folder, 'docs', 'audit.pdf'), 'x');
    const opened: string[] = [];
    const context = { folders: { folderOf: async () => folder }, openPath: async (file: string) => (opened.push(file), '') };
    expect(await openEvidence({ planId: 'p', relativePath: 'docs/audit.pdf' }, context)).toEqual({
      ok: true,
      value: { opened: true, fileName: 'audit.pdf' },
    });
    for (const bad of ['../x.pdf', 'docs/../../x.pdf', '/docs/audit.pdf', 'D:docs', '//host/share/a.pdf', 'docs\u0000.pdf']) {
      expect(await openEvidence({ planId: 'p', relativePath: bad }, context), bad).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(await openEvidence({ planId: 'p', relativePath: 'docs' }, context)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(opened).toEqual([await fs.realpath(path.join(folder, 'docs', 'audit.pdf'))]);
  });

  it('reports the OS failing to open a file in words', async () => {
    const folder = path.join(base, 'plan');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'a.pdf'), 'x');
    const result = await openEvidence(
      { planId: 'p', relativePath: 'a.pdf' },
      { folders: { folderOf: async () => folder }, openPath: async () => 'No application is registered for .pdf files' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('No application') } });
  });
});
