import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOARD_ID } from '../../shared/meetings/schema';
import { openBoardId } from '../../renderer/meetings/boards';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

// Several boards: the switcher shows which board is open, adds one and switches; the meetings
// and register shown are the open board's; a board is removed with its meetings after asking.

describe('the board switcher', () => {
  it('adds a board, opens it with no meetings, and switches back to the first board’s meetings', async () => {
    const db = await sampleStore();
    const user = userEvent.setup();
    renderAt('#/meetings', db);
    const boardChoice = await screen.findByRole('combobox', { name: 'Board' });
    await waitFor(() => expect(boardChoice).toHaveDisplayValue('Northmoor SEND Oversight Board'));
    await screen.findByRole('row', { name: /Committee Room 1/ });

    await user.click(screen.getByRole('button', { name: 'Add a board…' }));
    const form = screen.getByRole('form', { name: 'Add a board' });
    await user.click(within(form).getByRole('button', { name: 'Add the board' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the board a name.');
    await user.type(within(form).getByRole('textbox', { name: 'Name of the board to add' }), 'Westdale Schools Forum{Enter}');

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Board' })).toHaveDisplayValue('Westdale Schools Forum'));
    await screen.findByText(/Westdale Schools Forum: 0 on the register/);
    await screen.findByText('No meetings yet. Set up the next one below.');
    expect(screen.queryByRole('row', { name: /Committee Room 1/ })).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Board' }), 'Northmoor SEND Oversight Board');
    await screen.findByRole('row', { name: /Committee Room 1/ });
    expect(await openBoardId(db)).toBe(BOARD_ID);
  });
});

describe('removing a board', () => {
  it('asks, then removes the open board with its meetings and its plans', async () => {
    const db = await sampleStore();
    const user = userEvent.setup();
    renderAt('#/meetings/board', db);
    const zone = await screen.findByRole('region', { name: 'Remove this board' });
    await user.click(within(zone).getByRole('button', { name: 'Remove this board…' }));
    await waitFor(() =>
      expect(within(zone).getByText(/its 1 meeting \(approved minutes included\) and their papers, and its 1 plan/)).toBeInTheDocument(),
    );
    expect(await db.board.count()).toBe(1);
    await user.click(within(zone).getByRole('button', { name: 'Remove Northmoor SEND Oversight Board' }));
    await waitFor(async () => expect(await db.board.count()).toBe(0));
    expect(await db.meetings.get(MEETING_ID)).toBeUndefined();
    expect(await db.plans.count()).toBe(0);
  });
});
