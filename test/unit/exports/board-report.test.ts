import { describe, expect, it } from 'vitest';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { buildBoardReport, measureChartSvg, type ReportInput } from '../../../shared/exports/report-model';
import { reportHtml } from '../../../shared/exports/report-html';
import { exportRequestSchema, type ExportRequest, type MeetingBundle } from '../../../shared/exports/schema';
import type { MeetingRecord } from '../../../shared/meetings/schema';
import type { Action, Area, Measure, Risk } from '../../../shared/plan/schema';
import { DEFAULT_ZIP_LIMITS, readZipDirectory } from '../../../shared/files/zip-directory';
import { BOARD_NAME, docxText, draftBundle, EXEMPT_MARKER, exportMeeting, unzipAllText, unzipText } from './fixtures';

const area: Area = {
  id: 'area-1',
  ref: '1',
  title: 'Timeliness of EHC plans',
  kind: 'area-of-weakness',
  deliveryRag: 'amber',
  impactRag: 'red',
};

function action(extra: Partial<Action> = {}): Action {
  return {
    id: 'A-1.1',
    areaId: 'area-1',
    ref: '1.1',
    title: 'Recruit EHC coordinators',
    partnerOrgIds: [],
    startDate: '2026-09-01',
    dueDate: '2026-12-31',
    status: 'in-progress',
    deliveryRag: 'red',
    successCriteria: [],
    measureIds: ['M-1'],
    evidenceIds: [],
    riskIds: ['R-1'],
    updates: [
      { period: '2026-12', narrative: 'Two posts filled', deliveryRag: 'green', submittedAt: '2026-12-20' },
      { period: '2027-02', narrative: 'Leavers', deliveryRag: 'red', submittedAt: '2027-02-20' },
    ],
    ...extra,
  };
}

const measure: Measure = {
  id: 'M-1',
  name: 'EHC plans issued within 20 weeks',
  unit: 'percent',
  polarity: 'higher-is-better',
  frequency: 'monthly',
  source: 'SEN2 return',
  baseline: { value: 31, asAt: '2026-03-31' },
  targets: [{ value: 50, asAt: '2027-03-31' }],
  benchmarks: [],
  series: [
    { period: '2026-12', value: 44, status: 'final' },
    { period: '2027-01', value: 52, status: 'provisional' },
    { period: '2027-02', value: 47, status: 'provisional' },
    { period: '2027-06', value: 70, status: 'provisional' },
  ],
};

const risk: Risk = {
  id: 'R-1',
  description: 'Coordinators leave',
  likelihood: 4,
  impact: 3,
  mitigation: 'Retention payments',
  ownerId: 'o-1',
};

function judgement(meetingId: string, itemId: string, level: string, reason: string): MeetingRecord {
  return {
    id: `${meetingId}-${itemId}-j`,
    meetingId,
    createdAt: '2027-01-14T10:00:00.000Z',
    updatedAt: '2027-01-14T10:00:00.000Z',
    chain: null,
    kind: 'judgement',
    itemId,
    target: { kind: 'area', planId: 'plan-1', id: 'area-1', label: 'Area 1: Timeliness of EHC plans' },
    level,
    reason,
  };
}

function bundles(): MeetingBundle[] {
  const january = draftBundle();
  january.records.push(
    judgement('m-2027-01', 'item-3', 'Partially assured', 'Recruitment is on track.'),
    judgement('m-2027-01', 'item-2', 'No assurance', `Contract ${EXEMPT_MARKER}`),
  );
  const march = { meeting: exportMeeting({ id: 'm-2027-03', date: '2027-03-11', carriedActions: [] }), records: [], exemptSourceIds: [] };
  march.records = [judgement('m-2027-03', 'item-1', 'Limited assurance', 'Leavers have undone the gains.')] as never;
  const outside = { meeting: exportMeeting({ id: 'm-2026-10', date: '2026-10-08', carriedActions: [] }), records: [], exemptSourceIds: [] };
  return [march, january, outside];
}

