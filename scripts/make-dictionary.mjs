// Builds electron/resources/dictionaries/en-gb-10-1.bdic, the British English spellcheck
// dictionary the app ships, from the dictionary-en-gb package (SCOWL's en_GB-ise Hunspell
// dictionary, MIT AND BSD) with Chromium's convert_dict as Qt WebEngine ships it
// (Debian: `apt-get install qt6-webengine-dev-tools`). Run again only to update the dictionary:
//   node scripts/make-dictionary.mjs [path to qwebengine_convert_dict]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const convert = process.argv[2] ?? '/usr/lib/qt6/libexec/qwebengine_convert_dict';
// Its files by path: the package exports only its loader.
const source = path.join(root, 'node_modules', 'dictionary-en-gb');
const out = path.join(root, 'electron', 'resources', 'dictionaries');
const work = mkdtempSync(path.join(os.tmpdir(), 'oversight-dictionary-'));
try {
  copyFileSync(path.join(source, 'index.aff'), path.join(work, 'en-GB.aff'));
  copyFileSync(path.join(source, 'index.dic'), path.join(work, 'en-GB.dic'));
  // convert_dict reads en-GB.dic and en-GB.aff beside it, and checks every word is found again.
  execFileSync(convert, [path.join(work, 'en-GB.dic'), path.join(work, 'en-gb-10-1.bdic')], { stdio: 'inherit' });
  copyFileSync(path.join(work, 'en-gb-10-1.bdic'), path.join(out, 'en-gb-10-1.bdic'));
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  writeFileSync(
    path.join(out, 'en-gb-10-1.LICENSE.txt'),
    `en-gb-10-1.bdic: built from dictionary-en-gb ${version} (npm), licence (MIT AND BSD):\n\n${readFileSync(path.join(source, 'license'), 'utf8')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
