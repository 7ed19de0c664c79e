import { describe, expect, it } from 'vitest';
import type { CandidateReply } from '../../shared/ipc/contract';
import { alignSamplePacks, SAMPLE_MEETING_ID, seedSampleBoard } from '../../renderer/meetings/sample-board';
import { freshDatabase } from './helpers';
import { testPackCandidate } from './papers-helpers';

// The sample pack takes the seeded sample meeting's date on first run; nothing else changes.

function packFor(meetingId: string, source: CandidateReply['source']): CandidateReply {
  const candidate = testPackCandidate([{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
  if (candidate.outcome.status !== 'pack') throw new Error('not a pack');
  const pack = { ...candidate.outcome.pack, meeting: { ...candidate.outcome.pack.meeting, id: meetingId } };
  return { ...candidate, source, outcome: { ...candidate.outcome, pack } };
}

const meetingOf = (candidate: CandidateReply | undefined) => (candidate?.outcome.status === 'pack' ? candidate.outcome.pack.meeting : null);

describe('aligning the sample pack with the sample meeting', () => {
  it('gives the sample pack the seeded meeting’s date, time and place, and leaves every other candidate as it came', async () => {
    const db = freshDatabase();
    await seedSampleBoard(db, { now: new Date('2026-12-06T09:00:00Z') });
    const seeded = await db.meetings.get(SAMPLE_MEETING_ID);
    expect(seeded?.date).toBe('2026-12-17');
    const sample = packFor(SAMPLE_MEETING_ID, 'sample');
    const imported = packFor(SAMPLE_MEETING_ID, 'dialog');
    const other = packFor('board-1', 'sample');
    const [alignedSample, alignedImported, alignedOther] = await alignSamplePacks(db, [sample, imported, other]);
    expect(meetingOf(alignedSample)).toMatchObject({ id: SAMPLE_MEETING_ID, date: '2026-12-17', time: '14:00', place: seeded?.place });
    expect(alignedImported).toBe(imported);
    expect(alignedOther).toBe(other);
    expect(meetingOf(sample)?.date).toBe('2026-11-12');
  });

  it('changes nothing when there is no sample meeting (a board was already set up)', async () => {
    const db = freshDatabase();
    const sample = packFor(SAMPLE_MEETING_ID, 'sample');
    expect(await alignSamplePacks(db, [sample])).toEqual([sample]);
  });
});
