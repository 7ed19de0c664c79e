import { describe, expect, it } from 'vitest';
import {
  columnKeys,
  columnLetter,
  findHeaderRow,
  headingSignature,
  planIdFromFileName,
  planKindFromFileName,
  planTitleFromFileName,
  recogniseHeading,
  suggestMapping,
  trackerMappingSchema,
  type TrackerField,
} from '../../../shared/tracker/mapping';

function fieldsOf(headings: string[]): Record<string, TrackerField> {
  return suggestMapping(headings, 'Tracker.xlsx').columns;
}

describe('suggestMapping recognises common tracker headings', () => {
  it('maps "Ref | Action | Lead | Due | RAG | Status | Progress update"', () => {
    expect(fieldsOf(['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Status', 'Progress update'])).toEqual({
      Ref: 'ref',
      Action: 'title',
      Lead: 'lead',
      Due: 'dueDate',
      RAG: 'deliveryRag',
      Status: 'status',
      'Progress update': 'progressUpdate',
    });
  });

  it('maps "Priority | No. | Objective | …": with no action heading, the objective is the action and the priority groups', () => {
    expect(fieldsOf(['Priority', 'No.', 'Objective', 'Lead Person', 'Timescale', 'RAG rating', 'Commentary', 'Success measure'])).toEqual({
      Priority: 'areaTitle',
      'No.': 'ref',
      Objective: 'title',
      'Lead Person': 'lead',
      Timescale: 'dueDate',
      'RAG rating': 'deliveryRag',
      Commentary: 'progressUpdate',
      'Success measure': 'successCriteria',
    });
  });

  it('maps combined headings such as "Lead / Lead Person" and "Due / Timescale / Deadline"', () => {
    expect(
      fieldsOf([
        'Area / Priority',
        'Action ref',
        'Action description',
        'Lead / Lead Person',
        'Start date',
        'Due / Timescale / Deadline',
        'Success measure / criteria',
        'Evidence',
      ]),
    ).toEqual({
      'Area / Priority': 'areaTitle',
      'Action ref': 'ref',
      'Action description': 'title',
      'Lead / Lead Person': 'lead',
      'Start date': 'startDate',
      'Due / Timescale / Deadline': 'dueDate',
      'Success measure / criteria': 'successCriteria',
      Evidence: 'evidence',
    });
  });

  it('maps a fourth style with revised dates, partners, SRO and a revision column', () => {
    expect(
      fieldsOf([
        'ID',
        'Workstream',
        'What',
        'Responsible officer',
        'SRO',
        'Partners',
        'Deadline',
        'Revised due date',
        'Approved by',
        'Delivery RAG',
        'Update',
        'Measure of success',
        'Revision',
      ]),
    ).toEqual({
      ID: 'ref',
      Workstream: 'areaTitle',
      What: 'title',
      'Responsible officer': 'lead',
      SRO: 'sro',
      Partners: 'partners',
      Deadline: 'dueDate',
      'Revised due date': 'revisedDueDate',
      'Approved by': 'revisionApprovedBy',
      'Delivery RAG': 'deliveryRag',
      Update: 'progressUpdate',
      'Measure of success': 'successCriteria',
      Revision: 'revision',
    });
  });

  it('never reads an impact or assurance rating as the delivery RAG', () => {
    expect(recogniseHeading('Impact RAG')).toBe('ignore');
    expect(recogniseHeading('Board assurance rating')).toBe('ignore');
    expect(recogniseHeading('RAG (delivery)')).toBe('deliveryRag');
  });

  it('maps a repeated single-valued heading once and ignores the copy', () => {
    const columns = fieldsOf(['Ref', 'Action', 'Due date', 'Due date', 'Status']);
    expect(columns['Due date']).toBe('dueDate');
    expect(columns['Due date (2)']).toBe('ignore');
  });

  it('lets several columns feed success criteria', () => {
    const columns = fieldsOf(['Ref', 'Action', 'Success criteria', 'Impact measure', 'Status']);
    expect(columns['Success criteria']).toBe('successCriteria');
    expect(columns['Impact measure']).toBe('successCriteria');
  });

  it('ignores headings it does not know and names empty ones by column', () => {
    const columns = fieldsOf(['Ref', '', 'Action', 'Colour of the sky']);
    expect(columns['Column B']).toBe('ignore');
    expect(columns['Colour of the sky']).toBe('ignore');
  });
});

