import type { ImportCandidate, ImportSource } from '../../shared/ipc/contract';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { importedFileHashes, storeCandidate, type StoreOutcome } from '../db/plan-repository';
import { backUpIfSetUp } from '../backup/auto-backup';
import type { Api } from '../ipc/client';
import { catchUpSearchIndex, mergeAnnotationsFile, mergedAnnotationFileHashes } from '../annotations/annotation-repository';
import { getProfile } from '../annotations/profile-repository';
import { seedSampleBoard } from '../meetings/sample-board';
import { packFileHashes, storePack, type PackOutcome } from '../papers/pack-repository';
import { startTextExtraction } from '../papers/text-extraction';

/** One file handled this session, with what became of it. Kept in memory: failures never touch the store. */
export type SyncEntry = {
  id: string;
  at: string;
  fileName: string;
  source: ImportSource;
  outcome: StoreOutcome | MergeOutcome | PackOutcome | { status: 'error'; message: string };
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

export type SyncProgress = { fileName: string; phase: 'reading' | 'validating' | 'done'; loaded: number; total: number };

export type SyncState = { entries: SyncEntry[]; progress: SyncProgress | null; isBusy: boolean };

const SAMPLE_LOADED = 'sampleLoaded';

/**
 * Drives sync from the renderer's side: asks main for candidates (inbox, dialog, drop,
 * sample), stores each in its own transaction, and keeps a session log for the views.
 * A small external store, read with useSyncExternalStore.
 */
export function createSyncController(db: OversightDatabase, api: Api) {
  let state: SyncState = { entries: [], progress: null, isBusy: false };
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let sequence = 0;

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

  async function storeOne(candidate: ImportCandidate): Promise<StoreOutcome | MergeOutcome | PackOutcome> {
    if (candidate.outcome.status === 'pack') {
      // The papers' PDFs are fetched one by one by the candidate's token, never pushed in it.
      const outcome = await storePack(db, candidate, async (paperId) => {
        const reply = await api.call('papers:read', { token: candidate.token, paperId });
        if (!reply.ok) throw new Error(reply.error.message);
        return reply.value.bytes;
      });
      // Text for search and highlights is extracted in the background, once per paper; the
      // first-run sample's when Papers is first opened, so first run stays quick and settled.
      if (outcome.status === 'pack-stored' && candidate.source !== 'sample')
        void startTextExtraction(db).catch((error: unknown) => console.warn('Text extraction stopped', error));
      return outcome;
    }
    if (candidate.outcome.status !== 'annotations') return storeCandidate(db, candidate);
    const { file } = candidate.outcome;
    const summary = await mergeAnnotationsFile(db, file, { sha256: candidate.sha256, profile: await getProfile(db) });
    if (summary.writes > 0) await catchUpSearchIndex(db);
    return { status: 'merged', authorName: file.author.displayName, ...summary };
  }

  async function storeAll(candidates: readonly ImportCandidate[]): Promise<Array<StoreOutcome | MergeOutcome | PackOutcome>> {
    const outcomes: Array<StoreOutcome | MergeOutcome | PackOutcome> = [];
    // A backup of the store before anything is imported (once a backup passphrase is set). A
    // failed backup is reported but does not stop the import: the member asked for it.
    if (candidates.some((candidate) => ['valid', 'annotations', 'pack'].includes(candidate.outcome.status))) {
      const backup = await backUpIfSetUp(db, api, 'before-import').catch((error: unknown) => ({ ok: false, error }) as const);
      if (backup && !backup.ok) console.warn('The backup before an import failed', backup.error);
    }
    for (const candidate of candidates) {
      try {
        const outcome = await storeOne(candidate);
        outcomes.push(outcome);
        record({
          fileName: candidate.fileName,
          source: candidate.source,
          outcome,
          ...(outcome.status === 'needs-mapping' ? { candidate } : {}),
        });
      } catch (error) {
        // The transaction rolled back: the store is as it was. Say so plainly.
        console.error('Import failed', error);
        record({
          fileName: candidate.fileName,
          source: candidate.source,
          outcome: {
            status: 'error',
            message: `${candidate.fileName} could not be stored, so nothing was changed. ${describeStoreError(error)}`,
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
        setState({ isBusy: false, progress: null });
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function fetchAndStore(
    fetch: (known: string[]) => ReturnType<Api['call']>,
  ): Promise<Array<StoreOutcome | MergeOutcome | PackOutcome>> {
    const known = [...(await importedFileHashes(db)), ...(await mergedAnnotationFileHashes(db)), ...(await packFileHashes(db))];
    const reply = await fetch(known);
    if (!reply.ok) {
      record({ fileName: '', source: 'dialog', outcome: { status: 'error', message: reply.error.message } });
      return [];
    }
    return storeAll(reply.value as ImportCandidate[]);
  }

  const unsubscribers = [
    api.on('sync:progress', (progress) => setState({ progress: progress.phase === 'done' ? null : progress })),
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
        const outcomes = await storeAll(reply.value);
        await setMeta(db, SAMPLE_LOADED, true);
        return outcomes;
      }),

    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
    },
  };
  return controller;
}

export type SyncController = ReturnType<typeof createSyncController>;

function describeStoreError(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'QuotaExceededError') return 'The computer is out of space for Oversight’s data.';
  return 'Please try again; if it happens again, tell the programme office.';
}
