import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { removePapersOfMeetings, type PapersRemoval } from './removal-repository';

// Board papers can hold information about children and families; peers keep them six months.
// A member may choose to have the papers of meetings older than N months removed from this
// laptop (off by default): checked at start and whenever the setting changes. The meeting's
// record (agenda, minutes, decisions) stays: only the packs, PDFs, their text and highlights go.

const PAPERS_RETENTION = 'papersRetention';

/** How long board papers are kept: null keeps them until the member removes them. */
export type PapersRetention = { months: number | null };

/** The choices Settings offers, in months. */
export const RETENTION_MONTHS = [3, 6, 12, 24] as const;

/** The setting (off unless the member chose a period). */
export async function getPapersRetention(db: OversightDatabase): Promise<PapersRetention> {
  return (await getMeta<PapersRetention>(db, PAPERS_RETENTION)) ?? { months: null };
}

/** Saves the setting. */
export async function setPapersRetention(db: OversightDatabase, retention: PapersRetention): Promise<void> {
  await setMeta(db, PAPERS_RETENTION, retention);
}

function isoDay(year: number, monthIndex: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first day on which a meeting counts as `months` old: the same day of the month `months`
 * later, or that month's last day when it is shorter (31 August + 6 months is 28 February).
 */
export function papersExpireOn(meetingDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = meetingDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay));
}

/** Today's date on this laptop's calendar (the member's, not UTC's). */
export function localDay(now: Date): string {
  return isoDay(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * The meetings whose papers are due for removal: held `months` or more ago (exactly N months
 * counts). The date is the chair's record's when it has the meeting (it may have moved), else
 * the pack's.
 */
export async function meetingsWithExpiredPapers(db: OversightDatabase, months: number, now: Date): Promise<string[]> {
  const [packs, meetings] = await Promise.all([db.packs.toArray(), db.meetings.toArray()]);
  const dates = new Map(meetings.map((meeting) => [meeting.id, meeting.date]));
  const today = localDay(now);
  const due = new Set<string>();
  for (const pack of packs) {
    const date = dates.get(pack.meetingId) ?? pack.meeting.date;
    if (papersExpireOn(date, months) <= today) due.add(pack.meetingId);
  }
  return [...due].sort();
}

/** Removes the papers the setting says are due (nothing while it is off), in one transaction. */
export async function applyPapersRetention(db: OversightDatabase, now = new Date()): Promise<PapersRemoval & { meetings: number }> {
  const { months } = await getPapersRetention(db);
  if (months === null) return { meetings: 0, packs: 0, papers: 0, highlights: 0 };
  const meetingIds = await meetingsWithExpiredPapers(db, months, now);
  if (meetingIds.length === 0) return { meetings: 0, packs: 0, papers: 0, highlights: 0 };
  return { meetings: meetingIds.length, ...(await removePapersOfMeetings(db, meetingIds)) };
}
