import { describe, expect, it } from 'vitest';
import { approvalProblems, sealMeeting } from '../../../shared/meetings/approval';
import { meetingSchema } from '../../../shared/meetings/schema';
import { exportMeeting, TERMS } from '../exports/fixtures';

// The rule behind the approval form and the repository: minutes are approved at a later meeting,
// and an approval cannot be recorded before the meeting it approves.

describe('approvalProblems', () => {
  const meetingDate = '2027-01-14';

  it('accepts a later meeting, on or after its date', () => {
    expect(approvalProblems({ meetingDate, approvingDate: '2027-02-11', approvedAt: '2027-02-11T15:00:00.000Z' })).toEqual([]);
    expect(approvalProblems({ meetingDate, approvingDate: '2027-02-11', approvedAt: '2027-03-01T09:00:00.000Z' })).toEqual([]);
  });

  it('refuses the minutes of 14 January 2027 approved “at 11 February 2027” on 6 December 2026', () => {
    expect(approvalProblems({ meetingDate, approvingDate: '2027-02-11', approvedAt: '2026-12-06T10:00:00.000Z' })).toEqual([
      'The minutes cannot be approved before the meeting they record has taken place.',
    ]);
  });

  it('refuses an approving meeting on or before the meeting approved, and one that has not happened yet', () => {
    expect(approvalProblems({ meetingDate, approvingDate: meetingDate, approvedAt: '2027-02-11T15:00:00.000Z' })).toEqual([
      'The minutes can only be approved at a meeting held after the meeting they record.',
    ]);
    expect(approvalProblems({ meetingDate, approvingDate: '2026-12-10', approvedAt: '2027-02-11T15:00:00.000Z' })).toHaveLength(1);
    expect(approvalProblems({ meetingDate, approvingDate: '2027-02-11', approvedAt: '2027-01-20T15:00:00.000Z' })).toEqual([
      'The approving meeting has not taken place yet: approve the minutes at that meeting or after it.',
    ]);
  });

  it('asks for the approving meeting’s date when none is given', () => {
    expect(approvalProblems({ meetingDate, approvingDate: null, approvedAt: '2027-02-11T15:00:00.000Z' })).toEqual([
      'Give the date of the meeting at which the minutes were approved.',
    ]);
  });
});

describe('sealing a meeting recorded before the minutes fields existed', () => {
  it('puts none of the new optional fields into record 0, so its content (and hash) is as before', async () => {
    const older = exportMeeting();
    // A meeting as stored before: it still parses.
    expect(meetingSchema.safeParse(older).success).toBe(true);
    const sealed = await sealMeeting({
      meeting: older,
      records: [],
      boardName: 'Board',
      terms: TERMS,
      approvedAt: '2027-02-11T15:00:00.000Z',
      approvedAtMeeting: 'the meeting of 11 February 2027',
      approvedAtMeetingId: null,
    });
    expect(Object.keys(sealed.records[0] ?? {}).sort()).toEqual(
      [
        'agenda',
        'approvedAt',
        'approvedAtMeeting',
        'boardName',
        'carriedActions',
        'chain',
        'createdAt',
        'date',
        'id',
        'kind',
        'meetingId',
        'place',
        'terms',
        'time',
        'title',
        'updatedAt',
      ].sort(),
    );
    expect(Object.keys(sealed.meeting.approval ?? {}).sort()).toEqual(
      ['approvedAt', 'approvedAtMeeting', 'approvedAtMeetingId', 'chainHead', 'recordCount'].sort(),
    );
  });
});
