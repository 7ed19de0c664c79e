import { describe, expect, it } from 'vitest';
import { validatePlanValue } from '../../../shared/plan/validate';
import { generatePlan, generateRevision } from '../../../scripts/sample/generate-plan';
import type { PlanFileObject } from '../../../scripts/sample/generate-plan';

// Every plan the generator makes must load in the app cleanly: no errors and no warnings.
const problemsOf = (plan: PlanFileObject): unknown[] => {
  const result = validatePlanValue(plan);
  return [...(result.ok ? [] : result.errors), ...result.warnings];
};

describe('generated plans pass the app’s own validator', () => {
  it.each([
    ['the defaults', {}],
    ['seed 2', { seed: 2 }],
    ['seed 3 with many areas and measures', { seed: 3, actions: 150, areas: 12, measures: 40, months: 36 }],
    ['no actions', { actions: 0, areas: 1, measures: 0 }],
  ])('%s', (_name, options) => {
    expect(problemsOf(generatePlan(options))).toEqual([]);
  });

  it('over six monthly revisions', () => {
    let plan = generatePlan({ seed: 6 });
    [
      '2026-10-30T16:00:00Z',
      '2026-11-27T16:00:00Z',
      '2026-12-18T12:00:00Z',
      '2027-01-29T16:00:00Z',
      '2027-02-26T16:00:00Z',
      '2027-03-31T17:00:00+01:00',
    ].forEach((exportedAt, index) => {
      plan = generateRevision(plan, { seed: 6, revision: index + 2, exportedAt, changeFraction: 0.4 });
      expect(problemsOf(plan)).toEqual([]);
    });
  });
});
