import { createDispatcher, type Dispatcher, type SenderInfo } from './ipc/dispatch';
import { createHandlers, type HandlerContext } from './ipc/handlers';
import { isTrustedSenderUrl } from './security';
import { createSettingsStore } from './settings-store';
import { createMappingStore } from './sync/mapping-store';
import { createSyncService } from './sync/service';

export type MainServicesOptions = Pick<HandlerContext, 'appInfo' | 'documentsFolder' | 'dialogs' | 'openExternal' | 'emit'> & {
  dataFolder: string;
  sampleFolder: string;
  /** The origin the app's pages are served from: `app://oversight` in Electron, the test server in the harness. */
  appOrigin: string;
  watchInbox?: boolean;
  stableForMs?: number;
};

/**
 * Builds everything main serves over IPC: the handler table and the dispatcher that guards
 * it. Electron's main.ts and the end-to-end harness both call this, so tests exercise the
 * very code the app runs.
 */
export function createMainServices(options: MainServicesOptions): { dispatch: Dispatcher; stop(): Promise<void> } {
  const sync = createSyncService({
    sampleFolder: options.sampleFolder,
    mappings: createMappingStore(options.dataFolder),
    emit: options.emit,
    ...(options.watchInbox !== undefined ? { watchInbox: options.watchInbox } : {}),
    ...(options.stableForMs !== undefined ? { stableForMs: options.stableForMs } : {}),
  });
  const handlers = createHandlers({
    appInfo: options.appInfo,
    documentsFolder: options.documentsFolder,
    settings: createSettingsStore(options.dataFolder),
    sync,
    dialogs: options.dialogs,
    openExternal: options.openExternal,
    emit: options.emit,
  });
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: (sender: SenderInfo) => sender.isOwnWindow && isTrustedSenderUrl(sender.frameUrl, options.appOrigin),
  });
  return { dispatch, stop: () => sync.stop() };
}
