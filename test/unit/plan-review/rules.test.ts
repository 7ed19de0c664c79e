import { describe, expect, it } from 'vitest';
import { addDays, effectiveDueDate, isDueSoon, isOverdue, measureTrend, periodEnd, targetCheck } from '../../../shared/plan-review/rules';
import type { Measure } from '../../../shared/plan/schema';

const today = '2026-03-15';

function measure(polarity: Measure['polarity'], values: Array<number | null>, extra: Partial<Measure> = {}): Measure {
  return {
    id: 'm',
    name: 'Measure',
    unit: 'percent',
    polarity,
    frequency: 'monthly',
    source: 'x',
    baseline: { value: 20, asAt: '2025-12-31' },
    targets: [],
    benchmarks: [],
    series: values.map((value, index) => ({ period: `2026-0${index + 1}`, value, status: 'final' as const })),
    ...extra,
  };
}

describe('due dates', () => {
  it('uses the approved revised date over the original', () => {
    expect(effectiveDueDate({ dueDate: '2026-01-31', revisedDueDate: '2026-04-30' })).toBe('2026-04-30');
    expect(effectiveDueDate({ dueDate: '2026-01-31' })).toBe('2026-01-31');
  });

  it('counts an open action as overdue from the day after its due date, by the revised date where there is one', () => {
    expect(isOverdue({ dueDate: '2026-03-14', status: 'in-progress' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-15', status: 'in-progress' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-31', revisedDueDate: '2026-04-30', status: 'in-progress' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'not-started' }, today)).toBe(true);
  });

  it('never counts finished actions as overdue or due soon', () => {
    for (const status of ['complete', 'embedded', 'withdrawn'] as const) {
      expect(isOverdue({ dueDate: '2025-01-01', status }, today)).toBe(false);
      expect(isDueSoon({ dueDate: '2026-03-20', status }, today)).toBe(false);
    }
  });

  it('counts due soon from today to 30 days ahead inclusive', () => {
    expect(isDueSoon({ dueDate: today, status: 'in-progress' }, today)).toBe(true);
    expect(isDueSoon({ dueDate: addDays(today, 30), status: 'in-progress' }, today)).toBe(true);
    expect(isDueSoon({ dueDate: addDays(today, 31), status: 'in-progress' }, today)).toBe(false);
    expect(isDueSoon({ dueDate: '2026-03-14', status: 'in-progress' }, today)).toBe(false);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(periodEnd('2026')).toBe('2026-12-31');
  });
});

describe('trend, read by the measure’s own polarity', () => {
  it('higher is better: rising is improving, falling is worsening', () => {
    expect(measureTrend(measure('higher-is-better', [30, 35])).direction).toBe('improving');
    expect(measureTrend(measure('higher-is-better', [35, 30])).direction).toBe('worsening');
  });

  it('lower is better: falling is improving, rising is worsening', () => {
    expect(measureTrend(measure('lower-is-better', [30, 25])).direction).toBe('improving');
    expect(measureTrend(measure('lower-is-better', [25, 30])).direction).toBe('worsening');
  });

  it('says "steady" for no change and gives no trend with fewer than two reported values', () => {
    expect(measureTrend(measure('lower-is-better', [25, 25])).direction).toBe('steady');
    expect(measureTrend(measure('lower-is-better', [25])).direction).toBeNull();
    expect(measureTrend(measure('lower-is-better', [null, 25, null])).direction).toBeNull();
  });

  it('skips suppressed points and compares with the last reported value', () => {
    const trend = measureTrend(measure('higher-is-better', [40, null, 35]));
    expect(trend).toMatchObject({
      direction: 'worsening',
      previous: { period: '2026-01', value: 40 },
      latest: { period: '2026-03', value: 35 },
    });
  });
});

describe('off target', () => {
  const targets = [
    { value: 60, asAt: '2026-12-31' },
    { value: 80, asAt: '2027-12-31' },
  ];

  it('judges the latest value against the trajectory from the baseline to the next target', () => {
    // Baseline 20 at the end of 2025, target 60 at the end of 2026: about 30 expected by the end of March.
    const behind = targetCheck(measure('higher-is-better', [22, 25, 26], { targets }));
    expect(behind.isOffTarget).toBe(true);
    expect(behind.expected).toBeCloseTo(29.7, 0);
    expect(targetCheck(measure('higher-is-better', [22, 25, 31], { targets })).isOffTarget).toBe(false);
  });

  it('reads the trajectory the other way for lower-is-better measures', () => {
    const lower = { baseline: { value: 60, asAt: '2025-12-31' }, targets: [{ value: 20, asAt: '2026-12-31' }] };
    expect(targetCheck(measure('lower-is-better', [58, 55, 45], lower)).isOffTarget).toBe(false);
    expect(targetCheck(measure('lower-is-better', [58, 55, 56], lower)).isOffTarget).toBe(true);
  });

  it('uses the last target itself once its date has passed, and gives no verdict without a target or a value', () => {
    const late = measure('higher-is-better', [70], {
      targets: [{ value: 75, asAt: '2025-12-31' }],
      baseline: { value: 10, asAt: '2024-12-31' },
    });
    expect(targetCheck(late)).toMatchObject({ isOffTarget: true, expected: 75 });
    expect(targetCheck(measure('higher-is-better', [70])).isOffTarget).toBeNull();
    expect(targetCheck(measure('higher-is-better', [null], { targets })).isOffTarget).toBeNull();
  });
});
