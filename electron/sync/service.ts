import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload, ImportCandidate, ImportSource } from '../../shared/ipc/contract';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import { examineFile, type ExamineResult } from './examine';
import { classifyFileName, isIgnoredName } from './file-kinds';
import { createInbox } from './inbox';
import type { MappingStore } from './mapping-store';

export type SyncServiceOptions = {
  sampleFolder: string;
  mappings: MappingStore;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  watchInbox?: boolean;
  stableForMs?: number;
};

/**
 * The main process's side of sync: turns files from the inbox, the Import dialog, a drop or
 * the bundled sample into import candidates for the renderer, which stores them. Files the
 * renderer already has (by SHA-256) are skipped without being parsed.
 */
export function createSyncService(options: SyncServiceOptions) {
  // Files handed out this session, so the renderer can refer back to one (to confirm a
  // tracker's mapping) by an opaque token rather than by a path it chose itself.
  const tokens = new Map<string, { filePath: string; source: ImportSource }>();
  let inbox: ReturnType<typeof createInbox> | undefined;

  async function candidateFor(
    filePath: string,
    source: ImportSource,
    known: ReadonlySet<string>,
    mapping?: TrackerMapping,
  ): Promise<ImportCandidate | undefined> {
    const fileName = path.basename(filePath);
    const result: ExamineResult = await examineFile(filePath, {
      isKnown: (sha) => known.has(sha),
      rememberedMapping: (signature) => options.mappings.get(signature),
      ...(mapping ? { mapping } : {}),
      onProgress: (progress) => options.emit('sync:progress', { fileName, ...progress }),
    });
    if (result.status === 'known') return undefined;
    const token = randomUUID();
    tokens.set(token, { filePath, source });
    if (result.status === 'unreadable') {
      return {
        token,
        fileName,
        source,
        sha256: '',
        size: 0,
        modifiedAt: new Date(0).toISOString(),
        outcome: { status: 'invalid', errors: [{ path: fileName, message: result.message }], warnings: [] },
      };
    }
    return { token, fileName, source, ...result.file, outcome: result.outcome };
  }

  async function candidatesFor(filePaths: readonly string[], source: ImportSource, knownSha256: readonly string[]) {
    const known = new Set(knownSha256);
    const candidates: ImportCandidate[] = [];
    // One file at a time: files can be large, and the renderer shows one progress bar.
    for (const filePath of filePaths) {
      const candidate = await candidateFor(filePath, source, known);
      if (candidate) {
        candidates.push(candidate);
        if (candidate.sha256) known.add(candidate.sha256);
      }
    }
    return candidates;
  }

  return {
    candidatesFor,

    /** The inbox folder's stable plan files that the renderer does not have yet. */
    async scanInbox(folder: string, knownSha256: readonly string[]): Promise<ImportCandidate[]> {
      if (!inbox || inbox.folder !== folder) {
        await inbox?.stop();
        inbox = createInbox({
          folder,
          onChange: () => options.emit('sync:inbox-changed', { folder }),
          ...(options.stableForMs !== undefined ? { stableForMs: options.stableForMs } : {}),
        });
        if (options.watchInbox !== false) await inbox.start();
      }
      const files = await inbox.scan();
      const plans = files.filter((file) => file.kind === 'plan' || file.kind === 'tracker-csv' || file.kind === 'tracker-xlsx');
      return candidatesFor(
        plans.map((file) => file.path),
        'inbox',
        knownSha256,
      );
    },

    /** The bundled sample plan's revisions, oldest first. */
    async sampleCandidates(): Promise<ImportCandidate[]> {
      // A build without the sample (or a test that wants none) simply has nothing to load.
      const names = (await fs.readdir(options.sampleFolder).catch(() => [] as string[]))
        .filter((name) => !isIgnoredName(name) && classifyFileName(name) === 'plan')
        .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
      return candidatesFor(
        names.map((name) => path.join(options.sampleFolder, name)),
        'sample',
        [],
      );
    },

    /** Re-reads a tracker handed out earlier with the mapping the user confirmed. */
    async applyMapping(token: string, mapping: TrackerMapping, remember: boolean): Promise<ImportCandidate | undefined> {
      const entry = tokens.get(token);
      if (!entry) return undefined;
      if (remember) await options.mappings.remember(mapping);
      return candidateFor(entry.filePath, entry.source, new Set(), mapping);
    },

    /** Stops watching the inbox. */
    async stop(): Promise<void> {
      await inbox?.stop();
      inbox = undefined;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
