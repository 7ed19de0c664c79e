import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/app';
import { annotationSearchChanges } from '../../renderer/search/annotation-documents';
import { isSearchShortcut } from '../../renderer/search/search-box';
import { updateSearchIndex } from '../../renderer/search/search-index';
import { SearchView } from '../../renderer/search/search-view';
import { annotationRecord } from '../unit/plan-review/annotation-record';
import { renderWithServices } from './helpers';
import { PLAN_ID, storeWithPlan } from './plan-review-helpers';

afterEach(() => {
  window.location.hash = '';
});

describe('search', () => {
  it('finds a word from a progress update despite a misspelling, grouped by kind, with the matched word marked', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan();
    renderWithServices(<SearchView params={new URLSearchParams()} />, { db });
    await user.type(screen.getByRole('searchbox', { name: /Search actions, progress updates/ }), 'indcution');
    const group = await screen.findByRole('region', { name: 'Progress updates (1)' });
    const hit = within(group).getByRole('listitem');
    expect(within(hit).getByRole('link')).toHaveAttribute('href', `#/plan/action?plan=${PLAN_ID}&id=A-1.1&update=2026-02`);
    expect(hit.querySelector('mark')).toHaveTextContent('induction');
    expect(screen.getByTestId('search-status')).toHaveTextContent('1 result for “indcution”.');
  });

  it('finds annotations as soon as they are saved, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan();
    renderWithServices(<SearchView params={new URLSearchParams('q=locum')} />, { db });
    expect(await screen.findByText('Nothing found for “locum”.')).toBeInTheDocument();
    const note = annotationRecord({
      planId: PLAN_ID,
      actionId: 'A-1.2',
      text: 'Ask about locum cover for the audit',
      authorName: 'Cllr Amira Shah',
    });
    await act(async () => {
      await db.transaction('rw', [db.annotations, db.searchIndex], async () => {
        await db.annotations.put(note);
        await updateSearchIndex(db, annotationSearchChanges([note]));
      });
    });
    const group = await screen.findByRole('region', { name: 'Annotations (1)' });
    expect(within(group).getByRole('link')).toHaveTextContent('Question by Cllr Amira Shah');
    await user.clear(screen.getByRole('searchbox', { name: /Search actions/ }));
    await user.type(screen.getByRole('searchbox', { name: /Search actions/ }), 'x');
    expect(screen.getByTestId('search-status')).toHaveTextContent('Type at least two letters');
  });

  it('keeps the words typed in the address, and never writes an older search over a newer address', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan();
    // The address has moved on (a link followed as the app opened) while the view still shows
    // the search it was rendered for: the address is left as it is.
    window.location.hash = '#/search?q=coordinator';
    renderWithServices(<SearchView params={new URLSearchParams('q=induction')} />, { db });
    await screen.findByRole('region', { name: 'Progress updates (1)' });
    expect(window.location.hash).toBe('#/search?q=coordinator');
    // Typing writes the words into the address, without a history entry per key.
    const length = window.history.length;
    await user.type(screen.getByRole('searchbox', { name: /Search actions/ }), 's');
    expect(window.location.hash).toBe('#/search?q=inductions');
    await user.clear(screen.getByRole('searchbox', { name: /Search actions/ }));
    expect(window.location.hash).toBe('#/search');
    expect(window.history.length).toBe(length);
  });

  it('Ctrl+K (or Cmd+K) puts the cursor in the shell’s search box, and Enter opens the results', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan();
    renderWithServices(<App />, { db });
    await screen.findByRole('heading', { level: 1, name: 'What to do next' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Search (Ctrl+K)' });
    expect(box).toHaveFocus();
    await user.keyboard('coordinator{Enter}');
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/search?q=coordinator');
    await waitFor(() => expect(screen.getByRole('region', { name: /^Risks/ })).toBeInTheDocument());
    expect(isSearchShortcut({ key: 'K', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
    expect(isSearchShortcut({ key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
    expect(isSearchShortcut({ key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  });
});
