import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CandidateReply, EventName, EventPayload, ImportSource } from '../../shared/ipc/contract';
import { PACK_LIMITS, type PackManifest } from '../../shared/pack/schema';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import type { EvidenceRecord } from '../evidence/open-evidence';
import { examineFile, type ExamineOptions, type ReaderResult } from './examine';
import { droppedPathProblem } from './dropped-paths';
import { classifyFileName, isIgnoredName } from '../../shared/files/file-kinds';
import { createInbox } from './inbox';
import type { MappingStore } from './mapping-store';
import { paperById, readPackPaper, type PackLocation } from './pack-read';
import { readFileForImport } from './read-file';

/** The sample meeting pack's folder inside the sample folder. */
export const SAMPLE_PACK_FOLDER = 'pack';
const ZIP_CACHE_MS = 60_000;

export type SyncServiceOptions = {
  sampleFolder: string;
  mappings: MappingStore;
  /** Told where each valid plan was read from (the folder its evidence paths are relative to). */
  onValidPlan?: (planId: string, revision: number, filePath: string, evidence: readonly EvidenceRecord[]) => Promise<void>;
  /** Told of each valid plan read from a spreadsheet tracker, with the mapping used (main keeps a copy for the round trip). */
  onValidTracker?: (tracker: {
    planId: string;
    revision: number;
    filePath: string;
    sha256: string;
    mapping: TrackerMapping;
  }) => Promise<void>;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  watchInbox?: boolean;
  stableForMs?: number;
  /**
   * How a file is examined: examineFile in this process by default (tests, the CLI); in the app,
   * a file reader of its own (parse-host.ts) with a memory cap, a time limit and cancelling.
   */
  examine?: (filePath: string, options: ExamineOptions & { signal?: AbortSignal }) => Promise<ReaderResult>;
};

/**
 * The main process's side of sync: turns files from the inbox, the Import dialog, a drop or
 * the bundled sample into import candidates for the renderer, which stores them. Files the
 * renderer already has (by SHA-256) are skipped without being parsed.
 */
