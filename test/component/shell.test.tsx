import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, SECTIONS } from '../../renderer/app/app';
import { fakeBridge, renderWithServices } from './helpers';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  window.location.hash = '';
});

function settingsBridge() {
  return fakeBridge({
    'settings:get': () => ({ inboxFolder: '/home/cllr/Documents/Oversight/Inbox' }),
    'app:get-info': () => ({ name: 'Oversight', version: '9.9.9', platform: 'linux', dataFolder: '/data', locale: 'en-GB' }),
  });
}

describe('application shell', () => {
  it('shows the banner, the main navigation with every section, and the start page first', async () => {
    renderWithServices(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(SECTIONS.map((section) => section.label));
    expect(within(nav).getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { level: 1, name: 'What to do next' })).toBeInTheDocument();
    expect(screen.getByText('OFFICIAL-SENSITIVE')).toBeInTheDocument();
    expect(document.documentElement.lang === '' || document.documentElement.lang === 'en-GB').toBe(true);
  });

  it('moves between sections by keyboard alone and puts focus on the new view', async () => {
    const user = userEvent.setup();
    renderWithServices(<App />, { bridge: settingsBridge() });
    await screen.findByRole('heading', { level: 1, name: 'What to do next' });

    // Tab from the top: skip link, then the navigation links in order.
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Start' })).toHaveFocus();
    // Then through the navigation, link by link, to Settings.
    const settingsLink = screen.getByRole('link', { name: 'Settings' });
    for (let step = 0; step < SECTIONS.length && document.activeElement !== settingsLink; step += 1) await user.tab();
    expect(settingsLink).toHaveFocus();
    await user.keyboard('{Enter}');
    // jsdom does not fire hashchange for link activation on its own in every version: make sure.
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(heading).toHaveFocus();
    expect(settingsLink).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('inbox-folder')).toHaveTextContent('/home/cllr/Documents/Oversight/Inbox');
    expect(await screen.findByTestId('app-version')).toHaveTextContent('9.9.9');
  });

  it('the skip link moves focus to the main content', async () => {
    const user = userEvent.setup();
    renderWithServices(<App />);
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('says plainly when an address leads nowhere', async () => {
    window.location.hash = '#/no-such-view';
    renderWithServices(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/Choose a section from the navigation/)).toBeInTheDocument();
  });
});

describe('dropping files on the window', () => {
  it('sends the dropped files’ paths to main and shows the Imports view', async () => {
    const bridge = fakeBridge({ 'sync:read-dropped': () => [] }, (file) => `/home/cllr/Downloads/${(file as File).name}`);
    renderWithServices(<App />, { bridge });
    const file = new File(['{}'], 'plan.plan.json', { type: 'application/json' });
    const shell = screen.getByRole('main').parentElement as HTMLElement;
    fireEvent.dragOver(shell, { dataTransfer: { files: [file], types: ['Files'] } });
    fireEvent.drop(shell, { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(bridge.calls.some((call) => call.channel === 'sync:read-dropped')).toBe(true));
    expect(bridge.calls.find((call) => call.channel === 'sync:read-dropped')?.argument).toEqual({
      paths: ['/home/cllr/Downloads/plan.plan.json'],
      knownSha256: [],
    });
    expect(window.location.hash).toBe('#/imports');
  });

  it('explains when a dropped item has no path (e.g. text from another app) and asks main nothing', async () => {
    const bridge = fakeBridge({ 'sync:read-dropped': () => [] });
    window.location.hash = '#/imports';
    renderWithServices(<App />, { bridge });
    const shell = screen.getByRole('main').parentElement as HTMLElement;
    fireEvent.drop(shell, { dataTransfer: { files: [new File(['x'], 'clip.txt')], types: ['Files'] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only files from a folder can be dropped here.');
    expect(bridge.calls.some((call) => call.channel === 'sync:read-dropped')).toBe(false);
  });
});
