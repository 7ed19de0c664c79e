import type { AgendaItem } from '../meetings/schema';
import type { PackManifest } from './schema';

// A pack names the meeting its papers are for and that meeting's agenda. The chair's record
// (renderer/meetings/) can be started from it, so the agenda is typed once, by the clerk.

/** What the chair's createMeeting needs, taken from a pack: the meeting's details and its agenda. */
export type MeetingFromPack = {
  id: string;
  title: string;
  date: string;
  time: string;
  place: string;
  planId: string | null;
  agenda: AgendaItem[];
};

/** The pack's agenda as the chair's agenda items: same ids, so papers and items stay linked. */
export function agendaFromPack(pack: Pick<PackManifest, 'agenda'>): AgendaItem[] {
  return pack.agenda.map((item) => ({
    id: item.id,
    number: item.number,
    title: item.title,
    presenter: item.presenter,
    // Only the clerk's flag: an exempt appendix does not make the whole item private.
    isExempt: item.exempt,
    isDecisionRequired: item.decisionRequired,
    links: item.links.map((link) => ({ kind: link.kind, id: link.id })),
  }));
}

/** The meeting a pack is for, ready for the chair's record. */
export function meetingFromPack(pack: Pick<PackManifest, 'meeting' | 'agenda'>): MeetingFromPack {
  return {
    id: pack.meeting.id,
    title: pack.meeting.title,
    date: pack.meeting.date,
    time: pack.meeting.time,
    place: pack.meeting.place ?? '',
    planId: pack.meeting.planId ?? null,
    agenda: agendaFromPack(pack),
  };
}
