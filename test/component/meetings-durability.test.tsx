import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OversightDatabase } from '../../renderer/db/database';
import { listMeetingRecords } from '../../renderer/meetings/meeting-repository';
import { BOARD_ID } from '../../shared/meetings/schema';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

// Nothing the chair types is lost: focus never moves under a typing user, even while a save is slow.

afterEach(() => {
  window.location.hash = '';
  window.localStorage.clear();
});

const live = (section?: string) => `#/meetings/live?meeting=${MEETING_ID}${section ? `&section=${section}` : ''}`;

/**
 * Holds the board record in a read-write transaction until released, so a decision (which numbers
 * itself from the board's counters) waits: a slow disk, a busy machine.
 */
function holdBoard(db: OversightDatabase): { release: () => void; done: Promise<unknown> } {
  let isHeld = true;
  const done = db.transaction('rw', db.board, async () => {
    while (isHeld) await db.board.get(BOARD_ID);
  });
  return { release: () => (isHeld = false), done };
}

describe('the chair keeps typing while a decision is saving', () => {
  it('keeps the notes typed after Enter and Alt+2 during a slow save, and leaves the next decision’s type alone', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    await user.type(screen.getByRole('textbox', { name: 'What was decided' }), 'The board noted the dashboard.');

    const hold = holdBoard(db);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Saving…'));
    await user.keyboard('{Alt>}2{/Alt}');
    const notes = screen.getByRole('textbox', { name: /^Discussion notes for item 4/ });
    await user.keyboard('Noted ');
    hold.release();
    await hold.done;
    await screen.findByText('SOB/2027/001');
    // The save has landed; the chair goes on typing where they are.
    await user.keyboard('and approved.');

    await waitFor(() => expect(notes).toHaveValue('Noted and approved.'));
    expect(notes).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Decision' })).toHaveValue('resolved');
    expect(screen.getByRole('textbox', { name: 'What was decided' })).toHaveValue('');
    await waitFor(async () =>
      expect((await listMeetingRecords(db, MEETING_ID)).find((record) => record.kind === 'note')).toMatchObject({
        text: 'Noted and approved.',
      }),
    );
  });

  it('keeps an action typed into the emptied form while the previous one is still saving', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'Report on EHCP timeliness');
    await user.type(screen.getByRole('combobox', { name: 'Owner (role)' }), 'Head of SEND');
    await user.click(screen.getByRole('textbox', { name: 'Action' }));

    // Saving an action does not touch the board: hold the records instead.
    let isHeld = true;
    const records = db.transaction('rw', db.meetingRecords, async () => {
      while (isHeld) await db.meetingRecords.get('none');
    });
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}Next action');
    isHeld = false;
    await records;
    await screen.findByText('Report on EHCP timeliness');
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue('Next action');
    expect(screen.getByRole('combobox', { name: 'Owner (role)' })).toHaveValue('');
  });
});

describe('a decision or declaration typed but not yet submitted', () => {
  it('is still there after a reload, and forgotten once recorded', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    const first = renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), 'escalated');
    await user.type(screen.getByRole('textbox', { name: 'What was decided' }), 'Health advice delays');
    await user.type(screen.getByRole('textbox', { name: 'Escalated to' }), 'the ICB board');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'm-whitfield');
    await user.type(screen.getByRole('textbox', { name: 'Interest' }), 'Spouse works for a provider');
    // A reload: the page and all its state go; the store and localStorage stay.
    first.unmount();

    renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    expect(screen.getByRole('combobox', { name: 'Decision' })).toHaveValue('escalated');
    expect(screen.getByRole('textbox', { name: 'What was decided' })).toHaveValue('Health advice delays');
    expect(screen.getByRole('textbox', { name: 'Escalated to' })).toHaveValue('the ICB board');
    expect(screen.getByRole('combobox', { name: 'Who' })).toHaveValue('m-whitfield');
    expect(screen.getByRole('textbox', { name: 'Interest' })).toHaveValue('Spouse works for a provider');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await screen.findByText('SOB/2027/001');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'What was decided' })).toHaveValue(''));
    expect(Object.keys(window.localStorage).filter((key) => key.includes('decision') && key.includes('text'))).toEqual([]);
  });

  it('ignores a draft in localStorage that is not one the form could have written', async () => {
    window.localStorage.setItem(`oversight.draft\u0001${MEETING_ID}\u0001sample-item-4\u0001decision\u0001type`, '"hostile"');
    window.localStorage.setItem(`oversight.draft\u0001${MEETING_ID}\u0001sample-item-4\u0001decision\u0001text`, '{truncated');
    const db = await sampleStore();
    renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    expect(screen.getByRole('combobox', { name: 'Decision' })).toHaveValue('resolved');
    expect(screen.getByRole('textbox', { name: 'What was decided' })).toHaveValue('');
  });
});
