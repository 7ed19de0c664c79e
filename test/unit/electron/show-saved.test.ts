import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSavedFiles } from '../../../electron/fs/saved-files';
import { createMainServices } from '../../../electron/services';
import { makeAnnotationsFile } from '../annotations/fixtures';
import { BOARD_NAME, draftBundle } from '../exports/fixtures';

// "Saved to FOLDER" and "Show in folder": main says where it saved a file and, asked by the id it
// gave out, reveals that path, and only that path.

let base: string;
let savePath: string | null;
let shown: string[];
let services: ReturnType<typeof createMainServices>;
const sender = { frameUrl: 'app://oversight/index.html', isOwnWindow: true };

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-show-saved-'));
  await fs.mkdir(path.join(base, 'sample'));
  savePath = null;
  shown = [];
  services = createMainServices({
    appOrigin: 'app://oversight',
    dataFolder: path.join(base, 'data'),
    documentsFolder: path.join(base, 'Documents'),
    sampleFolder: path.join(base, 'sample'),
    watchInbox: false,
    appInfo: { name: 'Oversight', version: '1.0.0', platform: 'linux', dataFolder: path.join(base, 'data'), locale: 'en-GB' },
    dialogs: { openFiles: async () => [], chooseFolder: async () => null, saveFile: async () => savePath },
    openExternal: async () => undefined,
    openPath: async () => '',
    showItemInFolder: (filePath) => shown.push(filePath),
    printHtmlToPdf: async () => new Uint8Array(),
    emit: () => undefined,
  });
});
afterEach(async () => {
  await services.stop();
  await fs.rm(base, { recursive: true, force: true });
});

async function saveAnnotations(folder: string, name: string) {
  await fs.mkdir(folder, { recursive: true });
  savePath = path.join(folder, name);
  const result = await services.dispatch('annotations:export', sender, { file: makeAnnotationsFile(), suggestedName: 'x' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { saved: boolean; fileName: string; folder: string; savedId: string };
}

describe('saved to a folder, shown in it', () => {
  it('says which folder a file went into and shows exactly the file main wrote', async () => {
    const folder = path.join(base, 'Board papers');
    const saved = await saveAnnotations(folder, 'my notes');
    expect(saved).toMatchObject({ saved: true, fileName: 'my notes.annotations.json', folder });
    expect(saved.savedId).toMatch(/^[0-9a-f-]{36}$/);
    const result = await services.dispatch('shell:show-saved', sender, { savedId: saved.savedId });
    expect(result).toEqual({ ok: true, value: { shown: true } });
    expect(shown).toEqual([path.join(folder, 'my notes.annotations.json')]);
  });

  it('refuses an id main never gave, a path in place of an id, and a file since moved, showing nothing', async () => {
    const unknown = await services.dispatch('shell:show-saved', sender, { savedId: '0b6c2a52-64f5-4d5e-9a0c-1f1b8e0b1c2d' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const byPath = await services.dispatch('shell:show-saved', sender, { savedId: path.join(base, 'data') });
    expect(byPath).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const saved = await saveAnnotations(path.join(base, 'Out'), 'gone');
    await fs.rm(path.join(base, 'Out', 'gone.annotations.json'));
    const moved = await services.dispatch('shell:show-saved', sender, { savedId: saved.savedId });
    expect(moved).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `gone.annotations.json is no longer in ${path.join(base, 'Out')}: it was moved or deleted.` },
    });
    expect(shown).toEqual([]);
  });

  it('refuses a sender that is not the app’s window', async () => {
    const saved = await saveAnnotations(path.join(base, 'Out'), 'mine');
    const foreign = await services.dispatch(
      'shell:show-saved',
      { frameUrl: 'https://evil.example/', isOwnWindow: true },
      { savedId: saved.savedId },
    );
    expect(foreign.ok).toBe(false);
    expect(shown).toEqual([]);
  });

  it('names an export by the folder chosen and the name main settled on (CONFIDENTIAL and the extension added)', async () => {
    savePath = path.join(base, 'Exports', 'decisions');
    await fs.mkdir(path.join(base, 'Exports'));
    const result = await services.dispatch('exports:save', sender, {
      kind: 'decision-log-csv',
      includeExempt: true,
      boardName: BOARD_NAME,
      bundles: [draftBundle()],
    });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { fileName: string; folder: string; savedId: string };
    expect(value.folder).toBe(path.join(base, 'Exports'));
    await services.dispatch('shell:show-saved', sender, { savedId: value.savedId });
    expect(shown).toEqual([path.join(base, 'Exports', value.fileName)]);
    expect(value.fileName).toBe('CONFIDENTIAL decisions.csv');
    expect(await fs.readFile(path.join(base, 'Exports', value.fileName), 'utf8')).toContain('CONFIDENTIAL');
  });
});

describe('the register of saved files', () => {
  it('forgets the oldest beyond its limit', () => {
    const saved = createSavedFiles(2);
    const first = saved.remember('/a/one.csv');
    const second = saved.remember('/a/two.csv');
    const third = saved.remember('/b/three.csv');
    expect(third.folder).toBe('/b');
    expect(saved.find(first.savedId)).toBeUndefined();
    expect(saved.find(second.savedId)).toBe('/a/two.csv');
    expect(saved.find(third.savedId)).toBe('/b/three.csv');
  });
});
