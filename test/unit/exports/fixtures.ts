import { inflateRawSync } from 'node:zlib';
import { sealMeeting } from '../../../shared/meetings/approval';
import type { MeetingBundle } from '../../../shared/exports/schema';
import {
  DEFAULT_ASSURANCE_SCALE,
  type AgendaItem,
  type Meeting,
  type MeetingRecord,
  type TermsOfReference,
} from '../../../shared/meetings/schema';
import { DEFAULT_ZIP_LIMITS, entryDataOffset, readZipDirectory } from '../../../shared/files/zip-directory';

// A small, realistic meeting for the export tests: a public item, an exempt one whose every
// record carries EXEMPT-MARKER, an item linked to a plan action, and any other business.

export const EXEMPT_MARKER = 'EXEMPT-MARKER-7f3a';
export const BOARD_NAME = 'Northmoor SEND Oversight Board';

export const TERMS: TermsOfReference = {
  quorum: { minVoting: 2, requiredOrganisations: [] },
  majority: 'simple',
  hasCastingVote: true,
  decisionPattern: 'SOB/{yyyy}/{nnn}',
  assuranceScale: [...DEFAULT_ASSURANCE_SCALE],
};

function item(number: string, title: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id: `item-${number}`, number, title, presenter: '', isExempt: false, isDecisionRequired: false, links: [], ...extra };
}

const AT = '2027-01-14T10:00:00.000Z';

