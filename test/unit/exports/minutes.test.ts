import { describe, expect, it } from 'vitest';
import { minutesDocx } from '../../../electron/exports/minutes-docx';
import { buildMinutes } from '../../../shared/exports/minutes-model';
import { escapeHtml, minutesHtml } from '../../../shared/exports/minutes-html';
import { approvedBundle, BOARD_NAME, docxText, draftBundle, EXEMPT_MARKER, unzipAllText, unzipText } from './fixtures';

describe('the minutes model', () => {
  it('has the shape of council minutes: present, apologies, in attendance, declarations, items, numbered decisions, judgements, actions', () => {
    const minutes = buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false });
    expect(minutes.isDraft).toBe(true);
    expect(minutes.dateLine).toBe('Thursday 14 January 2027');
    expect(minutes.present).toEqual(['Cllr Amina Shah (Chair, Northmoor Council)', 'Cllr Ben Ode (Board member, Northmoor Council)']);
    expect(minutes.apologies).toEqual(['Cllr Cara Lee (Board member, Northmoor Council)']);
    expect(minutes.inAttendance).toEqual(['Dana Fox (SEND adviser, DfE)']);
    // Interests are public even on an exempt item.
    expect(minutes.declarations).toEqual([
      `Item 2 (Home to school transport contract ${EXEMPT_MARKER}): Cllr Ben Ode: Director of a transport operator (left the room for this item)`,
      'Item 3 (Deep dive: EHC timeliness): Cllr Amina Shah: Governor of a special school (remained in the room)',
    ]);
    expect(minutes.items.map((item) => item.number)).toEqual(['1', '2', '3', '4']);
    const [first, exempt, third] = minutes.items;
    expect(first?.decisions).toEqual([
      {
        number: 'SOB/2027/001',
        wording: 'NOTED: The board noted the dashboard.',
        vote: 'Show of hands: 2 for, 0 against, 0 abstentions. Carried.',
      },
    ]);
    expect(third?.decisions[0]?.wording).toBe('RESOLVED to escalate to DfE SEND adviser: +Escalate the EHC backlog to the DfE');
    expect(third?.judgements).toEqual([
      {
        label: 'Action 1.1: Recruit EHC coordinators',
        level: 'Partially assured',
        reason: 'Recruitment is on track; timeliness is not yet improving.',
      },
    ]);
    expect(third?.actions).toEqual([
      { text: '@Bring the recovery trajectory to the next meeting', owner: 'Head of SEND', due: '11 February 2027', itemNumber: '3' },
    ]);
    expect(exempt?.isWithheld).toBe(true);
    expect(exempt?.decisions).toEqual([]);
    expect(exempt?.declarations).toEqual(['Cllr Ben Ode: Director of a transport operator (left the room for this item)']);
    expect(minutes.carriedActions).toEqual([
      {
        text: 'Circulate the audit report',
        owner: 'Programme office',
        due: '10 January 2027',
        itemNumber: '',
        progress: 'Complete: Sent on 9 January',
      },
    ]);
    expect(minutes.withheldItems).toBe(1);
    // Only the exempt item's title is shown (as UK minutes do); nothing of what was said or decided.
    expect(
      JSON.stringify({
        ...minutes,
        declarations: [],
        items: minutes.items.map((item) => ({ ...item, title: '' })),
      }),
    ).not.toContain(EXEMPT_MARKER);
  });

  it('includes exempt items, and marks the minutes confidential, only when asked', () => {
    const minutes = buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: true });
    expect(minutes.isConfidential).toBe(true);
    expect(minutes.items[1]?.decisions.map((decision) => decision.number)).toEqual(['SOB/2027/002']);
    expect(minutes.items[1]?.discussion).toContain(EXEMPT_MARKER);
    expect(minutes.carriedActions).toHaveLength(2);
  });

  it('follows the approved record once approved, with the approval and the chain’s final hash', async () => {
    const bundle = await approvedBundle();
    const minutes = buildMinutes(bundle, { boardName: 'ignored', includeExempt: false });
    expect(minutes.isDraft).toBe(false);
    expect(minutes.boardName).toBe(BOARD_NAME);
    expect(minutes.headHash).toBe(bundle.meeting.approval?.chainHead);
    expect(minutes.approval).toBe('Approved as a correct record at the meeting of 11 February 2027');
    expect(minutes.hasSignatureBlock).toBe(true);
  });
});

describe('minutes as DOCX', () => {
  it('opens as a Word document with DRAFT in the running header of every page and the minutes in the body', async () => {
    const bytes = await minutesDocx(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: false }));
    const body = docxText(unzipText(bytes, 'word/document.xml'));
    expect(body).toContain('DRAFT: these minutes are not yet approved.');
    expect(body).toContain('Present');
    expect(body).toContain('Cllr Cara Lee (Board member, Northmoor Council)');
    expect(body).toContain('SOB/2027/001 NOTED: The board noted the dashboard.');
    expect(body).not.toContain('No discussion was minuted');
    expect(body).toContain('Assurance: Partially assured, on Action 1.1: Recruit EHC coordinators');
    expect(body).toContain('Exempt item: the press and public were excluded.');
    expect(body).not.toContain('SOB/2027/002');
    expect(docxText(unzipText(bytes, 'word/header1.xml'))).toBe(`DRAFT${BOARD_NAME}`);
    expect(unzipText(bytes, 'word/document.xml')).toContain('<w:headerReference w:type="default"');
    const all = unzipAllText(bytes);
    expect(all).not.toContain('Confidential discussion');
    expect(all).not.toContain(`Approved the contract ${EXEMPT_MARKER}`);
  });

  it('carries the chain’s final hash in the footer and no DRAFT once approved', async () => {
    const bundle = await approvedBundle();
    const bytes = await minutesDocx(buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt: false }));
    const head = bundle.meeting.approval?.chainHead ?? 'missing';
    expect(docxText(unzipText(bytes, 'word/footer1.xml'))).toContain(`head hash SHA-256 ${head}`);
    expect(docxText(unzipText(bytes, 'word/header1.xml'))).toBe(BOARD_NAME);
    expect(docxText(unzipText(bytes, 'word/document.xml'))).not.toContain('DRAFT');
  });

  it('says CONFIDENTIAL in its first line and on every page when exempt items are included', async () => {
    const bytes = await minutesDocx(buildMinutes(draftBundle(), { boardName: BOARD_NAME, includeExempt: true }));
    expect(docxText(unzipText(bytes, 'word/document.xml')).startsWith('CONFIDENTIAL: contains exempt items.')).toBe(true);
    expect(docxText(unzipText(bytes, 'word/header1.xml'))).toBe(`CONFIDENTIAL · DRAFT${BOARD_NAME}`);
  });
});

describe('minutes as HTML for PDF', () => {
  it('escapes everything the chair typed and loads nothing', () => {
    const bundle = draftBundle();
    bundle.meeting.place = '<img src=x onerror=alert(1)>';
    const html = minutesHtml(buildMinutes(bundle, { boardName: BOARD_NAME, includeExempt: false }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|src=["']http/);
    expect(html).toContain('@top-center { content: "DRAFT"');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
