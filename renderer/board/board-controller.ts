import type { Profile } from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import type { Api } from '../ipc/client';
import type { SyncController } from '../plan/sync-controller';
import type { PublicationPort } from './board-publications';
import { syncBoard, type BoardPort, type BoardSyncReport } from './board-sync';
import { openBoardId } from '../meetings/boards';

/** `notice` holds the lines of the last sync that brought or refused something, until another does. */
export type BoardState = {
  isSyncing: boolean;
  last: BoardSyncReport | null;
  notice: string[];
  error: string | null;
  lastAt: string | null;
};

/** One board's folder (each board on this laptop has its own), reached through main's IPC channels. */
export function ipcBoardPort(api: Api, board: string): BoardPort & PublicationPort {
  return {
    scan: () => api.call('board:scan', { board }),
    write: (path, bytes) => api.call('board:write', { path, bytes, board }),
    compact: (snapshotPath, segmentPaths) => api.call('board:compact', { snapshotPath, segmentPaths, board }),
    publish: (request) => api.call('board:publish', { ...request, board }),
    readPublication: (path, bodySha256, knownSha256) => api.call('board:read-publication', { path, bodySha256, knownSha256, board }),
  };
}

const controllers = new WeakMap<OversightDatabase, ReturnType<typeof makeController>>();

/**
 * One sync at a time per store, whoever asks (the background runner or Settings' "Sync now").
 * `sync` stores what the clerk publishes, by the same path as the Import dialog.
 */
export function boardController(db: OversightDatabase, api: Api, sync?: SyncController) {
  let controller = controllers.get(db);
  if (!controller) {
    controller = makeController(db, api, sync);
    controllers.set(db, controller);
  }
  return controller;
}

function makeController(db: OversightDatabase, api: Api, sync: SyncController | undefined) {
  let state: BoardState = { isSyncing: false, last: null, notice: [], error: null, lastAt: null };
  const listeners = new Set<() => void>();
  let running: Promise<void> | null = null;
  let again = false;

  function set(next: Partial<BoardState>) {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  async function run(profile: Profile): Promise<void> {
    set({ isSyncing: true });
    try {
      // The open board's folder; the board stays fixed for this sync even if the member switches.
      const board = await openBoardId(db);
      const result = await syncBoard(db, ipcBoardPort(api, board), profile, { localBoard: board, ...(sync ? { store: sync } : {}) });
      // Not configured or not joined yet is the normal state of a single-laptop user: no error shown.
      if (result.ok) {
        const lines = describeReport(result.value);
        set({ last: result.value, error: null, lastAt: new Date().toISOString(), ...(lines.length > 0 ? { notice: lines } : {}) });
      } else if (result.error.code !== 'not-joined' && result.error.code !== 'not-configured') set({ error: result.error.message });
    } catch {
      set({ error: 'Oversight could not finish reading the board folder; it will try again.' });
    } finally {
      set({ isSyncing: false });
    }
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    /** Syncs now, or once more straight after the sync already running. */
    sync(profile: Profile): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = run(profile).finally(() => {
        running = null;
        if (again) {
          again = false;
          void this.sync(profile);
        }
      });
      return running;
    },
  };
}

/** The notice a member sees after a sync: what arrived, what was refused. */
export function describeReport(report: BoardSyncReport): string[] {
  const lines = report.arrived.map(
    (arrival) =>
      `From the board folder: ${[
        arrival.inserted > 0 ? `${arrival.inserted} new ${arrival.inserted === 1 ? 'annotation' : 'annotations'}` : '',
        arrival.updated > 0 ? `${arrival.updated} changed` : '',
      ]
        .filter(Boolean)
        .join(' and ')} from ${arrival.authorName}.`,
  );
  for (const draft of report.drafts ?? []) {
    lines.push(
      `From the board folder: ${draft.fromName}’s draft record of ${draft.meetingTitle} (${formatDay(draft.meetingDate)}), read-only, in Settings.`,
    );
  }
  for (const publication of report.published) {
    lines.push(`From the board folder, the clerk published “${publication.title}”: ${publication.lines.join('; ')}.`);
  }
  if (report.refused.length > 0) {
    lines.push(
      `${report.refused.length} ${report.refused.length === 1 ? 'file was' : 'files were'} refused: ${report.refused[0]?.message ?? ''}`,
    );
  }
  if (report.stalled > 0) {
    lines.push(
      `${report.stalled} ${report.stalled === 1 ? 'file has' : 'files have'} not finished arriving in the board folder after ten minutes: check that the folder is syncing.`,
    );
  }
  return lines;
}

function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
