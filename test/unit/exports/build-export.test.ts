import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { questionsDocx } from '../../../electron/exports/questions-docx';
import { exportRequestSchema, type ExportQuestion, type ExportRequest } from '../../../shared/exports/schema';
import { groupQuestionsByItem } from '../../../shared/exports/tables';
import { verifyDecisionsFile } from '../../../shared/meetings/decisions-file';
import { approvedBundle, BOARD_NAME, docxText, draftBundle, EXEMPT_MARKER, exportMeeting, unzipText } from './fixtures';

const services: ExportServices = {
  printHtmlToPdf: async () => new Uint8Array([37, 80, 68, 70]),
  trackerCopies: { find: async () => undefined },
  now: () => new Date('2027-02-12T09:00:00Z'),
};

async function build(request: ExportRequest) {
  const built = await buildExport(exportRequestSchema.parse(request), services);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

function csvRows(data: Uint8Array | string): string[][] {
  if (typeof data !== 'string') throw new Error('expected text');
  return Papa.parse<string[]>(data.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

async function xlsxRows(data: Uint8Array | string): Promise<unknown[][]> {
  if (typeof data === 'string') throw new Error('expected bytes');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const questions: ExportQuestion[] = [
  {
    id: 'q1',
    authorName: 'Cllr Ben Ode',
    visibility: 'shared',
    targetLabel: 'Action 1.1: Recruit EHC coordinators',
    itemId: 'item-3',
    text: 'Why is recruitment slow?',
    answer: null,
  },
  {
    id: 'q2',
    authorName: 'Cllr Amina Shah',
    visibility: 'shared',
    targetLabel: 'Action 1.1: Recruit EHC coordinators',
    itemId: 'item-3',
    text: '=When will it improve?',
    answer: 'By March.',
  },
  {
    id: 'q3',
    authorName: 'Cllr Amina Shah',
    visibility: 'shared',
    targetLabel: 'Measure: Tribunal appeals',
    itemId: null,
    text: 'Are appeals rising?',
    answer: null,
  },
  {
    id: 'q4',
    authorName: 'Cllr Ben Ode',
    visibility: 'shared',
    targetLabel: 'Area 9',
    itemId: 'item-2',
    text: `On the contract ${EXEMPT_MARKER}`,
    answer: null,
  },
];

describe('decision log', () => {
  it('as CSV: one row per decision across meetings, exempt ones left out, formulas neutralised', async () => {
    const approved = await approvedBundle();
    const later = { ...draftBundle(), meeting: exportMeeting({ id: 'm2', date: '2027-02-11', title: 'February meeting' }) };
    later.records = later.records.map((record) => ({ ...record, meetingId: 'm2', id: `m2-${record.id}` }));
    const built = await build({ kind: 'decision-log-csv', includeExempt: false, boardName: BOARD_NAME, bundles: [later, approved] });
    const rows = csvRows(built.data);
    expect(rows[0]?.slice(0, 4)).toEqual(['Decision', 'Meeting date', 'Meeting', 'Item']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[15]])).toEqual([
      ['SOB/2027/001', '2027-01-14', 'Approved minutes'],
      ['SOB/2027/003', '2027-01-14', 'Approved minutes'],
      ['SOB/2027/001', '2027-02-11', 'Draft minutes'],
      ['SOB/2027/003', '2027-02-11', 'Draft minutes'],
    ]);
    expect(rows[2]?.[7]).toBe("'+Escalate the EHC backlog to the DfE");
    expect(String(built.data)).not.toContain(EXEMPT_MARKER);
    expect(built.suggestedName).toBe(`${BOARD_NAME} 2027-02-11 decision log.csv`);
  });

  it('as XLSX with exempt items included: CONFIDENTIAL first row and name, the exempt decision present, text never a formula', async () => {
    const built = await build({ kind: 'decision-log-xlsx', includeExempt: true, boardName: BOARD_NAME, bundles: [draftBundle()] });
    const rows = await xlsxRows(built.data);
    expect(rows[0]).toEqual(['CONFIDENTIAL: contains exempt items. Not for publication.']);
    expect(rows[1]?.[0]).toBe('Decision');
    expect(rows.slice(2).map((row) => row[0])).toEqual(['SOB/2027/001', 'SOB/2027/002', 'SOB/2027/003']);
    expect(rows[3]?.[5]).toBe('Yes');
    expect(built.suggestedName).toBe(`CONFIDENTIAL ${BOARD_NAME} 2027-01-14 decision log.xlsx`);
    const sheet = unzipText(built.data as Uint8Array, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
  });

  it('as XLSX stores meeting dates as dates shown dd/mm/yyyy, and prints landscape, one page wide, the heading row on every page', async () => {
    const built = await build({ kind: 'decision-log-xlsx', includeExempt: true, boardName: BOARD_NAME, bundles: [draftBundle()] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(built.data as Uint8Array).buffer);
    const sheet = workbook.worksheets[0];
    const cell = sheet?.getRow(3).getCell(2);
    expect(cell?.value).toEqual(new Date('2027-01-14T00:00:00Z'));
    expect(cell?.numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // The heading row is row 2 here (CONFIDENTIAL is row 1): it repeats on every printed page.
    const workbookXml = unzipText(built.data as Uint8Array, 'xl/workbook.xml');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Decision log&apos;!$2:$2</definedName>');
    const csv = csvRows(
      (await build({ kind: 'decision-log-csv', includeExempt: true, boardName: BOARD_NAME, bundles: [draftBundle()] })).data,
    );
    expect(csv[2]?.[1]).toBe('2027-01-14');
  });
});

describe('action log', () => {
  it('lists each action arising with its owner, due date and the latest progress from a later meeting', async () => {
    const first = draftBundle();
    const second = { ...draftBundle(), meeting: exportMeeting({ id: 'm2', date: '2027-02-11' }) };
    const arising = first.records.find((record) => record.kind === 'action' && record.itemId === 'item-3');
    second.records = [
      {
        id: 'u1',
        meetingId: 'm2',
        kind: 'action-update',
        sourceId: arising?.id ?? '',
        status: 'ongoing',
        note: 'Draft trajectory shared',
        createdAt: '2027-02-11T14:10:00Z',
        updatedAt: '2027-02-11T14:10:00Z',
        chain: null,
      },
    ];
    const built = await build({ kind: 'action-log-xlsx', includeExempt: false, boardName: BOARD_NAME, bundles: [first, second] });
    const rows = await xlsxRows(built.data);
    expect(rows[0]).toEqual([
      'Meeting date',
      'Meeting',
      'Item',
      'Item title',
      'Exempt',
      'Action',
      'Owner',
      'Due date',
      'Status',
      'Latest progress',
      'Plan actions',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        // Real dates in the workbook (the CSV keeps YYYY-MM-DD text).
        new Date('2027-01-14T00:00:00Z'),
        'SEND Oversight Board',
        '3',
        'Deep dive: EHC timeliness',
        'No',
        '@Bring the recovery trajectory to the next meeting',
        'Head of SEND',
        new Date('2027-02-11T00:00:00Z'),
        'Ongoing',
        '11 February 2027: Draft trajectory shared',
        'Action 1.1: Recruit EHC coordinators',
      ],
    ]);
    const csv = csvRows((await build({ kind: 'action-log-csv', includeExempt: false, boardName: BOARD_NAME, bundles: [first] })).data);
    expect(csv[1]?.[5]).toBe("'@Bring the recovery trajectory to the next meeting");
  });
});

describe('questions for officers', () => {
  it('groups shared questions by agenda item, then those on no item; exempt items’ questions only when included', () => {
    const agenda = exportMeeting().agenda;
    expect(
      groupQuestionsByItem(agenda, questions, false).map((group) => [group.heading, group.questions.map((question) => question.id)]),
    ).toEqual([
      ['Item 3: Deep dive: EHC timeliness', ['q2', 'q1']],
      ['Other questions (not on the agenda)', ['q3']],
    ]);
    expect(groupQuestionsByItem(agenda, questions, true).map((group) => group.questions.length)).toEqual([1, 2, 1]);
  });

  it('as DOCX and CSV, read back', async () => {
    const request = {
      includeExempt: false,
      boardName: BOARD_NAME,
      meeting: { id: 'm-2027-01', title: 'SEND Oversight Board', date: '2027-01-14', agenda: exportMeeting().agenda },
      memberName: null,
      questions,
    };
    const docx = await build({ kind: 'questions-docx', ...request });
    const text = docxText(unzipText(docx.data as Uint8Array, 'word/document.xml'));
    expect(text).toContain('Questions for officers: SEND Oversight Board');
    expect(text).toContain('Item 3: Deep dive: EHC timeliness');
    expect(text).toContain('Why is recruitment slow?');
    expect(text).toContain('Answer given: By March.');
    expect(text).not.toContain(EXEMPT_MARKER);
    expect(docx.suggestedName).toBe('SEND Oversight Board 2027-01-14 questions for officers all members.docx');
    const csv = csvRows((await build({ kind: 'questions-csv', ...request, memberName: 'Cllr Amina Shah' })).data);
    expect(csv).toEqual([
      ['Agenda item', 'Member', 'About', 'Question', 'Answer given'],
      [
        'Item 3: Deep dive: EHC timeliness',
        'Cllr Amina Shah',
        'Action 1.1: Recruit EHC coordinators',
        "'=When will it improve?",
        'By March.',
      ],
      ['Item 3: Deep dive: EHC timeliness', 'Cllr Ben Ode', 'Action 1.1: Recruit EHC coordinators', 'Why is recruitment slow?', ''],
      ['Other questions (not on the agenda)', 'Cllr Amina Shah', 'Measure: Tribunal appeals', 'Are appeals rising?', ''],
    ]);
    expect(
      docxText(
        unzipText(
          await questionsDocx({
            boardName: 'B',
            meetingTitle: 'M',
            meetingDate: '2027-01-14',
            memberName: 'X',
            groups: [],
            isConfidential: false,
          }),
          'word/document.xml',
        ),
      ),
    ).toContain('There are no shared questions to send.');
  });

  it('refuses a private question at the edge: main’s schema admits only shared ones', () => {
    const parsed = exportRequestSchema.safeParse({
      kind: 'questions-csv',
      includeExempt: false,
      boardName: BOARD_NAME,
      meeting: { id: 'm', title: 'M', date: '2027-01-14', agenda: [] },
      memberName: null,
      questions: [{ ...questions[0], visibility: 'private' }],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('the decision file', () => {
  it('is built only for approved minutes, and checks', async () => {
    const refused = await buildExport(
      { kind: 'decisions-json', includeExempt: false, boardName: BOARD_NAME, bundle: draftBundle() },
      services,
    );
    expect(refused.ok ? 'built' : refused.error.message).toMatch(/Only approved minutes/);
    const built = await build({ kind: 'decisions-json', includeExempt: false, boardName: BOARD_NAME, bundle: await approvedBundle() });
    const file: unknown = JSON.parse(String(built.data));
    expect(await verifyDecisionsFile(file)).toMatchObject({ status: 'intact', withheld: 3 });
    expect(String(built.data)).not.toContain(`Confidential discussion ${EXEMPT_MARKER}`);
    expect(built.suggestedName).toBe('SEND Oversight Board 2027-01-14 record.decisions.json');
    expect(built.summary).toMatch(/3 exempt records withheld/);
  });

  it('refuses to export a record whose chain was changed after approval', async () => {
    const bundle = await approvedBundle();
    bundle.records = bundle.records.map((record) =>
      record.kind === 'note' && record.itemId === 'item-1' ? { ...record, text: 'Rewritten later' } : record,
    );
    const result = await buildExport({ kind: 'decisions-json', includeExempt: false, boardName: BOARD_NAME, bundle }, services);
    expect(result.ok ? 'built' : result.error.code).toBe('broken-chain');
  });
});

describe('minutes through the injected printer', () => {
  it('hands the minutes HTML to printHtmlToPdf and names the file', async () => {
    let printed = '';
    const result = await buildExport(
      { kind: 'minutes-pdf', includeExempt: false, boardName: BOARD_NAME, bundle: draftBundle() },
      { ...services, printHtmlToPdf: async (html) => ((printed = html), new Uint8Array([1])) },
    );
    expect(result.ok && result.value.suggestedName).toBe('SEND Oversight Board 2027-01-14 minutes.pdf');
    expect(printed).toContain('<h1>Northmoor SEND Oversight Board</h1>');
  });
});
