import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OversightDatabase } from '../../../renderer/db/database';
import { createMeeting } from '../../../renderer/meetings/meeting-repository';
import { storePack } from '../../../renderer/papers/pack-repository';
import {
  applyPapersRetention,
  getPapersRetention,
  meetingsWithExpiredPapers,
  papersExpireOn,
  setPapersRetention,
} from '../../../renderer/removal/papers-retention';
import { packFor } from './pack-candidates';

// Papers of meetings older than N months: off by default; at exactly N months they go, a day
// before they stay; the meeting's own record stays either way.

function freshDb(): OversightDatabase {
  return new OversightDatabase(`retention-${Math.random().toString(36).slice(2)}`);
}

async function storeWithPacks(meetings: Record<string, string>): Promise<OversightDatabase> {
  const db = freshDb();
  for (const [meetingId, date] of Object.entries(meetings)) {
    const outcome = await storePack(db, packFor(meetingId, date), async () => new TextEncoder().encode('%PDF-1.7'));
    expect(outcome.status).toBe('pack-stored');
  }
  return db;
}

/** Noon on a day, on this laptop's calendar. */
function onDay(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12);
}

describe('when papers are old enough to go', () => {
  it('counts calendar months, ending a shorter month on its last day', () => {
    expect(papersExpireOn('2026-06-06', 6)).toBe('2026-12-06');
    expect(papersExpireOn('2026-08-31', 6)).toBe('2027-02-28');
    expect(papersExpireOn('2027-08-31', 6)).toBe('2028-02-29');
    expect(papersExpireOn('2026-10-15', 3)).toBe('2027-01-15');
    expect(papersExpireOn('2026-01-31', 12)).toBe('2027-01-31');
  });

  it('takes a meeting exactly N months old, and not one a day younger', async () => {
    const db = await storeWithPacks({ exactly: '2026-06-06', younger: '2026-06-07', older: '2026-01-08' });
    expect(await meetingsWithExpiredPapers(db, 6, onDay('2026-12-06'))).toEqual(['exactly', 'older']);
    expect(await meetingsWithExpiredPapers(db, 6, onDay('2026-12-05'))).toEqual(['older']);
  });

  it('goes by the chair’s record’s date when the meeting was moved', async () => {
    const db = await storeWithPacks({ moved: '2026-06-06' });
    await createMeeting(db, { id: 'moved', title: 'Board', date: '2026-06-20', time: '14:00', place: '', planId: null });
    expect(await meetingsWithExpiredPapers(db, 6, onDay('2026-12-06'))).toEqual([]);
    expect(await meetingsWithExpiredPapers(db, 6, onDay('2026-12-20'))).toEqual(['moved']);
  });
});

describe('applying the setting', () => {
  it('is off by default and then removes nothing', async () => {
    const db = await storeWithPacks({ old: '2020-01-09' });
    expect(await getPapersRetention(db)).toEqual({ months: null });
    expect(await applyPapersRetention(db, onDay('2026-12-06'))).toEqual({ meetings: 0, packs: 0, papers: 0, highlights: 0 });
    expect(await db.papers.count()).toBe(1);
  });

  it('removes the papers of meetings at or past the boundary, keeping younger ones and every meeting record', async () => {
    const db = await storeWithPacks({ exactly: '2026-06-06', younger: '2026-06-07' });
    await createMeeting(db, { id: 'exactly', title: 'Board', date: '2026-06-06', time: '14:00', place: '', planId: null });
    await setPapersRetention(db, { months: 6 });
    expect(await applyPapersRetention(db, onDay('2026-12-06'))).toEqual({ meetings: 1, packs: 1, papers: 1, highlights: 0 });
    expect((await db.papers.toArray()).map((paper) => paper.meetingId)).toEqual(['younger']);
    expect((await db.packs.toArray()).map((pack) => pack.meetingId)).toEqual(['younger']);
    expect(await db.meetings.get('exactly')).toBeDefined();
    // The next day the younger meeting's turn comes.
    expect(await applyPapersRetention(db, onDay('2026-12-07'))).toMatchObject({ meetings: 1, papers: 1 });
    expect(await db.papers.count()).toBe(0);
  });
});
