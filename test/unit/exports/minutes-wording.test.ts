import { describe, expect, it } from 'vitest';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { minutesDocx } from '../../../electron/exports/minutes-docx';
import { minutesHtml } from '../../../shared/exports/minutes-html';
import { buildMinutes, decisionOf } from '../../../shared/exports/minutes-model';
import { exportRequestSchema, type MeetingBundle } from '../../../shared/exports/schema';
import { sealMeeting } from '../../../shared/meetings/approval';
import type { DecisionRecord, MeetingRecord, Vote } from '../../../shared/meetings/schema';
import {
  approvedBundle,
  BOARD_NAME,
  docxText,
  draftBundle,
  EXEMPT_MARKER,
  exportMeeting,
  exportRecords,
  TERMS,
  unzipText,
} from './fixtures';

// What the published minutes say: decisions worded as the board took them, who was there, the
// exclusion of the press and public, interests, times, the quorum, and the chair's signature.

const AT = '2027-01-14T15:00:00.000Z';

function decision(extra: Partial<DecisionRecord>): DecisionRecord {
  return {
    id: `d-${Math.random()}`,
    meetingId: 'm-2027-01',
    kind: 'decision',
    createdAt: AT,
    updatedAt: AT,
    chain: null,
    itemId: 'item-1',
    number: 'SOB/2027/009',
    type: 'resolved',
    text: 'That the board asks for a recovery plan.',
    escalatedTo: null,
    refersTo: null,
    vote: null,
    isWithdrawn: false,
    ...extra,
  };
}

function hands(forCount: number, against: number, abstain: number, outcome: Vote['outcome']): Vote {
  return { method: 'show-of-hands', for: forCount, against, abstain, castingVote: null, rule: 'simple', entitled: 9, outcome };
}

function bundleWith(records: MeetingRecord[], meeting = exportMeeting()): MeetingBundle {
  return { meeting, records: [...exportRecords(), ...records], exemptSourceIds: ['old-exempt'] };
}

async function docxBody(bundle: MeetingBundle, includeExempt = false): Promise<string> {
  const bytes = await minutesDocx(buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt, terms: TERMS }));
  return docxText(unzipText(bytes, 'word/document.xml'));
}

describe('decisions worded by their outcome', () => {
  it('prints a lost resolution as a motion that was LOST with the vote, never as RESOLVED, in the model, DOCX and PDF', async () => {
    const lost = decision({ vote: hands(2, 5, 0, 'lost') });
    expect(decisionOf(lost)).toEqual({
      number: 'SOB/2027/009',
      wording: 'The motion “That the board asks for a recovery plan” was LOST: 2 for, 5 against, 0 abstentions.',
      vote: '',
    });
    const bundle = bundleWith([lost]);
    const body = await docxBody(bundle);
    expect(body).toContain('SOB/2027/009 The motion “That the board asks for a recovery plan” was LOST: 2 for, 5 against, 0 abstentions.');
    expect(body).not.toMatch(/SOB\/2027\/009 RESOLVED/);
    const html = minutesHtml(buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt: false }));
    expect(html).toContain('was LOST: 2 for, 5 against, 0 abstentions.');
    expect(html).not.toContain('RESOLVED: That the board asks');
  });

  it('prints RESOLVED only for a carried resolution, and each other kind as councils write it', () => {
    const wording = (extra: Partial<DecisionRecord>) => decisionOf(decision(extra)).wording;
    expect(wording({ vote: hands(6, 1, 0, 'carried') })).toBe('RESOLVED: That the board asks for a recovery plan.');
    expect(decisionOf(decision({ vote: hands(6, 1, 1, 'carried') })).vote).toBe('Show of hands: 6 for, 1 against, 1 abstention. Carried.');
    expect(wording({ type: 'noted', text: 'The report.' })).toBe('NOTED: The report.');
    expect(wording({ type: 'deferred', text: 'To March.' })).toBe('DEFERRED: To March.');
    expect(wording({ type: 'escalated', escalatedTo: 'the DfE', text: 'The backlog.' })).toBe(
      'RESOLVED to escalate to the DfE: The backlog.',
    );
    expect(wording({ type: 'rescinds', refersTo: 'SOB/2026/004', text: 'No longer needed.' })).toBe(
      'RESOLVED to rescind decision SOB/2026/004: No longer needed.',
    );
    expect(wording({ type: 'amends', refersTo: 'SOB/2026/005', text: 'Date moved.' })).toBe(
      'RESOLVED to amend decision SOB/2026/005: Date moved.',
    );
    expect(wording({ type: 'noted', text: 'The report.', vote: hands(1, 3, 0, 'lost') })).toBe(
      'The motion “The report” was LOST: 1 for, 3 against, 0 abstentions.',
    );
    expect(wording({ vote: { ...hands(3, 3, 0, 'lost'), castingVote: 'against' } })).toContain(
      'was LOST: 3 for, 3 against, 0 abstentions on the chair’s casting vote (against).',
    );
  });

  it('leaves a withdrawn decision out of the published minutes and out of the export summary', async () => {
    const withdrawn = decision({ number: 'SOB/2027/010', text: 'Recorded in error.', isWithdrawn: true });
    const bundle = bundleWith([withdrawn]);
    const minutes = buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt: true });
    expect(minutes.items.flatMap((item) => item.decisions.map((entry) => entry.number))).not.toContain('SOB/2027/010');
    expect(await docxBody(bundle, true)).not.toContain('SOB/2027/010');
    expect(minutesHtml(minutes)).not.toContain('Recorded in error.');
    const services: ExportServices = {
      printHtmlToPdf: async () => new Uint8Array([37, 80, 68, 70]),
      trackerCopies: { find: async () => undefined },
      now: () => new Date('2027-02-12T09:00:00Z'),
    };
    const built = await buildExport(
      exportRequestSchema.parse({ kind: 'minutes-docx', includeExempt: false, boardName: BOARD_NAME, bundle }),
      services,
    );
    // Public items 1, 3 and 4 hold two decisions; the withdrawn one is not counted.
    expect(built.ok && built.value.summary).toBe('Draft minutes: 4 items, 2 decisions; 1 exempt item left out.');
    const log = await buildExport(
      exportRequestSchema.parse({ kind: 'decision-log-csv', includeExempt: false, boardName: BOARD_NAME, bundles: [bundle] }),
      services,
    );
    expect(log.ok && log.value.summary).toBe('2 decisions from 1 meeting; 1 withdrawn (listed, not counted).');
  });
});