export function createSyncService(options: SyncServiceOptions) {
  // Files handed out this session, so the renderer can refer back to one (to confirm a
  // tracker's mapping) by an opaque token rather than by a path it chose itself.
  const tokens = new Map<string, { filePath: string; source: ImportSource; pack?: { location: PackLocation; manifest: PackManifest } }>();
  let inbox: ReturnType<typeof createInbox> | undefined;
  const examine = options.examine ?? examineFile;
  const latestBySource = new Map<ImportSource, AbortController>();
  // The renderer fetches a zipped pack's papers one after another: the zip is read once for all
  // of them and let go soon after, rather than held for the session.
  let zipCache: { path: string; bytes: Promise<Uint8Array | null>; release: ReturnType<typeof setTimeout> | undefined } | undefined;

  function zipBytes(zipPath: string): Promise<Uint8Array | null> {
    if (zipCache?.path !== zipPath) {
      if (zipCache?.release) clearTimeout(zipCache.release);
      const bytes = readFileForImport(zipPath, { maxBytes: PACK_LIMITS.maxPackBytes }).then((read) => (read.ok ? read.bytes : null));
      zipCache = { path: zipPath, bytes, release: undefined };
    }
    const cached = zipCache;
    if (cached.release) clearTimeout(cached.release);
    cached.release = setTimeout(() => {
      if (zipCache === cached) zipCache = undefined;
    }, ZIP_CACHE_MS);
    cached.release.unref?.();
    return cached.bytes;
  }

  async function candidateFor(
    filePath: string,
    source: ImportSource,
    known: ReadonlySet<string>,
    mapping?: TrackerMapping,
    signal?: AbortSignal,
  ): Promise<CandidateReply | undefined> {
    const fileName = path.basename(filePath);
    const dropProblem = source === 'drop' ? droppedPathProblem(filePath) : undefined;
    if (dropProblem !== undefined) {
      // Refused before any file system call, and given no token: nothing can read it later.
      return {
        token: randomUUID(),
        fileName,
        source,
        sha256: '',
        size: 0,
        modifiedAt: new Date(0).toISOString(),
        outcome: { status: 'invalid', errors: [{ path: fileName, message: `The dropped file ${dropProblem}.` }], warnings: [] },
      };
    }
    let mappingUsed = mapping;
    const result: ReaderResult = await examine(filePath, {
      ...(signal ? { signal } : {}),
      isKnown: (sha) => known.has(sha),
      rememberedMapping: async (signature) => {
        mappingUsed ??= await options.mappings.get(signature);
        return mappingUsed;
      },
      ...(mapping ? { mapping } : {}),
      onProgress: (progress) => options.emit('sync:progress', { fileName, ...progress }),
    });
    if (result.status === 'known') return undefined;
    // A newer import from the same place took over: this one says nothing more.
    if (result.status === 'unreadable' && result.code === 'cancelled') return undefined;
    if (result.status === 'examined' && result.outcome.status === 'valid') {
      // From the file reader a valid plan is bytes main never parses, with its summary beside it.
      const { planId, revision, evidence } =
        'summary' in result
          ? result.summary
          : { planId: result.outcome.plan.plan.id, revision: result.outcome.plan.export.revision, evidence: result.outcome.plan.evidence };
      await options.onValidPlan?.(planId, revision, filePath, evidence);
      if (mappingUsed && classifyFileName(fileName)?.startsWith('tracker')) {
        await options.onValidTracker?.({
          planId,
          revision,
          filePath,
          sha256: result.file.sha256,
          mapping: mappingUsed,
        });
      }
    }
    const token = randomUUID();
    const pack =
      result.status === 'examined' && result.outcome.status === 'pack' && 'location' in result && result.location
        ? { location: result.location, manifest: result.outcome.pack }
        : undefined;
    tokens.set(token, { filePath, source, ...(pack ? { pack } : {}) });
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
    if ('summary' in result) return { token, fileName, source, ...result.file, outcome: result.outcome };
    return { token, fileName, source, ...result.file, outcome: result.outcome };
  }

  async function candidatesFor(filePaths: readonly string[], source: ImportSource, knownSha256: readonly string[]) {
    const known = new Set(knownSha256);
    const candidates: CandidateReply[] = [];
    // A newer request from the same place (a second drop, the inbox scanned again) cancels this
    // one's reading: the member is waiting for the newer files, not a large old one.
    latestBySource.get(source)?.abort();
    const controller = new AbortController();
    latestBySource.set(source, controller);
    // One file at a time: files can be large, and the renderer shows one progress bar.
    for (const filePath of filePaths) {
      if (controller.signal.aborted) break;
      const candidate = await candidateFor(filePath, source, known, undefined, controller.signal);
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
    async scanInbox(folder: string, knownSha256: readonly string[]): Promise<CandidateReply[]> {
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
      const plans = files.filter(
        (file) =>
          file.kind === 'plan' ||
          file.kind === 'tracker-csv' ||
          file.kind === 'tracker-xlsx' ||
          file.kind === 'annotations' ||
          file.kind === 'pack',
      );
      return candidatesFor(
        plans.map((file) => file.path),
        'inbox',
        knownSha256,
      );
    },

    /** The sample meeting pack (the folder `pack/`), then the bundled sample plan's revisions, oldest first. */
    async sampleCandidates(): Promise<CandidateReply[]> {
      // A build without the sample (or a test that wants none) simply has nothing to load.
      const names = (await fs.readdir(options.sampleFolder).catch(() => [] as string[]))
        .filter((name) => !isIgnoredName(name) && classifyFileName(name) === 'plan')
        .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
      const packFolder = path.join(options.sampleFolder, SAMPLE_PACK_FOLDER);
      const hasPack = (await fs.stat(packFolder).catch(() => null))?.isDirectory() ?? false;
      // The pack first: once the sample plan shows, the whole sample is in the store.
      return candidatesFor([...(hasPack ? [packFolder] : []), ...names.map((name) => path.join(options.sampleFolder, name))], 'sample', []);
    },

    /** Reads one paper of a pack handed out earlier, re-checked against its SHA-256. */
    async readPaper(token: string, paperId: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
      const entry = tokens.get(token)?.pack;
      const paper = entry ? paperById(entry.manifest, paperId) : undefined;
      if (!entry || !paper) return { ok: false, message: 'That paper is no longer available to Oversight; import the pack again.' };
      const { location } = entry;
      return readPackPaper(location, paper, location.kind === 'zip' ? () => zipBytes(location.zipPath) : undefined);
    },

    /** Re-reads a tracker handed out earlier with the mapping the user confirmed. */
    async applyMapping(token: string, mapping: TrackerMapping, remember: boolean): Promise<CandidateReply | undefined> {
      const entry = tokens.get(token);
      if (!entry) return undefined;
      if (remember) await options.mappings.remember(mapping);
      return candidateFor(entry.filePath, entry.source, new Set(), mapping);
    },

    /** Stops watching the inbox. */
    async stop(): Promise<void> {
      if (zipCache?.release) clearTimeout(zipCache.release);
      zipCache = undefined;
      await inbox?.stop();
      inbox = undefined;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
