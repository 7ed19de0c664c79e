import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { evidencePathProblem } from '../../shared/plan/schema';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../fs/atomic-write';

// Opening a plan's evidence file. Plan files name evidence by a path relative to their own
// folder; the renderer never learns where that folder is. Main remembers, per plan id, the
// folder of the latest revision it examined, and opens a file only if its path is relative,
// has no "..", and (after following any links) still lies inside that folder.

const storeSchema = z.object({
  version: z.literal(1),
  plans: z.record(z.string(), z.object({ folder: z.string().min(1), revision: z.number().int().nonnegative() })),
});
type StoredFolders = z.infer<typeof storeSchema>['plans'];

/** A small JSON file in the data folder: the folder each plan's latest examined revision came from. */
export function createPlanFolders(dataFolder: string) {
  const file = path.join(dataFolder, 'plan-folders.json');
  // Writes are chained so two examinations in quick succession cannot lose each other's entry.
  let queue: Promise<unknown> = Promise.resolve();

  async function readAll(): Promise<StoredFolders> {
    try {
      const parsed = storeSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? parsed.data.plans : {};
    } catch {
      return {};
    }
  }

  return {
    /** Remembers where a valid plan file was read; an older revision never replaces a newer one's folder. */
    remember(planId: string, revision: number, filePath: string): Promise<void> {
      const next = queue.then(async () => {
        const plans = await readAll();
        const known = plans[planId];
        if (known && known.revision > revision) return;
        plans[planId] = { folder: path.dirname(path.resolve(filePath)), revision };
        await fs.mkdir(dataFolder, { recursive: true });
        const written = await writeFileAtomic(file, JSON.stringify({ version: 1, plans }, null, 2), { overwrite: true });
        if (!written.ok) throw new Error(written.error.message);
      });
      queue = next.catch(() => undefined);
      return next;
    },
    /** The folder the plan's latest examined revision came from, if known. */
    async folderOf(planId: string): Promise<string | undefined> {
      await queue;
      return (await readAll())[planId]?.folder;
    },
  };
}

export type PlanFolders = ReturnType<typeof createPlanFolders>;

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Opens one evidence file with the OS's default application, after checking that its path
 * cannot reach outside the plan's folder (no absolute path, drive letter, UNC path or "..",
 * and no link leading out). `openPath` is Electron's `shell.openPath` in the app: it resolves
 * to '' on success or to an error message.
 */
export async function openEvidence(
  request: { planId: string; relativePath: string },
  context: { folders: Pick<PlanFolders, 'folderOf'>; openPath(filePath: string): Promise<string> },
): Promise<Result<{ opened: true; fileName: string }>> {
  const problem = evidencePathProblem(request.relativePath);
  if (problem !== undefined) return fail('refused', `The evidence path ${problem}. Oversight did not open it.`);
  const folder = await context.folders.folderOf(request.planId);
  if (!folder) {
    return fail(
      'not-found',
      'Oversight does not know which folder this plan came from. Import the plan file again, then open the evidence.',
    );
  }
  const target = path.resolve(folder, request.relativePath);
  if (!isInside(folder, target)) return fail('refused', 'The evidence path leads outside the plan’s folder. Oversight did not open it.');
  let realTarget: string;
  try {
    const realFolder = await fs.realpath(folder);
    realTarget = await fs.realpath(target);
    // A link inside the folder could point anywhere: judge where it really leads.
    if (!isInside(realFolder, realTarget))
      return fail('refused', 'The evidence file links outside the plan’s folder. Oversight did not open it.');
    if (!(await fs.stat(realTarget)).isFile()) return fail('not-found', `${path.basename(target)} is not a file.`);
  } catch {
    return fail('not-found', `${path.basename(target)} is not in the plan’s folder (${folder}). Ask the programme office for the file.`);
  }
  const error = await context.openPath(realTarget);
  if (error) return fail('failed', `${path.basename(realTarget)} could not be opened: ${error}`);
  return ok({ opened: true, fileName: path.basename(realTarget) });
}
