import type { Action, ActionStatus, Measure, MeasurePolarity } from '../plan/schema';

// The rules behind plan review's figures: when an action is overdue or due soon, and how a
// measure is moving. Pure and date-injected, so the same rule serves the dashboard, the lists,
// the import (which keeps the figures up to date) and the tests.

/** Days ahead that count as "due soon" on the dashboard. */
export const DUE_SOON_DAYS = 30;

/** Statuses of actions that are finished with: never overdue, never due soon. */
const CLOSED_STATUSES: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['complete', 'embedded', 'withdrawn']);

/** True while an action still has work to do (not complete, embedded or withdrawn). */
export function isOpenStatus(status: ActionStatus): boolean {
  return !CLOSED_STATUSES.has(status);
}

/** The date an action is now due: the approved revised date where there is one, else the original. */
export function effectiveDueDate(action: Pick<Action, 'dueDate' | 'revisedDueDate'>): string {
  return action.revisedDueDate ?? action.dueDate;
}

/** Adds whole days to a `YYYY-MM-DD` date (UTC arithmetic, so no time zone can shift it). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** True when an open action's due date (revised if approved) is before today. */
export function isOverdue(action: Pick<Action, 'dueDate' | 'revisedDueDate' | 'status'>, today: string): boolean {
  return isOpenStatus(action.status) && effectiveDueDate(action) < today;
}

/** True when an open action falls due between today and `days` days ahead, inclusive. */
export function isDueSoon(
  action: Pick<Action, 'dueDate' | 'revisedDueDate' | 'status'>,
  today: string,
  days: number = DUE_SOON_DAYS,
): boolean {
  const due = effectiveDueDate(action);
  return isOpenStatus(action.status) && due >= today && due <= addDays(today, days);
}

/** The last day a series period covers: `2026-03` → 2026-03-31, `2026` → 2026-12-31. */
export function periodEnd(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  const start = new Date(`${period}-01T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() + 1, 0);
  return start.toISOString().slice(0, 10);
}

export type ReportedPoint = { period: string; value: number };

/** The reported (not suppressed) points of a series, in period order. */
export function reportedPoints(series: Measure['series']): ReportedPoint[] {
  return series
    .filter((point): point is { period: string; value: number; status: 'provisional' | 'final' } => point.value !== null)
    .map((point) => ({ period: point.period, value: point.value }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

export type Trend = {
  /** By the measure's own polarity; `steady` when unchanged; null with fewer than two reported values. */
  direction: 'improving' | 'worsening' | 'steady' | null;
  latest: ReportedPoint | null;
  previous: ReportedPoint | null;
};

/** True when moving from `from` to `to` is better for a measure of this polarity. */
export function isBetter(polarity: MeasurePolarity, from: number, to: number): boolean {
  return polarity === 'higher-is-better' ? to > from : to < from;
}

/**
 * A measure's trend: its latest reported value against the one reported before it (suppressed
 * points are skipped, provisional ones count), read by the measure's polarity, so a falling
 * waiting time is improving and a falling timeliness rate is worsening.
 */
export function measureTrend(measure: Pick<Measure, 'series' | 'polarity'>): Trend {
  const points = reportedPoints(measure.series);
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  if (!latest || !previous) return { direction: null, latest, previous };
  if (latest.value === previous.value) return { direction: 'steady', latest, previous };
  return { direction: isBetter(measure.polarity, previous.value, latest.value) ? 'improving' : 'worsening', latest, previous };
}

export type TargetCheck = {
  /** null when the measure has no reported value or no target to judge it by. */
  isOffTarget: boolean | null;
  /** The value the measure should have reached by its latest period. */
  expected: number | null;
  /** The target that value leads to. */
  target: Measure['targets'][number] | null;
};

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

/**
 * Whether a measure is off target: its latest reported value is worse (by its polarity) than
 * the trajectory from the baseline to the next target, read at the end of the latest period.
 * Past the last target date, the last target itself is the bar. A plan early in its life is
 * not "off target" merely for not yet having reached a target due next year.
 */
export function targetCheck(measure: Pick<Measure, 'series' | 'polarity' | 'baseline' | 'targets'>): TargetCheck {
  const latest = reportedPoints(measure.series).at(-1);
  const targets = [...measure.targets].sort((a, b) => a.asAt.localeCompare(b.asAt));
  if (!latest || targets.length === 0) return { isOffTarget: null, expected: null, target: null };
  const at = periodEnd(latest.period);
  const next = targets.find((target) => target.asAt >= at);
  let expected: number;
  let target: Measure['targets'][number];
  if (!next) {
    target = targets.at(-1) ?? measure.baseline;
    expected = target.value;
  } else {
    const before = [...targets].reverse().find((candidate) => candidate.asAt < at) ?? measure.baseline;
    const span = dayNumber(next.asAt) - dayNumber(before.asAt);
    const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (dayNumber(at) - dayNumber(before.asAt)) / span));
    expected = before.value + (next.value - before.value) * share;
    target = next;
  }
  // The trajectory is read to the precision the plan gives its figures (48.6, not 48.64), and the
  // verdict judged on that same figure, so a member never sees "expected 48.6%" against 48.6%.
  const places = planDecimalPlaces(measure);
  const shown = Math.round(expected * 10 ** places) / 10 ** places;
  const isOnTrack = latest.value === shown || isBetter(measure.polarity, shown, latest.value);
  return { isOffTarget: !isOnTrack, expected: shown, target };
}

function decimalPlaces(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return /e/i.test(String(value)) ? 2 : fraction.length;
}

/** The most decimal places any of a measure's own figures (baseline, targets, series) is given to. */
export function planDecimalPlaces(measure: Pick<Measure, 'series' | 'baseline' | 'targets'>): number {
  const figures = [
    measure.baseline.value,
    ...measure.targets.map((target) => target.value),
    ...measure.series.flatMap((point) => (point.value === null ? [] : [point.value])),
  ];
  return Math.min(4, Math.max(0, ...figures.map(decimalPlaces)));
}
