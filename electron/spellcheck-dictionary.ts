import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './fs/atomic-write';

// The British English dictionary ships inside the app (electron/resources/dictionaries, built by
// scripts/make-dictionary.mjs from the dictionary-en-gb package), so spellcheck works on
// Windows and Linux without Chromium fetching a dictionary from Google's CDN.

/**
 * The en-GB dictionary's names: Chromium asks the download URL for the lower-cased file name,
 * and keeps the dictionary in its Dictionaries folder under the mixed-case one.
 */
export const EN_GB_DICTIONARY = { shipped: 'en-gb-10-1.bdic', installed: 'en-GB-10-1.bdic' } as const;

/** Chromium's dictionary files start with these bytes (BDict header magic). */
const BDIC_MAGIC = [0x42, 0x44, 0x69, 0x63] as const;

/** The URL Chromium requests the en-GB dictionary from, given the download URL keepSpellcheckerOffline set. */
export function dictionaryRequestUrl(downloadUrl: string): string {
  return `${downloadUrl}${EN_GB_DICTIONARY.shipped}`;
}

/** Whether bytes look like a Chromium dictionary (its magic, and more than a header). */
export function isBdic(bytes: Uint8Array): boolean {
  return bytes.length > 64 && BDIC_MAGIC.every((byte, index) => bytes[index] === byte);
}

export type DictionaryInstall = { status: 'installed' | 'current'; file: string } | { status: 'missing' | 'failed'; message: string };

/**
 * Puts the shipped dictionary where Chromium looks before it would download one
 * (`<userData>/Dictionaries`), replacing a missing, truncated or older copy atomically. The
 * download URL pointing at the app's own folder stays as a second line: whichever Chromium
 * uses, nothing is fetched from the network.
 */
export async function installDictionary(dictionaryFolder: string, userDataFolder: string): Promise<DictionaryInstall> {
  const shipped = path.join(dictionaryFolder, EN_GB_DICTIONARY.shipped);
  const bytes = await fs.readFile(shipped).catch(() => null);
  if (!bytes || !isBdic(bytes)) {
    return { status: 'missing', message: `The British English dictionary ${shipped} is missing or damaged, so spelling is not checked.` };
  }
  const folder = path.join(userDataFolder, 'Dictionaries');
  const target = path.join(folder, EN_GB_DICTIONARY.installed);
  const existing = await fs.readFile(target).catch(() => null);
  if (existing && Buffer.compare(existing, bytes) === 0) return { status: 'current', file: target };
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    return { status: 'failed', message: `The dictionary folder ${folder} could not be made: ${String(error)}` };
  }
  const written = await writeFileAtomic(target, bytes, { overwrite: true });
  return written.ok ? { status: 'installed', file: target } : { status: 'failed', message: written.error.message };
}
