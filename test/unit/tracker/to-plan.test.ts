import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePlanValue } from '../../../shared/plan/validate';
import { TRACKER_FIELDS, findHeaderRow, suggestMapping, type TrackerMapping } from '../../../shared/tracker/mapping';
import { parseAreaLabel, trackerRowsToPlan, type TrackerMeta, type TrackerPlanResult } from '../../../shared/tracker/to-plan';

const META: TrackerMeta = {
  fileName: 'SEND Improvement Plan v3.xlsx',
  modifiedAt: '2026-03-05T10:30:00Z',
  sourceSystem: 'SEND tracker (Excel)',
  sheet: 'Tracker',
};

function mappingFor(rows: string[][], overrides: Partial<TrackerMapping> = {}): TrackerMapping {
  const headerRow = findHeaderRow(rows);
  return { ...suggestMapping(rows[headerRow] ?? [], META.fileName, headerRow), localArea: 'Northshire', ...overrides };
}

function convert(rows: string[][], overrides: Partial<TrackerMapping> = {}, meta: TrackerMeta = META): TrackerPlanResult {
  return trackerRowsToPlan(rows, mappingFor(rows, overrides), meta);
}

function planOf(result: TrackerPlanResult) {
  if (!result.ok) throw new Error(`expected a plan, got: ${result.errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
  return result.value;
}

function errorsOf(result: TrackerPlanResult) {
  if (result.ok) throw new Error('expected errors, got a plan');
  return result.errors;
}

const SIMPLE: string[][] = [
  ['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Status', 'Progress update'],
  ['1.1', 'Publish the QA framework', 'Head of SEND', '31/03/2026', 'G', 'In progress', 'Draft agreed by the board.'],
  [
    '1.2',
    'Train frontline staff',
    'Principal Educational Psychologist',
    '30 Jun 2026',
    'Amber',
    'In progress',
    'Two of six sessions held.',
  ],
  ['2.1', 'Relaunch the Local Offer', 'Head of SEND', 'Mar 2026', '', 'Complete', ''],
  ['2.2', 'Parent survey', 'Participation lead', '2026-09-30', '', 'Not started', ''],
];

describe('trackerRowsToPlan: a simple tracker', () => {
  const plan = planOf(convert(SIMPLE));

  it('makes one action per row, ids from the refs', () => {
    expect(plan.actions.map((action) => [action.id, action.ref, action.title])).toEqual([
      ['action-1.1', '1.1', 'Publish the QA framework'],
      ['action-1.2', '1.2', 'Train frontline staff'],
      ['action-2.1', '2.1', 'Relaunch the Local Offer'],
      ['action-2.2', '2.2', 'Parent survey'],
    ]);
  });

  it('reads dates, status and RAG leniently, each standing in for the other', () => {
    expect(plan.actions.map((action) => [action.dueDate, action.status, action.deliveryRag])).toEqual([
      ['2026-03-31', 'in-progress', 'green'],
      ['2026-06-30', 'in-progress', 'amber'],
      ['2026-03-31', 'complete', 'blue'],
      ['2026-09-30', 'not-started', 'grey'],
    ]);
  });

  it('makes one owner per distinct lead, the lead text as the role, in the local authority', () => {
    expect(plan.owners.map((owner) => owner.role)).toEqual(['Head of SEND', 'Principal Educational Psychologist', 'Participation lead']);
    expect(plan.actions[0]?.leadId).toBe(plan.actions[2]?.leadId);
    expect(plan.organisations).toEqual([{ id: 'org-local-authority', name: 'Northshire', kind: 'local-authority' }]);
    expect(new Set(plan.owners.map((owner) => owner.organisationId))).toEqual(new Set(['org-local-authority']));
  });

  it('puts every action in one "Whole plan" area when there is no area column', () => {
    expect(plan.areas.map((area) => area.title)).toEqual(['Whole plan']);
    expect(new Set(plan.actions.map((action) => action.areaId))).toEqual(new Set([plan.areas[0]?.id]));
  });

  it("turns a progress update into one update for the file's month", () => {
    expect(plan.actions[0]?.updates).toEqual([
      { period: '2026-03', narrative: 'Draft agreed by the board.', deliveryRag: 'green', submittedAt: '2026-03-05T10:30:00.000Z' },
    ]);
    expect(plan.actions[2]?.updates).toEqual([]);
  });

  it('derives the revision from the modified time, in whole minutes since 2020', () => {
    expect(plan.export.revision).toBe((Date.UTC(2026, 2, 5, 10, 30) - Date.UTC(2020, 0, 1)) / 60_000);
    const later = planOf(convert(SIMPLE, {}, { ...META, modifiedAt: '2026-03-05T10:31:00Z' }));
    expect(later.export.revision).toBe(plan.export.revision + 1);
    expect(plan.export.exportedAt).toBe('2026-03-05T10:30:00.000Z');
    expect(plan.export.versionLabel).toBe('3');
  });

  it('names the plan from the mapping', () => {
    expect(plan.plan).toEqual({
      id: 'tracker:send-improvement-plan',
      title: 'SEND Improvement Plan',
      kind: 'improvement-plan',
      localArea: 'Northshire',
    });
  });

  it('passes the plan-file validator', () => {
    const validation = validatePlanValue(plan);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
  });

  it('gives the same ids when the rows are re-sorted', () => {
    const resorted = planOf(convert([SIMPLE[0] ?? [], ...SIMPLE.slice(1).reverse()]));
    const byRef = (actions: typeof plan.actions) => Object.fromEntries(actions.map((action) => [action.ref, action.id]));
    expect(byRef(resorted.actions)).toEqual(byRef(plan.actions));
    expect(resorted.owners.map((owner) => owner.id).sort()).toEqual(plan.owners.map((owner) => owner.id).sort());
  });
});

describe('trackerRowsToPlan: areas', () => {
  it('groups by an area column, taking the ref from a leading number and filling blank cells down', () => {
    const rows = [
      ['Area / Priority', 'Ref', 'Action', 'Due', 'RAG'],
      ['1. Timeliness of EHC plans', '1.1', 'Recruit case officers', '31/03/2026', 'G'],
      ['', '1.2', 'Weekly tracking of 20-week plans', '30/04/2026', 'A'],
      ['Priority 2: Joint commissioning', '2.1', 'Agree the joint commissioning strategy', '31/05/2026', 'R'],
      ['Local Offer', '3.1', 'Refresh the website', '30/06/2026', 'B'],
    ];
    const plan = planOf(convert(rows));
    expect(plan.areas.map((area) => [area.id, area.ref, area.title])).toEqual([
      ['area-1', '1', 'Timeliness of EHC plans'],
      ['area-2', '2', 'Joint commissioning'],
      ['area-3', '3', 'Local Offer'],
    ]);
    expect(plan.actions.map((action) => action.areaId)).toEqual(['area-1', 'area-1', 'area-2', 'area-3']);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('reads "Priority | No. | Objective": per-priority numbers get the priority\'s prefix', () => {
    const rows = [
      ['Priority', 'No.', 'Objective', 'Lead Person', 'Timescale', 'RAG rating', 'Commentary', 'Success measure'],
      [
        'Priority 1',
        '1',
        'Reduce waiting times for assessments',
        'Head of SEND',
        'March 2026',
        'Green',
        'On plan',
        '90% of plans in 20 weeks; no plan over 52 weeks',
      ],
      ['Priority 1', '2', 'Quality-assure every new plan', 'QA lead', 'April 2026', 'Amber', '', ''],
      [
        'Priority 2',
        '1',
        'Co-produce the Local Offer',
        'Participation lead',
        'June 2026',
        'Red',
        'Behind',
        '• Parents rate it good\n• Visits double',
      ],
    ];
    const result = convert(rows);
    const plan = planOf(result);
    expect(plan.actions.map((action) => [action.ref, action.id, action.areaId])).toEqual([
      ['1.1', 'action-1.1', 'area-1'],
      ['1.2', 'action-1.2', 'area-1'],
      ['2.1', 'action-2.1', 'area-2'],
    ]);
    expect(plan.areas.map((area) => area.title)).toEqual(['Priority 1', 'Priority 2']);
    expect(plan.actions[0]?.successCriteria).toEqual(['90% of plans in 20 weeks', 'no plan over 52 weeks']);
    expect(plan.actions[2]?.successCriteria).toEqual(['Parents rate it good', 'Visits double']);
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(/restart in each area/);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('makes lone heading rows between blocks into areas when there is no area column', () => {
    const rows = [
      ['Ref', 'Action', 'Due', 'Status'],
      ['Area of weakness 1 – Timeliness', '', '', ''],
      ['1.1', 'Recruit case officers', '31/03/2026', 'In progress'],
      ['Area of weakness 2 – Local Offer', '', '', ''],
      ['2.1', 'Refresh the website', '30/06/2026', 'Complete'],
      ['Key: B = complete', '', '', ''],
    ];
    const result = convert(rows);
    const plan = planOf(result);
    expect(plan.areas.map((area) => [area.ref, area.title])).toEqual([
      ['1', 'Timeliness'],
      ['2', 'Local Offer'],
    ]);
    expect(plan.actions.map((action) => action.areaId)).toEqual(['area-1', 'area-2']);
    expect(result.warnings.some((warning) => warning.path === 'Tracker!A6' && /Key: B = complete/.test(warning.message))).toBe(true);
  });

  it("keeps an area's first name when later rows name it differently, and says so once", () => {
    const result = convert([
      ['Priority', 'Ref', 'Action', 'Due', 'RAG'],
      ['1. Timeliness', '1.1', 'One', '31/03/2026', 'G'],
      ['1. EHC timeliness', '1.2', 'Two', '31/03/2026', 'G'],
      ['1. EHC timeliness', '1.3', 'Three', '31/03/2026', 'G'],
    ]);
    expect(planOf(result).areas.map((area) => area.title)).toEqual(['Timeliness']);
    expect(result.warnings.filter((warning) => /first name is used/.test(warning.message))).toEqual([
      expect.objectContaining({
        path: 'Tracker!A3',
        message: 'Rows 3 and 4: area 1 is called "EHC timeliness" but "Timeliness" in row 2; the first name is used.',
      }),
    ]);
  });

  it('parses area labels', () => {
    expect(parseAreaLabel('2. Joint working')).toEqual({ ref: '2', title: 'Joint working' });
    expect(parseAreaLabel('Priority 3')).toEqual({ ref: '3' });
    expect(parseAreaLabel('AoW1 – Timeliness')).toEqual({ ref: '1', title: 'Timeliness' });
    expect(parseAreaLabel('Local Offer')).toEqual({ title: 'Local Offer' });
    expect(parseAreaLabel('2026 targets')).toEqual({ title: '2026 targets' });
  });
});

describe('trackerRowsToPlan: fields', () => {
  const rows = [
    [
      'Ref',
      'Action',
      'Description',
      'Lead officer',
      'SRO',
      'Partners',
      'Start date',
      'Due date',
      'Revised due date',
      'Approved by',
      'Status',
      'RAG',
      'Update month',
      'Progress update',
      'Evidence',
    ],
    [
      '1.1',
      'Audit plans\nSample 40 plans a term',
      'Multi-agency audit',
      'QA lead',
      "Director of Children's Services",
      'Northshire ICB; Parent Carer Forum',
      '01/09/2025',
      '31/03/2026',
      '30/06/2026',
      'SEND board 12/02/2026',
      'In progress',
      'A',
      'February 2026',
      'First audit done',
      'Audit report 14/01/2026\nMinutes of SEND board',
    ],
    [
      '1.2',
      'Weekly tracking',
      '',
      'QA lead',
      '',
      'Northshire ICB',
      'Sep 2025',
      '31/03/2026',
      '31/05/2026',
      '',
      'In progress',
      'G',
      '',
      '',
      '',
    ],
  ];
  const result = convert(rows);
  const plan = planOf(result);
  const [first, second] = plan.actions;

  it('keeps the first line as the title and the rest as the description', () => {
    expect(first?.title).toBe('Audit plans');
    expect(first?.description).toBe('Sample 40 plans a term\n\nMulti-agency audit');
  });

  it('reads start dates (a month means its first day), revised dates and approvers', () => {
    expect([first?.startDate, first?.revisedDueDate, first?.revisionApprovedBy]).toEqual([
      '2025-09-01',
      '2026-06-30',
      'SEND board 12/02/2026',
    ]);
    expect(second?.startDate).toBe('2025-09-01');
    expect(second?.revisionApprovedBy).toBe('Not recorded in the tracker');
    expect(result.warnings.some((warning) => warning.path === 'Tracker!I3' && /approved/.test(warning.message))).toBe(true);
  });

  it('makes partner organisations once each, with a guessed kind', () => {
    expect(plan.organisations.map((organisation) => [organisation.name, organisation.kind])).toEqual([
      ['Northshire', 'local-authority'],
      ['Northshire ICB', 'icb'],
      ['Parent Carer Forum', 'parent-carer-forum'],
    ]);
    expect(second?.partnerOrgIds).toEqual([first?.partnerOrgIds[0]]);
  });

  it('takes the SRO as an owner too', () => {
    const sro = plan.owners.find((owner) => owner.id === first?.sroId);
    expect(sro?.role).toBe("Director of Children's Services");
  });

  it('takes the update period from its column', () => {
    expect(first?.updates[0]?.period).toBe('2026-02');
  });

  it('makes evidence items with a type and a date', () => {
    expect(plan.evidence.map((item) => [item.title, item.type, item.date])).toEqual([
      ['Audit report 14/01/2026', 'audit', '2026-01-14'],
      ['Minutes of SEND board', 'minutes', '2026-03-05'],
    ]);
    expect(first?.evidenceIds).toEqual(plan.evidence.map((item) => item.id));
  });

  it('passes the plan-file validator', () => {
    const validation = validatePlanValue(plan);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
  });
});

describe('trackerRowsToPlan: revision column', () => {
  it('uses a revision column when mapped', () => {
    const rows = [
      ['Ref', 'Action', 'Due', 'RAG', 'Revision'],
      ['1', 'One', '31/03/2026', 'G', '7'],
      ['2', 'Two', '31/03/2026', 'G', 'v7'],
    ];
    expect(planOf(convert(rows)).export.revision).toBe(7);
  });

  it('refuses a revision that is not a whole number', () => {
    const rows = [
      ['Ref', 'Action', 'Due', 'RAG', 'Revision'],
      ['1', 'One', '31/03/2026', 'G', 'three'],
    ];
    expect(errorsOf(convert(rows))).toEqual([
      expect.objectContaining({ path: 'Tracker!E2', message: expect.stringMatching(/"Revision": "three" is not a revision number/) }),
    ]);
  });
});

describe('trackerRowsToPlan: problems are located', () => {
  const rows = (cells: string[][]) => [['Ref', 'Action', 'Lead', 'Due date', 'RAG'], ...cells];

  it('names the sheet, cell, row and heading of a bad date', () => {
    const filler = Array.from({ length: 12 }, (_, index) => [`1.${index + 1}`, `Action ${index + 1}`, 'Lead', '31/03/2026', 'G']);
    const errors = errorsOf(convert(rows([...filler, ['2.1', 'Broken', 'Lead', '31/02/2026', 'G']])));
    expect(errors).toEqual([
      {
        path: 'Tracker!D14',
        line: 14,
        column: 4,
        message: 'Row 14, "Due date": "31/02/2026" is not a date (use dd/mm/yyyy, for example 31/03/2026).',
      },
    ]);
  });

  it('quotes a sheet name with spaces', () => {
    const errors = errorsOf(convert(rows([['1', 'One', 'Lead', '31/02/2026', 'G']]), {}, { ...META, sheet: 'SEND tracker' }));
    expect(errors[0]?.path).toBe("'SEND tracker'!D2");
  });

  it('refuses duplicate refs, naming both rows', () => {
    const errors = errorsOf(
      convert(
        rows([
          ['2.4', 'First', 'Lead', '31/03/2026', 'G'],
          ['2.5', 'Second', 'Lead', '31/03/2026', 'G'],
          ['2.4', 'Third', 'Lead', '31/03/2026', 'G'],
        ]),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'Tracker!A4', message: expect.stringMatching(/^Row 4, "Ref": "2.4" is already used by row 2/) }),
    ]);
  });

  it('refuses refs that would give the same id', () => {
    const errors = errorsOf(
      convert(
        rows([
          ['2.4a', 'First', 'Lead', '31/03/2026', 'G'],
          ['2.4A', 'Second', 'Lead', '31/03/2026', 'G'],
        ]),
      ),
    );
    expect(errors[0]?.message).toMatch(/same id/);
  });

  it('refuses unrecognised RAG and status words', () => {
    const errors = errorsOf(
      convert([
        ['Ref', 'Action', 'Due', 'RAG', 'Status'],
        ['1', 'One', '31/03/2026', 'Purple', 'Done'],
        ['2', 'Two', '31/03/2026', 'G', 'Sort of'],
      ]),
    );
    expect(errors.map((error) => error.path)).toEqual(['Tracker!D2', 'Tracker!E3']);
    expect(errors[1]?.message).toMatch(/"Sort of" is not a recognised status/);
  });

  it('refuses a ref with no title but skips rows with neither', () => {
    const result = convert(
      rows([
        ['1', 'One', 'Lead', '31/03/2026', 'G'],
        ['', '', 'Lead', '', 'G'],
        ['2', '', 'Lead', '31/03/2026', 'G'],
      ]),
    );
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ path: 'Tracker!B4', message: expect.stringMatching(/every action needs a title/) }),
    ]);
    expect(
      result.warnings.some((warning) => warning.path === 'Tracker!3:3' && /neither a ref nor an action title/.test(warning.message)),
    ).toBe(true);
  });

  it('skips a lone note in the ref column with a warning instead of refusing it', () => {
    const result = convert([
      ['Priority', 'Ref', 'Action', 'Due', 'RAG'],
      ['Priority 1', '1.1', 'One', '31/03/2026', 'G'],
      ['', 'Key: B = complete, G = on track', '', '', ''],
      ['', '1.9', '', '', ''],
    ]);
    expect(planOf(result).actions).toHaveLength(1);
    expect(
      result.warnings.filter((warning) => /no action title, so it was skipped/.test(warning.message)).map((warning) => warning.path),
    ).toEqual(['Tracker!B3', 'Tracker!B4']);
  });

  it('says which mapping is missing before reading rows', () => {
    const errors = errorsOf(
      convert([
        ['Ref', 'Lead', 'Notes'],
        ['1', 'Lead', 'x'],
      ]),
    );
    expect(errors.map((error) => error.message).join('\n')).toMatch(/action title[\s\S]*due date[\s\S]*status or the delivery RAG/);
  });

  it('asks for the local area', () => {
    const errors = errorsOf(convert(SIMPLE, { localArea: '' }));
    expect(errors).toEqual([expect.objectContaining({ path: 'mapping.localArea' })]);
  });

  it('refuses two columns mapped to one single-valued field', () => {
    const mapping = { ...mappingFor(SIMPLE), columns: { ...mappingFor(SIMPLE).columns, Lead: 'dueDate' as const } };
    const errors = errorsOf(trackerRowsToPlan(SIMPLE, mapping, META));
    expect(errors[0]?.message).toMatch(/"Lead" and "Due" are both mapped to due date/);
  });

  it('uses the plan\'s last due date for "Ongoing" and blanks, with one warning per wording', () => {
    const result = convert(
      rows([
        ['1', 'One', 'Lead', '31/03/2027', 'G'],
        ['2', 'Two', 'Lead', 'Ongoing', 'G'],
        ['3', 'Three', 'Lead', 'Ongoing', 'G'],
        ['4', 'Four', 'Lead', '', 'G'],
      ]),
    );
    const plan = planOf(result);
    expect(plan.actions.map((action) => action.dueDate)).toEqual(['2027-03-31', '2027-03-31', '2027-03-31', '2027-03-31']);
    const messages = result.warnings.map((warning) => warning.message);
    expect(messages).toContain('Rows 3 and 4, "Due date": "Ongoing"; the plan\'s last due date (2027-03-31) is used.');
    expect(messages).toContain('Row 5, "Due date": empty; the plan\'s last due date (2027-03-31) is used.');
  });

  it("warns when the sheet's headings differ from the mapping's", () => {
    const mapping = mappingFor(SIMPLE);
    const renamed = [['REF', 'action', 'lead', 'due', 'rag', 'status', 'progress update'], ...SIMPLE.slice(1)];
    expect(trackerRowsToPlan(renamed, mapping, META).warnings.some((warning) => /differ/.test(warning.message))).toBe(false);
    const extra = [[...(SIMPLE[0] ?? []), 'Notes'], ...SIMPLE.slice(1)];
    expect(trackerRowsToPlan(extra, mapping, META).warnings.some((warning) => /differ/.test(warning.message))).toBe(true);
  });
});

describe('trackerRowsToPlan: hostile input', () => {
  it('keeps formula-like and script text as plain text', () => {
    const hostile = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1:A2)', '<script>alert(1)</script>'];
    const rows = [
      ['Ref', 'Action', 'Due', 'RAG', 'Progress update'],
      ...hostile.map((text, index) => [String(index + 1), text, '31/03/2026', 'G', text]),
    ];
    const plan = planOf(convert(rows));
    expect(plan.actions.map((action) => action.title)).toEqual(hostile);
    expect(plan.actions.map((action) => action.updates[0]?.narrative)).toEqual(hostile);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('strips control characters but keeps line breaks', () => {
    const plan = planOf(
      convert([
        ['Ref', 'Action', 'Due', 'RAG', 'Progress update'],
        ['1', 'A\u0000B\u0007C', '31/03/2026', 'G', 'line one\r\nline two'],
      ]),
    );
    expect(plan.actions[0]?.title).toBe('ABC');
    expect(plan.actions[0]?.updates[0]?.narrative).toBe('line one\nline two');
  });

  it('keeps ids within 64 characters for very long refs and leads', () => {
    const plan = planOf(
      convert([
        ['Ref', 'Action', 'Lead', 'Due', 'RAG'],
        ['9'.repeat(200), 'Long', 'x'.repeat(500), '31/03/2026', 'G'],
      ]),
    );
    expect(plan.actions[0]?.id.length).toBeLessThanOrEqual(64);
    expect(plan.owners[0]?.id.length).toBeLessThanOrEqual(64);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('reports a heading row beyond the sheet, and rows that are not arrays, without throwing', () => {
    const mapping = { ...mappingFor(SIMPLE), headerRow: 50 };
    expect(errorsOf(trackerRowsToPlan(SIMPLE, mapping, META))[0]?.message).toMatch(/row 51/);
    const odd = [SIMPLE[0] ?? [], 'not a row', null, ...SIMPLE.slice(1)] as unknown as string[][];
    expect(planOf(trackerRowsToPlan(odd, mappingFor(SIMPLE), META)).actions).toHaveLength(4);
  });

  it('refuses a mapping that does not parse, and a modified time that is not a date', () => {
    const broken = { ...mappingFor(SIMPLE), columns: { Ref: 'nonsense' } } as unknown as TrackerMapping;
    expect(errorsOf(trackerRowsToPlan(SIMPLE, broken, META))[0]?.path).toBe('mapping.columns.Ref');
    expect(errorsOf(trackerRowsToPlan(SIMPLE, mappingFor(SIMPLE), { ...META, modifiedAt: 'yesterday' }))[0]?.path).toBe('meta.modifiedAt');
  });

  it('never throws on random grids, and whatever it accepts the plan validator accepts', () => {
    const headings = [
      'Ref',
      'No.',
      'Action',
      'Objective',
      'Priority',
      'Lead',
      'SRO',
      'Partners',
      'Start',
      'Due',
      'Revised due date',
      'Approved by',
      'Status',
      'RAG',
      'Progress update',
      'Update period',
      'Success criteria',
      'Evidence',
      'Revision',
      'Notes',
    ];
    const values = [
      '',
      '1',
      '1.1',
      '2',
      'Priority 2: Joint working',
      '31/03/2026',
      'Mar 2026',
      '46112',
      '31/02/2026',
      'TBC',
      'G',
      'Amber/Red',
      'Complete',
      'Not started',
      'In progress',
      'Purple',
      "=cmd|' /C calc'!A0",
      '@x',
      '+1',
      '-1',
      'Head of SEND',
      'ICB; Schools',
      'v3',
      'a\nb;c',
      '<script>',
    ];
    const cellArb = fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
    const gridArb = fc.tuple(
      fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 3 }),
      fc.shuffledSubarray(headings, { minLength: 0, maxLength: 10 }),
      fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 15 }),
    );
    const fieldArb = fc.dictionary(fc.constantFrom(...headings), fc.constantFrom(...TRACKER_FIELDS), { maxKeys: 6 });
    fc.assert(
      fc.property(gridArb, fieldArb, fc.boolean(), ([titleRows, headingRow, body], overrides, useOverrides) => {
        const rows = [...titleRows, headingRow, ...body];
        const base = mappingFor(rows);
        const mapping = useOverrides ? { ...base, columns: { ...base.columns, ...overrides } } : base;
        const result = trackerRowsToPlan(rows, mapping, META);
        expect(Array.isArray(result.warnings)).toBe(true);
        if (result.ok) {
          const validation = validatePlanValue(result.value);
          expect(validation.ok ? [] : validation.errors).toEqual([]);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turns plausible trackers with some bad cells into plans the validator accepts, or into located errors', () => {
    const optional = [
      'Priority',
      'Lead',
      'SRO',
      'Partners',
      'Start',
      'Revised due date',
      'Approved by',
      'Status',
      'Progress update',
      'Update period',
      'Success criteria',
      'Evidence',
      'Notes',
    ];
    const pools: Record<string, string[]> = {
      Due: ['31/03/2026', '2026-06-30', 'Mar 2026', '46112', 'TBC', 'Ongoing', ''],
      Start: ['01/09/2025', 'Sep 2025', '', '2025-04-01'],
      'Revised due date': ['', '', '30/09/2026'],
      'Approved by': ['', 'SEND board'],
      RAG: ['G', 'Amber', 'red', 'Blue', 'Grey', 'On track', '', 'Amber/Red'],
      Status: ['In progress', 'Complete', 'Not started', 'Embedded', 'Withdrawn', ''],
      Priority: ['Priority 1', '2. Joint working', '', 'Local Offer'],
      Lead: ['Head of SEND', 'QA lead', '', "=cmd|' /C calc'!A0"],
      SRO: ["Director of Children's Services", ''],
      Partners: ['ICB; Parent Carer Forum', 'Schools', ''],
      'Progress update': ['On plan', '', '@SUM(A1)', '<b>bold</b>'],
      'Update period': ['March 2026', '', '2026-02'],
      'Success criteria': ['a; b', '• one\n• two', ''],
      Evidence: ['Audit 01/02/2026', 'Minutes', ''],
      Notes: ['anything', ''],
    };
    const plausibleArb = fc
      .record({
        extra: fc.shuffledSubarray(optional, { maxLength: 8 }),
        body: fc.array(fc.array(fc.tuple(fc.nat(99), fc.string({ maxLength: 10 })), { minLength: 17, maxLength: 17 }), {
          minLength: 1,
          maxLength: 12,
        }),
      })
      .map(({ extra, body }) => {
        const headings = ['Ref', 'Action', 'Due', 'RAG', ...extra];
        const rows = body.map((cells, rowIndex) =>
          headings.map((heading, column) => {
            const [roll, random] = cells[column] ?? [0, ''];
            if (roll >= 90) return random;
            if (heading === 'Ref') return roll < 3 ? '1.1' : `${1 + (rowIndex % 3)}.${rowIndex + 1}`;
            if (heading === 'Action') return roll < 3 ? '' : `Action ${rowIndex + 1}`;
            const pool = pools[heading] ?? [''];
            return pool[roll % pool.length] ?? '';
          }),
        );
        return [headings, ...rows];
      });
    let accepted = 0;
    fc.assert(
      fc.property(plausibleArb, (rows) => {
        const result = trackerRowsToPlan(rows, mappingFor(rows), META);
        if (result.ok) {
          accepted++;
          const validation = validatePlanValue(result.value);
          expect(validation.ok ? [] : validation.errors).toEqual([]);
        } else {
          // A cell (Tracker!D14), the whole sheet (Tracker, e.g. no actions at all) or the mapping.
          for (const error of result.errors) expect(error.path).toMatch(/^Tracker(!|$)|^mapping\./);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the accepting path often enough for the property to mean something
    // (about half of 300 runs do; 30 leaves a wide margin).
    expect(accepted).toBeGreaterThan(30);
  });
});

describe('a sheet with headings but no actions', () => {
  it('is refused with a sheet-level message, each skipped row warned about', () => {
    const rows = [
      ['Ref', 'Action', 'Due', 'RAG'],
      ['', '', '31/03/2026', 'G'],
    ];
    const result = trackerRowsToPlan(rows, mappingFor(rows), META);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'Tracker', message: 'No actions were found below the headings in row 1.' }],
      warnings: [{ path: 'Tracker!2:2', message: 'Row 2 has neither a ref nor an action title and was skipped.' }],
    });
  });
});
