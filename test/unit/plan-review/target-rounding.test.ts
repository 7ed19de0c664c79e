import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../shared/plan/schema';
import { planDecimalPlaces, targetCheck } from '../../../shared/plan-review/rules';

function measure(values: number[], extra: Partial<Measure> = {}): Measure {
  return {
    id: 'm',
    name: 'Measure',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: 'x',
    baseline: { value: 26, asAt: '2025-12-31' },
    targets: [{ value: 60, asAt: '2026-12-31' }],
    benchmarks: [],
    series: values.map((value, index) => ({ period: `2026-${String(index + 1).padStart(2, '0')}`, value, status: 'final' as const })),
    ...extra,
  };
}

describe('the expected figure, rounded as the plan gives its figures', () => {
  it('is given to one place when the plan gives one place (48.6, never 48.64)', () => {
    const check = targetCheck(measure([40.1, 42.6, 40.6, 42.6, 51.3, 52.9, 45.2]));
    // 26 + 34 × 212/365 = 45.748…: to one place, as the plan's figures are.
    expect(check.expected).toBe(45.7);
    expect(String(check.expected).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('is a whole number when every figure is whole', () => {
    const check = targetCheck(measure([30, 32, 35]));
    expect(Number.isInteger(check.expected)).toBe(true);
  });

  it('judges on the figure shown: a value equal to the rounded expectation is on target', () => {
    const expected = targetCheck(measure([40.1, 42.6, 40.6, 42.6, 51.3, 52.9, 45.2])).expected ?? 0;
    expect(targetCheck(measure([40.1, 42.6, 40.6, 42.6, 51.3, 52.9, expected])).isOffTarget).toBe(false);
    expect(targetCheck(measure([40.1, 42.6, 40.6, 42.6, 51.3, 52.9, expected - 0.1])).isOffTarget).toBe(true);
  });

  it('counts decimal places over the baseline, targets and series, at most four', () => {
    expect(planDecimalPlaces(measure([1, 2.25]))).toBe(2);
    expect(planDecimalPlaces(measure([1], { baseline: { value: 0.123456, asAt: '2025-12-31' } }))).toBe(4);
    expect(planDecimalPlaces(measure([1, 2]))).toBe(0);
  });
});
