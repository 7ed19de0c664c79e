import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { evidencePathProblem } from '../../shared/plan/schema';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../fs/atomic-write';

// Opening a plan's evidence file. Plan files name evidence by a path relative to their own
// folder; the renderer never learns where that folder is, and never names the file either: it
// asks for an evidence id. Main remembers, per plan id, the folder of the latest revision it
// examined and that revision's evidence records (file and SHA-256), and opens a file only if
// its path is relative, has no "..", (after following any links) still lies inside that folder,
// is a document type (never a program or script the OS would run), and matches its SHA-256
// where the plan gives one.

const storedEvidenceSchema = z.object({ file: z.string().min(1), sha256: z.string().optional() });
const storeSchema = z.object({
  version: z.literal(1),
  plans: z.record(
    z.string(),
    z.object({
      folder: z.string().min(1),
      revision: z.number().int().nonnegative(),
      // Missing in files written before evidence records were kept: such a plan must be imported again.
      evidence: z.record(z.string(), storedEvidenceSchema).optional(),
    }),
  ),
});
type StoredFolders = z.infer<typeof storeSchema>['plans'];
type StoredEvidence = z.infer<typeof storedEvidenceSchema>;

/** The evidence records of a plan revision, as the plan file gives them. */
export type EvidenceRecord = { id: string; file?: string | undefined; sha256?: string | undefined };

/**
 * The file types evidence may have: documents and pictures the OS opens in a viewer. Anything
 * else (.bat, .exe, .lnk, .js, .hta, .html...) could run a program when "opened".
 */
export const EVIDENCE_DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'csv', 'txt', 'png', 'jpg', 'jpeg'] as const;

/** Whether a file name ends in one of the document types evidence may have (and nothing after it). */
export function isEvidenceDocumentName(fileName: string): boolean {
  // Windows ignores trailing dots and spaces and reads "name:stream" as an alternate stream, so
  // either could make the name shown differ from the file run: refuse both outright.
  if (/[.\s]$/.test(fileName) || fileName.includes(':')) return false;
  const extension = path.extname(fileName).slice(1).toLowerCase();
  return (EVIDENCE_DOCUMENT_EXTENSIONS as readonly string[]).includes(extension);
}

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
    remember(planId: string, revision: number, filePath: string, evidence: readonly EvidenceRecord[] = []): Promise<void> {
      const next = queue.then(async () => {
        const plans = await readAll();
        const known = plans[planId];
        if (known && known.revision > revision) return;
        const records: Record<string, StoredEvidence> = {};
        for (const item of evidence) {
          if (item.file) records[item.id] = { file: item.file, ...(item.sha256 ? { sha256: item.sha256.toLowerCase() } : {}) };
        }
        plans[planId] = { folder: path.dirname(path.resolve(filePath)), revision, evidence: records };
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
    /** The plan's folder and one evidence record of its latest examined revision, if both are known. */
    async evidenceOf(
      planId: string,
      evidenceId: string,
    ): Promise<{ folder: string; evidence: StoredEvidence | undefined; isKnown: boolean } | undefined> {
      await queue;
      const plan = (await readAll())[planId];
      if (!plan) return undefined;
      // Own properties only: an id such as "__proto__" must not find anything.
      const evidence = plan.evidence && Object.hasOwn(plan.evidence, evidenceId) ? plan.evidence[evidenceId] : undefined;
      return { folder: plan.folder, evidence, isKnown: plan.evidence !== undefined };
    },
  };
}

export type PlanFolders = ReturnType<typeof createPlanFolders>;

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Opens one evidence record's file with the OS's default application. The path is the one the
 * plan file gave for that record (never one the renderer names), checked so that it cannot reach
 * outside the plan's folder (no absolute path, drive letter, UNC path or "..", and no link
 * leading out), that it is a document type, and that its bytes match the plan's SHA-256 when
 * the plan gives one. `openPath` is Electron's `shell.openPath` in the app: it resolves to ''
 * on success or to an error message.
 */
export async function openEvidence(
  request: { planId: string; evidenceId: string },
  context: { folders: Pick<PlanFolders, 'evidenceOf'>; openPath(filePath: string): Promise<string> },
): Promise<Result<{ opened: true; fileName: string }>> {
  const known = await context.folders.evidenceOf(request.planId, request.evidenceId);
  if (!known || !known.isKnown) {
    return fail(
      'not-found',
      'Oversight does not know which folder this plan came from. Import the plan file again, then open the evidence.',
    );
  }
  const { folder, evidence } = known;
  if (!evidence) return fail('not-found', 'The plan gives no file for this evidence. Import the latest plan file, then try again.');
  const problem = evidencePathProblem(evidence.file);
  if (problem !== undefined) return fail('refused', `The evidence path ${problem}. Oversight did not open it.`);
  const target = path.resolve(folder, evidence.file);
  if (!isInside(folder, target)) return fail('refused', 'The evidence path leads outside the plan’s folder. Oversight did not open it.');
  if (!isEvidenceDocumentName(path.basename(target))) {
    return fail(
      'refused',
      `${path.basename(target)} is not a document type Oversight opens (${EVIDENCE_DOCUMENT_EXTENSIONS.join(', ')}). Oversight did not open it.`,
    );
  }
  let realTarget: string;
  try {
    const realFolder = await fs.realpath(folder);
    realTarget = await fs.realpath(target);
    // A link inside the folder could point anywhere, or to a program: judge where it really leads.
    if (!isInside(realFolder, realTarget))
      return fail('refused', 'The evidence file links outside the plan’s folder. Oversight did not open it.');
    if (!isEvidenceDocumentName(path.basename(realTarget))) {
      return fail('refused', `${path.basename(target)} leads to a file that is not a document. Oversight did not open it.`);
    }
    if (!(await fs.stat(realTarget)).isFile()) return fail('not-found', `${path.basename(target)} is not a file.`);
  } catch {
    return fail('not-found', `${path.basename(target)} is not in the plan’s folder (${folder}). Ask the programme office for the file.`);
  }
  if (evidence.sha256 && (await sha256Of(realTarget)) !== evidence.sha256.toLowerCase()) {
    return fail(
      'refused',
      `${path.basename(target)} is not the file the plan describes (its SHA-256 differs). Oversight did not open it; ask the programme office for the right file.`,
    );
  }
  const error = await context.openPath(realTarget);
  if (error) return fail('failed', `${path.basename(realTarget)} could not be opened: ${error}`);
  return ok({ opened: true, fileName: path.basename(realTarget) });
}
