import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { trackerMappingSchema, type TrackerMapping } from '../../shared/tracker/mapping';
import { writeFileAtomic } from '../fs/atomic-write';

// When a plan comes from a spreadsheet tracker, main keeps a copy of the exact bytes it
// imported (in the data folder, by plan id and revision) with the column mapping it used, so the
// board's updates can later be written back onto a copy of that very sheet (the tracker round
// trip). Only the latest few revisions of each plan are kept.

const KEEP_REVISIONS = 3;

const metaSchema = z.object({
  version: z.literal(1),
  planId: z.string(),
  revision: z.number().int().min(1),
  fileName: z.string(),
  extension: z.enum(['.xlsx', '.csv']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mapping: trackerMappingSchema,
});
export type TrackerCopyMeta = z.infer<typeof metaSchema>;

export type TrackerCopy = { meta: TrackerCopyMeta; bytes: Uint8Array };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The tracker copies kept in `<dataFolder>/trackers`. */
export function createTrackerCopies(dataFolder: string) {
  const root = path.join(dataFolder, 'trackers');
  // Plan ids come from files: the folder is named by their hash, never by the id itself.
  const folderOf = (planId: string) => path.join(root, sha256(new TextEncoder().encode(planId)).slice(0, 32));
  let queue: Promise<unknown> = Promise.resolve();

  return {
    /**
     * Keeps a copy of a tracker that was just examined as a valid plan. The bytes are re-read
     * and must match the SHA-256 that was examined: a file changed in between is not kept.
     */
    keep(input: { planId: string; revision: number; filePath: string; sha256: string; mapping: TrackerMapping }): Promise<void> {
      const next = queue.then(async () => {
        const extension = input.filePath.toLowerCase().endsWith('.csv') ? '.csv' : '.xlsx';
        const bytes = new Uint8Array(await fs.readFile(input.filePath));
        if (sha256(bytes) !== input.sha256) return;
        const folder = folderOf(input.planId);
        await fs.mkdir(folder, { recursive: true });
        const meta: TrackerCopyMeta = {
          version: 1,
          planId: input.planId,
          revision: input.revision,
          fileName: path.basename(input.filePath),
          extension,
          sha256: input.sha256,
          mapping: input.mapping,
        };
        const data = await writeFileAtomic(path.join(folder, `r${input.revision}${extension}`), bytes, { overwrite: true });
        if (!data.ok) throw new Error(data.error.message);
        const written = await writeFileAtomic(path.join(folder, `r${input.revision}.json`), JSON.stringify(meta, null, 2), {
          overwrite: true,
        });
        if (!written.ok) throw new Error(written.error.message);
        // Older revisions are of no use to the round trip once a newer one is kept.
        const revisions = (await fs.readdir(folder))
          .map((name) => /^r(\d+)\.json$/.exec(name)?.[1])
          .filter((value): value is string => value !== undefined)
          .map(Number)
          .sort((a, b) => b - a);
        for (const old of revisions.slice(KEEP_REVISIONS)) {
          for (const name of [`r${old}.json`, `r${old}.csv`, `r${old}.xlsx`]) await fs.rm(path.join(folder, name), { force: true });
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },

    /** The copy of a plan's tracker at one revision, if one was kept (and is intact). */
    async find(planId: string, revision: number): Promise<TrackerCopy | undefined> {
      await queue;
      const folder = folderOf(planId);
      try {
        const meta = metaSchema.parse(JSON.parse(await fs.readFile(path.join(folder, `r${revision}.json`), 'utf8')));
        if (meta.planId !== planId) return undefined;
        const bytes = new Uint8Array(await fs.readFile(path.join(folder, `r${revision}${meta.extension}`)));
        return sha256(bytes) === meta.sha256 ? { meta, bytes } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export type TrackerCopies = ReturnType<typeof createTrackerCopies>;
