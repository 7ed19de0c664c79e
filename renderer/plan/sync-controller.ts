import type { CandidateReply, ImportCandidate, ImportSource } from '../../shared/ipc/contract';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { importedFileHashes, isImportCancelled, storeCandidate, type StoreOutcome } from '../db/plan-repository';
import { backUpIfSetUp } from '../backup/auto-backup';
import type { Api } from '../ipc/client';
import { catchUpSearchIndex, mergeAnnotationsFile, mergedAnnotationFileHashes } from '../annotations/annotation-repository';
import { importedAnswerFileHashes, recordAnswers, type AnswersOutcome } from '../annotations/answers-repository';
import { getProfile } from '../annotations/profile-repository';
import { alignSamplePacks, seedSampleBoard } from '../meetings/sample-board';
import { packFileHashes, storePack, type PackOutcome } from '../papers/pack-repository';
import type { PackRecord } from '../papers/types';
import { startTextExtraction } from '../papers/text-extraction';
import { classifyFileName } from '../../shared/files/file-kinds';
import { readyImportWorker, storeCandidateInWorker, type ImportWorkerLike } from './import-in-worker';
import { receiveCandidate } from './receive-candidate';

/** One file handled this session, with what became of it. Kept in memory: failures never touch the store. */
export type SyncEntry = {
  id: string;
  at: string;
  fileName: string;
  source: ImportSource;
  outcome: StoreOutcome | MergeOutcome | PackOutcome | AnswersOutcome | { status: 'error'; message: string };
  /** Kept while a tracker waits for its columns to be confirmed. */
  candidate?: ImportCandidate;
};

/** Another member's annotations file, merged. */
export type MergeOutcome = {
  status: 'merged';
  authorName: string;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: Array<{ id: string; reason: string }>;
};

/** Main's phases are counted in bytes; `storing`, the renderer's own, in records (and can be cancelled). */
export type SyncProgress = { fileName: string; phase: 'reading' | 'validating' | 'storing' | 'done'; loaded: number; total: number };

/** A file whose import had started when the app last stopped, and never finished. */
export type InterruptedImport = { fileName: string; source: ImportSource; sha256: string; startedAt: string };

export type SyncState = {
  entries: SyncEntry[];
  progress: SyncProgress | null;
  isBusy: boolean;
  /** Found at start: an import the last session began and never finished (a crash, a power cut). */
  interrupted: InterruptedImport | null;
};

const SAMPLE_LOADED = 'sampleLoaded';
/**
 * Written (in a small transaction of its own) before each file is stored, deleted after. Still
 * there at the next start means the app stopped mid-import: the import's own transaction rolled
 * back, so the store is as it was, and the user is told and offered to try again.
 */
const IMPORT_IN_PROGRESS = 'importInProgress';

/**
 * Drives sync from the renderer's side: asks main for candidates (inbox, dialog, drop,
 * sample), stores each in its own transaction, and keeps a session log for the views.
 * A small external store, read with useSyncExternalStore.
 */
