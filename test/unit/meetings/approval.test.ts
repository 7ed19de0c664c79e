import { describe, expect, it } from 'vitest';
import { appendRecord, headerIdOf, sealMeeting, verifyMeetingRecords } from '../../../shared/meetings/approval';
import { orderRecords, describeRecord } from '../../../shared/meetings/records';
import type { MeetingRecord } from '../../../shared/meetings/schema';
import { draftRecords, meeting, TERMS } from './fixtures';

const APPROVED_AT = '2027-02-11T11:00:00.000Z';

async function approved() {
  return sealMeeting({
    meeting: meeting(),
    records: draftRecords(),
    boardName: 'Northmoor SEND Oversight Board',
    terms: TERMS,
    approvedAt: APPROVED_AT,
    approvedAtMeeting: 'the meeting of 11 February 2027',
    approvedAtMeetingId: 'm2',
  });
}

describe('approving the minutes', () => {
  it('orders records for reading: attendance, then each item’s declarations, notes, decisions, judgements, actions', () => {
    const ordered = orderRecords(draftRecords(), meeting().agenda);
    expect(ordered.map((record) => `${record.kind}${'itemId' in record ? `@${record.itemId}` : ''}`)).toEqual([
      'attendance',
      'attendance',
      'attendance',
      'note@item-1',
      'decision@item-1',
      'note@item-2',
      'declaration@item-3',
      'judgement@item-3',
      'action@item-3',
    ]);
  });

  it('chains every record behind a header and locks the meeting with the final hash', async () => {
    const result = await approved();
    expect(result.meeting.status).toBe('approved');
    expect(result.records[0]).toMatchObject({
      id: headerIdOf('m1'),
      kind: 'meeting',
      approvedAtMeeting: 'the meeting of 11 February 2027',
    });
    expect(result.records.map((record) => record.chain?.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.meeting.approval).toMatchObject({
      recordCount: 10,
      chainHead: result.records[9]?.chain?.hash,
      approvedAtMeetingId: 'm2',
    });
    expect(await verifyMeetingRecords(result.meeting, result.records)).toEqual({
      status: 'intact',
      count: 10,
      head: result.meeting.approval?.chainHead,
    });
  });

  it('refuses to approve twice', async () => {
    const result = await approved();
    await expect(
      sealMeeting({
        meeting: result.meeting,
        records: [],
        boardName: '',
        terms: TERMS,
        approvedAt: APPROVED_AT,
        approvedAtMeeting: 'x',
        approvedAtMeetingId: null,
      }),
    ).rejects.toThrow('already approved');
  });

  it('names the first broken record when one character of a decision is changed', async () => {
    const result = await approved();
    const tampered = result.records.map((record): MeetingRecord =>
      record.kind === 'decision' ? { ...record, text: record.text.replace('recovery', 'rec0very') } : record,
    );
    expect(await verifyMeetingRecords(result.meeting, tampered)).toMatchObject({
      status: 'broken',
      seq: 5,
      fault: 'content',
      label: 'the decision SOB/2027/001 (item 1)',
    });
  });

  it('catches a record deleted or slipped in outside the chain', async () => {
    const result = await approved();
    const withoutLast = result.records.slice(0, -1);
    expect(await verifyMeetingRecords(result.meeting, withoutLast)).toMatchObject({ status: 'broken', fault: 'truncated', seq: 8 });
    const extra: MeetingRecord = { ...draftRecords()[3], id: 'sneaky' } as MeetingRecord;
    expect(await verifyMeetingRecords(result.meeting, [...result.records, extra])).toMatchObject({
      status: 'broken',
      fault: 'unchained',
      label: 'the discussion notes (item 1)',
    });
  });

  it('appends a correction to the chain, which stays intact', async () => {
    const result = await approved();
    const correction: MeetingRecord = {
      id: 'c1',
      meetingId: 'm1',
      kind: 'correction',
      createdAt: APPROVED_AT,
      updatedAt: APPROVED_AT,
      chain: null,
      amendsSeq: 5,
      text: 'The vote was 3 for, not 2.',
    };
    const appended = await appendRecord(result.meeting, correction, APPROVED_AT);
    expect(appended.record.chain).toMatchObject({ seq: 10, prevHash: result.meeting.approval?.chainHead });
    expect(appended.meeting.approval?.recordCount).toBe(11);
    expect(await verifyMeetingRecords(appended.meeting, [...result.records, appended.record])).toMatchObject({
      status: 'intact',
      count: 11,
    });
    await expect(appendRecord(meeting(), correction, APPROVED_AT)).rejects.toThrow('Only approved minutes');
  });

  it('says a draft has no chain yet', async () => {
    expect(await verifyMeetingRecords(meeting(), draftRecords())).toEqual({ status: 'draft' });
  });

  it('names records for people', () => {
    const agenda = meeting().agenda;
    const [cllrA, , , note, decision, , judgement, action, declaration] = draftRecords();
    expect(describeRecord(cllrA, agenda)).toBe('the attendance of Cllr A');
    expect(describeRecord(note, agenda)).toBe('the discussion notes (item 1)');
    expect(describeRecord(decision, agenda)).toBe('the decision SOB/2027/001 (item 1)');
    expect(describeRecord(judgement, agenda)).toBe('the assurance judgement on Area 1: EHC timeliness (item 3)');
    expect(describeRecord(action, agenda)).toBe('the action arising “Bring the EHC recovery trajectory to the next meeting” (item 3)');
    expect(describeRecord(declaration, agenda)).toBe('the declaration of interest by Cllr B (item 3)');
    expect(describeRecord(null)).toContain('withheld');
    expect(describeRecord({ kind: 'mystery' })).toBe('a record of an unknown kind');
  });
});
