import { useEffect } from 'react';
import { menuCommandSchema, type MenuCommand } from '../../shared/ipc/contract';
import { useServices } from './context';
import { navigate } from './router';
import { setThemeChoice } from './theme';

// What each application-menu command does in the renderer. Main sends only the command's name
// (electron/menu.ts); the meaning lives here, next to the views it opens.

/** What the commands act on besides the route and the theme (the shell's own state, the sync controller). */
export type MenuCommandActions = {
  openImportDialog: () => void;
  openShortcuts: () => void;
  print: () => void;
};

const SECTION_FOR: Partial<Record<MenuCommand, string>> = {
  'go-plan': '/plan',
  'go-notes': '/notes',
  'go-meetings': '/meetings',
  'go-papers': '/papers',
  'go-exports': '/exports',
  export: '/exports',
  'help-guide': '/help',
};

/** Carries out one menu command. */
export function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): void {
  switch (command) {
    case 'import':
      // The Imports view shows what the dialog brought in (or why a file was refused).
      navigate('/imports');
      actions.openImportDialog();
      return;
    case 'print':
      actions.print();
      return;
    case 'theme-system':
    case 'theme-light':
    case 'theme-dark':
      setThemeChoice(command === 'theme-system' ? 'system' : command === 'theme-light' ? 'light' : 'dark');
      return;
    case 'help-shortcuts':
      actions.openShortcuts();
      return;
    case 'help-about':
      navigate('/help/about');
      return;
    default: {
      const path = SECTION_FOR[command];
      if (path) navigate(path);
    }
  }
}

/** Listens for the menu's commands for as long as the shell is mounted; `openShortcuts` must be stable. */
export function useMenuCommands(openShortcuts: () => void): void {
  const { api, sync } = useServices();
  useEffect(
    () =>
      api.on('menu:command', (payload) => {
        // Main sends names from the contract's list; anything else is ignored, not guessed at.
        const command = menuCommandSchema.safeParse(payload.command);
        if (!command.success) return;
        runMenuCommand(command.data, {
          openImportDialog: () => void sync.openDialog(),
          openShortcuts,
          print: () => window.print(),
        });
      }),
    [api, sync, openShortcuts],
  );
}
