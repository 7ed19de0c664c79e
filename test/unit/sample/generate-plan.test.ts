import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { looksLikePersonalName, record, records, shapeProblems, text } from './plan-shape';

const exportDate = (plan: Record<string, unknown>): string =>
  text(record(plan['export'], 'export')['exportedAt'], 'exportedAt').slice(0, 10);

describe('generatePlan', () => {
  it('gives the same plan for the same options', () => {
    expect(generatePlan({ seed: 5 })).toEqual(generatePlan({ seed: 5 }));
    expect(JSON.stringify(generatePlan({ seed: 5, actions: 300, measures: 30 }))).toBe(
      JSON.stringify(generatePlan({ seed: 5, actions: 300, measures: 30 })),
    );
  });

  it('gives a different plan for a different seed', () => {
    expect(generatePlan({ seed: 5 })).not.toEqual(generatePlan({ seed: 6 }));
  });

  it.each([
    ['the defaults', {}],
    ['another seed', { seed: 99 }],
    ['many areas and measures', { seed: 3, actions: 150, areas: 12, measures: 40, months: 36 }],
    ['a plan with no actions', { actions: 0, areas: 1, measures: 0 }],
    ['a later export', { seed: 8, exportedAt: '2027-03-15T10:00:00Z', revision: 7 }],
  ])('follows the spec’s shape rules for %s', (_name, options) => {
    expect(shapeProblems(generatePlan(options))).toEqual([]);
  });

  it('makes the sample plan described in the brief: five areas, about sixty actions, twenty measures of 24 months', () => {
    const plan = generatePlan();
    const areas = records(plan['areas'], 'areas');
    expect(areas.map((a) => a['title'])).toEqual([
      expect.stringMatching(/EHC assessments/),
      expect.stringMatching(/Local Offer/),
      expect.stringMatching(/Joint working/),
      expect.stringMatching(/training programme/),
      expect.stringMatching(/school places/),
    ]);
    expect(areas.every((a) => typeof a['inspectionText'] === 'string' && a['inspectionText'].length > 100)).toBe(true);
    expect(records(plan['actions'], 'actions')).toHaveLength(60);
    const measures = records(plan['measures'], 'measures');
    expect(measures).toHaveLength(20);
    for (const measure of measures) {
      expect(records(measure['series'], 'series')).toHaveLength(24);
      expect(measure['frequency']).toBe('monthly');
      expect(records(measure['benchmarks'], 'benchmarks').every((b) => typeof b['value'] === 'number')).toBe(true);
    }
    expect(measures.some((m) => records(m['benchmarks'], 'benchmarks').some((b) => b['label'] === 'England average'))).toBe(true);
  });

  it('uses refs numbered within their area', () => {
    const plan = generatePlan({ actions: 30, areas: 3 });
    const refs = records(plan['actions'], 'actions').map((a) => `${String(a['areaId'])} ${String(a['ref'])}`);
    expect(refs.slice(0, 3)).toEqual(['area-1 1.1', 'area-1 1.2', 'area-1 1.3']);
    expect(refs).toContain('area-3 3.10');
  });

  it('names owners by role, never by a person’s name', () => {
    const owners = records(generatePlan()['owners'], 'owners');
    expect(owners.map((o) => o['role'])).toContain('Head of SEND Statutory Services');
    expect(owners.map((o) => o['role'])).toContain('Designated Clinical Officer (ICB)');
    expect(owners.filter((o) => looksLikePersonalName(String(o['role'])))).toEqual([]);
    // The check itself must be able to fail.
    expect(looksLikePersonalName('Sarah Jones, Head of SEND')).toBe(true);
    expect(looksLikePersonalName('Dr Patel')).toBe(true);
  });

  it.each([1, 2, 3, 4])('keeps statuses, RAGs and dates consistent with the export date (seed %i)', (seed) => {
    const plan = generatePlan({ seed });
    const asAt = exportDate(plan);
    const asAtMonth = asAt.slice(0, 7);
    for (const action of records(plan['actions'], 'actions')) {
      const status = action['status'];
      const start = String(action['startDate']);
      const due = String(action['revisedDueDate'] ?? action['dueDate']);
      if (status === 'not-started') {
        expect(start > asAt).toBe(true);
        expect(action['deliveryRag']).toBe('grey');
        expect(action['updates']).toEqual([]);
      } else {
        expect(start <= asAt).toBe(true);
      }
      if (status === 'complete' || status === 'embedded') expect(action['deliveryRag']).toBe('blue');
      if (status === 'in-progress' && due < asAt) expect(action['deliveryRag']).toBe('red');
      expect(String(action['dueDate']) > start).toBe(true);
      if (action['revisedDueDate'] !== undefined) {
        expect(String(action['revisedDueDate']) > String(action['dueDate'])).toBe(true);
        expect(action['revisionApprovedBy']).toMatch(/^SEND Oversight Board, \d{1,2} [A-Z][a-z]+ 20\d\d$/);
      }
      for (const update of records(action['updates'], 'updates')) {
        expect(String(update['period']) <= asAtMonth).toBe(true);
        expect(String(update['submittedAt']).slice(0, 10) <= asAt).toBe(true);
        expect(String(update['submittedAt']).slice(0, 7)).toBe(update['period']);
      }
    }
    for (const milestone of records(plan['milestones'], 'milestones')) {
      if (milestone['achievedOn'] !== null) expect(String(milestone['achievedOn']) <= asAt).toBe(true);
    }
  });

  it('gives a realistic mix of statuses and RAGs', () => {
    const actions = records(generatePlan()['actions'], 'actions');
    const count = (key: string, value: string): number => actions.filter((a) => a[key] === value).length;
    for (const status of ['not-started', 'in-progress', 'complete']) expect(count('status', status)).toBeGreaterThan(0);
    for (const rag of ['green', 'amber', 'red', 'blue', 'grey']) expect(count('deliveryRag', rag)).toBeGreaterThan(0);
    expect(count('status', 'in-progress')).toBeGreaterThan(actions.length / 3);
    expect(actions.filter((a) => a['revisedDueDate'] !== undefined).length).toBeGreaterThan(2);
  });

  it('ends each series with provisional data, leaves earlier months final and suppresses only small counts', () => {
    let suppressed = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const measure of records(generatePlan({ seed })['measures'], 'measures')) {
        const series = records(measure['series'], 'series');
        expect(series.at(-1)?.['status']).toBe('provisional');
        expect(series.slice(0, -2).every((p) => p['status'] === 'final')).toBe(true);
        for (const point of series) {
          if (point['value'] !== null) continue;
          suppressed += 1;
          expect(measure['unit']).toBe('count');
        }
      }
    }
    expect(suppressed).toBeGreaterThan(0);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generatePlan({ actions: -1 })).toThrow(RangeError);
    expect(() => generatePlan({ areas: 0 })).toThrow(/areas/);
    expect(() => generatePlan({ months: 1.5 })).toThrow(/months/);
    expect(() => generatePlan({ exportedAt: '2026-09-30' })).toThrow(/ISO 8601/);
    expect(() => generatePlan({ exportedAt: '2026-02-30T10:00:00Z' })).toThrow(/not a date/);
    expect(() => generatePlan({ planId: '' })).toThrow(/planId/);
  });

  it('writes the options it was given into the export and plan', () => {
    const plan = generatePlan({ planId: 'test-plan', revision: 4, exportedAt: '2027-01-29T09:15:00Z' });
    expect(record(plan['plan'], 'plan')['id']).toBe('test-plan');
    expect(record(plan['export'], 'export')).toMatchObject({ revision: 4, exportedAt: '2027-01-29T09:15:00Z' });
    const series = records(records(plan['measures'], 'measures')[0]?.['series'], 'series');
    expect(series.at(-1)?.['period']).toBe('2026-12');
  });
});
