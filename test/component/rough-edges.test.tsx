import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportsView } from '../../renderer/views/imports-view';
import { SettingsView } from '../../renderer/views/settings-view';
import { fakeBridge, renderWithServices } from './helpers';

// Rough edges found in use (issue 19): each one pinned by the behaviour a member saw.

describe('what the inbox takes, as the Imports and Settings views say it', () => {
  it('Imports names packs and annotation files as well as plans and trackers', () => {
    renderWithServices(<ImportsView />);
    const intro = screen.getByText(/Import plan files/);
    for (const kind of ['.plan.json', '.csv', '.xlsx', '.zip', '.pack.json', '.annotations.json']) expect(intro).toHaveTextContent(kind);
    expect(intro).toHaveTextContent(/meeting packs/);
    expect(intro).toHaveTextContent(/annotation files/);
  });

  it('Settings says packs and annotation files saved to the inbox are imported too', async () => {
    const bridge = fakeBridge({
      'settings:get': () => ({ inboxFolder: '/home/cllr/Documents/Oversight/Inbox' }),
      'app:get-info': () => ({ name: 'Oversight', version: '9.9.9', platform: 'linux', dataFolder: '/data', locale: 'en-GB' }),
    });
    renderWithServices(<SettingsView />, { bridge });
    expect(
      await screen.findByText(/Plan files, trackers, meeting packs and annotation files saved into this folder are imported automatically/),
    ).toBeInTheDocument();
  });
});
