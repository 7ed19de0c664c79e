import { describe, expect, it } from 'vitest';
import { validatePlanValue } from '../../../shared/plan/validate';
import { generatePlan, generateRevision } from '../../../scripts/sample/generate-plan';
import { records, shapeProblems } from './plan-shape';

describe('the bench-size plan', () => {
  const plan = generatePlan({ actions: 10_000 });

  it('has 10,000 actions with milestones, updates and measures in proportion, and weighs 5–20 MB as JSON', () => {
    const actions = records(plan['actions'], 'actions');
    expect(actions).toHaveLength(10_000);
    expect(records(plan['milestones'], 'milestones').length).toBeGreaterThanOrEqual(20_000);
    expect(actions.filter((a) => Array.isArray(a['updates']) && a['updates'].length > 0).length).toBeGreaterThan(5_000);
    expect(records(plan['measures'], 'measures').length).toBeGreaterThanOrEqual(500);
    const bytes = new TextEncoder().encode(JSON.stringify(plan)).length;
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(bytes).toBeLessThan(20_000_000);
  });

  it('follows the spec’s shape rules and validates cleanly', () => {
    expect(shapeProblems(plan)).toEqual([]);
    const result = validatePlanValue(plan);
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
    expect(result.warnings.slice(0, 5)).toEqual([]);
  });

  it('can be revised', () => {
    const next = generateRevision(plan, { seed: 1, revision: 2, exportedAt: '2026-10-31T16:30:00Z' });
    expect(records(next['actions'], 'actions').length).toBeGreaterThanOrEqual(9_999);
  });
});
