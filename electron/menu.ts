import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

// The application menu and the text context menu as plain data: main.ts only hands them to
// Menu.buildFromTemplate, so what each item does is tested without Electron. Items that act on
// the app's data send a command name to the renderer over the IPC contract's `menu:command`
// event; everything the OS already does well (editing, zoom, full screen, closing) uses
// Electron's standard roles, so shortcuts and platform conventions come for free.

/** What the application menu needs from main. */
export type ApplicationMenuOptions = {
  /** Sends a command to the app's window (the `menu:command` event). */
  send: (command: MenuCommand) => void;
  /** A packaged build leaves out reload and the developer tools. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
};

/** The application menu's template: File, Edit, View, Go, Window (macOS) and Help. */
export function applicationMenuTemplate({ send, isPackaged, platform }: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('&Import…', 'import', 'CmdOrCtrl+O'),
      command('&Export…', 'export', 'CmdOrCtrl+E'),
      separator,
      command('&Print…', 'print', 'CmdOrCtrl+P'),
      separator,
      // Close the window (which ends the app on Windows and Linux); Quit is in the app menu on macOS.
      { role: 'close', label: '&Close' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom', label: 'Actual size' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      {
        label: '&Theme',
        submenu: [command('Follow the &system', 'theme-system'), command('&Light', 'theme-light'), command('&Dark', 'theme-dark')],
      },
      separator,
      { role: 'togglefullscreen' },
      // Reload and the developer tools are for developers: a packaged build has neither, so a
      // member cannot lose a half-typed note to a stray Ctrl+R or poke at the store by accident.
      ...(isPackaged
        ? []
        : [separator, { role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [
      command('&Plan', 'go-plan', 'CmdOrCtrl+1'),
      command('&Notes', 'go-notes', 'CmdOrCtrl+2'),
      command('&Meetings', 'go-meetings', 'CmdOrCtrl+3'),
      command('P&apers', 'go-papers', 'CmdOrCtrl+4'),
      command('&Exports', 'go-exports', 'CmdOrCtrl+5'),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      command('&User guide', 'help-guide', 'F1'),
      command('&Keyboard shortcuts', 'help-shortcuts'),
      separator,
      command('&About Oversight', 'help-about'),
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    go,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}

/** The parts of Electron's context-menu parameters the text menu reads. */
export type TextContextParams = {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
};

/** What the text menu's spelling items do (webContents and session methods in main). */
export type TextContextActions = {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
};

/**
 * The context menu for text: spelling suggestions (from the local dictionary) above cut, copy,
 * paste and select all in an editable field; copy alone on selected text elsewhere; nothing
 * (no menu) where there is no text to act on.
 */
export function textContextMenuTemplate(params: TextContextParams, actions: TextContextActions): MenuItemConstructorOptions[] {
  if (!params.isEditable) {
    return params.selectionText.trim() === '' ? [] : [{ role: 'copy', enabled: params.editFlags.canCopy }];
  }
  const spelling: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord !== '') {
    const word = params.misspelledWord;
    if (params.dictionarySuggestions.length === 0) spelling.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
      spelling.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    spelling.push({ label: `Add “${word}” to dictionary`, click: () => actions.addToDictionary(word) });
    spelling.push({ type: 'separator' });
  }
  return [
    ...spelling,
    { role: 'cut', enabled: params.editFlags.canCut },
    { role: 'copy', enabled: params.editFlags.canCopy },
    { role: 'paste', enabled: params.editFlags.canPaste },
    { type: 'separator' },
    { role: 'selectAll', enabled: params.editFlags.canSelectAll },
  ];
}