describe('headingSignature', () => {
  it('is the same for the same headings in another case, spacing and punctuation, and with trailing empty columns', () => {
    const original = headingSignature(['Ref', 'Action', 'Lead / Lead Person', 'Due date', 'RAG']);
    expect(headingSignature(['REF', ' action ', 'lead/lead person', 'Due  Date', 'rag.', '', ''])).toBe(original);
  });

  it('differs when headings are reordered, added or renamed', () => {
    const original = headingSignature(['Ref', 'Action', 'Lead', 'Due']);
    expect(headingSignature(['Action', 'Ref', 'Lead', 'Due'])).not.toBe(original);
    expect(headingSignature(['Ref', 'Action', 'Lead', 'Due', 'Status'])).not.toBe(original);
    expect(headingSignature(['Ref', 'Action', 'Owner', 'Due'])).not.toBe(original);
  });

  it('is short enough to be a key in the stored mappings', () => {
    const signature = headingSignature(Array.from({ length: 200 }, (_, index) => `A long heading number ${index}`));
    expect(signature.length).toBeLessThanOrEqual(200);
    expect(trackerMappingSchema.shape.signature.safeParse(signature).success).toBe(true);
  });
});

describe('findHeaderRow', () => {
  it('skips title rows above the headings', () => {
    const rows = [
      ['Northshire Local Area SEND Improvement Plan'],
      ['Version 3 – updated 5 March 2026', '', 'OFFICIAL'],
      ['Ref', 'Action', 'Lead', 'Due', 'RAG'],
      ['1.1', 'Publish the QA framework', 'Head of SEND', '31/03/2026', 'G'],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('falls back to the row with most known headings, never to -1', () => {
    expect(findHeaderRow([['Notes'], ['Ref', 'Something']])).toBe(1);
    expect(findHeaderRow([[''], ['hello', 'world']])).toBe(1);
    expect(findHeaderRow([])).toBe(0);
  });

  it('only looks at the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => ['filler']), ['Ref', 'Action', 'Lead', 'Due']];
    expect(findHeaderRow(rows)).toBe(0);
  });
});

describe('plan identity from the file name', () => {
  it('drops version and date tokens', () => {
    expect(planIdFromFileName('SEND Improvement Plan v3 2026-10.xlsx')).toBe('tracker:send-improvement-plan');
    expect(planIdFromFileName('SEND_Improvement_Plan_v4.1_FINAL (2).xlsx')).toBe('tracker:send-improvement-plan');
    expect(planIdFromFileName('C:\\Trackers\\SEND Improvement Plan March 2026.csv')).toBe('tracker:send-improvement-plan');
    expect(planTitleFromFileName('SEND Improvement Plan v3 2026-10.xlsx')).toBe('SEND Improvement Plan');
  });

  it('gives an id of at most 64 characters, even from a long name', () => {
    const id = planIdFromFileName(`${'Very long tracker name '.repeat(10)}.xlsx`);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id.startsWith('tracker:very-long-tracker-name')).toBe(true);
  });

  it('guesses the plan kind from the name', () => {
    expect(planKindFromFileName('WSoA tracker.xlsx')).toBe('written-statement-of-action');
    expect(planKindFromFileName('Accelerated Progress Plan.csv')).toBe('accelerated-progress-plan');
    expect(planKindFromFileName('Priority action plan.xlsx')).toBe('priority-action-plan');
    expect(planKindFromFileName('Tracker.xlsx')).toBe('improvement-plan');
  });
});

describe('trackerMappingSchema', () => {
  it('accepts a suggested mapping after a JSON round trip', () => {
    const mapping = { ...suggestMapping(['Ref', 'Action', 'Due'], 'Plan.xlsx', 2), localArea: 'Northshire' };
    expect(trackerMappingSchema.parse(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
  });

  it('refuses unknown fields, a negative heading row, an empty plan id and control characters', () => {
    const mapping = { ...suggestMapping(['Ref', 'Action', 'Due'], 'Plan.xlsx'), localArea: 'Northshire' };
    expect(trackerMappingSchema.safeParse({ ...mapping, columns: { Ref: 'nonsense' } }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...mapping, headerRow: -1 }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...mapping, planId: ' ' }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...mapping, planTitle: 'a\u0007b' }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...mapping, extra: true }).success).toBe(false);
  });
});

describe('columns', () => {
  it('letters columns as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('keys repeated and empty headings uniquely', () => {
    expect(columnKeys(['Notes', '', 'notes', 'Notes'])).toEqual(['Notes', 'Column B', 'notes (2)', 'Notes (3)']);
  });
});
