import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

// What the agenda screen records for the minutes: numbering that follows the order, the Schedule
// 12A paragraph of an exempt item, officers in attendance and the times the meeting ran.

afterEach(() => {
  window.location.hash = '';
});

describe('agenda set-up for the minutes', () => {
  it('offers to renumber after an item is moved up, and warns about a number used twice', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    await screen.findByRole('textbox', { name: 'Title of item 3' });
    expect(screen.queryByTestId('numbering-notice')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move item 3 up' }));
    await waitFor(async () =>
      expect((await db.meetings.get(MEETING_ID))?.agenda.map((item) => item.number).slice(0, 3)).toEqual(['1', '3', '2']),
    );
    const notice = await screen.findByTestId('numbering-notice');
    expect(notice).toHaveTextContent('The items are not numbered 1 to 9 in the order they stand.');
    await user.click(screen.getByRole('button', { name: 'Renumber the items 1 to 9' }));
    await waitFor(async () =>
      expect((await db.meetings.get(MEETING_ID))?.agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']),
    );
    await waitFor(() => expect(screen.queryByTestId('numbering-notice')).not.toBeInTheDocument());

    // A number typed twice: warned, with the offer to renumber.
    const numbers = screen.getAllByRole('textbox', { name: 'Number' });
    await user.clear(numbers[1] as HTMLElement);
    await user.type(numbers[1] as HTMLElement, '1{Enter}');
    expect(await screen.findByTestId('numbering-notice')).toHaveTextContent('Number 1 is used by more than one item');
  }, 20_000);

  it('records the Schedule 12A paragraph of an exempt item, officers in attendance and the meeting’s times', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    const paragraph = await screen.findByRole('combobox', { name: 'Press and public excluded under Schedule 12A, paragraph (item 7)' });
    expect(screen.getAllByRole('option', { name: /^[1-7]: / })).toHaveLength(7);
    await user.selectOptions(paragraph, '3');
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.agenda[6]?.exemptParagraph).toBe(3));

    await user.click(screen.getByRole('button', { name: 'Add officer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the officer’s name.');
    await user.type(screen.getByRole('textbox', { name: 'Officer’s name' }), 'Jo Hart');
    await user.type(screen.getByRole('textbox', { name: 'Officer’s role' }), 'Head of SEND{Enter}');
    await waitFor(async () =>
      expect((await db.meetings.get(MEETING_ID))?.officers).toEqual([{ id: expect.any(String), name: 'Jo Hart', role: 'Head of SEND' }]),
    );
    expect(screen.getByText('Jo Hart (Head of SEND)')).toBeInTheDocument();

    const closed = screen.getByLabelText('Closed at (as minuted)');
    await user.type(closed, '16:05{Enter}');
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.closedAt).toBe('16:05'));
    await user.click(screen.getByRole('button', { name: 'Remove Jo Hart' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.officers).toEqual([]));
  }, 20_000);

  it('shows and takes the meeting’s times as 24-hour hh:mm text, whatever the browser’s language, and never saves a wrong one', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    const time = await screen.findByRole('textbox', { name: 'Time' });
    const stored = (await db.meetings.get(MEETING_ID))?.time ?? '';
    expect(stored).toMatch(/^\d{2}:\d{2}$/);
    expect(time).toHaveValue(stored);
    expect(time).toHaveAttribute('type', 'text');
    expect(time).toHaveAttribute('placeholder', 'hh:mm');
    expect(time).toHaveAccessibleDescription('Hours and minutes, 24-hour, for example 14:00.');

    await user.clear(time);
    await user.type(time, '9:05{Enter}');
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.time).toBe('09:05'));

    // A started-at time already minuted is not cleared by text that is not a time.
    const started = screen.getByRole('textbox', { name: 'Started at (as minuted)' });
    await user.type(started, '14:02{Enter}');
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.startedAt).toBe('14:02'));
    await user.clear(started);
    await user.type(started, '2.30pm');
    await user.tab();
    expect(await screen.findByText('Enter the time as hh:mm with a colon (24-hour), for example 14:00.')).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Time' }));
    await user.type(screen.getByRole('textbox', { name: 'Time' }), '24:00');
    await user.tab();
    expect((await db.meetings.get(MEETING_ID))?.startedAt).toBe('14:02');
    expect((await db.meetings.get(MEETING_ID))?.time).toBe('09:05');
    // Escape puts back what is stored.
    await user.type(started, '{Escape}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Started at (as minuted)' })).toHaveValue('14:02'));
    // So it does when nothing is stored.
    const closed = screen.getByRole('textbox', { name: 'Closed at (as minuted)' });
    await user.type(closed, 'soon');
    await user.type(closed, '{Escape}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Closed at (as minuted)' })).toHaveValue(''));
    expect(closed).toHaveFocus();
    expect((await db.meetings.get(MEETING_ID))?.closedAt).toBeUndefined();
  }, 20_000);

  it('deletes a draft meeting only after asking; "Keep it" keeps it, by keyboard alone', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    const ask = await screen.findByRole('button', { name: 'Delete this meeting…' });
    ask.focus();
    await user.keyboard('{Enter}');
    const group = screen.getByRole('group', { name: 'Confirm deletion' });
    expect(group).toHaveTextContent('everything recorded for it? This cannot be undone.');
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Confirm deletion' })).not.toBeInTheDocument();
    expect(await db.meetings.get(MEETING_ID)).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Delete this meeting…' }));
    await user.click(screen.getByRole('button', { name: /^Yes, delete the meeting of / }));
    await waitFor(async () => expect(await db.meetings.get(MEETING_ID)).toBeUndefined());
    expect(await db.meetingRecords.where('meetingId').equals(MEETING_ID).count()).toBe(0);
    await waitFor(() => expect(window.location.hash).toBe('#/meetings'));
  }, 20_000);
});
