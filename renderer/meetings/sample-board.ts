import { BOARD_ID, DEFAULT_ASSURANCE_SCALE, type AgendaItem, type Board, type BoardMember } from '../../shared/meetings/schema';
import type { CandidateReply } from '../../shared/ipc/contract';
import type { OversightDatabase } from '../db/database';
import { createMeeting } from './meeting-repository';

// The first-run sample: an invented board register and the next meeting's agenda, so that a
// newcomer can try the chair's screens at once. Every name is invented. Items link to areas and
// actions of the bundled sample plan (electron/resources/sample/northmoor-send-plan.r2.plan.json).

export const SAMPLE_PLAN_ID = 'northmoor-send-app';
export const SAMPLE_MEETING_ID = 'sample-next-meeting';
export const SAMPLE_BOARD_NAME = 'Northmoor SEND Oversight Board';

const ICB = 'NHS Northmoor and Westdale ICB';
const PCF = 'Northmoor Parent Carer Forum';

function member(
  id: string,
  name: string,
  role: string,
  organisation: string,
  isVoting = true,
  substituteForId: string | null = null,
): BoardMember {
  return { id, name, role, organisation, isVoting, substituteForId };
}

export const SAMPLE_MEMBERS: readonly BoardMember[] = [
  member('m-marsh', 'Cllr Helen Marsh', 'Chair; Cabinet Member for Children, Young People and Families', 'Labour group'),
  member('m-okoro', 'Cllr David Okoro', 'Member, Children’s Services Scrutiny Committee', 'Labour group'),
  member('m-shah', 'Cllr Priya Shah', 'Opposition spokesperson for Children’s Services', 'Conservative group'),
  member('m-reilly', 'Cllr Tom Reilly', 'Opposition spokesperson for Education and Skills', 'Liberal Democrat group'),
  member('m-ellis', 'Cllr Margaret Ellis', 'Member', 'Independent group'),
  member('m-quinn', 'Dr Sarah Quinn', 'Director of Nursing and Quality', ICB),
  member('m-whitfield', 'James Whitfield', 'Associate Director, Children’s Commissioning', ICB),
  member('m-brooks', 'Angela Brooks', 'Co-chair', PCF),
  member('m-osei', 'Rachel Osei', 'SEND Adviser (does not vote)', 'Department for Education', false),
  member('m-ainsley', 'Mark Ainsley', 'Children and Young People Lead (does not vote)', 'NHS England', false),
  member('m-doyle', 'Cllr Kevin Doyle', 'Named substitute', 'Conservative group', false, 'm-shah'),
];

function sampleBoard(now: string): Board {
  return {
    id: BOARD_ID,
    name: SAMPLE_BOARD_NAME,
    members: [...SAMPLE_MEMBERS],
    terms: {
      quorum: { minVoting: 4, requiredOrganisations: [ICB, PCF] },
      majority: 'simple',
      hasCastingVote: true,
      decisionPattern: 'SOB/{yyyy}/{nnn}',
      assuranceScale: [...DEFAULT_ASSURANCE_SCALE],
    },
    decisionCounters: {},
    updatedAt: now,
  };
}

function item(number: string, title: string, presenter: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id: `sample-item-${number}`, number, title, presenter, isExempt: false, isDecisionRequired: false, links: [], ...extra };
}

/** The typical agenda of a board meeting, as in the domain brief, with one exempt item. */
export function sampleAgenda(): AgendaItem[] {
  return [
    item('1', 'Welcome and apologies', 'Chair'),
    item('2', 'Declarations of interest', 'Chair'),
    item('3', 'Minutes and action log of the previous meeting', 'SEND Improvement Programme Manager', { isDecisionRequired: true }),
    item('4', 'Performance dashboard: EHC timeliness and key measures', 'Head of Performance and Business Intelligence', {
      links: [
        { kind: 'area', id: 'area-1' },
        { kind: 'action', id: 'act-002' },
        { kind: 'action', id: 'act-011' },
      ],
    }),
    item('5', 'Plan status report by area', 'SEND Improvement Programme Manager', {
      isDecisionRequired: true,
      links: ['area-1', 'area-2', 'area-3', 'area-4', 'area-5'].map((id) => ({ kind: 'area' as const, id })),
    }),
    item('6', 'Deep dive: the Local Offer and parents’ understanding of support', 'Local Offer and Family Engagement Manager', {
      isDecisionRequired: true,
      links: [
        { kind: 'area', id: 'area-2' },
        { kind: 'action', id: 'act-013' },
        { kind: 'action', id: 'act-014' },
        { kind: 'action', id: 'act-015' },
      ],
    }),
    item('7', 'Independent special school placements: commissioning options', 'Head of Joint Commissioning, Children and Families', {
      isExempt: true,
      isDecisionRequired: true,
      links: [
        { kind: 'area', id: 'area-5' },
        { kind: 'action', id: 'act-053' },
      ],
    }),
    item('8', 'Risks and escalations', 'Director of Children’s Services', {
      isDecisionRequired: true,
      links: [{ kind: 'area', id: 'area-3' }],
    }),
    item('9', 'Any other business', 'Chair'),
  ];
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The board's next meeting: the first Thursday at least a week after `now`. */
export function nextMeetingDate(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7));
  while (date.getUTCDay() !== 4) date.setUTCDate(date.getUTCDate() + 1);
  return isoDay(date);
}

/**
 * Adds the sample board register and the next meeting's agenda, unless a board or a meeting is
 * already stored: run on first run right after the sample plan, and harmless to run again.
 */
export async function seedSampleBoard(db: OversightDatabase, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const hasBoard = await db.transaction('rw', db.board, async () => {
    if (await db.board.get(BOARD_ID)) return true;
    await db.board.add(sampleBoard(now.toISOString()));
    return false;
  });
  if (hasBoard || (await db.meetings.count()) > 0) return;
  await createMeeting(
    db,
    {
      id: SAMPLE_MEETING_ID,
      title: 'Northmoor SEND Oversight Board',
      date: nextMeetingDate(now),
      time: '14:00',
      place: 'Committee Room 1, Northmoor Town Hall',
      planId: SAMPLE_PLAN_ID,
      agenda: sampleAgenda(),
    },
    { now },
  );
}

/**
 * The bundled sample pack was made for the sample meeting, with a fixed date, while the sample
 * meeting is seeded on the first Thursday a week ahead. So that the pack and the chair's record
 * agree (its "Open this meeting's agenda" opens the meeting the pack names), the sample pack
 * takes the seeded meeting's date, time and place on first run. Only sample candidates for the
 * sample meeting change; anything a member imports is stored as it came.
 */
export async function alignSamplePacks(db: OversightDatabase, candidates: readonly CandidateReply[]): Promise<CandidateReply[]> {
  const meeting = await db.meetings.get(SAMPLE_MEETING_ID);
  if (!meeting) return [...candidates];
  return candidates.map((candidate) => {
    const { outcome } = candidate;
    if (candidate.source !== 'sample' || outcome.status !== 'pack' || outcome.pack.meeting.id !== SAMPLE_MEETING_ID) return candidate;
    const aligned = { ...outcome.pack.meeting, date: meeting.date, time: meeting.time, ...(meeting.place ? { place: meeting.place } : {}) };
    return { ...candidate, outcome: { ...outcome, pack: { ...outcome.pack, meeting: aligned } } };
  });
}
