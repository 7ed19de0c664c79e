import { describe, expect, it } from 'vitest';
import {
  chooseRevision,
  createActionRefs,
  createParties,
  readActionDates,
  readDueDates,
  readEvidence,
  readRatings,
  readRevisionCell,
  readUpdatePeriod,
  splitTitle,
} from '../../../shared/tracker/action-cells';
import { WHOLE_PLAN_KEY, groupAreas, hasPerAreaNumbering, readRows, type AreaDraft } from '../../../shared/tracker/areas';
import { clean, makeId, splitList } from '../../../shared/tracker/cells';
import { mapColumns, readHeader, type Columns, type Header } from '../../../shared/tracker/columns';
import { suggestMapping, type TrackerMapping } from '../../../shared/tracker/mapping';
import { capped, createReporter, type Reporter } from '../../../shared/tracker/tracker-report';

// Each step of trackerRowsToPlan on its own (the whole conversion and its property tests are
// in to-plan.test.ts). Rows are 0-based here; messages name them as the sheet does (1-based).

function mappingOf(headings: string[], overrides: Partial<TrackerMapping> = {}): TrackerMapping {
  return { ...suggestMapping(headings, 'Plan.xlsx', 0), localArea: 'Northshire', ...overrides };
}

function setUp(rows: string[][], overrides: Partial<TrackerMapping> = {}): { header: Header; columns: Columns; report: Reporter } {
  const report = createReporter('Tracker');
  const header = readHeader(rows, mappingOf(rows[0] ?? [], overrides), report);
  if (header === undefined) throw new Error('expected a header');
  return { header, columns: mapColumns(header, report), report };
}

const messages = (problems: readonly { message: string }[]): string[] => problems.map((problem) => problem.message);

describe('the reporter', () => {
  it('locates a problem as a spreadsheet names the cell, and a whole row without a column', () => {
    const report = createReporter('My sheet');
    report.error({ row: 13, column: 3 }, 'bad');
    report.warning({ row: 4 }, 'odd');
    expect(report.errors).toEqual([{ path: "'My sheet'!D14", message: 'bad', line: 14, column: 4 }]);
    expect(report.warnings).toEqual([{ path: "'My sheet'!5:5", message: 'odd', line: 5 }]);
  });

  it('turns one note from many rows into one warning, at the first row, when flushed', () => {
    const report = createReporter('Tracker');
    for (const row of [2, 3, 9]) report.note('blank', { row }, (rows) => `rows ${rows.join(', ')}`);
    expect(report.warnings).toEqual([]);
    report.flush();
    expect(report.warnings).toEqual([{ path: 'Tracker!3:3', message: 'rows 3, 4, 10', line: 3 }]);
  });

  it('caps a long list of problems at 200 and says how many more', () => {
    const many = Array.from({ length: 205 }, (_, index) => ({ path: `A${index}`, message: 'x' }));
    const kept = capped(many, 'errors');
    expect(kept).toHaveLength(201);
    expect(kept[200]?.message).toBe('… and 5 more errors not listed.');
  });
});

describe('the cells', () => {
  it('cleans control characters but keeps line breaks, and keeps ids within 64 characters', () => {
    expect(clean('  a\u0007b\r\nc  ')).toBe('ab\nc');
    expect(makeId('action-', '1.2')).toBe('action-1-2');
    expect(makeId('action-', '1.2', true)).toBe('action-1.2');
    expect(makeId('owner-', 'x'.repeat(200)).length).toBeLessThanOrEqual(64);
  });

  it('splits a list cell, taking off bullets and numbering', () => {
    expect(splitList('• First\n2) Second; - Third', /\n|;/)).toEqual(['First', 'Second', 'Third']);
  });
});

describe('finding the header', () => {
  it('refuses a heading row beyond the sheet, saying how many rows it has', () => {
    const report = createReporter('Tracker');
    expect(readHeader([['Ref', 'Action']], mappingOf(['Ref', 'Action'], { headerRow: 3 }), report)).toBeUndefined();
    expect(messages(report.errors)).toEqual(['The mapping expects headings in row 4, but the sheet has only 1 row.']);
  });

  it('warns when the headings differ from the mapping and when a mapped column is missing', () => {
    const report = createReporter('Tracker');
    const mapping = mappingOf(['Ref', 'Action', 'Due', 'Status']);
    const header = readHeader([['Ref', 'Action', 'Status']], mapping, report);
    expect(header?.fieldsByColumn).toEqual(['ref', 'title', 'status']);
    expect(messages(report.warnings)).toEqual([
      'The headings in row 1 differ from those the mapping was made for; check the mapping before importing.',
      'The mapping names a column "Due" (Due date) that is not in row 1; it is left out.',
    ]);
  });
});

