import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { annotationsOn, createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { savePaperText } from '../../renderer/papers/pack-repository';
import { PaperView } from '../../renderer/papers/paper-view';
import type { PdfViewerProps } from '../../renderer/papers/pdf-viewer';
import { paperRecordId } from '../../renderer/papers/types';
import { describePassage, paperTextModel } from '../../shared/pack/anchor';
import { freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';

// Highlights beside a paper. pdf.js does not run in jsdom, so the viewer is replaced by a stand-in
// that reports a selection the way the real one does (page and offsets in the page's text); the
// real viewer is driven in Chromium by test/e2e/papers.e2e.ts.
vi.mock('../../renderer/papers/text-extraction', () => ({ startTextExtraction: () => Promise.resolve() }));
vi.mock('../../renderer/papers/pdf-viewer', () => ({
  PdfViewer: (props: PdfViewerProps) => (
    <div>
      <p>Showing page {props.page}</p>
      {props.isExempt ? <p role="note">EXEMPT</p> : null}
      <p data-testid="highlights">
        {props.highlights.map((highlight) => `${highlight.page}:${highlight.start}-${highlight.end}`).join(' ')}
      </p>
      <button type="button" onClick={() => props.onPassage({ page: 2, start: 0, end: 37 })}>
        Select words
      </button>
    </div>
  ),
}));

const PAGES = ['Summary of the month.', 'Waits for speech and language therapy rose for the third month running.'];
const REISSUED = [
  'Summary of the month.',
  'A new paragraph on the method.',
  'Waits for speech and language therapy rose for the third month running.',
];

async function setUp() {
  const db = freshDatabase();
  const profile = await saveProfile(db, { displayName: 'Cllr Priya Shah', role: 'member', organisation: 'Conservative group' });
  await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
  await savePaperText(db, {
    id: paperRecordId('board-1', 'p4'),
    status: 'ready',
    pages: PAGES,
    pageLabels: null,
    extractedAt: '2026-11-05T09:01:00Z',
  });
  return { db, profile };
}

describe('highlights on a paper', () => {
  it('annotates the selected words, keeping the quote with its context, the offsets and the page', async () => {
    const user = userEvent.setup();
    const { db, profile } = await setUp();
    renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4' })} />, { db });
    await screen.findByRole('heading', { name: 'Performance dashboard' });
    await user.click(screen.getByRole('button', { name: 'Select words' }));
    const panel = screen.getByRole('region', { name: 'Highlights and notes' });
    expect(within(panel).getByText('Waits for speech and language therapy', { selector: 'blockquote' })).toBeInTheDocument();
    // The note's field shows once the member's profile has loaded (a live query): wait for it.
    await user.type(await within(panel).findByRole('textbox', { name: 'Your note' }), 'Ask what the ICB is doing about this.');
    await user.click(within(panel).getByRole('button', { name: 'Save highlight' }));
    await within(panel).findByText('Ask what the ICB is doing about this.');

    const [saved] = await annotationsOn(db, { kind: 'paper', meetingId: 'board-1', paperId: 'p4' }, profile.id);
    expect(saved?.target).toEqual({
      kind: 'paper',
      meetingId: 'board-1',
      paperId: 'p4',
      anchor: {
        quote: {
          exact: 'Waits for speech and language therapy',
          prefix: 'Summary of the month.\n\n',
          suffix: ' rose for the third month runnin',
        },
        position: { start: 23, end: 60 },
        page: 2,
      },
    });
    await waitFor(() => expect(screen.getByTestId('highlights').textContent).toBe('2:0-37'));
    expect(within(panel).getByRole('button', { name: 'Go to page 2' })).toBeInTheDocument();
  });

  it('follows highlights into a reissue, and keeps those whose words are gone as orphaned, with their quote', async () => {
    const { db, profile } = await setUp();
    const model = paperTextModel(PAGES);
    const waits = describePassage(model, 23, 60);
    const summary = describePassage(model, 0, 21);
    if (!waits || !summary) throw new Error('no anchors');
    await createAnnotation(
      db,
      profile,
      { kind: 'paper', meetingId: 'board-1', paperId: 'p4', anchor: waits },
      { kind: 'concern', text: 'Worsening', tags: [], visibility: 'shared' },
    );
    await createAnnotation(
      db,
      profile,
      { kind: 'paper', meetingId: 'board-1', paperId: 'p4', anchor: summary },
      { kind: 'note', text: 'Was on the front page', tags: [], visibility: 'private' },
    );
    await storeTestPack(db, [{ id: 'p4b', title: 'Performance dashboard (reissued)', item: 'item-4', supersedes: 'p4', sha: 'c' }], {
      issuedAt: '2026-11-09T09:00:00Z',
    });
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p4b'),
      status: 'ready',
      pages: REISSUED.map((page) => page.replace('Summary of the month.', 'Contents.')),
      pageLabels: null,
      extractedAt: '2026-11-09T09:01:00Z',
    });
    renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4b' })} />, { db });
    const panel = await screen.findByRole('region', { name: 'Highlights and notes' });
    const moved = (await within(panel).findByText('Worsening')).closest('li') as HTMLElement;
    expect(moved.dataset.anchor).toBe('moved');
    expect(within(moved).getByRole('button', { name: 'Go to page 3' })).toBeInTheDocument();
    expect(within(moved).getByText(/Written on an earlier version/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No longer in this version of the paper' })).toBeInTheDocument();
    const orphan = within(panel).getByText('Was on the front page').closest('li') as HTMLElement;
    expect(within(orphan).getByText('Orphaned')).toBeInTheDocument();
    expect(within(orphan).getByText('Summary of the month.', { selector: 'blockquote' })).toBeInTheDocument();
    expect(screen.getByTestId('highlights').textContent).toBe('3:0-37');
  });

  it('says a paper was reissued, and marks an exempt one', async () => {
    const { db } = await setUp();
    await storeTestPack(
      db,
      [
        { id: 'p7', title: 'Placements options', item: 'item-7', exempt: true, sha: 'd' },
        { id: 'p4b', title: 'Dashboard v2', item: 'item-4', supersedes: 'p4', sha: 'e' },
      ],
      {
        issuedAt: '2026-11-09T09:00:00Z',
      },
    );
    const { unmount } = renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4' })} />, { db });
    expect(await screen.findByRole('link', { name: 'open “Dashboard v2”' })).toHaveAttribute(
      'href',
      '#/papers/paper?meeting=board-1&paper=p4b',
    );
    unmount();
    renderWithServices(<PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p7' })} />, { db });
    await screen.findByRole('heading', { name: 'Placements options' });
    expect(screen.getByRole('note')).toHaveTextContent('EXEMPT');
    expect(screen.getByText('Exempt', { selector: '.exempt-badge' })).toBeInTheDocument();
  });
});
