import { stat } from 'node:fs/promises';
import path from 'node:path';
import { safeFileName } from '../../shared/files/safe-file-name';
import type { AppInfo, EventName, EventPayload, Settings } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import { openEvidence, type PlanFolders } from '../evidence/open-evidence';
import { readDecisionsFile, saveExport } from '../exports/save-export';
import type { TrackerCopies } from '../exports/tracker-copies';
import { writeFileAtomic } from '../fs/atomic-write';
import { createSavedFiles, type SavedFiles } from '../fs/saved-files';
import { createPackMaker, type PackMaker } from '../pack/pack-maker';
import { isPdf } from '../sync/pack-read';
import { isAllowedExternalUrl } from '../security';
import type { SettingsStore } from '../settings-store';
import type { BackupService } from '../backup/backup-service';
import { defaultInboxFolder } from '../sync/inbox';
import type { SyncService } from '../sync/service';
import type { BoardService } from '../board/service';
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
    /** Asks the user for files (by default plan files, trackers and packs); [] when cancelled. */
    openFiles(options?: { title: string; filters: Array<{ name: string; extensions: string[] }>; multiple: boolean }): Promise<string[]>;
    /** Asks the user for a folder (the title says what for; by default the inbox); null when cancelled. */
    chooseFolder(defaultPath: string, title?: string): Promise<string | null>;
    /** Asks where to save a file (the OS dialog asks before replacing one); null when cancelled. */
    saveFile(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  };
  /** Opens an allow-listed https link in the OS browser. */
  openExternal(url: string): Promise<void>;
  /** Opens a local file with the OS's default application: '' on success, else an error message (Electron's shell.openPath). */
  openPath(filePath: string): Promise<string>;
  /** Shows a file main saved in the OS file manager (Electron's shell.showItemInFolder); absent where there is none. */
  showItemInFolder?(filePath: string): void;
  /** The files main saved this session, for "Show in folder" (one made here when not given). */
  savedFiles?: SavedFiles;
  /** Where each plan's latest examined file came from, for opening its evidence. */
  planFolders: Pick<PlanFolders, 'evidenceOf'>;
  /** Prints an HTML page to PDF: an offscreen, script-less window's printToPDF in Electron; Chromium's page.pdf in the harness. */
  printHtmlToPdf(html: string): Promise<Uint8Array>;
  /** Draws an SVG chart as a PNG for the report's DOCX (ExportServices.renderSvgToPng); without it the DOCX has tables only. */
  renderSvgToPng?(svg: string, width: number, height: number): Promise<Uint8Array>;
  /** Copies of the spreadsheet trackers plans were imported from, for writing the board's updates back. */
  trackerCopies: Pick<TrackerCopies, 'find'>;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  /** The board folder (docs/formats/board-folder-v1.md). */
  board: Pick<BoardService, 'folderPath' | 'setFolder' | 'scan' | 'write' | 'compact' | 'publish' | 'readPublication'>;
  /** Backups: the key, the folder, files being written and backups opened for restore. */
  backups: BackupService;
  /** The clerk's pack maker, when its owner stops it (removing its temporary files); else one made here. */
  packMaker?: PackMaker;
};

