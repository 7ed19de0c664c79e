import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { trackerMappingSchema, type TrackerMapping } from '../../shared/tracker/mapping';
import { writeFileAtomic } from '../fs/atomic-write';

const storeSchema = z.object({ version: z.literal(1), mappings: z.record(z.string(), z.unknown()) });

/**
 * Column mappings the user confirmed, keyed by the tracker's heading signature, so a sheet
 * with the same headings is imported next month without asking again.
 */
export function createMappingStore(dataFolder: string) {
  const file = path.join(dataFolder, 'tracker-mappings.json');

  async function readAll(): Promise<Record<string, TrackerMapping>> {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      return {};
    }
    const parsed = storeSchema.safeParse(raw);
    if (!parsed.success) return {};
    const mappings: Record<string, TrackerMapping> = {};
    // Each remembered mapping is re-parsed: a hand-edited or damaged entry is dropped, not trusted.
    for (const [signature, value] of Object.entries(parsed.data.mappings)) {
      const mapping = trackerMappingSchema.safeParse(value);
      if (mapping.success) mappings[signature] = mapping.data;
    }
    return mappings;
  }

  return {
    /** The remembered mapping for sheets with these headings, if any. */
    async get(signature: string): Promise<TrackerMapping | undefined> {
      return (await readAll())[signature];
    },
    /** Remembers a confirmed mapping under its signature. */
    async remember(mapping: TrackerMapping): Promise<void> {
      const mappings = await readAll();
      mappings[mapping.signature] = mapping;
      await fs.mkdir(dataFolder, { recursive: true });
      const result = await writeFileAtomic(file, JSON.stringify({ version: 1, mappings }, null, 2), { overwrite: true });
      if (!result.ok) throw new Error(result.error.message);
    },
  };
}

export type MappingStore = ReturnType<typeof createMappingStore>;
