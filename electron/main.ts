import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, net, utilityProcess } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES, type EventName, type EventPayload } from '../shared/ipc/contract';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  hardenedWindowOptions,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedSessionRequest,
  keepSpellcheckerOffline,
  mimeTypeFor,
  resolveAppAsset,
  securityHeaders,
} from './security';
import { createMainServices } from './services';
import { createParseHost, type SpawnParser } from './sync/parse-host';
import { watchRendererProcess } from './renderer-recovery';
import { installDictionary } from './spellcheck-dictionary';
import { applicationMenuTemplate, textContextMenuTemplate } from './menu';

// Thin wiring only: every decision lives in a plain module (security.ts, services.ts and the
// handlers) that the tests exercise without Electron.

// A second copy would fight over the same IndexedDB and inbox: hand over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
}

// Dates in native inputs (dd/mm/yyyy) and the spell-checker follow the UI language: en-GB.
app.commandLine.appendSwitch('lang', 'en-GB');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const rendererRoot = path.join(__dirname, '..', 'renderer');
const sampleFolder = app.isPackaged
  ? path.join(process.resourcesPath, 'sample')
  : path.join(__dirname, '..', '..', 'electron', 'resources', 'sample');
// Where the spellchecker's en-GB dictionary may come from: inside the app, never the network.
const dictionaryFolder = app.isPackaged
  ? path.join(process.resourcesPath, 'dictionaries')
  : path.join(__dirname, '..', '..', 'electron', 'resources', 'dictionaries');

let mainWindow: BrowserWindow | null = null;

function emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
  mainWindow?.webContents.send(event, payload);
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

// Applies to every web contents the app ever creates, so nothing can navigate away, open a
// window or attach a webview, whatever a page tries.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/**
 * Prints a self-contained HTML page (an export's minutes) to PDF in a hidden, sandboxed window
 * with JavaScript off, in its own in-memory session that may load nothing but the page itself.
 */
async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const printSession = session.fromPartition('oversight-print', { cache: false });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  const printer = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      offscreen: true,
    },
  });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return new Uint8Array(await printer.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    printer.destroy();
  }
}

/**
 * Draws an SVG (a report chart) as a PNG of the given size, for the report's DOCX: the SVG is
 * loaded as an image in the same kind of hidden, sandboxed, script-less window and captured.
 */
async function renderSvgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const printSession = session.fromPartition('oversight-print', { cache: false });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  const painter = new BrowserWindow({
    show: false,
    width,
    height,
    useContentSize: true,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      offscreen: true,
    },
  });
  try {
    const html = `<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`;
    await painter.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const image = await painter.webContents.capturePage({ x: 0, y: 0, width, height });
    return new Uint8Array(image.toPNG());
  } finally {
    painter.destroy();
  }
}

void app.whenReady().then(async () => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The shipped en-GB dictionary goes where Chromium looks before downloading one.
  const dictionary = await installDictionary(dictionaryFolder, app.getPath('userData'));
  if (dictionary.status === 'missing' || dictionary.status === 'failed') console.warn(dictionary.message);
  const dictionaryUrl = keepSpellcheckerOffline(ses, dictionaryFolder);
  // No remote content: the only URLs the page may load are the app's own (and DevTools), and the
  // spellchecker only its local dictionary folder.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedSessionRequest(details.url, APP_ORIGIN, dictionaryUrl) });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: { 'Content-Type': mimeTypeFor(file), ...securityHeaders() },
    });
  });

  const services = createMainServices({
    appOrigin: APP_ORIGIN,
    // Plan files, trackers and packs are parsed in a utilityProcess with a memory cap and a time
    // limit, never in main: the window keeps talking to main whatever a file holds.
    examine: createParseHost(utilityProcessParser(path.join(__dirname, 'parse-worker.cjs'))).examine,
    dataFolder: app.getPath('userData'),
    documentsFolder: app.getPath('documents'),
    sampleFolder,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      dataFolder: app.getPath('userData'),
      locale: 'en-GB',
    },
    dialogs: {
      async openFiles(chosen) {
        const options = {
          title: chosen?.title ?? 'Import plan files',
          properties: (chosen?.multiple === false ? ['openFile'] : ['openFile', 'multiSelections']) as Array<
            'openFile' | 'multiSelections'
          >,
          filters: chosen?.filters ?? [
            { name: 'Plan files, trackers and meeting packs', extensions: ['json', 'csv', 'xlsx', 'zip'] },
            { name: 'Oversight backups', extensions: ['oversight-backup'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      async chooseFolder(defaultPath, title) {
        const options = {
          title: title ?? 'Choose the inbox folder',
          defaultPath,
          properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async saveFile(defaultName, filter) {
        const options = {
          title: 'Save',
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: [filter],
          properties: ['showOverwriteConfirmation' as const],
        };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    openExternal: (url) => shell.openExternal(url),
    openPath: (filePath) => shell.openPath(filePath),
    showItemInFolder: (filePath) => shell.showItemInFolder(filePath),
    printHtmlToPdf,
    renderSvgToPng,
    emit,
  });

  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, argument: unknown) =>
      services.dispatch(channel, { frameUrl: event.senderFrame?.url, isOwnWindow: event.sender === mainWindow?.webContents }, argument),
    );
  }

  // The menu's commands go to the app's own window only, as a name from the contract's list.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        send: (command) => emit('menu:command', { command }),
        isPackaged: app.isPackaged,
        platform: process.platform,
      }),
    ),
  );

  mainWindow = new BrowserWindow(hardenedWindowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow.webContents.on('context-menu', (_event, params) => {
    const contents = mainWindow?.webContents;
    if (!contents) return;
    const template = textContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: mainWindow ?? undefined });
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // A dead renderer leaves a blank window: reload it (the app then says what was recovered).
  watchRendererProcess(mainWindow.webContents, {
    appUrl: `${APP_SCHEME}://${APP_HOST}/index.html`,
    showError: (message) => dialog.showErrorBox('Oversight', message),
  });
  await mainWindow.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);

  app.on('before-quit', () => void services.stop());
});

app.on('window-all-closed', () => app.quit());

/** Starts file readers as Electron utilityProcesses (a process each, capped by V8's old space). */
function utilityProcessParser(entry: string): SpawnParser {
  return (limits) => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Oversight file reader',
      execArgv: [`--max-old-space-size=${limits.memoryMb}`],
      stdio: 'ignore',
    });
    let exitListener: ((reason: { outOfMemory: boolean; detail: string }) => void) | undefined;
    // A reader that dies while reading has run out of memory (the only limit it can hit itself).
    child.on('exit', (code) => exitListener?.({ outOfMemory: code !== 0, detail: `exit code ${code}` }));
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListener = listener;
      },
      kill: () => void child.kill(),
    };
  };
}