export function createSyncController(db: OversightDatabase, api: Api, options: { startImportWorker?: () => ImportWorkerLike | null } = {}) {
  let state: SyncState = { entries: [], progress: null, isBusy: false, interrupted: null };
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let sequence = 0;
  /** The import being stored now, for Cancel. */
  let storing: AbortController | null = null;
  /**
   * The import worker, started once main says it is validating a file: loaded by the time a valid
   * plan arrives, taken by the first plan stored. One not taken is stopped when the sync ends.
   */
  let warmWorker: Promise<ImportWorkerLike | null> | null = null;
  /** How an import worker is started: the app's way, or a test's. */
  const workerStart = options.startImportWorker ? { startWorker: options.startImportWorker } : {};

  function warmImportWorker() {
    warmWorker ??= readyImportWorker(workerStart);
  }

  function takeWarmWorker(): Promise<ImportWorkerLike | null> | null {
    const worker = warmWorker;
    warmWorker = null;
    return worker;
  }

  function stopWarmWorker() {
    void takeWarmWorker()?.then((worker) => worker?.terminate());
  }

  function setState(next: Partial<SyncState>) {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  function record(entry: Omit<SyncEntry, 'id' | 'at'>) {
    sequence += 1;
    const full: SyncEntry = { id: `entry-${sequence}`, at: new Date().toISOString(), ...entry };
    setState({
      entries: [full, ...state.entries.filter((existing) => existing.candidate?.token !== entry.candidate?.token || !entry.candidate)],
    });
    return full;
  }

  async function storeOne(sent: CandidateReply, boardId?: string): Promise<StoreOutcome | MergeOutcome | PackOutcome | AnswersOutcome> {
    if (sent.outcome.status === 'valid') {
      // A plan is parsed and stored by a worker of its own (renderer/plan/import-worker.ts), so
      // the window paints and takes input throughout; Cancel reaches it through the signal.
      const controller = new AbortController();
      storing = controller;
      try {
        return await storeCandidateInWorker(db, sent, {
          ...(boardId !== undefined ? { boardId } : {}),
          // The worker started while main validated this plan, else one started now.
          started: takeWarmWorker() ?? readyImportWorker(workerStart),
          signal: controller.signal,
          onProgress: (loaded, total) => setState({ progress: { fileName: sent.fileName, phase: 'storing', loaded, total } }),
        });
      } finally {
        storing = null;
      }
    }
    // Anything but a valid plan comes as it was sent (only a plan comes as bytes).
    const candidate = receiveCandidate(sent);
    if (candidate.outcome.status === 'pack') {
      // The papers' PDFs are fetched one by one by the candidate's token, never pushed in it.
      const outcome = await storePack(db, candidate, async (paperId) => {
        const reply = await api.call('papers:read', { token: candidate.token, paperId });
        if (!reply.ok) throw new Error(reply.error.message);
        return reply.value.bytes;
      });
      // Text for search and highlights is extracted in the background, once per paper; the
      // first-run sample's once first run has settled (main.tsx), so first run stays quick.
      if (outcome.status === 'pack-stored' && candidate.source !== 'sample')
        void startTextExtraction(db).catch((error: unknown) => console.warn('Text extraction stopped', error));
      return outcome;
    }
    if (candidate.outcome.status === 'answers') {
      const { workbook, warnings } = candidate.outcome;
      return recordAnswers(db, workbook, { sha256: candidate.sha256, profile: await getProfile(db), warnings });
    }
    // An invalid file or a tracker waiting for its columns: answered at once, nothing stored.
    if (candidate.outcome.status !== 'annotations') return storeCandidate(db, candidate);
    const { file } = candidate.outcome;
    const summary = await mergeAnnotationsFile(db, file, { sha256: candidate.sha256, profile: await getProfile(db) });
    if (summary.writes > 0) await catchUpSearchIndex(db);
    return { status: 'merged', authorName: file.author.displayName, ...summary };
  }

  async function storeAll(
    candidates: readonly CandidateReply[],
    boardId?: string,
  ): Promise<Array<StoreOutcome | MergeOutcome | PackOutcome | AnswersOutcome>> {
    const outcomes: Array<StoreOutcome | MergeOutcome | PackOutcome | AnswersOutcome> = [];
    // A backup of the store before anything is imported (once a backup passphrase is set). A
    // failed backup is reported but does not stop the import: the member asked for it.
    if (candidates.some((candidate) => ['valid', 'annotations', 'pack', 'answers'].includes(candidate.outcome.status))) {
      const backup = await backUpIfSetUp(db, api, 'before-import').catch((error: unknown) => ({ ok: false, error }) as const);
      if (backup && !backup.ok) console.warn('The backup before an import failed', backup.error);
    }
    // One at a time, so only one large plan's objects are held at once (by its worker).
    for (const candidate of candidates) {
      try {
        const mark: InterruptedImport = {
          fileName: candidate.fileName,
          source: candidate.source,
          sha256: candidate.sha256,
          startedAt: new Date().toISOString(),
        };
        await setMeta(db, IMPORT_IN_PROGRESS, mark);
        const outcome = await storeOne(candidate, boardId).finally(() => db.meta.delete(IMPORT_IN_PROGRESS));
        outcomes.push(outcome);
        record({
          fileName: candidate.fileName,
          source: candidate.source,
          outcome,
          ...(outcome.status === 'needs-mapping' ? { candidate: receiveCandidate(candidate) } : {}),
        });
      } catch (error) {
        // The transaction rolled back: the store is as it was. Say so plainly.
        if (!isImportCancelled(error)) console.error('Import failed', error);
        record({
          fileName: candidate.fileName,
          source: candidate.source,
          outcome: {
            status: 'error',
            message: isImportCancelled(error)
              ? `The import of ${candidate.fileName} was cancelled, so nothing was changed.`
              : `${candidate.fileName} could not be stored, so nothing was changed. ${describeStoreError(error)}`,
          },
        });
      }
    }
    return outcomes;
  }

  // One sync operation at a time, in order: two inbox events must not import the same file twice.
  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      setState({ isBusy: true });
      try {
        return await work();
      } finally {
        stopWarmWorker();
        setState({ isBusy: false, progress: null });
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function fetchAndStore(
    fetch: (known: string[]) => ReturnType<Api['call']>,
  ): Promise<Array<StoreOutcome | MergeOutcome | PackOutcome | AnswersOutcome>> {
    const known = [
      ...(await importedFileHashes(db)),
      ...(await mergedAnnotationFileHashes(db)),
      ...(await packFileHashes(db)),
      ...(await importedAnswerFileHashes(db)),
    ];
    const reply = await fetch(known);
    if (!reply.ok) {
      record({ fileName: '', source: 'dialog', outcome: { status: 'error', message: reply.error.message } });
      return [];
    }
    return storeAll(reply.value as CandidateReply[]);
  }

  const unsubscribers = [
    api.on('sync:progress', (progress) => {
      // Main reads a file, then validates it (a known file is never validated): the worker that
      // would store it, if it is a plan or a tracker, loads meanwhile.
      if (progress.phase === 'validating' && becomesPlan(progress.fileName)) warmImportWorker();
      setState({ progress: progress.phase === 'done' ? null : progress });
    }),
    api.on('sync:inbox-changed', () => void controller.scanInbox()),
  ];

  const controller = {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: (): SyncState => state,

    /** Imports the stable, not yet imported files in the inbox folder. */
    scanInbox: () => serialise(() => fetchAndStore((knownSha256) => api.call('sync:scan-inbox', { knownSha256 }))),

    /** Opens the Import dialog and imports what the user picks. */
    openDialog: () => serialise(() => fetchAndStore((knownSha256) => api.call('sync:open-dialog', { knownSha256 }))),

    /** Opens a folder dialog and imports the meeting pack folder the user picks. */
    openPackFolder: () => serialise(() => fetchAndStore((knownSha256) => api.call('sync:open-pack-folder', { knownSha256 }))),

    /**
     * Stores files the clerk published to the board folder, by the same path (and into the same
     * import log) as files imported by hand. `fetch` gets the hashes already held, as main skips them.
     */
    importPublished(fetch: (knownSha256: string[]) => Promise<readonly CandidateReply[]>, options: { boardId?: string } = {}) {
      return serialise(async () => {
        const known = [
          ...(await importedFileHashes(db)),
          ...(await mergedAnnotationFileHashes(db)),
          ...(await packFileHashes(db)),
          ...(await importedAnswerFileHashes(db)),
        ];
        return storeAll(await fetch(known), options.boardId);
      });
    },

    /** Imports files dropped on the window. */
    importDropped(files: readonly File[]) {
      const paths = files.map((file) => api.pathForFile(file)).filter((path) => path !== '');
      if (paths.length === 0) {
        record({
          fileName: files[0]?.name ?? '',
          source: 'drop',
          outcome: { status: 'error', message: 'Only files from a folder can be dropped here.' },
        });
        return Promise.resolve([]);
      }
      return serialise(() => fetchAndStore((knownSha256) => api.call('sync:read-dropped', { paths, knownSha256 })));
    },

    /** Adds PDFs to a meeting as a supplement made on the spot: the files dropped on it, or (none given) those chosen in a dialog. */
    addPapersToMeeting(meeting: PackRecord['meeting'], agenda: PackRecord['agenda'], files?: readonly File[]) {
      const paths = files?.map((file) => api.pathForFile(file)).filter((path) => path !== '');
      if (paths && paths.length === 0) {
        record({
          fileName: files?.[0]?.name ?? '',
          source: 'drop',
          outcome: { status: 'error', message: 'Only files from a folder can be dropped here.' },
        });
        return Promise.resolve([]);
      }
      return serialise(() => fetchAndStore(() => api.call('pack-maker:supplement', { ...(paths ? { paths } : {}), meeting, agenda })));
    },

    /** Imports a tracker with the columns the user confirmed (and remembers them if asked). */
    applyMapping(token: string, mapping: TrackerMapping, remember: boolean) {
      return serialise(async () => {
        const reply = await api.call('sync:apply-mapping', { token, mapping, remember });
        if (!reply.ok) {
          record({ fileName: '', source: 'dialog', outcome: { status: 'error', message: reply.error.message } });
          return [];
        }
        setState({ entries: state.entries.filter((entry) => entry.candidate?.token !== token) });
        return storeAll([reply.value]);
      });
    },

    /** Puts a tracker waiting for its mapping aside. */
    dismiss(entryId: string) {
      setState({ entries: state.entries.filter((entry) => entry.id !== entryId) });
    },

    /** On the very first run, loads the bundled sample plan through the same path as any file. */
    loadSampleOnFirstRun: () =>
      serialise(async () => {
        if (await getMeta<boolean>(db, SAMPLE_LOADED)) return [];
        const reply = await api.call('sync:load-sample', undefined);
        if (!reply.ok) return [];
        // The sample board first: once the sample plan shows, first run's writes are all but done.
        await seedSampleBoard(db);
        const outcomes = await storeAll(await alignSamplePacks(db, reply.value));
        await setMeta(db, SAMPLE_LOADED, true);
        return outcomes;
      }),

    /**
     * At start, before anything is imported: finds an import the last session began and never
     * finished, unless the file did reach the store (a stop just after its transaction).
     */
    async checkInterrupted(): Promise<InterruptedImport | null> {
      const mark = await getMeta<InterruptedImport>(db, IMPORT_IN_PROGRESS);
      if (!mark) return null;
      await db.meta.delete(IMPORT_IN_PROGRESS);
      const stored = [...(await importedFileHashes(db)), ...(await mergedAnnotationFileHashes(db)), ...(await packFileHashes(db))];
      const interrupted = stored.includes(mark.sha256) ? null : mark;
      setState({ interrupted });
      return interrupted;
    },

    /** Tries the interrupted import again: the inbox is scanned again, a chosen file is chosen again. */
    retryInterrupted() {
      const interrupted = state.interrupted;
      setState({ interrupted: null });
      if (!interrupted) return Promise.resolve([]);
      if (interrupted.source === 'inbox') return controller.scanInbox();
      if (interrupted.source === 'sample') return controller.loadSampleOnFirstRun();
      return controller.openDialog();
    },

    /** Cancels the plan being stored now (at once in the import worker): nothing from it is kept. */
    cancelImport() {
      storing?.abort();
    },

    /** Puts the interrupted-import notice away. */
    dismissInterrupted() {
      setState({ interrupted: null });
    },

    dispose() {
      stopWarmWorker();
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
    },
  };
  return controller;
}

export type SyncController = ReturnType<typeof createSyncController>;

/** Whether a file of this name is read as a plan (a plan file or a spreadsheet tracker), not as papers or notes. */
function becomesPlan(fileName: string): boolean {
  const kind = classifyFileName(fileName);
  return kind === 'plan' || kind === 'tracker-csv' || kind === 'tracker-xlsx';
}

function describeStoreError(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'QuotaExceededError') return 'The computer is out of space for Oversight’s data.';
  return 'Please try again; if it happens again, tell the programme office.';
}
