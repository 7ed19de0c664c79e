import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listMeetings } from '../../renderer/meetings/meeting-repository';
import { papersOfMeeting, savePaperText } from '../../renderer/papers/pack-repository';
import { PapersView } from '../../renderer/papers/papers-view';
import { paperRecordId } from '../../renderer/papers/types';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';

// pdf.js does not run in jsdom: text extraction is exercised in Chromium (test/e2e/papers.e2e.ts).
vi.mock('../../renderer/papers/text-extraction', () => ({ startTextExtraction: () => Promise.resolve() }));

// The Papers view: a meeting's papers by agenda item, exempt marks, reissues and earlier
// versions, search inside the papers, and the meeting started in the chair's record from the pack.

describe('Papers view', () => {
  it('says how to import a pack when there is none, and opens the dialogs', async () => {
    const user = userEvent.setup();
    const bridge = fakeBridge({ 'sync:open-dialog': () => [], 'sync:open-pack-folder': () => [] });
    renderWithServices(<PapersView params={new URLSearchParams()} />, { bridge });
    await screen.findByText(/No meeting packs yet/);
    await user.click(screen.getByRole('button', { name: 'Import a pack file…' }));
    await user.click(screen.getByRole('button', { name: 'Import a pack folder…' }));
    await waitFor(() =>
      expect(bridge.calls.map((call) => call.channel)).toEqual(expect.arrayContaining(['sync:open-dialog', 'sync:open-pack-folder'])),
    );
  });

  it('lists papers by agenda item with their exempt marks, and a reissue with its earlier version until removed', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeTestPack(db, [
      { id: 'p4', title: 'Performance dashboard', item: 'item-4' },
      { id: 'p7', title: 'Placements options', item: 'item-7', exempt: true },
      { id: 'p9', title: 'Briefing note', item: null },
    ]);
    await storeTestPack(db, [{ id: 'p4b', title: 'Performance dashboard (corrected)', item: 'item-4', supersedes: 'p4', sha: 'c' }], {
      issuedAt: '2026-11-09T09:00:00Z',
      summary: 'Supplement',
    });
    renderWithServices(<PapersView params={new URLSearchParams({ meeting: 'board-1' })} />, { db });

    // The meeting's title is its own dir="auto" span; jsdom, without layout, counts a span as a block
    // in the accessible name and puts a space after it (Chromium does not).
    const heading = await screen.findByRole('heading', { name: /^Northmoor SEND Oversight Board ?, 12 November 2026 at 14:00$/ });
    expect(heading).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Packs received' }).textContent).toMatch(/Supplement.*Agenda pack/s);
    await screen.findByRole('link', { name: 'Performance dashboard (corrected)' });
    const item4 = screen.getByText('Performance dashboard', { selector: '.agenda-item-title' }).closest('li') as HTMLElement;
    expect(within(item4).getByRole('link', { name: 'Performance dashboard (corrected)' })).toHaveAttribute(
      'href',
      '#/papers/paper?meeting=board-1&paper=p4b',
    );
    expect(within(item4).getByText(/Reissued/)).toBeInTheDocument();
    const item7 = screen.getByText('Independent placements', { selector: '.agenda-item-title' }).closest('li') as HTMLElement;
    expect(within(item7).getByText('Exempt item')).toBeInTheDocument();
    expect(within(item7).getByText('Exempt', { selector: '.paper-list .exempt-badge' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Other papers' })).toBeInTheDocument();

    // The earlier version stays until the member removes it, after a confirmation.
    expect(screen.getByRole('heading', { name: 'Earlier versions' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove earlier versions…' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm removal' })).getByRole('button', { name: 'Remove' }));
    await screen.findByText('Removed 1 earlier version.');
    expect((await papersOfMeeting(db, 'board-1')).map((paper) => paper.paperId).sort()).toEqual(['p4b', 'p7', 'p9']);
  });

  it('searches the words inside the papers and opens the page they are on', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeTestPack(db, [
      { id: 'p4', title: 'Performance dashboard', item: 'item-4' },
      { id: 'p7', title: 'Placements options', item: 'item-7', exempt: true },
    ]);
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p4'),
      status: 'ready',
      pages: ['Summary of the month.', 'Waits for speech and language therapy rose for the third month.'],
      pageLabels: ['i', '1'],
      extractedAt: '2026-11-05T09:01:00Z',
    });
    renderWithServices(<PapersView params={new URLSearchParams()} />, { db });
    await user.type(await screen.findByRole('searchbox', { name: 'Search inside these papers' }), 'language therapy');
    const result = await screen.findByRole('link', { name: 'Performance dashboard, page 1' });
    expect(result).toHaveAttribute('href', '#/papers/paper?meeting=board-1&paper=p4&page=2');
    expect(screen.getByText('language therapy', { selector: 'mark' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search inside these papers' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search inside these papers' }), 'tribunal');
    await screen.findByText('No page of these papers has those words.');
  });

  it('creates the meeting in the chair’s record from the pack, with its agenda', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    renderWithServices(<PapersView params={new URLSearchParams()} />, { db });
    await user.click(await screen.findByRole('button', { name: 'Create this meeting in the chair’s record' }));
    await screen.findByText(/is now in the chair’s record, with the pack’s agenda of 3 items/);
    const [meeting] = await listMeetings(db);
    expect(meeting).toMatchObject({ id: 'board-1', date: '2026-11-12', time: '14:00', place: 'Committee Room 1', status: 'draft' });
    expect(meeting?.agenda.map((item) => [item.number, item.title, item.isExempt])).toEqual([
      ['1', 'Welcome and apologies', false],
      ['4', 'Performance dashboard', false],
      ['7', 'Independent placements', true],
    ]);
    expect(await screen.findByRole('link', { name: 'Open this meeting’s agenda in the chair’s record' })).toHaveAttribute(
      'href',
      '#/meetings/agenda?meeting=board-1',
    );
  });
});
