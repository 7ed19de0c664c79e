import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteRecord } from '../../shared/meetings/schema';
import {
  approveMeeting,
  createMeeting,
  listMeetingRecords,
  recordDecision,
  saveNote,
  saveRecord,
  setAttendance,
} from '../../renderer/meetings/meeting-repository';
import { SAMPLE_MEMBERS } from '../../renderer/meetings/sample-board';
import { goTo, MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = '';
});

async function recordedMeeting() {
  const db = await sampleStore();
  for (const member of SAMPLE_MEMBERS.slice(0, 8)) await setAttendance(db, MEETING_ID, member, { status: 'present' });
  await saveNote(db, MEETING_ID, 'sample-item-4', 'Timeliness at 48%.');
  await recordDecision(db, MEETING_ID, {
    itemId: 'sample-item-5',
    type: 'noted',
    text: 'The board noted the report.',
    escalatedTo: null,
    refersTo: null,
    vote: null,
  });
  await saveNote(db, MEETING_ID, 'sample-item-7', 'Confidential commissioning discussion.');
  return db;
}

describe('minutes: approval, lock, verification and corrections', () => {
  it('approves the minutes after a confirmation, locks them and shows them verified', async () => {
    const user = userEvent.setup();
    const db = await recordedMeeting();
    // The approval is recorded at the approving meeting, after the meeting approved.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-18T15:00:00Z'));
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await screen.findByRole('heading', { level: 2, name: 'Approve the minutes' });
    expect(screen.getByText('Draft: to be approved at the next meeting')).toBeInTheDocument();
    // Before approving, the chair is told what to check.
    expect(screen.getByText('Item 3 needed a decision, and none is recorded.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^7\. Independent special school.*Exempt$/ })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Which meeting' }), 'the meeting of 18 February 2027');
    await user.type(screen.getByLabelText('Date of that meeting'), '2027-02-18');
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    const confirm = screen.getByRole('button', { name: 'Yes, approve and lock' });
    await waitFor(() => expect(confirm).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect((await db.meetings.get(MEETING_ID))?.status).toBe('draft');
    await user.click(screen.getByRole('button', { name: 'Approve and lock the minutes…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, approve and lock' }));

    expect(await screen.findByTestId('verified-badge')).toHaveTextContent(/^✓ Verified: all 12 records are as approved\./);
    expect(screen.getByText(/Approved on .* at the meeting of 18 February 2027; locked/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Approve the minutes' })).not.toBeInTheDocument();
    expect((await listMeetingRecords(db, MEETING_ID)).every((record) => record.chain !== null)).toBe(true);
  });

  it('shows the live screens read-only once approved, and refuses typing with the reason', async () => {
    const user = userEvent.setup();
    const db = await recordedMeeting();
    await approveMeeting(db, MEETING_ID, { approvedAtMeeting: 'the meeting of 18 February 2027', approvedAtMeetingId: null });
    renderAt(`#/meetings/live?meeting=${MEETING_ID}&section=sample-item-4`, db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    expect(screen.getByRole('note')).toHaveTextContent('are locked: nothing can be changed');
    expect(screen.queryByRole('button', { name: 'Record decision' })).not.toBeInTheDocument();
    const notes = screen.getByRole('textbox', { name: 'Discussion notes (approved, read only)' });
    await user.type(notes, 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent('were approved on');
    expect(notes).toHaveValue('Timeliness at 48%.');
    await goTo(`#/meetings/live?meeting=${MEETING_ID}&section=attendance`);
    expect(await screen.findByRole('combobox', { name: 'Attendance of Cllr Helen Marsh' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /not yet marked as present/ })).not.toBeInTheDocument();
  });

  it('appends a correction that amends a record by number, and still verifies', async () => {
    const user = userEvent.setup();
    const db = await recordedMeeting();
    await approveMeeting(db, MEETING_ID, { approvedAtMeeting: 'the next meeting', approvedAtMeetingId: null });
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await screen.findByRole('heading', { level: 2, name: 'Corrections' });
    await user.click(screen.getByRole('button', { name: 'Add correction' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose the record the correction amends.');
    const amends = screen.getByRole('combobox', { name: 'Amends record' });
    const option = within(amends).getByRole('option', { name: /: the decision SOB\/2027\/001 \(item 5\)$/ }) as HTMLOptionElement;
    await user.selectOptions(amends, option);
    await user.type(screen.getByRole('textbox', { name: 'Correction' }), 'The report was noted with thanks.{Enter}');
    await screen.findByText(/Correction to record #\d+: The report was noted with thanks\./);
    await waitFor(() => expect(screen.getByTestId('verified-badge')).toHaveTextContent('Verified: all 13 records'));
  });

  it('names the first broken record when the store was changed after approval', async () => {
    const db = await recordedMeeting();
    await approveMeeting(db, MEETING_ID, { approvedAtMeeting: 'the next meeting', approvedAtMeetingId: null });
    const note = (await listMeetingRecords(db, MEETING_ID)).find((record) => record.kind === 'note' && record.itemId === 'sample-item-4');
    if (note?.kind !== 'note') throw new Error('no note');
    const tampered: NoteRecord = { ...note, text: 'Timeliness at 84%.' };
    await db.meetingRecords.put(tampered);
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    expect(await screen.findByTestId('verified-badge')).toHaveTextContent(
      `Record broken at record ${note.chain?.seq}, the discussion notes (item 4): its content does not match its hash`,
    );
    expect(screen.getByTestId('verified-badge')).toHaveAttribute('role', 'alert');
  });

  it('carries the action log forward to the next meeting and records progress on it', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    await saveRecord(db, {
      id: 'arising-1',
      meetingId: MEETING_ID,
      kind: 'action',
      itemId: 'sample-item-5',
      text: 'Bring the EHC recovery plan',
      owner: 'Head of SEND Statutory Services',
      dueDate: '2027-02-18',
      links: [],
      createdAt: '2027-01-21T15:00:00.000Z',
      updatedAt: '2027-01-21T15:00:00.000Z',
      chain: null,
    });
    const next = await createMeeting(db, { title: 'Board', date: '2027-02-18', time: '14:00', place: 'Room 1', planId: null, agenda: [] });
    renderAt(`#/meetings/live?meeting=${next.id}&section=actions`, db);
    await screen.findByText('Bring the EHC recovery plan');
    expect(await screen.findByText(/The minutes of the meeting of 21 January 2027 are still a draft\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review and approve them at this meeting' })).toHaveAttribute(
      'href',
      `#/meetings/minutes?meeting=${MEETING_ID}&at=${next.id}`,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress' }), 'complete');
    await waitFor(async () =>
      expect((await listMeetingRecords(db, next.id)).find((record) => record.kind === 'action-update')).toMatchObject({
        status: 'complete',
      }),
    );
    const note = await screen.findByRole('textbox', { name: 'Note' });
    await waitFor(() => expect(note).toBeEnabled());
    await user.type(note, 'Received and discussed.{Enter}');
    await waitFor(async () =>
      expect((await listMeetingRecords(db, next.id)).find((record) => record.kind === 'action-update')).toMatchObject({
        note: 'Received and discussed.',
      }),
    );
    // A completed action is not carried forward again.
    const after = await createMeeting(db, { title: 'Board', date: '2027-03-18', time: '14:00', place: 'Room 1', planId: null, agenda: [] });
    expect(after.carriedActions).toEqual([]);
  });
});

describe('private notes after approval (retention)', () => {
  it('offers, once the minutes are approved, to delete the member’s private notes for the meeting', async () => {
    const { saveProfile } = await import('../../renderer/annotations/profile-repository');
    const { setRetention } = await import('../../renderer/annotations/retention');
    const { createAnnotation } = await import('../../renderer/annotations/annotation-repository');
    const user = userEvent.setup();
    const db = await recordedMeeting();
    const meeting = await db.meetings.get(MEETING_ID);
    if (!meeting) throw new Error('no sample meeting');
    const profile = await saveProfile(db, { displayName: 'Cllr A', role: 'member', organisation: '' });
    await setRetention(db, { deletePrivateNotesAfterApproval: true });
    const target = { kind: 'action' as const, planId: 'northmoor-send-app', id: 'act-001' };
    const dayBefore = new Date(`${meeting.date}T09:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await createAnnotation(db, profile, target, { kind: 'note', text: 'my prep', tags: [], visibility: 'private' }, { now: dayBefore });
    await approveMeeting(db, MEETING_ID, { approvedAtMeeting: 'the next meeting', approvedAtMeetingId: null });
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await user.click(await screen.findByRole('button', { name: 'Delete 1 private note' }));
    expect(await screen.findByText(/^Deleted 1 private note for the meeting of/)).toBeInTheDocument();
    expect(await db.annotations.count()).toBe(0);
  });
});
