import { describe, expect, it } from 'vitest';
import { generatePlan, generateRevision } from '../../../scripts/sample/generate-plan';
import type { PlanFileObject } from '../../../scripts/sample/generate-plan';
import { record, records, shapeProblems } from './plan-shape';

const FIRST_EXPORT = '2026-09-30T17:00:00+01:00';
const NEXT_EXPORT = '2026-10-31T16:30:00Z';

const idsOf = (plan: PlanFileObject, collection: string): string[] =>
  records(plan[collection], collection).map((item) => String(item['id']));
const byId = (plan: PlanFileObject, collection: string): Map<string, Record<string, unknown>> =>
  new Map(records(plan[collection], collection).map((item) => [String(item['id']), item]));

describe('generateRevision', () => {
  const first = generatePlan({ seed: 11, exportedAt: FIRST_EXPORT });
  const second = generateRevision(first, { seed: 11, revision: 2, exportedAt: NEXT_EXPORT });

  it('increments the revision and keeps the plan’s identity', () => {
    expect(record(second['export'], 'export')).toMatchObject({ revision: 2, exportedAt: NEXT_EXPORT });
    expect(record(second['plan'], 'plan')).toEqual(record(first['plan'], 'plan'));
  });

  it('keeps ids stable: everything but at most one dropped action is still there, with the same ref and area', () => {
    for (const collection of ['organisations', 'owners', 'areas', 'measures', 'evidence', 'risks']) {
      expect(idsOf(second, collection)).toEqual(expect.arrayContaining(idsOf(first, collection)));
    }
    const before = byId(first, 'actions');
    const after = byId(second, 'actions');
    const missing = [...before.keys()].filter((id) => !after.has(id));
    expect(missing.length).toBeLessThanOrEqual(1);
    for (const [id, action] of after) {
      const earlier = before.get(id);
      if (earlier) expect([action['ref'], action['areaId']]).toEqual([earlier['ref'], earlier['areaId']]);
    }
    expect([...after.keys()].filter((id) => !before.has(id)).length).toBeLessThanOrEqual(1);
  });

  it('does not change the plan it was given', () => {
    const copy = JSON.parse(JSON.stringify(first)) as unknown;
    generateRevision(first, { seed: 2, revision: 2, exportedAt: NEXT_EXPORT, changeFraction: 1 });
    expect(first).toEqual(copy);
  });

  it('is deterministic', () => {
    expect(generateRevision(first, { seed: 11, revision: 2, exportedAt: NEXT_EXPORT })).toEqual(second);
    expect(generateRevision(first, { seed: 12, revision: 2, exportedAt: NEXT_EXPORT })).not.toEqual(second);
  });

  it('adds a month to every measure, finalising the previous provisional figures', () => {
    const before = byId(first, 'measures');
    for (const [id, measure] of byId(second, 'measures')) {
      const oldSeries = records(before.get(id)?.['series'], 'series');
      const newSeries = records(measure['series'], 'series');
      expect(newSeries).toHaveLength(oldSeries.length + 1);
      expect(newSeries.map((p) => p['period']).slice(0, -1)).toEqual(oldSeries.map((p) => p['period']));
      expect(newSeries.at(-1)).toMatchObject({ period: '2026-09', status: 'provisional' });
      expect(newSeries.slice(0, -1).every((p) => p['status'] === 'final')).toBe(true);
    }
  });

  it('gives most actions still in progress an update for the new month', () => {
    const inProgress = records(second['actions'], 'actions').filter((a) => a['status'] === 'in-progress');
    const updated = inProgress.filter((a) => records(a['updates'], 'updates').at(-1)?.['period'] === '2026-10');
    expect(inProgress.length).toBeGreaterThan(10);
    expect(updated.length / inProgress.length).toBeGreaterThan(0.7);
  });

  it('moves more actions on when more are asked to change', () => {
    const changed = (fraction: number): number => {
      const next = generateRevision(first, { seed: 3, revision: 2, exportedAt: NEXT_EXPORT, changeFraction: fraction });
      const before = byId(first, 'actions');
      return records(next['actions'], 'actions').filter((a) => {
        const earlier = before.get(String(a['id']));
        return (
          earlier &&
          (earlier['deliveryRag'] !== a['deliveryRag'] ||
            earlier['status'] !== a['status'] ||
            earlier['revisedDueDate'] !== a['revisedDueDate'])
        );
      }).length;
    };
    expect(changed(1)).toBeGreaterThan(changed(0) + 10);
  });

  it('approves every new revised due date at a board meeting since the last export', () => {
    const next = generateRevision(first, { seed: 4, revision: 2, exportedAt: NEXT_EXPORT, changeFraction: 1 });
    const before = byId(first, 'actions');
    const revised = records(next['actions'], 'actions').filter((a) => {
      const earlier = before.get(String(a['id']));
      return earlier && a['revisedDueDate'] !== earlier['revisedDueDate'];
    });
    expect(revised.length).toBeGreaterThan(0);
    for (const action of revised) expect(action['revisionApprovedBy']).toBe('SEND Oversight Board, 8 October 2026');
  });

  it('stays within the spec over a year of monthly revisions', () => {
    let plan = first;
    const exports = [
      '2026-10-30T16:00:00Z',
      '2026-11-27T16:00:00Z',
      '2026-12-18T12:00:00Z',
      '2027-01-29T16:00:00Z',
      '2027-02-26T16:00:00Z',
      '2027-03-31T17:00:00+01:00',
    ];
    exports.forEach((exportedAt, index) => {
      plan = generateRevision(plan, { seed: 11, revision: index + 2, exportedAt });
      expect(shapeProblems(plan)).toEqual([]);
    });
    expect(record(plan['export'], 'export')['revision']).toBe(7);
  });

  it('refuses a revision that does not move forward', () => {
    expect(() => generateRevision(first, { seed: 1, revision: 1, exportedAt: NEXT_EXPORT })).toThrow(/greater than 1/);
    expect(() => generateRevision(first, { seed: 1, revision: 2, exportedAt: '2026-08-31T12:00:00+01:00' })).toThrow(/earlier/);
    expect(() => generateRevision({ format: 'something-else' }, { seed: 1, revision: 2, exportedAt: NEXT_EXPORT })).toThrow(TypeError);
    expect(() => generateRevision(first, { seed: 1, revision: 2, exportedAt: NEXT_EXPORT, changeFraction: 2 })).toThrow(/changeFraction/);
  });
});
