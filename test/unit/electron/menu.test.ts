import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, textContextMenuTemplate, type TextContextParams } from '../../../electron/menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/contract';

function build(options: { isPackaged?: boolean; platform?: NodeJS.Platform } = {}) {
  const sent: MenuCommand[] = [];
  const template = applicationMenuTemplate({
    send: (command) => sent.push(command),
    isPackaged: options.isPackaged ?? true,
    platform: options.platform ?? 'win32',
  });
  return { template, sent };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`${item?.label ?? item?.role ?? 'item'} has no submenu`);
  return submenu;
}

function topLevel(template: MenuItemConstructorOptions[], label: string) {
  const found = template.find((item) => item.label?.replace('&', '') === label);
  if (!found) throw new Error(`No ${label} menu`);
  return found;
}

/** Every item in the tree, depth first. */
function everyItem(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? everyItem(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined) {
  if (!item?.click) throw new Error(`${item?.label ?? 'item'} does nothing`);
  (item.click as () => void)();
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label?.replaceAll('&', '') === label);

describe('application menu', () => {
  it('has File, Edit, View, Go and Help in that order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build({ platform });
      expect(template.map((item) => item.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
    }
  });

  it('adds the app menu first and a Window menu on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(template.map((item) => item.role ?? item.label?.replace('&', ''))).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'Go',
      'windowMenu',
      'help',
    ]);
  });

  it('File sends import, export and print, and closes the window with the standard role', () => {
    const { template, sent } = build();
    const file = submenuOf(topLevel(template, 'File'));
    click(byLabel(file, 'Import…'));
    click(byLabel(file, 'Export…'));
    click(byLabel(file, 'Print…'));
    expect(sent).toEqual(['import', 'export', 'print']);
    expect(byLabel(file, 'Print…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(file.at(-1)?.role).toBe('close');
  });

  it('Edit is made of the standard roles', () => {
    const edit = submenuOf(topLevel(build().template, 'Edit'));
    expect(edit.filter((item) => item.type !== 'separator').map((item) => item.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
  });

  it('Go moves to each main section with Ctrl (Cmd) and a number', () => {
    const { template, sent } = build();
    const go = submenuOf(topLevel(template, 'Go'));
    expect(go.map((item) => [item.label?.replaceAll('&', ''), item.accelerator])).toEqual([
      ['Plan', 'CmdOrCtrl+1'],
      ['Notes', 'CmdOrCtrl+2'],
      ['Meetings', 'CmdOrCtrl+3'],
      ['Papers', 'CmdOrCtrl+4'],
      ['Exports', 'CmdOrCtrl+5'],
    ]);
    for (const item of go) click(item);
    expect(sent).toEqual(['go-plan', 'go-notes', 'go-meetings', 'go-papers', 'go-exports']);
  });

  it('View has zoom, the three themes and full screen; reload and developer tools only in development', () => {
    const packaged = build({ isPackaged: true });
    const view = submenuOf(topLevel(packaged.template, 'View'));
    const roles = view.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const themes = submenuOf(byLabel(view, 'Theme'));
    for (const item of themes) click(item);
    expect(packaged.sent).toEqual(['theme-system', 'theme-light', 'theme-dark']);

    const development = submenuOf(topLevel(build({ isPackaged: false }).template, 'View'));
    expect(development.map((item) => item.role).filter(Boolean)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'reload',
      'forceReload',
      'toggleDevTools',
    ]);
    expect(everyItem(packaged.template).some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
  });

  it('Help opens the user guide (F1), the keyboard shortcuts and About', () => {
    const { template, sent } = build();
    const help = submenuOf(template.at(-1));
    for (const item of help) if (item.type !== 'separator') click(item);
    expect(sent).toEqual(['help-guide', 'help-shortcuts', 'help-about']);
    expect(byLabel(help, 'User guide')?.accelerator).toBe('F1');
  });

  it('sends only names from the contract, and every command in the contract has an item', () => {
    const { template, sent } = build();
    for (const item of everyItem(template)) if (item.click) click(item);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
    // No two items share an accelerator.
    const accelerators = everyItem(template).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
function params(overrides: Partial<TextContextParams>): TextContextParams {
  return { isEditable: true, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: flags, ...overrides };
}

describe('text context menu', () => {
  it('offers cut, copy, paste and select all in an editable field, enabled as Chromium says', () => {
    const template = textContextMenuTemplate(params({ editFlags: { ...flags, canCut: false, canCopy: false } }), {
      replaceMisspelling: () => undefined,
      addToDictionary: () => undefined,
    });
    expect(template.filter((item) => item.role).map((item) => [item.role, item.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('puts spelling suggestions first; choosing one replaces the word, and the word can be added to the dictionary', () => {
    const replaced: string[] = [];
    const added: string[] = [];
    const template = textContextMenuTemplate(
      params({ misspelledWord: 'colour', dictionarySuggestions: ['colour', 'color', 'col our', 'a', 'b', 'c', 'd', 'e'] }),
      { replaceMisspelling: (word) => replaced.push(word), addToDictionary: (word) => added.push(word) },
    );
    const labels = template.map((item) => item.label ?? item.role ?? item.type);
    // At most six suggestions, then "Add … to dictionary", a separator, then the edit roles.
    expect(labels.slice(0, 8)).toEqual(['colour', 'color', 'col our', 'a', 'b', 'c', 'Add “colour” to dictionary', 'separator']);
    click(template[1]);
    click(template[6]);
    expect(replaced).toEqual(['color']);
    expect(added).toEqual(['colour']);
  });

  it('says so when a misspelt word has no suggestions', () => {
    const template = textContextMenuTemplate(params({ misspelledWord: 'xqzt' }), {
      replaceMisspelling: () => undefined,
      addToDictionary: () => undefined,
    });
    expect(template[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
  });

  it('offers only Copy on selected text that cannot be edited, and no menu where there is nothing to act on', () => {
    const actions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined };
    expect(textContextMenuTemplate(params({ isEditable: false, selectionText: 'Action 2.4' }), actions)).toEqual([
      { role: 'copy', enabled: true },
    ]);
    expect(textContextMenuTemplate(params({ isEditable: false, selectionText: '  ' }), actions)).toEqual([]);
  });
});
