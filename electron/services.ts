import { createBackupService } from './backup/backup-service';
import { createPlanFolders } from './evidence/open-evidence';
import { createTrackerCopies } from './exports/tracker-copies';
import { createBoardService } from './board/service';
import { readDecisionsFile } from './exports/save-export';
import { createDispatcher, type Dispatcher, type SenderInfo } from './ipc/dispatch';
import { createHandlers, type HandlerContext } from './ipc/handlers';
import { createPackMaker } from './pack/pack-maker';
import { isTrustedSenderUrl } from './security';
import { createSettingsStore } from './settings-store';
import { createMappingStore } from './sync/mapping-store';
import { createSyncService, type SyncServiceOptions } from './sync/service';

export type MainServicesOptions = Pick<
  HandlerContext,
  | 'appInfo'
  | 'documentsFolder'
  | 'dialogs'
  | 'openExternal'
  | 'openPath'
  | 'printHtmlToPdf'
  | 'renderSvgToPng'
  | 'emit'
  | 'showItemInFolder'
> & {
  dataFolder: string;
  sampleFolder: string;
  /** The origin the app's pages are served from: `app://oversight` in Electron, the test server in the harness. */
  appOrigin: string;
  watchInbox?: boolean;
  stableForMs?: number;
  /** How files are examined: in a file reader of their own in the app (parse-host.ts); in this process by default. */
  examine?: SyncServiceOptions['examine'];
  /** Test seam: PBKDF2 iterations for new backup keys (the format's default otherwise). */
  backupIterations?: number;
};

/**
 * Builds everything main serves over IPC: the handler table and the dispatcher that guards
 * it. Electron's main.ts and the end-to-end harness both call this, so tests exercise the
 * very code the app runs.
 */
export function createMainServices(options: MainServicesOptions): {
  dispatch: Dispatcher;
  /** `asIfKilled`: tests' stand-in for main killed mid-work (files being written are left as they are). */
  stop(stopOptions?: { asIfKilled?: boolean }): Promise<void>;
} {
  const planFolders = createPlanFolders(options.dataFolder);
  const trackerCopies = createTrackerCopies(options.dataFolder);
  const sync = createSyncService({
    sampleFolder: options.sampleFolder,
    mappings: createMappingStore(options.dataFolder),
    // Best effort: a plan whose folder could not be remembered still imports; only its evidence
    // cannot be opened until it is imported again.
    onValidPlan: (planId, revision, filePath, evidence) =>
      planFolders.remember(planId, revision, filePath, evidence).catch(() => undefined),
    // Best effort too: without a copy, only the tracker round trip export is unavailable.
    onValidTracker: (tracker) => trackerCopies.keep(tracker).catch(() => undefined),
    emit: options.emit,
    ...(options.watchInbox !== undefined ? { watchInbox: options.watchInbox } : {}),
    ...(options.stableForMs !== undefined ? { stableForMs: options.stableForMs } : {}),
    ...(options.examine ? { examine: options.examine } : {}),
  });
  const settings = createSettingsStore(options.dataFolder);
  const board = createBoardService({
    settings,
    emit: options.emit,
    // The clerk's publications go through the very importers a file imported by hand does.
    importer: { candidatesFor: sync.candidatesFor, readDecisions: readDecisionsFile },
  });
  const backups = createBackupService({
    dataFolder: options.dataFolder,
    app: { name: options.appInfo.name, version: options.appInfo.version },
    ...(options.backupIterations !== undefined ? { iterations: options.backupIterations } : {}),
  });
  const packMaker = createPackMaker(options.dialogs, options.documentsFolder);
  const handlers = createHandlers({
    appInfo: options.appInfo,
    documentsFolder: options.documentsFolder,
    settings,
    board,
    sync,
    dialogs: options.dialogs,
    openExternal: options.openExternal,
    openPath: options.openPath,
    ...(options.showItemInFolder ? { showItemInFolder: options.showItemInFolder } : {}),
    planFolders,
    printHtmlToPdf: options.printHtmlToPdf,
    ...(options.renderSvgToPng ? { renderSvgToPng: options.renderSvgToPng } : {}),
    trackerCopies,
    emit: options.emit,
    backups,
    packMaker,
  });
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (sender: SenderInfo) => sender.isOwnWindow && isTrustedSenderUrl(sender.frameUrl, options.appOrigin),
  });
  return {
    dispatch,
    stop: async (stopOptions = {}) => {
      board.stop();
      await backups.stop(stopOptions);
      await sync.stop();
      await packMaker.stop();
    },
  };
}