/** The handler table main registers: one plain async function per channel of the contract. */
export function createHandlers(context: HandlerContext): HandlerTable {
  async function currentSettings(): Promise<Settings> {
    const stored = await context.settings.read();
    return { inboxFolder: stored.inboxFolder ?? defaultInboxFolder(context.documentsFolder) };
  }
  const packMaker = context.packMaker ?? createPackMaker(context.dialogs, context.documentsFolder);
  const savedFiles = context.savedFiles ?? createSavedFiles();

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

    'sync:open-pack-folder': async ({ knownSha256 }) => {
      const folder = await context.dialogs.chooseFolder(context.documentsFolder, 'Choose a meeting pack folder');
      return ok(folder ? await context.sync.candidatesFor([folder], 'dialog', knownSha256) : []);
    },

    // Only papers of packs main itself examined and handed out this session, by their opaque
    // token: the renderer cannot name a path, and the bytes are re-checked against their hash.
    'papers:read': async ({ token, paperId }) => {
      const read = await context.sync.readPaper(token, paperId);
      return read.ok ? ok({ bytes: read.bytes }) : fail('not-found', read.message);
    },

    'sync:apply-mapping': async ({ token, mapping, remember }) => {
      const candidate = await context.sync.applyMapping(token, mapping, remember);
      return candidate ? ok(candidate) : fail('not-found', 'That file is no longer available to Oversight; import it again.');
    },

    'annotations:export': async ({ file, suggestedName }) => {
      const chosen = await context.dialogs.saveFile(safeFileName(suggestedName), { name: 'Oversight annotations', extensions: ['json'] });
      if (!chosen) return ok({ saved: false });
      const target = chosen.toLowerCase().endsWith('.annotations.json') ? chosen : `${chosen.replace(/\.json$/i, '')}.annotations.json`;
      // The OS dialog asked before replacing the name the user chose; a name we changed was not
      // asked about, so it must not replace anything.
      const written = await writeFileAtomic(target, `${JSON.stringify(file, null, 2)}\n`, { overwrite: target === chosen });
      if (!written.ok) return fail(written.error.code, written.error.message);
      return ok({ saved: true, fileName: path.basename(target), ...savedFiles.remember(target) });
    },

    'exports:save': async (request) => {
      let chosen: string | null = null;
      const result = await saveExport(request, {
        services: {
          printHtmlToPdf: context.printHtmlToPdf,
          ...(context.renderSvgToPng ? { renderSvgToPng: context.renderSvgToPng } : {}),
          trackerCopies: context.trackerCopies,
          now: () => new Date(),
        },
        saveFile: async (defaultName, filter) => (chosen = await context.dialogs.saveFile(defaultName, filter)),
      });
      // The file went into the folder the user chose, under the name saveExport settled on.
      if (!result.ok || !result.value.saved || !result.value.fileName || chosen === null) return result;
      return ok({ ...result.value, ...savedFiles.remember(path.join(path.dirname(chosen), result.value.fileName)) });
    },

    'shell:show-saved': async ({ savedId }) => {
      const filePath = savedFiles.find(savedId);
      if (!filePath) return fail('not-found', 'Oversight can show only files it saved since it was opened. Look in the folder it named.');
      try {
        await stat(filePath);
      } catch {
        return fail('not-found', `${path.basename(filePath)} is no longer in ${path.dirname(filePath)}: it was moved or deleted.`);
      }
      if (!context.showItemInFolder) return fail('unavailable', 'This window cannot open a folder.');
      context.showItemInFolder(filePath);
      return ok({ shown: true as const });
    },

    // Only the files the user picks in the dialog are read, and only .decisions.json ones.
    'exports:import-decisions': async () => {
      const paths = await context.dialogs.openFiles();
      const files = [];
      for (const filePath of paths) files.push(await readDecisionsFile(filePath));
      return ok({ files });
    },

    // Each board on this laptop has its own folder: every board channel names the board (absent: the first).
    'board:get-folder': async (argument) => ok({ folder: await context.board.folderPath(argument?.board) }),

    'board:choose-folder': async (argument) => {
      const current = await context.board.folderPath(argument?.board);
      const chosen = await context.dialogs.chooseFolder(current ?? context.documentsFolder, 'Choose the board folder');
      if (chosen) await context.board.setFolder(chosen, argument?.board);
      return ok({ folder: chosen ?? current });
    },

    'board:scan': async (argument) => context.board.scan(argument?.board),

    'board:write': async ({ path: relativePath, bytes, board }) => context.board.write(relativePath, bytes, board),

    'board:compact': async ({ snapshotPath, segmentPaths, board }) => context.board.compact(snapshotPath, segmentPaths, board),

    // Only files the clerk picks in the dialog are published: the renderer names no path.
    'board:publish': async ({ includeExempt, memberId, deviceId, board }) => {
      const paths = await context.dialogs.openFiles({
        title: 'Choose what to publish to the board',
        filters: [{ name: 'Packs, plans, decisions and answers', extensions: ['zip', 'json', 'xlsx'] }],
        multiple: true,
      });
      if (paths.length === 0) return ok({ publication: null });
      const published = await context.board.publish(paths, { memberId, deviceId }, includeExempt, board);
      return published.ok ? ok({ publication: published.value }) : published;
    },

    'board:read-publication': async ({ path: manifestPath, bodySha256, knownSha256, board }) =>
      context.board.readPublication(manifestPath, bodySha256, knownSha256, board),

    'evidence:open': async ({ planId, evidenceId }) =>
      openEvidence({ planId, evidenceId }, { folders: context.planFolders, openPath: context.openPath }),

    'pack-maker:choose': async ({ kind }) => ok(await packMaker.choose(kind)),

    // Only PDFs main read for this clerk's session, by token and hash: never a path.
    'pack-maker:preview': async ({ token, sha256 }) => {
      const bytes = packMaker.preview(token, sha256);
      return bytes ? ok({ bytes }) : fail('not-found', 'That paper is no longer held; choose the PDFs again.');
    },

    'pack-maker:save': async (request) => ok(await packMaker.save(request)),

    'pack-maker:supplement': async ({ paths, meeting, agenda }) => {
      const made = await packMaker.supplement(paths ?? null, meeting, agenda);
      if (!made) return ok([]);
      if (!made.ok) return fail('invalid', made.errors.map((problem) => problem.message).join(' '));
      return ok(await context.sync.candidatesFor([made.zipPath], 'drop', []));
    },

    'papers:save-copy': async ({ bytes, suggestedName }) => {
      if (!isPdf(bytes)) return fail('invalid', 'The copy is not a PDF, so it was not saved.');
      const chosen = await context.dialogs.saveFile(safeFileName(suggestedName), { name: 'PDF', extensions: ['pdf'] });
      if (!chosen) return ok({ saved: false });
      const target = chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`;
      // As for annotations: only the name the OS dialog asked about may replace a file.
      const written = await writeFileAtomic(target, bytes, { overwrite: target === chosen });
      if (!written.ok) return fail(written.error.code, written.error.message);
      return ok({ saved: true, fileName: path.basename(target), ...savedFiles.remember(target) });
    },

    'backup:status': async () => ok(await context.backups.status()),
    'backup:set-passphrase': async ({ passphrase }) => ok(await context.backups.setPassphrase(passphrase)),
    'backup:choose-folder': async () => {
      const current = await context.backups.status();
      const chosen = await context.dialogs.chooseFolder(current.folder, 'Choose a folder for backups');
      return ok(chosen ? await context.backups.setFolder(chosen) : current);
    },
    'backup:reset-folder': async () => ok(await context.backups.setFolder(null)),
    'backup:begin': async ({ reason, schemaVersion }) => context.backups.begin(reason, schemaVersion),
    'backup:append': async ({ session, frame }) => context.backups.append(session, frame),
    'backup:finish': async ({ session, frame, holds }) => context.backups.finish(session, frame, holds),
    'backup:abort': async ({ session }) => {
      await context.backups.abort(session);
      return ok({ aborted: true as const });
    },
    'backup:open': async ({ fileName }) => {
      if (fileName !== undefined) return context.backups.openListed(fileName);
      const [chosen] = await context.dialogs.openFiles();
      return chosen ? context.backups.open(chosen) : ok(null);
    },
    'backup:unlock': async ({ token, passphrase }) => context.backups.unlock(token, passphrase),
    'backup:read': async ({ token, index }) => context.backups.read(token, index),
    'backup:forget': async () => {
      await context.backups.forget();
      return ok({ forgotten: true as const });
    },
    'backup:close': async ({ token }) => {
      context.backups.close(token);
      return ok({ closed: true as const });
    },

    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return ok({ opened: false });
      await context.openExternal(url);
      return ok({ opened: true });
    },
  };
}