describe('who was there', () => {
  it('lists a substitute standing in for a member under Present, never under In attendance', () => {
    const substitute: MeetingRecord = {
      id: 'att-sub',
      meetingId: 'm-2027-01',
      kind: 'attendance',
      createdAt: AT,
      updatedAt: AT,
      chain: null,
      memberId: 'sub-doyle',
      name: 'Cllr Kevin Doyle',
      role: 'Substitute',
      organisation: 'Northmoor Council',
      isVoting: false,
      status: 'present',
      substituteForId: 'cllr-c',
      arrivedAtItemId: null,
      leftAtItemId: null,
    };
    const minutes = buildMinutes(bundleWith([substitute]), { boardName: BOARD_NAME, includeExempt: false });
    expect(minutes.present).toContain('Cllr Kevin Doyle (Substitute, Northmoor Council), substituting for Cllr Cara Lee');
    expect(minutes.inAttendance).toEqual(['Dana Fox (SEND adviser, DfE)']);
  });

  it('states the quorum, names officers in attendance, and records when the meeting started and closed', async () => {
    const meeting = exportMeeting({
      startedAt: '14:05',
      closedAt: '16:05',
      officers: [{ id: 'o1', name: 'Jo Hart', role: 'Head of SEND' }],
    });
    const minutes = buildMinutes(bundleWith([], meeting), { boardName: BOARD_NAME, includeExempt: false, terms: TERMS });
    expect(minutes.quorum).toBe('The meeting was quorate: 2 voting members were present (at least 2 needed).');
    expect(minutes.officers).toEqual(['Jo Hart (Head of SEND)']);
    expect(minutes.timesLine).toBe('The meeting started at 14:05 and closed at 16:05.');
    const body = await docxBody(bundleWith([], meeting));
    expect(body).toContain('Officers in attendanceJo Hart (Head of SEND)');
    expect(body).toContain('The meeting started at 14:05 and closed at 16:05.');
    expect(minutesHtml(minutes)).toContain('<p class="times">The meeting started at 14:05 and closed at 16:05.</p>');
    const thin = buildMinutes(bundleWith([], meeting), {
      boardName: BOARD_NAME,
      includeExempt: false,
      terms: { ...TERMS, quorum: { minVoting: 3, requiredOrganisations: [] } },
    });
    expect(thin.quorum).toBe('The meeting was not quorate at the start: 2 voting members present; at least 3 voting members needed.');
    expect(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false }).timesLine).toBeNull();
  });
});

