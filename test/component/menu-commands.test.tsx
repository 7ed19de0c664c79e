import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/app';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract';
import { fakeBridge, renderWithServices, type FakeBridge } from './helpers';

// Each application-menu command as main sends it (the `menu:command` event), and what it does
// in the renderer.

beforeEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
  vi.restoreAllMocks();
});

function appBridge() {
  return fakeBridge({
    'settings:get': () => ({ inboxFolder: '/home/cllr/Documents/Oversight/Inbox' }),
    'app:get-info': () => ({ name: 'Oversight', version: '9.9.9', platform: 'linux', dataFolder: '/data/oversight', locale: 'en-GB' }),
    'sync:open-dialog': () => [],
  });
}

async function renderApp() {
  // The app opens on Start; these tests begin on the plans view, where Go › Plan also leads.
  window.location.hash = '#/plan';
  const bridge = appBridge();
  const utils = renderWithServices(<App />, { bridge });
  await screen.findByRole('heading', { level: 1, name: 'Plans' });
  return { ...utils, bridge };
}

async function send(bridge: FakeBridge, command: MenuCommand | string) {
  await act(async () => {
    bridge.emit('menu:command', { command });
  });
}

describe('application menu commands in the renderer', () => {
  it.each([
    ['go-notes', 'Notes and questions', '#/notes'],
    ['go-meetings', 'Meetings', '#/meetings'],
    ['go-papers', 'Papers', '#/papers'],
    ['go-exports', 'Exports', '#/exports'],
    ['export', 'Exports', '#/exports'],
    ['help-guide', 'Help', '#/help'],
  ] as const)('%s opens the %s view', async (command, heading, hash) => {
    const { bridge } = await renderApp();
    await send(bridge, command);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(window.location.hash).toBe(hash);
  });

  it('go-plan comes back to the plans view', async () => {
    const { bridge } = await renderApp();
    await send(bridge, 'go-exports');
    await screen.findByRole('heading', { level: 1, name: 'Exports' });
    await send(bridge, 'go-plan');
    expect(await screen.findByRole('heading', { level: 1, name: 'Plans' })).toBeInTheDocument();
  });

  it('import opens the Import dialog in main and shows Imports', async () => {
    const { bridge } = await renderApp();
    await send(bridge, 'import');
    await waitFor(() => expect(bridge.calls.map((call) => call.channel)).toContain('sync:open-dialog'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Imports' })).toBeInTheDocument();
  });

  it('print prints the current view', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { bridge } = await renderApp();
    await send(bridge, 'print');
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('the theme commands set the theme, remember it and show it in Settings', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await send(bridge, 'theme-dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('oversight.theme')).toBe('dark');

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const group = await screen.findByRole('group', { name: 'Theme' });
    expect(within(group).getByRole('radio', { name: 'Dark' })).toBeChecked();

    await send(bridge, 'theme-light');
    await waitFor(() => expect(within(group).getByRole('radio', { name: 'Light' })).toBeChecked());
    expect(document.documentElement.dataset.theme).toBe('light');

    // And the setting changes it back: follow the system.
    await user.click(within(group).getByRole('radio', { name: 'Follow the system' }));
    expect(document.documentElement.dataset.theme).toBe('system');
    expect(window.localStorage.getItem('oversight.theme')).toBe('system');
    await send(bridge, 'theme-dark');
    await send(bridge, 'theme-system');
    expect(document.documentElement.dataset.theme).toBe('system');
  });

  it('help-shortcuts shows the keyboard shortcut sheet, which Close dismisses', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await send(bridge, 'help-shortcuts');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('cell', { name: 'Ctrl+K' })).toBeInTheDocument();
    expect(within(dialog).getByRole('cell', { name: 'Alt+3' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument());
  });

  it('help-about shows the version and data folder main reports', async () => {
    const { bridge } = await renderApp();
    await send(bridge, 'help-about');
    expect(await screen.findByRole('heading', { level: 1, name: 'About Oversight' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('about-version')).toHaveTextContent('9.9.9'));
    expect(screen.getByText('/data/oversight')).toBeInTheDocument();
  });

  it('ignores a command that is not in the contract, and a payload of the wrong shape', async () => {
    const { bridge } = await renderApp();
    const hashBefore = window.location.hash;
    await send(bridge, 'go-elsewhere');
    await act(async () => {
      bridge.emit('menu:command', { command: { toString: () => 'go-exports' } });
    });
    expect(window.location.hash).toBe(hashBefore);
    expect(screen.getByRole('heading', { level: 1, name: 'Plans' })).toBeInTheDocument();
    expect(bridge.calls.some((call) => call.channel === 'sync:open-dialog')).toBe(false);
  });

  it('covers every command the contract lists', () => {
    const tested = new Set(['go-notes', 'go-meetings', 'go-papers', 'go-exports', 'export', 'help-guide', 'go-plan', 'import', 'print']);
    for (const theme of ['theme-system', 'theme-light', 'theme-dark', 'help-shortcuts', 'help-about']) tested.add(theme);
    expect(new Set(MENU_COMMANDS)).toEqual(tested);
  });
});

describe('the ? key', () => {
  it('opens the shortcut sheet from anywhere but a text field', async () => {
    const user = userEvent.setup();
    await renderApp();
    // Typing a ? in the search box is typing, not a shortcut.
    await user.click(screen.getByRole('searchbox', { name: 'Search (Ctrl+K)' }));
    await user.keyboard('?');
    expect(screen.getByRole('searchbox', { name: 'Search (Ctrl+K)' })).toHaveValue('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('heading', { level: 1, name: 'Plans' }));
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