describe('mapping the columns', () => {
  it('reads cells by field and names them by the sheet’s own heading', () => {
    const { columns, report } = setUp([['Ref', 'Action', 'Deadline', 'RAG']]);
    expect(report.errors).toEqual([]);
    expect(columns.cell(['1.1', ' Do it ', '31/03/2026', 'G'], 'title')).toBe('Do it');
    expect(columns.label('dueDate')).toBe('Deadline');
    expect(columns.label('lead')).toBe('Lead (role)');
    expect(columns.at(5, 'dueDate')).toEqual({ row: 5, column: 2 });
  });

  it('refuses a single-valued field mapped twice, and a sheet with no title, due date or rating', () => {
    const { report } = setUp([['Ref', 'Notes', 'Other']], { columns: { Ref: 'ref', Notes: 'ref', Other: 'ignore' } });
    expect(messages(report.errors)).toEqual([
      '"Ref" and "Notes" are both mapped to action reference; map all but one of them to Ignore.',
      'No column is mapped to the action title (a heading such as "Action"): map one before importing.',
      'No column is mapped to the due date (a heading such as "Due", "Timescale" or "Deadline"): map one before importing.',
      'No column is mapped to the status or the delivery RAG: map at least one before importing.',
    ]);
  });
});

describe('reading the rows and grouping them into areas', () => {
  const rows = [
    ['Ref', 'Action', 'Due', 'Status'],
    ['Priority 1: Joint working', '', '', ''],
    ['1', 'First', '31/03/2026', 'Complete'],
    ['Ref', 'Action', 'Due', 'Status'],
    ['Priority 2', '', '', ''],
    ['1', 'Second', '30/06/2026', 'In progress'],
    ['Key: B = complete', '', '', ''],
    ['Empty section', '', '', ''],
  ];

  it('makes lone headings into areas, skips repeated heading rows and warns about a lone note', () => {
    const { header, columns, report } = setUp(rows);
    const read = readRows(rows, header, columns, report);
    expect(read.records.map(({ index, ref, title }) => [index, ref, title])).toEqual([
      [2, '1', 'First'],
      [5, '1', 'Second'],
    ]);
    expect([...read.areas.values()].map((area) => [area.ref, area.title])).toEqual([
      ['1', 'Joint working'],
      ['2', 'Priority 2'],
      [undefined, 'Key: B = complete'],
      [undefined, 'Empty section'],
    ]);
    expect(report.errors).toEqual([]);
  });

  it('drops headings with no action under them and numbers the plan’s areas', () => {
    const { header, columns, report } = setUp(rows);
    const read = readRows(rows, header, columns, report);
    const { planAreas, areaIdByKey } = groupAreas(read, header.row, 'improvement-plan', report);
    expect(planAreas).toEqual([
      { id: 'area-1', ref: '1', title: 'Joint working', kind: 'area-for-improvement' },
      { id: 'area-2', ref: '2', title: 'Priority 2', kind: 'area-for-improvement' },
    ]);
    expect(areaIdByKey.get('ref:2')).toBe('area-2');
    expect(messages(report.warnings)).toEqual([
      'Row 7: "Key: B = complete" is not followed by any action, so it is not made an area.',
      'Row 8: "Empty section" is not followed by any action, so it is not made an area.',
    ]);
  });

  it('sees numbers restarting in each area, and says the refs get the area’s prefix', () => {
    const { header, columns, report } = setUp(rows);
    const read = readRows(rows, header, columns, report);
    expect(hasPerAreaNumbering(read.records, columns, report)).toBe(true);
    expect(messages(report.warnings)).toContain(
      'Action numbers in "Ref" restart in each area, so each action\'s ref is prefixed with its area\'s number (e.g. "2.3").',
    );
  });

  it('puts actions no area claims into "Whole plan"', () => {
    const plain = [
      ['Ref', 'Action', 'Due', 'Status'],
      ['1', 'Only', '31/03/2026', 'Complete'],
    ];
    const { header, columns, report } = setUp(plain);
    const read = readRows(plain, header, columns, report);
    expect(read.records[0]?.areaKey).toBe(WHOLE_PLAN_KEY);
    expect(groupAreas(read, 0, 'written-statement-of-action', report).planAreas).toEqual([
      { id: 'area-whole-plan', ref: 'All', title: 'Whole plan', kind: 'area-of-weakness' },
    ]);
  });
});