function input(extra: Partial<ReportInput> = {}): ReportInput {
  return {
    boardName: BOARD_NAME,
    includeExempt: false,
    from: '2027-01-01',
    to: '2027-03-31',
    plan: {
      title: 'Written statement of action',
      areas: [area],
      actions: [
        action(),
        action({
          id: 'A-1.2',
          ref: '1.2',
          title: 'Triage panel',
          dueDate: '2027-06-30',
          revisedDueDate: '2027-02-28',
          revisionApprovedBy: 'the board',
          updates: [],
          riskIds: [],
        }),
      ],
      measures: [measure],
      risks: [risk],
    },
    bundles: bundles(),
    voice: [
      {
        id: 'v1',
        planId: 'plan-1',
        kind: 'survey',
        source: 'Parent carer forum',
        date: '2027-02-02',
        title: 'Annual survey',
        summary: '38% satisfied',
        links: [{ kind: 'area', id: 'area-1' }],
        isConfidential: false,
      },
      {
        id: 'v2',
        planId: 'plan-1',
        kind: 'case-study',
        source: 'SENDIASS',
        date: '2027-02-03',
        title: `Family story ${EXEMPT_MARKER}`,
        summary: '',
        links: [{ kind: 'action', id: 'A-1.1' }],
        isConfidential: true,
      },
      {
        id: 'v3',
        planId: 'plan-1',
        kind: 'submission',
        source: 'Forum',
        date: '2026-11-01',
        title: 'Before the period',
        summary: '',
        links: [{ kind: 'area', id: 'area-1' }],
        isConfidential: false,
      },
    ],
    questions: [
      {
        id: 'q1',
        meetingId: 'm-2027-01',
        authorName: 'Cllr Ben Ode',
        visibility: 'shared',
        targetLabel: 'Action 1.1',
        itemId: 'item-3',
        text: 'Why slow?',
        answer: 'Vacancies.',
      },
      {
        id: 'q2',
        meetingId: 'm-2027-01',
        authorName: 'Cllr Ben Ode',
        visibility: 'shared',
        targetLabel: 'Area 9',
        itemId: 'item-2',
        text: `On ${EXEMPT_MARKER}`,
        answer: null,
      },
      {
        id: 'q3',
        meetingId: 'm-2026-10',
        authorName: 'Cllr Ben Ode',
        visibility: 'shared',
        targetLabel: 'Area 1',
        itemId: null,
        text: 'Old question',
        answer: null,
      },
    ],
    ...extra,
  };
}

