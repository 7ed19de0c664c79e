import { describe, expect, it } from 'vitest';
import { approvalProblems } from '../../../shared/meetings/approval';

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
