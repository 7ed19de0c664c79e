import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './fs/atomic-write';

// Main-process settings: only what main itself needs (where the inbox is). Everything a member
// creates lives in the renderer's IndexedDB.

// boardFolder is the first board's folder (the one board there was); boardFolders holds every
// other board's, by the board's id on this laptop (each board has its own folder).
const storedSettingsSchema = z.object({
  inboxFolder: z.string().min(1).optional(),
  boardFolder: z.string().min(1).optional(),
  boardFolders: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/), z.string().min(1)).optional(),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** A small JSON settings file in the app data folder, read leniently and written atomically. */
export function createSettingsStore(dataFolder: string) {
  const file = path.join(dataFolder, 'settings.json');
  return {
    /** Reads the settings; a missing or damaged file gives the defaults rather than an error. */
    async read(): Promise<StoredSettings> {
      try {
        const parsed = storedSettingsSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
    /** Saves the settings atomically. */
    async write(settings: StoredSettings): Promise<void> {
      await fs.mkdir(dataFolder, { recursive: true });
      const result = await writeFileAtomic(file, JSON.stringify(settings, null, 2), { overwrite: true });
      if (!result.ok) throw new Error(result.error.message);
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
