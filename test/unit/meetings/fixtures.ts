import {
  DEFAULT_ASSURANCE_SCALE,
  type AgendaItem,
  type AttendanceRecord,
  type Meeting,
  type MeetingRecord,
  type TermsOfReference,
} from '../../../shared/meetings/schema';

// Small, readable meetings for the meetings unit tests.

export const TERMS: TermsOfReference = {
  quorum: { minVoting: 3, requiredOrganisations: [] },
  majority: 'simple',
  hasCastingVote: true,
  decisionPattern: 'SOB/{yyyy}/{nnn}',
  assuranceScale: [...DEFAULT_ASSURANCE_SCALE],
};

export function agendaItem(number: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: `item-${number}`,
    number,
    title: `Item ${number}`,
    presenter: '',
    isExempt: false,
    isDecisionRequired: false,
    links: [],
    ...extra,
  };
}

export const AGENDA: AgendaItem[] = ['1', '2', '3', '4', '5'].map((number) => agendaItem(number));

const AT = '2027-01-14T10:00:00.000Z';

export function attendee(memberId: string, extra: Partial<AttendanceRecord> = {}): AttendanceRecord {
  return {
    id: `att-${memberId}`,
    meetingId: 'm1',
    kind: 'attendance',
    createdAt: AT,
    updatedAt: AT,
    chain: null,
    memberId,
    name: memberId,
    role: '',
    organisation: 'Council',
    isVoting: true,
    status: 'present',
    substituteForId: null,
    arrivedAtItemId: null,
    leftAtItemId: null,
    ...extra,
  };
}

export function meeting(extra: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    title: 'SEND Oversight Board',
    date: '2027-01-14',
    time: '10:00',
    place: 'Committee Room 2',
    planId: 'plan-1',
    agenda: [agendaItem('1'), agendaItem('2', { isExempt: true, title: 'Exempt: contract' }), agendaItem('3')],
    carriedActions: [],
    previousMeetingId: null,
    status: 'draft',
    approval: null,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

let counter = 0;
function base(seconds: number) {
  counter += 1;
  const createdAt = new Date(Date.parse(AT) + seconds * 1000).toISOString();
  return { id: `r${counter}`, meetingId: 'm1', createdAt, updatedAt: createdAt, chain: null };
}

/** A draft meeting's records: attendance, a note, a decision with a vote, a judgement and an action, one on the exempt item. */
export function draftRecords(): MeetingRecord[] {
  return [
    attendee('cllr-a', { name: 'Cllr A' }),
    attendee('cllr-b', { name: 'Cllr B' }),
    attendee('cllr-c', { name: 'Cllr C', status: 'apologies' }),
    { ...base(30), kind: 'note', itemId: 'item-1', text: 'The dashboard was discussed.' },
    {
      ...base(40),
      kind: 'decision',
      itemId: 'item-1',
      number: 'SOB/2027/001',
      type: 'resolved',
      text: 'The board resolved to ask for a recovery plan.',
      escalatedTo: null,
      refersTo: null,
      vote: { method: 'show-of-hands', for: 2, against: 0, abstain: 0, castingVote: null, rule: 'simple', entitled: 2, outcome: 'carried' },
      isWithdrawn: false,
    },
    { ...base(50), kind: 'note', itemId: 'item-2', text: 'Confidential: the provider’s finances.' },
    {
      ...base(60),
      kind: 'judgement',
      itemId: 'item-3',
      target: { kind: 'area', planId: 'plan-1', id: 'area-1', label: 'Area 1: EHC timeliness' },
      level: 'Partially assured',
      reason: 'Timeliness is improving but below target.',
    },
    {
      ...base(70),
      kind: 'action',
      itemId: 'item-3',
      text: 'Bring the EHC recovery trajectory to the next meeting',
      owner: 'Head of SEND',
      dueDate: '2027-02-11',
      links: [],
    },
    {
      ...base(20),
      kind: 'declaration',
      itemId: 'item-3',
      memberId: 'cllr-b',
      memberName: 'Cllr B',
      interest: 'Governor of a special school',
      hasLeft: false,
    },
  ];
}