describe('exempt items and interests', () => {
  it('records the resolution to exclude the press and public with the Schedule 12A paragraph, and keeps declarations public', async () => {
    const meeting = exportMeeting();
    meeting.agenda = meeting.agenda.map((item) => (item.isExempt ? { ...item, exemptParagraph: 3 } : item));
    const body = await docxBody(bundleWith([], meeting));
    expect(body).toContain(
      'RESOLVED that the press and public be excluded from the meeting for this item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
    );
    expect(body).toContain('Cllr Ben Ode: Director of a transport operator (left the room for this item)');
    expect(body).not.toContain(`Confidential discussion ${EXEMPT_MARKER}`);
    // An exempt item recorded before the paragraph was asked for says so rather than guessing.
    const older = buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false });
    expect(older.items[1]?.exclusion).toContain('Part 1 of Schedule 12A to the Local Government Act 1972 (the paragraph was not recorded)');
    expect(older.items[0]?.exclusion).toBeNull();
  });

  it('prints nothing under an item with no notes, instead of filler', async () => {
    const html = minutesHtml(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false }));
    expect(html).not.toContain('No discussion was minuted');
    expect(await docxBody(draftBundle())).not.toContain('No discussion was minuted');
  });
});

describe('approved minutes', () => {
  it('end with the chair’s signature block and the head hash, in DOCX and PDF; a draft has neither', async () => {
    const bundle = await approvedBundle();
    const head = bundle.meeting.approval?.chainHead ?? 'missing';
    const minutes = buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt: false });
    const body = await docxBody(bundle);
    expect(body).toMatch(/Signed …+ Chair/);
    expect(body).toMatch(/Date …+/);
    expect(body).toContain(`head hash (SHA-256) ${head}`);
    const html = minutesHtml(minutes);
    expect(html).toMatch(/<div class="signature">.*<p class="sign">Signed …+ Chair<\/p><p class="sign">Date …+<\/p>/);
    expect(html).toContain(`head hash (SHA-256) ${head}`);
    const draft = await docxBody(draftBundle());
    expect(draft).not.toContain('Signed');
    expect(draft).not.toContain('head hash');
  });

  it('print the resolution approving earlier minutes at the item where the board approved them', async () => {
    const meeting = exportMeeting({ approvedMinutes: [{ meetingId: 'm-2026-12', meetingDate: '2026-12-10', itemId: 'item-4' }] });
    const minutes = buildMinutes(bundleWith([], meeting), { boardName: BOARD_NAME, includeExempt: false });
    expect(minutes.items[3]?.minutesApproved).toEqual([
      'RESOLVED that the minutes of the meeting held on Thursday 10 December 2026 be approved as a correct record and signed by the Chair.',
    ]);
    // Sealed into record 0 on approval, so the approved minutes (and a decision file) keep it.
    const sealed = await sealMeeting({
      meeting,
      records: exportRecords(),
      boardName: BOARD_NAME,
      terms: TERMS,
      approvedAt: '2027-02-11T15:00:00.000Z',
      approvedAtMeeting: 'the meeting of 11 February 2027',
      approvedAtMeetingId: 'm-2027-02',
      approvedAtMeetingDate: '2027-02-11',
    });
    const approved = buildMinutes(
      { meeting: { ...sealed.meeting, approvedMinutes: [] }, records: sealed.records, exemptSourceIds: [] },
      {
        boardName: BOARD_NAME,
        includeExempt: false,
      },
    );
    expect(approved.items[3]?.minutesApproved).toHaveLength(1);
  });
});

describe('house style', () => {
  it('uses one sans-serif font with black headings, the board’s name in every page header and “Page N of M”', async () => {
    const bytes = await minutesDocx(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false }));
    const styles = unzipText(bytes, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      const style = styles.slice(styles.indexOf(`w:styleId="${id}"`), styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)));
      expect(style, id).toContain('<w:color w:val="000000"/>');
      expect(style, id).toContain('w:ascii="Arial"');
    }
    const fonts = new Set([...unzipText(bytes, 'word/document.xml').matchAll(/w:ascii="([^"]+)"/g)].map((match) => match[1]));
    expect([...fonts].every((font) => font === 'Arial')).toBe(true);
    expect(docxText(unzipText(bytes, 'word/header1.xml'))).toContain(BOARD_NAME);
    expect(unzipText(bytes, 'word/footer1.xml')).toMatch(/Page .*PAGE.*of.*NUMPAGES/s);
    const html = minutesHtml(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false }));
    expect(html).toContain(`@top-left { content: "${BOARD_NAME}"`);
    expect(html).toContain('"Page " counter(page) " of " counter(pages)');
    expect(html).toMatch(/h1, h2, h3 \{ color: #000;/);
  });
});
