import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationsFile } from '../../shared/annotations/file';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { NotesView } from '../../renderer/annotations/notes-view';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { QuestionsView } from '../../renderer/annotations/questions-view';
import { App } from '../../renderer/app/app';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';

const SAVED_ID = '0b6c2a52-64f5-4d5e-9a0c-1f1b8e0b1c2d';

async function setUp() {
  const db = freshDatabase();
  await storeCandidate(db, candidateFor(planObject()));
  const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
  return { db, profile };
}

const on = (id: string) => ({ kind: 'action' as const, planId: 'northshire-wsoa-2025', id });

describe('My questions', () => {
  it('lists open questions by area, in the member’s order, reorderable by keyboard, printable', async () => {
    const user = userEvent.setup();
    const { db, profile } = await setUp();
    await createAnnotation(db, profile, on('A-1.1'), { kind: 'question', text: 'Q about recruitment', tags: [], visibility: 'private' });
    await createAnnotation(db, profile, on('A-1.2'), { kind: 'question', text: 'Q about audits', tags: [], visibility: 'private' });
    await createAnnotation(db, profile, on('A-2.1'), { kind: 'question', text: 'Q about the website', tags: [], visibility: 'shared' });
    await createAnnotation(db, profile, on('A-2.1'), { kind: 'note', text: 'Just a note', tags: [], visibility: 'private' });
    renderWithServices(<QuestionsView />, { db });

    const area1 = await screen.findByRole('region', { name: 'Area 1: Timeliness and quality of EHC needs assessments and plans' });
    const area2 = screen.getByRole('region', { name: 'Area 2: Parents’ understanding of the Local Offer' });
    expect(
      within(area1)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Q about recruitment'), expect.stringContaining('Q about audits')]);
    expect(within(area2).getByText('Q about the website')).toBeInTheDocument();
    expect(screen.queryByText('Just a note')).toBeNull();

    within(area1).getByRole('button', { name: 'Move down: Q about recruitment' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        within(area1)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([expect.stringContaining('Q about audits'), expect.stringContaining('Q about recruitment')]),
    );
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Print my questions' }));
    expect(print).toHaveBeenCalledOnce();
  });
});

describe('Notes view', () => {
  it('exports shared annotations through main, leaving private ones out', async () => {
    const user = userEvent.setup();
    const { db, profile } = await setUp();
    await createAnnotation(db, profile, on('A-1.1'), { kind: 'note', text: 'PRIVATE-MARKER', tags: [], visibility: 'private' });
    await createAnnotation(db, profile, on('A-1.1'), { kind: 'concern', text: 'A shared concern', tags: [], visibility: 'shared' });
    let sent: { file: AnnotationsFile; suggestedName: string } | undefined;
    const bridge = fakeBridge({
      'annotations:export': (argument) => {
        sent = argument as typeof sent;
        return { saved: true, fileName: 'Cllr Amina Shah.annotations.json', folder: '/home/cllr/Documents', savedId: SAVED_ID };
      },
      'shell:show-saved': () => ({ shown: true }),
    });
    renderWithServices(<NotesView />, { db, bridge });
    await user.click(await screen.findByRole('button', { name: 'Export my shared annotations…' }));
    expect(
      await screen.findByText(
        /^Saved Cllr Amina Shah\.annotations\.json to \/home\/cllr\/Documents\. It holds 1 shared annotation; private notes were not included\./,
      ),
    ).toBeInTheDocument();
    // "Show in folder" names the file by main's id, never by a path.
    await user.click(screen.getByRole('button', { name: /^Show in folder\W*Cllr Amina Shah\.annotations\.json$/ }));
    await waitFor(() => expect(bridge.calls.at(-1)).toEqual({ channel: 'shell:show-saved', argument: { savedId: SAVED_ID } }));
    expect(JSON.stringify(sent)).not.toContain('PRIVATE-MARKER');
    expect(sent?.file.annotations.map((entry) => entry.text)).toEqual(['A shared concern']);
    expect(sent?.suggestedName).toMatch(/^Cllr Amina Shah annotations \d{4}-\d{2}-\d{2}\.annotations\.json$/);
    // The table names what each note is about.
    expect((await screen.findAllByRole('link', { name: '1.1 Recruit and train additional EHC coordinators' })).length).toBeGreaterThan(0);
  });
});

describe('first run', () => {
  it('asks for a profile; “Not now” lets the member carry on', async () => {
    const user = userEvent.setup();
    window.location.hash = '';
    renderWithServices(<App />);
    const dialog = await screen.findByRole('dialog', { name: 'Welcome to Oversight' });
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.documentElement.dataset.profile).toBe('missing');
  });
});
