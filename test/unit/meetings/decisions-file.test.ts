import { describe, expect, it } from 'vitest';
import { sealMeeting } from '../../../shared/meetings/approval';
import { buildDecisionsFile, decisionsFileSchema, verifyDecisionsFile, type DecisionsFile } from '../../../shared/meetings/decisions-file';
import { draftRecords, meeting, TERMS } from './fixtures';

async function exported(includeExempt = false): Promise<DecisionsFile> {
  const sealed = await sealMeeting({
    meeting: meeting(),
    records: draftRecords(),
    boardName: 'Northmoor SEND Oversight Board',
    terms: TERMS,
    approvedAt: '2027-02-11T11:00:00.000Z',
    approvedAtMeeting: 'the meeting of 11 February 2027',
    approvedAtMeetingId: null,
  });
  const built = await buildDecisionsFile(sealed.meeting, sealed.records, { exportedAt: '2027-02-12T09:00:00.000Z', includeExempt });
  if (!built.ok) throw new Error(built.error.message);
  // Through text, as a file would be.
  return JSON.parse(JSON.stringify(built.value, null, 2)) as DecisionsFile;
}

describe('decision file', () => {
  it('builds a file that matches its schema and verifies intact, withholding the exempt item', async () => {
    const file = await exported();
    expect(decisionsFileSchema.safeParse(file).success).toBe(true);
    expect(file).toMatchObject({ format: 'oversight-decisions', formatVersion: 2, chain: { algorithm: 'SHA-256', count: 10 } });
    const withheld = file.records.filter((record) => record.content === null);
    expect(withheld).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain('provider’s finances');
    expect(await verifyDecisionsFile(file)).toMatchObject({
      status: 'intact',
      count: 10,
      withheld: 1,
      title: 'SEND Oversight Board on 2027-01-14',
    });
  });

  it('includes the exempt item when asked', async () => {
    const file = await exported(true);
    expect(file.records.every((record) => record.content !== null)).toBe(true);
    expect(await verifyDecisionsFile(file)).toMatchObject({ status: 'intact', withheld: 0 });
  });

  it('names the first broken record when one character is changed', async () => {
    const file = await exported();
    const decision = file.records.find((record) => record.content?.kind === 'decision');
    if (!decision?.content) throw new Error('no decision');
    decision.content.text = String(decision.content.text).replace('resolved', 'resolveD');
    expect(await verifyDecisionsFile(file)).toMatchObject({
      status: 'broken',
      seq: decision.seq,
      fault: 'content',
      label: 'the decision SOB/2027/001 (item 1)',
    });
  });

  it('treats a changed vote count as a broken chain, not an unreadable file', async () => {
    const file = await exported();
    const decision = file.records.find((record) => record.content?.kind === 'decision');
    if (!decision?.content) throw new Error('no decision');
    decision.content.vote = { ...(decision.content.vote as object), for: 'lots' };
    expect(await verifyDecisionsFile(file)).toMatchObject({ status: 'broken', fault: 'content' });
  });

  it('detects a file cut short', async () => {
    const file = await exported();
    file.records.pop();
    expect(await verifyDecisionsFile(file)).toMatchObject({ status: 'broken', fault: 'truncated' });
  });

  it('calls anything that is not a version 1 or 2 decision file unreadable, saying why', async () => {
    expect(await verifyDecisionsFile({ format: 'oversight-plan' })).toMatchObject({
      status: 'unreadable',
      message: expect.stringContaining('not an Oversight decision file'),
    });
    expect(await verifyDecisionsFile([])).toMatchObject({ status: 'unreadable' });
    const newer = { ...(await exported()), formatVersion: 3 };
    expect(await verifyDecisionsFile(newer)).toMatchObject({ status: 'unreadable', message: expect.stringContaining('newer version') });
    const badHash = await exported();
    badHash.chain.head = 'not-a-hash';
    expect(await verifyDecisionsFile(badHash)).toMatchObject({ status: 'unreadable', message: expect.stringContaining('chain.head') });
  });

  it('refuses to build a file for draft minutes', async () => {
    const built = await buildDecisionsFile(meeting(), draftRecords(), { exportedAt: '2027-02-12T09:00:00.000Z' });
    expect(built).toMatchObject({ ok: false, error: { code: 'not-approved' } });
  });
});
