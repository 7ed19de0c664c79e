import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedSessionRequest, keepSpellcheckerOffline } from '../../../electron/security';
import { dictionaryRequestUrl, EN_GB_DICTIONARY, installDictionary, isBdic } from '../../../electron/spellcheck-dictionary';

// The en-GB dictionary ships with the app, so spellcheck works offline on Windows and Linux.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shippedFolder = path.join(root, 'electron', 'resources', 'dictionaries');

let work: string;
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-dictionary-'));
});
afterEach(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('the shipped en-GB dictionary', () => {
  it('is the local file the download URL resolves to, and a real Chromium dictionary', () => {
    const url = keepSpellcheckerOffline(
      { setSpellCheckerLanguages: () => undefined, setSpellCheckerDictionaryDownloadURL: () => undefined },
      shippedFolder,
    );
    const requested = dictionaryRequestUrl(url);
    expect(requested.startsWith('file://')).toBe(true);
    expect(isAllowedSessionRequest(requested, APP_ORIGIN, url)).toBe(true);
    const file = fileURLToPath(requested);
    expect(existsSync(file)).toBe(true);
    const bytes = readFileSync(file);
    expect(isBdic(bytes)).toBe(true);
    // A whole dictionary (about 450 KB), not a placeholder.
    expect(bytes.length).toBeGreaterThan(300_000);
    // Its licence travels with it.
    expect(readFileSync(path.join(shippedFolder, 'en-gb-10-1.LICENSE.txt'), 'utf8')).toMatch(/MIT AND BSD/);
  });

  it('is packaged: electron-builder copies the folder and its .bdic files into the app', () => {
    const config = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/- from: electron\/resources\/dictionaries\n\s+to: dictionaries\n\s+filter:\n\s+- '\*\.bdic'/);
  });
});

describe('installDictionary', () => {
  it('puts the dictionary where Chromium looks before downloading, once, and repairs a damaged copy', async () => {
    const target = path.join(work, 'Dictionaries', EN_GB_DICTIONARY.installed);
    expect(await installDictionary(shippedFolder, work)).toEqual({ status: 'installed', file: target });
    const shipped = await fs.readFile(path.join(shippedFolder, EN_GB_DICTIONARY.shipped));
    expect(Buffer.compare(await fs.readFile(target), shipped)).toBe(0);
    expect(await installDictionary(shippedFolder, work)).toEqual({ status: 'current', file: target });

    await fs.writeFile(target, shipped.subarray(0, 1000));
    expect((await installDictionary(shippedFolder, work)).status).toBe('installed');
    expect(Buffer.compare(await fs.readFile(target), shipped)).toBe(0);
    // Written atomically: no temporary file left beside it.
    expect(await fs.readdir(path.join(work, 'Dictionaries'))).toEqual([EN_GB_DICTIONARY.installed]);
  });

  it.each([
    ['missing', undefined],
    ['not a dictionary (an HTML page)', '<!doctype html><p>BDic</p>'.repeat(10)],
    ['truncated to its header', Buffer.from('BDic\u0002\u0000\u0000\u0000')],
  ])('says so, and writes nothing, when the shipped file is %s', async (_name, content) => {
    const folder = path.join(work, 'resources');
    await fs.mkdir(folder);
    if (content !== undefined) await fs.writeFile(path.join(folder, EN_GB_DICTIONARY.shipped), content);
    const result = await installDictionary(folder, work);
    expect(result).toEqual({ status: 'missing', message: expect.stringContaining('missing or damaged') });
    expect(existsSync(path.join(work, 'Dictionaries'))).toBe(false);
  });
});
