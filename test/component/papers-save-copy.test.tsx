import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { PaperView } from '../../renderer/papers/paper-view';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';

// "Save a copy with my notes" on a paper says which folder the copy went into, with "Show in
// folder", as exports do. pdf.js does not run in jsdom: the viewer and the copy's making are
// stand-ins here (the copy itself is tested in test/unit/pack/build-annotated-copy.test.ts).
vi.mock('../../renderer/papers/text-extraction', () => ({ startTextExtraction: () => Promise.resolve() }));
vi.mock('../../renderer/papers/pdf-viewer', () => ({ PdfViewer: () => <p>The paper</p> }));
vi.mock('../../renderer/papers/annotated-copy', () => ({
  buildAnnotatedCopy: () => Promise.resolve({ bytes: new Uint8Array([37, 80, 68, 70]), fileName: 'Performance dashboard (my notes).pdf' }),
}));

const SAVED_ID = '0b7a4c2e-5d1f-4e8a-b3c9-2f6d8e1a7b40';

async function setUp() {
  const db = freshDatabase();
  await saveProfile(db, { displayName: 'Cllr Priya Shah', role: 'member', organisation: 'Conservative group' });
  await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
  return db;
}

describe('a copy of a paper with my notes', () => {
  it('says which folder the copy was saved to, and shows it on request by the id main gave it', async () => {
    const user = userEvent.setup();
    const db = await setUp();
    const bridge = fakeBridge({
      'papers:save-copy': () => ({
        saved: true,
        fileName: 'Performance dashboard (my notes).pdf',
        folder: 'C:\\Users\\priya\\Documents\\Board',
        savedId: SAVED_ID,
      }),
      'shell:show-saved': () => ({ shown: true }),
    });
    renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4' })} />, { db, bridge });
    await user.click(await screen.findByRole('button', { name: /Save a copy with my notes/ }));
    await screen.findByText('Saved Performance dashboard (my notes).pdf to C:\\Users\\priya\\Documents\\Board.', { exact: false });
    expect(bridge.calls.find((call) => call.channel === 'papers:save-copy')?.argument).toMatchObject({
      suggestedName: 'Performance dashboard (my notes).pdf',
    });

    await user.click(screen.getByRole('button', { name: /^Show in folder\W*Performance dashboard \(my notes\)\.pdf$/ }));
    await waitFor(() => expect(bridge.calls.at(-1)).toEqual({ channel: 'shell:show-saved', argument: { savedId: SAVED_ID } }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says nothing was saved when the user cancels, and offers no "Show in folder"', async () => {
    const user = userEvent.setup();
    const db = await setUp();
    const bridge = fakeBridge({ 'papers:save-copy': () => ({ saved: false }) });
    renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4' })} />, { db, bridge });
    await user.click(await screen.findByRole('button', { name: /Save a copy with my notes/ }));
    await waitFor(() => expect(bridge.calls.some((call) => call.channel === 'papers:save-copy')).toBe(true));
    await waitFor(() => expect(screen.queryByText('Making your copy…')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /Show in folder/ })).not.toBeInTheDocument();
  });
});
