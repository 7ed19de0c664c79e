import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { savePaperText } from '../../renderer/papers/pack-repository';
import { paperRecordId } from '../../renderer/papers/types';
import { SearchView } from '../../renderer/search/search-view';
import { freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';

// The app-wide search finds words inside board papers, a result per page, under "Board papers".

afterEach(() => {
  window.location.hash = '';
});

describe('searching board papers', () => {
  it('finds a misspelt word from a paper’s text and links to the paper at that page, saying which papers are exempt', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeTestPack(db, [
      { id: 'p4', title: 'Performance dashboard', item: 'item-4' },
      { id: 'p7', title: 'Independent placements', item: 'item-7' },
    ]);
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p4'),
      status: 'ready',
      pages: ['Summary of the quarter.', 'Timeliness of assessments rose to 62 per cent.'],
      pageLabels: null,
      extractedAt: '2026-11-05T09:01:00Z',
    });
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p7'),
      status: 'ready',
      pages: ['Residential assessments commissioned from independent providers.'],
      pageLabels: ['i'],
      extractedAt: '2026-11-05T09:01:00Z',
    });
    renderWithServices(<SearchView params={new URLSearchParams()} />, { db });
    await user.type(screen.getByRole('searchbox', { name: /board papers/ }), 'asessments');

    const group = await screen.findByRole('region', { name: 'Board papers (2)' });
    const hits = within(group).getAllByRole('listitem');
    const dashboard = hits.find((hit) => hit.textContent?.includes('Performance dashboard'));
    const placements = hits.find((hit) => hit.textContent?.includes('Independent placements'));
    expect(dashboard && within(dashboard).getByRole('link')).toHaveAttribute('href', '#/papers/paper?meeting=board-1&paper=p4&page=2');
    expect(dashboard && within(dashboard).getByRole('link')).toHaveTextContent('Performance dashboard, page 2');
    expect(dashboard?.querySelector('mark')).toHaveTextContent('assessments');
    expect(dashboard).not.toHaveTextContent('Exempt');
    expect(placements && within(placements).getByRole('link')).toHaveAttribute('href', '#/papers/paper?meeting=board-1&paper=p7&page=1');
    expect(placements).toHaveTextContent('Independent placements, page i');
    expect(placements).toHaveTextContent('Exempt');
    expect(screen.getByTestId('search-status')).toHaveTextContent('2 results for “asessments”.');
  });

  it('finds nothing in a paper whose text could not be extracted', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p4'),
      status: 'failed',
      pages: [],
      pageLabels: null,
      extractedAt: '2026-11-05T09:01:00Z',
      message: 'The PDF could not be read.',
    });
    renderWithServices(<SearchView params={new URLSearchParams()} />, { db });
    await user.type(screen.getByRole('searchbox', { name: /board papers/ }), 'dashboard');
    expect(await screen.findByText('Nothing found for “dashboard”.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Board papers/ })).not.toBeInTheDocument();
  });
});