describe('board report model', () => {
  it('reports only the meetings, voice and questions in the period, in date order', () => {
    const report = buildBoardReport(input());
    expect(report.periodLine).toBe('1 January 2027 to 31 March 2027');
    expect(report.meetings.map((meeting) => meeting.date)).toEqual(['14 January 2027', '11 March 2027']);
    const [only] = report.areas;
    expect(only?.voice).toEqual(['2 February 2027, Survey result from Parent carer forum: Annual survey. 38% satisfied']);
    expect(report.questions.map((question) => question.question)).toEqual(['Why slow?']);
    expect(report.questions[0]?.answer).toBe('Vacancies.');
  });

  it('gives the ratings at each board meeting as a trend', () => {
    const [only] = buildBoardReport(input()).areas;
    expect(only?.trend).toEqual([
      {
        meetingDate: '14 January 2027',
        meetingTitle: 'SEND Oversight Board',
        delivery: 'Green',
        impact: '1 of 1 measure at target',
        assurance: 'Partially assured',
      },
      {
        meetingDate: '11 March 2027',
        meetingTitle: 'SEND Oversight Board',
        delivery: 'Red',
        impact: '0 of 1 measure at target',
        assurance: 'Limited assurance',
      },
    ]);
    expect(only?.deliveryNow).toBe('Amber');
    // A judgement on one of the area's actions is the area's too.
    expect(only?.judgements.map((entry) => entry.reason)).toEqual([
      'Recruitment is on track.',
      'Recruitment is on track; timeliness is not yet improving.',
      'Leavers have undone the gains.',
    ]);
  });

  it('lists overdue and revised actions, the measure against target and risks by score', () => {
    const [only] = buildBoardReport(input()).areas;
    expect(only?.overdue).toEqual([
      'Action 1.1: Recruit EHC coordinators, due 31 December 2026 (Red)',
      'Action 1.2: Triage panel, due 28 February 2027 (Red)',
    ]);
    expect(only?.revised).toEqual(['Action 1.2: Triage panel, from 30 June 2027 to 28 February 2027, agreed by the board']);
    expect(only?.measures[0]).toMatchObject({
      target: '50% by 31 March 2027',
      latest: '47% (2027-02, provisional)',
      status: 'Not at target',
    });
    // A figure after the period is not reported or charted.
    expect(only?.measures[0]?.points.map((point) => point.period)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(only?.risks[0]).toContain('score 12');
  });

  it('leaves exempt items, confidential voice and exempt questions out unless included', () => {
    const published = buildBoardReport(input());
    expect(JSON.stringify(published)).not.toContain(EXEMPT_MARKER);
    expect(published.withheld).toBe(4);
    const confidential = buildBoardReport(input({ includeExempt: true }));
    expect(confidential.isConfidential).toBe(true);
    expect(confidential.areas[0]?.voice.some((line) => line.includes(EXEMPT_MARKER) && line.endsWith('(CONFIDENTIAL)'))).toBe(true);
    expect(confidential.areas[0]?.judgements.some((entry) => entry.reason.includes(EXEMPT_MARKER))).toBe(true);
    expect(confidential.questions).toHaveLength(2);
  });

  it('lists escalations from decisions of type escalated, not those on exempt items or withdrawn', () => {
    const report = buildBoardReport(input());
    expect(report.escalations).toEqual([
      { meetingDate: '14 January 2027', number: 'SOB/2027/003', to: 'DfE SEND adviser', text: '+Escalate the EHC backlog to the DfE' },
    ]);
  });

  it('summarises long lists for council: most overdue first, then how many more and where they are', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      action({
        id: `A-9.${index}`,
        ref: `9.${index}`,
        title: `Task ${index}`,
        dueDate: `2026-12-${String(31 - index).padStart(2, '0')}`,
        updates: [],
      }),
    );
    const [only] = buildBoardReport(input({ plan: { ...input().plan, actions: many } })).areas;
    expect(only?.overdue).toHaveLength(26);
    expect(only?.overdue[0]).toContain('Task 29, due 2 December 2026');
    expect(only?.overdue.at(-1)).toBe("And 5 more overdue: the plan's action list has them all.");
  });

  it('draws each chart as SVG text with its figures escaped and no script', () => {
    const svg = measureChartSvg(
      '<b>Rate & "x"</b>',
      [
        { period: '2027-01', value: 10 },
        { period: '2027-02', value: null },
      ],
      20,
      'count',
    );
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('&#60;b&#62;Rate &#38; &#34;x&#34;&#60;/b&#62;');
    expect(svg).toContain('2027-02: suppressed');
    expect(svg).not.toMatch(/<script|href=/i);
    const html = reportHtml(buildBoardReport(input()));
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
  });
});

