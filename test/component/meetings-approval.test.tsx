import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMeeting, setAttendance } from '../../renderer/meetings/meeting-repository';
import { SAMPLE_MEMBERS } from '../../renderer/meetings/sample-board';
import { standardAgenda } from '../../renderer/meetings/standard-agenda';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

// Approving minutes is checked: at a later meeting of the board (or one outside the app, whose
// date is asked), never before the meeting approved, and recorded in both meetings.

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = '';
});

/** The clock the form and the repository read (only Date is faked, so typing and timers run as usual). */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function store() {
  const db = await sampleStore();
  for (const member of SAMPLE_MEMBERS.slice(0, 8)) await setAttendance(db, MEETING_ID, member, { status: 'present' });
  return db;
}

async function meetingDate(db: Awaited<ReturnType<typeof store>>): Promise<string> {
  const meeting = await db.meetings.get(MEETING_ID);
  if (!meeting) throw new Error('no sample meeting');
  return meeting.date;
}

function dayAfter(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('approving the minutes', () => {
  it('asks the date of a meeting outside the app and refuses one not after the meeting approved', async () => {
    const user = userEvent.setup();
    const db = await store();
    const date = await meetingDate(db);
    clockAt(`${dayAfter(date, 30)}T12:00:00Z`);
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await user.type(await screen.findByRole('textbox', { name: 'Which meeting' }), 'the extraordinary meeting');
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the date of the meeting at which the minutes were approved.');

    const dateBox = screen.getByLabelText('Date of that meeting');
    await user.type(dateBox, date);
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The minutes can only be approved at a meeting held after the meeting they record.',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Yes, approve and lock' })).not.toBeInTheDocument();

    await user.clear(dateBox);
    await user.type(dateBox, dayAfter(date, 28));
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, approve and lock' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.status).toBe('approved'));
    expect((await db.meetings.get(MEETING_ID))?.approval).toMatchObject({
      approvedAtMeeting: 'the extraordinary meeting',
      approvedAtMeetingId: null,
      approvedAtMeetingDate: dayAfter(date, 28),
    });
  });

  it('refuses an approval recorded before the meeting it approves has taken place, and leaves the store unchanged', async () => {
    const user = userEvent.setup();
    const db = await store();
    const date = await meetingDate(db);
    clockAt(`${dayAfter(date, -7)}T12:00:00Z`);
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await user.type(await screen.findByRole('textbox', { name: 'Which meeting' }), 'the meeting of next month');
    await user.type(screen.getByLabelText('Date of that meeting'), dayAfter(date, 28));
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The minutes cannot be approved before the meeting they record has taken place.',
    );
    expect((await db.meetings.get(MEETING_ID))?.status).toBe('draft');
  });

  it('offers the board’s later meetings and their items, and records the approval in both meetings', async () => {
    const user = userEvent.setup();
    const db = await store();
    const date = await meetingDate(db);
    const next = await createMeeting(db, {
      id: 'next-meeting',
      title: 'SEND Oversight Board',
      date: dayAfter(date, 28),
      time: '14:00',
      place: 'Town Hall',
      planId: null,
      agenda: standardAgenda(),
    });
    clockAt(`${dayAfter(date, 28)}T15:00:00Z`);
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    const where = await screen.findByRole('combobox', { name: 'Approved as a true record at' });
    await waitFor(() => expect(where).toHaveValue('next-meeting'));
    // The previous minutes' item is offered first.
    const item = screen.getByRole('combobox', { name: 'At agenda item' });
    expect(item).toHaveValue(next.agenda[2]?.id);
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, approve and lock' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.status).toBe('approved'));
    const approved = await db.meetings.get(MEETING_ID);
    expect(approved?.approval).toMatchObject({ approvedAtMeetingId: 'next-meeting', approvedAtMeetingDate: dayAfter(date, 28) });
    expect(approved?.approval?.approvedAtMeeting).toMatch(/^the meeting of .*, item 3$/);
    expect((await db.meetings.get('next-meeting'))?.approvedMinutes).toEqual([
      { meetingId: MEETING_ID, meetingDate: date, itemId: next.agenda[2]?.id },
    ]);
  });
});
