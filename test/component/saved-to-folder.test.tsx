import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnnotationsFile } from '../../shared/annotations/file';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { ExportsView } from '../../renderer/exports/exports-view';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';

// "Saved to FOLDER" with "Show in folder", and the annotations file saved from Exports.

const SAVED_ID = '6f1f3c1e-2b0e-4f7a-9d7e-3c5a1b2d4e6f';
const on = (id: string) => ({ kind: 'action' as const, planId: 'northshire-wsoa-2025', id });

async function memberStore() {
  const db = freshDatabase();
  await storeCandidate(db, candidateFor(planObject()));
  const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
  await createAnnotation(db, profile, on('A-1.1'), { kind: 'note', text: 'PRIVATE-MARKER', tags: [], visibility: 'private' });
  await createAnnotation(db, profile, on('A-1.1'), { kind: 'question', text: 'A shared question', tags: [], visibility: 'shared' });
  return db;
}

describe('the annotations file from Exports', () => {
  it('saves the member’s shared annotations (never private ones), says which folder, and shows it on request', async () => {
    const user = userEvent.setup();
    const db = await memberStore();
    let sent: { file: AnnotationsFile } | undefined;
    const bridge = fakeBridge({
      'annotations:export': (argument) => {
        sent = argument as typeof sent;
        return { saved: true, fileName: 'Cllr Amina Shah.annotations.json', folder: '/home/amina/Documents/Board', savedId: SAVED_ID };
      },
      'shell:show-saved': () => ({ shown: true }),
    });
    renderWithServices(<ExportsView />, { db, bridge });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Your shared annotations' })).parentElement;
    if (!section) throw new Error('no section');
    await user.click(await within(section).findByRole('button', { name: 'Export my shared annotations…' }));
    await screen.findByText(
      'Saved Cllr Amina Shah.annotations.json to /home/amina/Documents/Board. It holds 1 shared annotation; private notes were not included.',
      { exact: false },
    );
    expect(sent?.file.annotations.map((entry) => entry.text)).toEqual(['A shared question']);
    expect(JSON.stringify(sent)).not.toContain('PRIVATE-MARKER');

    await user.click(screen.getByRole('button', { name: /^Show in folder\W*Cllr Amina Shah\.annotations\.json$/ }));
    await waitFor(() => expect(bridge.calls.at(-1)).toEqual({ channel: 'shell:show-saved', argument: { savedId: SAVED_ID } }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so plainly when the saved file has since been moved', async () => {
    const user = userEvent.setup();
    const db = await memberStore();
    const bridge = fakeBridge({
      'annotations:export': () => ({ saved: true, fileName: 'notes.annotations.json', folder: '/tmp', savedId: SAVED_ID }),
    });
    // Main's refusal, as the real handler words it.
    const invoke = bridge.invoke.bind(bridge);
    bridge.invoke = async (channel, argument) =>
      channel === 'shell:show-saved'
        ? { ok: false, error: { code: 'not-found', message: 'notes.annotations.json is no longer in /tmp: it was moved or deleted.' } }
        : invoke(channel, argument);
    renderWithServices(<ExportsView />, { db, bridge });
    await user.click(await screen.findByRole('button', { name: 'Export my shared annotations…' }));
    await user.click(await screen.findByRole('button', { name: /^Show in folder\W*notes\.annotations\.json$/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('notes.annotations.json is no longer in /tmp: it was moved or deleted.');
  });

  it('offers no Show in folder when nothing was saved', async () => {
    const user = userEvent.setup();
    const db = await memberStore();
    const bridge = fakeBridge({ 'annotations:export': () => ({ saved: false }) });
    renderWithServices(<ExportsView />, { db, bridge });
    await user.click(await screen.findByRole('button', { name: 'Export my shared annotations…' }));
    await screen.findByText('Nothing was saved.');
    expect(screen.queryByRole('button', { name: /^Show in folder/ })).not.toBeInTheDocument();
  });
});
