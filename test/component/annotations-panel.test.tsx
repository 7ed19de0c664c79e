import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AnnotationPanel } from '../../renderer/annotations/annotation-panel';
import { buildAnnotationsFile, createAnnotation, mergeAnnotationsFile } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';

const target = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.2' };

async function storeWithProfile(name = 'Cllr Amina Shah') {
  const db = freshDatabase();
  await storeCandidate(db, candidateFor(planObject()));
  const profile = await saveProfile(db, { displayName: name, role: 'member', organisation: 'Labour group' });
  return { db, profile };
}

describe('annotation panel', () => {
  it('adds, edits, answers and deletes a question by keyboard alone', async () => {
    const user = userEvent.setup();
    const { db } = await storeWithProfile();
    renderWithServices(<AnnotationPanel target={target} />, { db });
    await screen.findByText('No notes yet.');

    // Open "Add a note or question" with the keyboard and fill the form.
    await user.tab();
    expect(screen.getByText('Add a note or question')).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'question');
    await user.type(screen.getByRole('textbox', { name: 'Your question' }), 'When will the audit tool be used on every plan?');
    await user.type(screen.getByRole('textbox', { name: 'Tags (separate with commas)' }), 'QA, audit');
    await user.click(screen.getByRole('radio', { name: /Shared/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const item = (await screen.findByText('When will the audit tool be used on every plan?', { selector: 'p' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(item).getByText('Question for officers')).toBeInTheDocument();
    expect(within(item).getByText('You')).toBeInTheDocument();
    expect(within(item).getByText('Shared')).toBeInTheDocument();
    expect(
      within(item)
        .getAllByRole('listitem')
        .map((tag) => tag.textContent),
    ).toEqual(['QA', 'audit']);
    expect(screen.getByText('Question for officers added.')).toBeInTheDocument();

    await user.click(within(item).getByRole('button', { name: 'Record the answer' }));
    await user.type(screen.getByRole('textbox', { name: 'The answer as given at the meeting' }), 'From April, said the Head of SEND.');
    await user.click(screen.getByRole('button', { name: 'Save answer' }));
    await waitFor(() =>
      expect(document.querySelector('.annotation-answer')).toHaveTextContent(
        'Answer given at the meeting: From April, said the Head of SEND.',
      ),
    );

    const again = screen.getByText('When will the audit tool be used on every plan?', { selector: 'p' }).closest('li') as HTMLElement;
    await user.click(within(again).getByRole('button', { name: 'Edit' }));
    const text = within(again).getByRole('textbox', { name: 'Your question' });
    await user.clear(text);
    await user.type(text, 'When will the audit tool reach every new plan?');
    await user.click(within(again).getByRole('button', { name: 'Save changes' }));
    const edited = (await screen.findByText('When will the audit tool reach every new plan?', { selector: 'p' })).closest(
      'li',
    ) as HTMLElement;

    await user.click(within(edited).getByRole('button', { name: 'Delete' }));
    await user.click(within(edited).getByRole('button', { name: 'Delete' }));
    await screen.findByText('No notes yet.');
    const stored = await db.annotations.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ deleted: true, text: '' });
  });

  it('will not save an empty note, and says why', async () => {
    const user = userEvent.setup();
    const { db } = await storeWithProfile();
    renderWithServices(<AnnotationPanel target={target} />, { db });
    await user.click(await screen.findByText('Add a note or question'));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Write something before saving.');
    expect(await db.annotations.count()).toBe(0);
  });

  it('shows another member’s shared notes read-only, with their name', async () => {
    const other = await storeWithProfile('Cllr Ben Okafor');
    await createAnnotation(other.db, other.profile, target, {
      kind: 'concern',
      text: 'Audit sample too small.',
      tags: [],
      visibility: 'shared',
    });
    await createAnnotation(other.db, other.profile, target, {
      kind: 'note',
      text: 'Ben’s private thought',
      tags: [],
      visibility: 'private',
    });
    const { db, profile } = await storeWithProfile();
    await mergeAnnotationsFile(db, await buildAnnotationsFile(other.db, other.profile), { profile });
    renderWithServices(<AnnotationPanel target={target} />, { db });
    const item = (await screen.findByText('Audit sample too small.')).closest('li') as HTMLElement;
    expect(within(item).getByText('Cllr Ben Okafor')).toBeInTheDocument();
    expect(within(item).getByText('(read-only)')).toBeInTheDocument();
    expect(within(item).queryByRole('button')).toBeNull();
    expect(screen.queryByText('Ben’s private thought')).toBeNull();
  });

  it('says when the action moved after the note was written ("written before the due date moved")', async () => {
    const { db, profile } = await storeWithProfile();
    await createAnnotation(db, profile, target, { kind: 'question', text: 'Is April realistic?', tags: [], visibility: 'private' });
    const next = planObject();
    next.export.revision = 8;
    next.actions[1] = {
      ...next.actions[1],
      revisedDueDate: '2026-07-31',
      revisionApprovedBy: 'SEND Oversight Board, 9 April 2026',
      deliveryRag: 'amber',
    };
    await storeCandidate(db, candidateFor(next));
    renderWithServices(<AnnotationPanel target={target} />, { db });
    const item = (await screen.findByText('Is April realistic?')).closest('li') as HTMLElement;
    await waitFor(() =>
      expect(within(item).getByText(/^Written before/)).toHaveTextContent(
        'Written before the due date moved and the delivery RAG changed (written against revision 7).',
      ),
    );
  });

  it('offers to set up a profile before the first note', async () => {
    const db = freshDatabase();
    renderWithServices(<AnnotationPanel target={target} />, { db });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Set up your profile to add notes' }));
    const dialog = screen.getByRole('dialog', { name: 'Welcome to Oversight' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Your name as the board knows you' }), 'Cllr New');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role on the board' }), 'vice-chair');
    await user.click(within(dialog).getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByText('Add a note or question')).toBeInTheDocument();
    expect(await db.meta.get('profile')).toMatchObject({ value: { displayName: 'Cllr New', role: 'vice-chair' } });
  });
});