export function exportMeeting(extra: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-2027-01',
    title: 'SEND Oversight Board',
    date: '2027-01-14',
    time: '14:00',
    place: 'Committee Room 2, Northmoor Town Hall',
    planId: 'plan-1',
    agenda: [
      item('1', 'Performance dashboard', { presenter: 'Head of SEND' }),
      item('2', `Home to school transport contract ${EXEMPT_MARKER}`, { isExempt: true }),
      item('3', 'Deep dive: EHC timeliness', { links: [{ kind: 'action', id: 'A-1.1' }] }),
      item('4', 'Any other business'),
    ],
    carriedActions: [
      {
        sourceId: 'old-1',
        fromMeetingId: 'm-2026-12',
        fromMeetingDate: '2026-12-10',
        text: 'Circulate the audit report',
        owner: 'Programme office',
        dueDate: '2027-01-10',
      },
      {
        sourceId: 'old-exempt',
        fromMeetingId: 'm-2026-12',
        fromMeetingDate: '2026-12-10',
        text: `Renegotiate ${EXEMPT_MARKER}`,
        owner: 'Director',
        dueDate: null,
        // As the app carries it: it arose on an exempt item, so record 0 seals it for redaction.
        isExempt: true,
      },
    ],
    previousMeetingId: 'm-2026-12',
    status: 'draft',
    approval: null,
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

let counter = 0;
function base(meetingId: string, seconds: number) {
  counter += 1;
  const createdAt = new Date(Date.parse(AT) + seconds * 1000).toISOString();
  return { id: `rec-${counter}`, meetingId, createdAt, updatedAt: createdAt, chain: null };
}

function attendance(
  meetingId: string,
  memberId: string,
  name: string,
  extra: Partial<Extract<MeetingRecord, { kind: 'attendance' }>> = {},
): MeetingRecord {
  return {
    id: `${meetingId}:attendance:${memberId}`,
    meetingId,
    kind: 'attendance',
    createdAt: AT,
    updatedAt: AT,
    chain: null,
    memberId,
    name,
    role: 'Board member',
    organisation: 'Northmoor Council',
    isVoting: true,
    status: 'present',
    substituteForId: null,
    arrivedAtItemId: null,
    leftAtItemId: null,
    ...extra,
  };
}

/** The draft's records: attendance, declarations, notes, decisions, a judgement and actions, some on the exempt item. */
export function exportRecords(meetingId = 'm-2027-01'): MeetingRecord[] {
  return [
    attendance(meetingId, 'chair', 'Cllr Amina Shah', { role: 'Chair' }),
    attendance(meetingId, 'cllr-b', 'Cllr Ben Ode'),
    attendance(meetingId, 'cllr-c', 'Cllr Cara Lee', { status: 'apologies' }),
    attendance(meetingId, 'dfe', 'Dana Fox', { isVoting: false, organisation: 'DfE', role: 'SEND adviser' }),
    { ...base(meetingId, 5), kind: 'action-update', sourceId: 'old-1', status: 'complete', note: 'Sent on 9 January' },
    { ...base(meetingId, 10), kind: 'note', itemId: 'item-1', text: 'EHC timeliness rose to 48%.\nThe board asked why.' },
    {
      ...base(meetingId, 20),
      kind: 'decision',
      itemId: 'item-1',
      number: 'SOB/2027/001',
      type: 'noted',
      text: 'The board noted the dashboard.',
      escalatedTo: null,
      refersTo: null,
      vote: { method: 'show-of-hands', for: 2, against: 0, abstain: 0, castingVote: null, rule: 'simple', entitled: 2, outcome: 'carried' },
      isWithdrawn: false,
    },
    { ...base(meetingId, 30), kind: 'note', itemId: 'item-2', text: `Confidential discussion ${EXEMPT_MARKER}` },
    {
      ...base(meetingId, 31),
      kind: 'declaration',
      itemId: 'item-2',
      memberId: 'cllr-b',
      memberName: 'Cllr Ben Ode',
      interest: 'Director of a transport operator',
      hasLeft: true,
    },
    {
      ...base(meetingId, 32),
      kind: 'decision',
      itemId: 'item-2',
      number: 'SOB/2027/002',
      type: 'approved',
      text: `Approved the contract ${EXEMPT_MARKER}`,
      escalatedTo: null,
      refersTo: null,
      vote: null,
      isWithdrawn: false,
    },
    {
      ...base(meetingId, 33),
      kind: 'action',
      itemId: 'item-2',
      text: `Sign ${EXEMPT_MARKER}`,
      owner: 'Director',
      dueDate: '2027-02-01',
      links: [],
    },
    {
      ...base(meetingId, 40),
      kind: 'declaration',
      itemId: 'item-3',
      memberId: 'chair',
      memberName: 'Cllr Amina Shah',
      interest: 'Governor of a special school',
      hasLeft: false,
    },
    { ...base(meetingId, 41), kind: 'note', itemId: 'item-3', text: '=HYPERLINK("http://example.invalid","click") was typed by mistake' },
    {
      ...base(meetingId, 42),
      kind: 'decision',
      itemId: 'item-3',
      number: 'SOB/2027/003',
      type: 'escalated',
      text: '+Escalate the EHC backlog to the DfE',
      escalatedTo: 'DfE SEND adviser',
      refersTo: null,
      vote: { method: 'consensus', for: 0, against: 0, abstain: 0, castingVote: null, rule: 'simple', entitled: 2, outcome: 'carried' },
      isWithdrawn: false,
    },
    {
      ...base(meetingId, 43),
      kind: 'judgement',
      itemId: 'item-3',
      target: { kind: 'action', planId: 'plan-1', id: 'A-1.1', label: 'Action 1.1: Recruit EHC coordinators' },
      level: 'Partially assured',
      reason: 'Recruitment is on track; timeliness is not yet improving.',
    },
    {
      ...base(meetingId, 44),
      kind: 'action',
      itemId: 'item-3',
      text: '@Bring the recovery trajectory to the next meeting',
      owner: 'Head of SEND',
      dueDate: '2027-02-11',
      links: [{ kind: 'action', planId: 'plan-1', id: 'A-1.1', label: 'Action 1.1: Recruit EHC coordinators' }],
    },
  ];
}

/** The draft meeting as an export bundle. */
export function draftBundle(): MeetingBundle {
  return { meeting: exportMeeting(), records: exportRecords(), exemptSourceIds: ['old-exempt'] };
}

/** The same meeting approved: chained behind its header. */
export async function approvedBundle(): Promise<MeetingBundle> {
  const sealed = await sealMeeting({
    meeting: exportMeeting(),
    records: exportRecords(),
    boardName: BOARD_NAME,
    terms: TERMS,
    approvedAt: '2027-02-11T15:00:00.000Z',
    approvedAtMeeting: 'the meeting of 11 February 2027',
    approvedAtMeetingId: 'm-2027-02',
  });
  return { meeting: sealed.meeting, records: sealed.records, exemptSourceIds: ['old-exempt'] };
}

/** The text of one file inside a zip (DOCX, XLSX). */
export function unzipText(bytes: Uint8Array, name: string): string {
  const directory = readZipDirectory(bytes, 'file', DEFAULT_ZIP_LIMITS);
  if (!directory.ok) throw new Error('not a zip');
  const entry = directory.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the zip (${directory.entries.map((candidate) => candidate.name).join(', ')})`);
  const start = entryDataOffset(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return new TextDecoder().decode(entry.method === 0 ? data : inflateRawSync(data));
}

/** Every text file inside a zip, joined: for searching a DOCX or XLSX for a marker. */
export function unzipAllText(bytes: Uint8Array): string {
  const directory = readZipDirectory(bytes, 'file', DEFAULT_ZIP_LIMITS);
  if (!directory.ok) throw new Error('not a zip');
  return directory.entries
    .filter((entry) => /\.(xml|rels)$/.test(entry.name))
    .map((entry) => unzipText(bytes, entry.name))
    .join('\n');
}

/** The visible text of a Word document's XML: its runs' text joined. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
