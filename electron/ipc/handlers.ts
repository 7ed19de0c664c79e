import type { AppInfo, EventName, EventPayload, Settings } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import { isAllowedExternalUrl } from '../security';
import type { SettingsStore } from '../settings-store';
import { defaultInboxFolder } from '../sync/inbox';
import type { SyncService } from '../sync/service';
import type { HandlerTable } from './dispatch';

/**
 * Everything a handler may touch, passed in rather than imported, so the same handler table
 * runs in Electron (main.ts) and in the end-to-end harness (test/e2e/harness.ts) with a temp
 * folder and scripted dialogs.
 */
export type HandlerContext = {
  appInfo: AppInfo;
  documentsFolder: string;
  settings: SettingsStore;
  sync: SyncService;
  dialogs: {
    /** Asks the user for plan files; [] when cancelled. */
    openFiles(): Promise<string[]>;
    /** Asks the user for a folder; null when cancelled. */
    chooseFolder(defaultPath: string): Promise<string | null>;
  };
  /** Opens an allow-listed https link in the OS browser. */
  openExternal(url: string): Promise<void>;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
};

/** The handler table main registers: one plain async function per channel of the contract. */
export function createHandlers(context: HandlerContext): HandlerTable {
  async function currentSettings(): Promise<Settings> {
    const stored = await context.settings.read();
    return { inboxFolder: stored.inboxFolder ?? defaultInboxFolder(context.documentsFolder) };
  }

  return {
    'app:get-info': async () => ok(context.appInfo),

    'settings:get': async () => ok(await currentSettings()),

    'settings:choose-inbox-folder': async () => {
      const current = await currentSettings();
      const chosen = await context.dialogs.chooseFolder(current.inboxFolder);
      if (!chosen) return ok(current);
      await context.settings.write({ ...(await context.settings.read()), inboxFolder: chosen });
      return ok(await currentSettings());
    },

    'settings:reset-inbox-folder': async () => {
      const { inboxFolder: _inboxFolder, ...rest } = await context.settings.read();
      await context.settings.write(rest);
      return ok(await currentSettings());
    },

    'sync:scan-inbox': async ({ knownSha256 }) => {
      const { inboxFolder } = await currentSettings();
      return ok(await context.sync.scanInbox(inboxFolder, knownSha256));
    },

    'sync:open-dialog': async ({ knownSha256 }) => {
      const paths = await context.dialogs.openFiles();
      return ok(await context.sync.candidatesFor(paths, 'dialog', knownSha256));
    },

    // Paths come from files the user dropped on the window. The renderer could name any path,
    // so only plan and tracker files are read, and what goes back is the validated plan, not
    // the file's raw bytes.
    'sync:read-dropped': async ({ paths, knownSha256 }) => ok(await context.sync.candidatesFor(paths, 'drop', knownSha256)),

    'sync:load-sample': async () => ok(await context.sync.sampleCandidates()),

    'sync:apply-mapping': async ({ token, mapping, remember }) => {
      const candidate = await context.sync.applyMapping(token, mapping, remember);
      return candidate ? ok(candidate) : fail('not-found', 'That file is no longer available to Oversight; import it again.');
    },

    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return ok({ opened: false });
      await context.openExternal(url);
      return ok({ opened: true });
    },
  };
}
