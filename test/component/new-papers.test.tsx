import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { NewPapersNotice, newPapersByMeeting } from '../../renderer/papers/new-papers-notice';
import { PapersView } from '../../renderer/papers/papers-view';
import { markPaperRead } from '../../renderer/papers/read-papers';
import { paperRecordId } from '../../renderer/papers/types';
import { fakeBridge, renderWithServices } from './helpers';
import { storeTestPack, testPackCandidate } from './papers-helpers';
import { freshDatabase } from './helpers';

// pdf.js does not run in jsdom: text extraction is exercised in Chromium.
vi.mock('../../renderer/papers/text-extraction', () => ({ startTextExtraction: () => Promise.resolve() }));

// When packs arrive the member is told, across the app: "New papers for 12 November: 3 papers,
// 1 supplement", with a link; the meeting's papers show which are still unread.

function setup(queue: ImportCandidate[][]) {
  const bridge = fakeBridge({
    'sync:open-dialog': () => queue.shift() ?? [],
    'papers:read': (argument) => ({ bytes: new TextEncoder().encode(`%PDF-1.7 ${(argument as { paperId: string }).paperId}`) }),
  });
  return renderWithServices(
    <>
      <NewPapersNotice />
      <PapersView params={new URLSearchParams()} />
    </>,
    { bridge },
  );
}

describe('new papers and unread papers', () => {
  it('tells the member what arrived for which meeting, with a link, and marks unread papers until opened', async () => {
    const user = userEvent.setup();
    const first = testPackCandidate([
      { id: 'p4', title: 'Performance dashboard', item: 'item-4' },
      { id: 'p7', title: 'Placements options', item: 'item-7', exempt: true },
      { id: 'p9', title: 'Briefing note', item: null },
    ]);
    const supplement = testPackCandidate(
      [{ id: 'p4-rev', title: 'Performance dashboard (revised)', item: 'item-4', supersedes: 'p4', sha: 'c' }],
      {
        summary: 'Supplement: revised dashboard',
        issuedAt: '2026-11-09T09:00:00Z',
      },
    );
    const { sync, db } = setup([[first], [{ ...supplement, token: 'token-2' }]]);

    await act(() => sync.openDialog());
    const notice = await screen.findByText('New papers for 12 November: 3 papers.');
    expect(notice.closest('p')?.querySelector('a')?.getAttribute('href')).toBe('#/papers?meeting=board-1');
    await waitFor(() => expect(screen.getAllByText('Unread')).toHaveLength(3));
    expect(screen.getByText('3 papers you have not opened yet.')).toBeInTheDocument();

    await act(() => sync.openDialog());
    await screen.findByText('New papers for 12 November: 4 papers, 1 supplement.');
    // The reissue replaces the dashboard in the list: three current papers, all unread.
    await waitFor(() => expect(screen.getAllByText('Unread')).toHaveLength(3));

    await markPaperRead(db, paperRecordId('board-1', 'p4-rev'));
    await waitFor(() => expect(screen.getAllByText('Unread')).toHaveLength(2));
    expect(screen.getByText('2 papers you have not opened yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Dismiss: New papers for 12 November: 4 papers, 1 supplement' }));
    await waitFor(() => expect(screen.queryByText(/New papers for/)).toBeNull());
  });

  it('counts only papers that arrived, never the sample or a pack already held, and starts again after a dismissal', () => {
    const stored = (id: string, added: number, isSupplement: boolean, source: 'dialog' | 'sample' = 'dialog') => ({
      id,
      at: '2027-01-06T09:00:00Z',
      fileName: 'pack.zip',
      source,
      outcome: {
        status: 'pack-stored' as const,
        meetingId: 'm',
        meetingTitle: 'Board',
        meetingDate: '2027-01-14',
        added,
        reissued: 0,
        alreadyHeld: 0,
        isSupplement,
        warnings: [],
      },
    });
    // Entries are newest first, as the sync controller keeps them.
    expect(
      newPapersByMeeting(
        [stored('e3', 0, true), stored('e2', 2, true), stored('e1', 3, false), stored('e0', 4, false, 'sample')],
        new Map(),
      ),
    ).toEqual([{ meetingId: 'm', meetingDate: '2027-01-14', papers: 5, supplements: 1, latestEntryId: 'e2' }]);
    expect(newPapersByMeeting([stored('e2', 2, true), stored('e1', 3, false)], new Map([['m', 'e2']]))).toEqual([]);
    expect(newPapersByMeeting([stored('e3', 1, true), stored('e2', 2, true), stored('e1', 3, false)], new Map([['m', 'e2']]))).toEqual([
      { meetingId: 'm', meetingDate: '2027-01-14', papers: 1, supplements: 1, latestEntryId: 'e3' },
    ]);
  });

  it('adds a PDF dropped on a meeting as a supplement to that meeting, with its agenda, and says why one was refused', async () => {
    const db = freshDatabase();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    const bridge = fakeBridge({}, (file) => `/home/clerk/${(file as File).name}`);
    bridge.invoke = async (channel, argument) => {
      bridge.calls.push({ channel, argument });
      return { ok: false, error: { code: 'invalid', message: '"7a Revised.pdf" is password-protected (encrypted).' } };
    };
    renderWithServices(<PapersView params={new URLSearchParams()} />, { bridge, db });
    const zone = (await screen.findByText(/A paper tabled late\?/)).closest('div');
    if (!zone) throw new Error('no drop zone');
    const file = new File(['%PDF-1.7'], '7a Revised.pdf', { type: 'application/pdf' });
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(bridge.calls.map((call) => call.channel)).toContain('pack-maker:supplement'));
    const call = bridge.calls.find((entry) => entry.channel === 'pack-maker:supplement');
    expect(call?.argument).toMatchObject({
      paths: ['/home/clerk/7a Revised.pdf'],
      meeting: { id: 'board-1', date: '2026-11-12' },
      agenda: [{ id: 'item-1' }, { id: 'item-4' }, { id: 'item-7', exempt: true }],
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('"7a Revised.pdf" is password-protected (encrypted).'));
  });
});