describe('board report files', () => {
  const services: ExportServices = {
    printHtmlToPdf: async (html) => new TextEncoder().encode(html),
    trackerCopies: { find: async () => undefined },
    now: () => new Date('2027-04-01T09:00:00Z'),
  };
  const request = (kind: 'board-report-docx' | 'board-report-pdf', includeExempt = false): ExportRequest => {
    const { from, to, plan, bundles: all, voice, questions } = input();
    return { kind, includeExempt, boardName: BOARD_NAME, from, to, plan, bundles: all, voice, questions };
  };

  it('builds a DOCX that reads back with the report’s headings and figures, and no exempt text', async () => {
    const built = await buildExport(exportRequestSchema.parse(request('board-report-docx')), services);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.suggestedName).toBe(`${BOARD_NAME} 2027-03-31 board report 2027-01-01 to 2027-03-31.docx`);
    expect(built.value.summary).toBe('Report on 1 area over 2 meetings; 4 exempt items left out.');
    const bytes = built.value.data as Uint8Array;
    const text = docxText(unzipText(bytes, 'word/document.xml'));
    for (const expected of [
      'Report to full council on the Written statement of action: 1 January 2027 to 31 March 2027',
      'Area 1: Timeliness of EHC plans',
      'Ratings at each board meeting',
      '11 March 2027Red0 of 1 measure at targetLimited assurance',
      'EHC plans issued within 20 weeks',
      'Baseline 31% (31 March 2026); target 50% by 31 March 2027; latest 47% (2027-02, provisional): Not at target.',
      'Escalations',
      'DfE SEND adviser',
      'Questions to officers and their answers',
      'Vacancies.',
      'Coordinators leave',
    ])
      expect(text).toContain(expected);
    expect(unzipAllText(bytes)).not.toContain(EXEMPT_MARKER);
    expect(unzipAllText(bytes)).toContain('Arial');
    expect(unzipAllText(bytes)).toMatch(/PAGE/);
  });

  it('marks the DOCX and its name CONFIDENTIAL when exempt items are included', async () => {
    const built = await buildExport(exportRequestSchema.parse(request('board-report-docx', true)), services);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.suggestedName.startsWith('CONFIDENTIAL ')).toBe(true);
    const text = docxText(unzipText(built.value.data as Uint8Array, 'word/document.xml'));
    expect(text.startsWith('CONFIDENTIAL: contains exempt items.')).toBe(true);
    expect(text).toContain(EXEMPT_MARKER);
  });

  // A valid 1×1 white PNG: what the stub renderer returns for every chart.
  const ONE_PIXEL_PNG = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII='),
    (char) => char.charCodeAt(0),
  );
  const zipNames = (bytes: Uint8Array): string[] => {
    const directory = readZipDirectory(bytes, 'file', DEFAULT_ZIP_LIMITS);
    if (!directory.ok) throw new Error('not a zip');
    return directory.entries.map((entry) => entry.name);
  };

  it('puts each chart in the DOCX as a PNG with alt text, followed by its table, when a renderer is given', async () => {
    const rendered: Array<{ svg: string; width: number; height: number }> = [];
    const built = await buildExport(exportRequestSchema.parse(request('board-report-docx')), {
      ...services,
      renderSvgToPng: async (svg, width, height) => (rendered.push({ svg, width, height }), ONE_PIXEL_PNG),
    });
    if (!built.ok) throw new Error(built.error.message);
    const bytes = built.value.data as Uint8Array;
    expect(rendered).toHaveLength(1);
    expect(rendered[0]?.svg).toMatch(/^<svg [^>]*width="480" height="200"/);
    expect(rendered[0]?.svg).toContain('EHC plans issued within 20 weeks');
    expect([rendered[0]?.width, rendered[0]?.height]).toEqual([480, 200]);
    const media = zipNames(bytes).filter((name) => /^word\/media\/[^/]+\.png$/.test(name));
    expect(media).toHaveLength(1);
    const xml = unzipText(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:drawing>/);
    expect(xml).toMatch(/<wp:docPr [^>]*name="Chart: EHC plans issued within 20 weeks"[^>]*descr="Line chart of \d+ figures from /);
    expect(xml).toMatch(/title="Chart: EHC plans issued within 20 weeks"/);
    // The image comes before the table of the same figures, which stays as the accessible equivalent.
    const text = docxText(xml);
    expect(text).toContain('PeriodFigureTarget');
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf('>Period<'));
    expect(unzipAllText(bytes)).not.toContain(EXEMPT_MARKER);
  });

  it('has no image in the DOCX without a renderer, only the table of figures', async () => {
    const built = await buildExport(exportRequestSchema.parse(request('board-report-docx')), services);
    if (!built.ok) throw new Error(built.error.message);
    const bytes = built.value.data as Uint8Array;
    expect(zipNames(bytes).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    const xml = unzipText(bytes, 'word/document.xml');
    expect(xml).not.toContain('<w:drawing>');
    expect(docxText(xml)).toContain('PeriodFigureTarget');
  });

  it('prints the PDF from the report HTML, with a chart per measure', async () => {
    const built = await buildExport(exportRequestSchema.parse(request('board-report-pdf')), services);
    if (!built.ok) throw new Error(built.error.message);
    const html = new TextDecoder().decode(built.value.data as Uint8Array);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('counter(page)');
    expect(html).not.toContain(EXEMPT_MARKER);
    expect(built.value.suggestedName.endsWith('.pdf')).toBe(true);
  });

  it('refuses a request with a malformed period, saying which field', () => {
    const parsed = exportRequestSchema.safeParse({ ...request('board-report-docx'), from: '1/1/2027' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  });
});
