import os from 'node:os';

// What makes a bench figure believable on a shared machine: every figure is run several times,
// interleaved with its baseline (so both see the same load), and reported as the median with
// its spread (min–max); when the spread is wider than the distance to the goal, one run cannot
// tell a pass from a fail, and the table says so.

/** A goal: an absolute limit on the value, or a limit on its ratio to the same-run baseline. */
export type Goal = { atMost?: number; atLeast?: number; ratioAtMost?: number; ratioAtLeast?: number };

/** One figure, as printed and as written to --json (`value` is the median of `runs`). */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** Every run, in the order taken (absent for counts, which do not vary). */
  runs?: number[];
  baseline?: { name: string; value: number; runs?: number[] };
  goal?: Goal;
  note?: string;
};

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The value at `share` (0–1) of the sorted values, nearest rank. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}

/** A figure from its runs (value = median); the baseline's runs, if given, were interleaved with them. */
export function measured(
  name: string,
  unit: string,
  runs: readonly number[],
  options: { baseline?: { name: string; runs: readonly number[] }; goal?: Goal; note?: string } = {},
): Figure {
  return {
    name,
    value: median(runs),
    unit,
    runs: [...runs],
    ...(options.baseline
      ? { baseline: { name: options.baseline.name, value: median(options.baseline.runs), runs: [...options.baseline.runs] } }
      : {}),
    ...(options.goal ? { goal: options.goal } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

/** Each round's ratio to the baseline run beside it (rounds without a partner are left out). */
export function ratios(figure: Figure): number[] {
  const ours = figure.runs ?? [];
  const theirs = figure.baseline?.runs ?? [];
  return ours.flatMap((value, index) => {
    const base = theirs[index];
    return base !== undefined && base > 0 ? [value / base] : [];
  });
}

/** The ratio to the baseline: the median of the per-round ratios when interleaved, else of the medians. */
export function ratioOf(figure: Figure): number | undefined {
  const paired = ratios(figure);
  if (paired.length > 0) return median(paired);
  return figure.baseline && figure.baseline.value > 0 ? figure.value / figure.baseline.value : undefined;
}

/** Whether the figure meets its goal (undefined when it has none). */
export function meetsGoal(figure: Figure): boolean | undefined {
  const { goal } = figure;
  if (!goal) return undefined;
  const ratio = ratioOf(figure);
  const checks: boolean[] = [];
  if (goal.atMost !== undefined) checks.push(figure.value <= goal.atMost);
  if (goal.atLeast !== undefined) checks.push(figure.value >= goal.atLeast);
  if (goal.ratioAtMost !== undefined && ratio !== undefined) checks.push(ratio <= goal.ratioAtMost);
  if (goal.ratioAtLeast !== undefined && ratio !== undefined) checks.push(ratio >= goal.ratioAtLeast);
  return checks.length === 0 ? undefined : checks.every(Boolean);
}

/**
 * A warning when the runs spread wider than the median's distance from the goal: then another
 * run could land on the other side of it, and this one shows neither a pass nor a fail.
 */
export function spreadWarning(figure: Figure): string | undefined {
  const { goal } = figure;
  if (!goal) return undefined;
  const check = (values: readonly number[], limit: number | undefined, what: string): string | undefined => {
    if (limit === undefined || values.length < 2) return undefined;
    const middle = median(values);
    const spread = Math.max(...values) - Math.min(...values);
    const margin = Math.abs(limit - middle);
    return spread > margin
      ? `spread of the ${what} (${format(Math.min(...values))}–${format(Math.max(...values))}) is wider than the margin to the goal ${format(limit)} (${format(margin)})`
      : undefined;
  };
  const runs = figure.runs ?? [];
  const paired = ratios(figure);
  return (
    check(runs, goal.atMost, 'runs') ??
    check(runs, goal.atLeast, 'runs') ??
    check(paired, goal.ratioAtMost, 'ratios') ??
    check(paired, goal.ratioAtLeast, 'ratios')
  );
}

function format(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });
}

/** The spread of a figure's runs as printed: "min–max ×n", or '' for a single value. */
export function spreadText(figure: Figure): string {
  const runs = figure.runs ?? [];
  if (runs.length < 2) return '';
  return `${format(Math.min(...runs))}–${format(Math.max(...runs))} (${runs.length} runs)`;
}

/** The machine and its load, printed at start and end: a loaded machine explains slow runs. */
export function machineLoad(): string {
  const [one, five, fifteen] = os.loadavg().map((value) => value.toFixed(2));
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min), ${Math.round(os.freemem() / 2 ** 30)} of ${Math.round(os.totalmem() / 2 ** 30)} GiB free`;
}