describe("an action row's cells", () => {
  const headings = ['Ref', 'Action', 'Start', 'Due', 'Revised due date', 'Status', 'RAG', 'Evidence', 'Revision', 'Update period'];
  const area: AreaDraft = { key: 'ref:2', ref: '2', title: 'Two', hasOwnTitle: true, row: 1, isSection: false, actionCount: 2 };

  it('reads due dates first: the latest for blank or "Ongoing" ones, an error for a non-date', () => {
    const rows = [headings, ['1', 'A', '', '31/03/2026'], ['2', 'B', '', 'Ongoing'], ['3', 'C', '', '31/13/2026']];
    const { columns, report } = setUp(rows);
    const records = [1, 2, 3].map((index) => ({ index, ref: String(index), title: 'x', areaKey: WHOLE_PLAN_KEY }));
    const due = readDueDates(records, (index) => rows[index] ?? [], columns, report);
    expect(due.latestDue).toBe('2026-03-31');
    expect([...due.dueByRow]).toEqual([
      [1, '2026-03-31'],
      [2, null],
      [3, null],
    ]);
    expect(messages(report.errors)).toEqual(['Row 4, "Due": "31/13/2026" is not a date (use dd/mm/yyyy, for example 31/03/2026).']);
  });

  it('reads start, due and revised dates: a month means its first day, a revision with no approver is noted', () => {
    const row = ['1', 'A', 'Sep 2025', '', '30/06/2026'];
    const { columns, report } = setUp([headings, row]);
    const due = { dueByRow: new Map([[1, null]]), latestDue: '2026-03-31' };
    expect(readActionDates(row, 1, due, columns, report)).toEqual({
      dueDate: '2026-03-31',
      startDate: '2025-09-01',
      revisedDueDate: '2026-06-30',
      revisionApprovedBy: 'Not recorded in the tracker',
    });
    report.flush();
    expect(messages(report.warnings)).toEqual([
      'Row 2, "Due": empty; the plan\'s last due date (2026-03-31) is used.',
      'Row 2: a revised due date with no record of who approved it; shown as "Not recorded in the tracker".',
    ]);
  });

  it('refuses an action with no due date and nothing to fall back on', () => {
    const row = ['1', 'A'];
    const { columns, report } = setUp([headings, row]);
    expect(readActionDates(row, 1, { dueByRow: new Map([[1, null]]), latestDue: null }, columns, report)).toBeUndefined();
    expect(messages(report.errors)).toEqual(['Row 2, "Due": no due date, and no other action has one to fall back on.']);
  });

  it('reads status and RAG, each standing in for the other, and refuses words it does not know', () => {
    const { columns, report } = setUp([headings]);
    const row = (status: string, rag: string) => ['1', 'A', '', '', '', status, rag];
    expect(readRatings(row('Complete', ''), 1, columns, report)).toEqual({ status: 'complete', rag: 'blue' });
    expect(readRatings(row('', 'Amber'), 1, columns, report)).toEqual({ status: 'in-progress', rag: 'amber' });
    expect(readRatings(row('Green', ''), 1, columns, report)).toEqual({ status: 'in-progress', rag: 'green' });
    expect(readRatings(row('Maybe', 'Purple'), 1, columns, report)).toEqual({ status: null, rag: null });
    expect(messages(report.errors)).toEqual([
      'Row 2, "RAG": "Purple" is not a recognised RAG rating (use Blue, Green, Amber, Red or Grey, or B, G, A, R).',
      'Row 2, "Status": "Maybe" is not a recognised status (use Not started, In progress, Complete, Embedded or Withdrawn).',
    ]);
  });

  it("takes the update's month from its column, else the file's month", () => {
    const { columns, report } = setUp([headings]);
    const withPeriod = (text: string) => ['1', 'A', '', '', '', '', '', '', '', text];
    expect(readUpdatePeriod(withPeriod('March 2026'), 1, '2026-05', columns, report)).toBe('2026-03');
    expect(readUpdatePeriod(withPeriod(''), 1, '2026-05', columns, report)).toBe('2026-05');
    expect(readUpdatePeriod(withPeriod('soon'), 1, '2026-05', columns, report)).toBe('2026-05');
    expect(messages(report.errors)).toEqual([
      'Row 2, "Update period": "soon" is not a month (use a month and year, for example March 2026).',
    ]);
  });

  it('makes evidence items with ids from the ref, a guessed type and a date found in the text', () => {
    const { columns } = setUp([headings]);
    const row = ['1', 'A', '', '', '', '', '', 'Audit of plans 12/02/2026; Board minutes'];
    expect(readEvidence(row, '2.1', '2026-05-01', columns)).toEqual([
      { id: 'evidence-2.1-1', title: 'Audit of plans 12/02/2026', type: 'audit', date: '2026-02-12', marking: 'OFFICIAL' },
      { id: 'evidence-2.1-2', title: 'Board minutes', type: 'minutes', date: '2026-05-01', marking: 'OFFICIAL' },
    ]);
  });

  it('reads a revision cell, refusing one that is not a whole number from 1', () => {
    const { columns, report } = setUp([headings]);
    const withRevision = (text: string) => ['1', 'A', '', '', '', '', '', '', text];
    expect(readRevisionCell(withRevision('v7'), 1, columns, report)).toBe(7);
    expect(readRevisionCell(withRevision(''), 1, columns, report)).toBeUndefined();
    expect(readRevisionCell(withRevision('0'), 1, columns, report)).toBeUndefined();
    expect(messages(report.errors)).toEqual(['Row 2, "Revision": "0" is not a revision number (a whole number, 1 or more).']);
  });

  it('chooses the highest revision a column gives, else minutes since 2020, at least 1', () => {
    const { columns, report } = setUp([headings]);
    expect(chooseRevision([3, 5], Date.UTC(2026, 0, 1), columns, report)).toBe(5);
    expect(chooseRevision([], Date.UTC(2020, 0, 1, 0, 10), columns, report)).toBe(10);
    expect(chooseRevision([], Date.UTC(2019, 0, 1), columns, report)).toBe(1);
    expect(messages(report.warnings)).toEqual([
      '"Revision" holds different revisions (3, 5); the highest, 5, is used.',
      '"Revision" is empty, so the revision is taken from the file\'s modified time.',
      '"Revision" is empty, so the revision is taken from the file\'s modified time.',
      "The file's modified time is before 2020, so the revision is set to 1; a later export may be refused as older.",
    ]);
  });

  it('prefixes per-area numbers with the area’s, and refuses a ref another row has', () => {
    const { columns, report } = setUp([headings]);
    const refOf = createActionRefs(columns, true, report);
    expect(refOf({ index: 2, ref: '1', title: 'A', areaKey: 'ref:2' }, area)).toEqual({ ref: '2.1', id: 'action-2.1' });
    expect(refOf({ index: 3, ref: '2.1', title: 'B', areaKey: 'ref:2' }, area)).toBeUndefined();
    expect(messages(report.errors)).toEqual(['Row 4, "Ref": "2.1" is already used by row 3; every action needs its own ref.']);
  });

  it('numbers actions within their area when there is no ref column', () => {
    const { columns, report } = setUp([['Action', 'Due', 'Status']]);
    const refOf = createActionRefs(columns, false, report);
    expect(refOf({ index: 1, ref: '', title: 'A', areaKey: 'ref:2' }, area)?.ref).toBe('2.1');
    expect(refOf({ index: 2, ref: '', title: 'B', areaKey: 'ref:2' }, area)?.ref).toBe('2.2');
  });

  it('keeps the first line of the action as its title and the rest as its description', () => {
    expect(splitTitle('Publish\n  the framework \n', ['More'])).toEqual({ title: 'Publish', descriptionParts: ['the framework', 'More'] });
  });
});

describe('organisations and owners', () => {
  it('makes each once, reading "the council" as the local authority and guessing kinds', () => {
    const parties = createParties('Northshire');
    expect(parties.organisationFor('The Council')).toBe('org-local-authority');
    const icb = parties.organisationFor('Northshire ICB');
    expect(parties.organisationFor('northshire icb')).toBe(icb);
    expect(parties.organisations.get('northshireicb')?.kind).toBe('icb');
    const owner = parties.ownerFor('Head of SEND');
    expect(parties.ownerFor('head of send.')).toBe(owner);
    expect([...parties.owners.values()]).toEqual([{ id: owner, role: 'Head of SEND', organisationId: 'org-local-authority' }]);
  });
});
