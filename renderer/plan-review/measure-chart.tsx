import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { measureTrend, targetCheck } from '../../shared/plan-review/rules';
import type { Measure } from '../../shared/plan/schema';
import { formatDate, formatNumber, formatPeriod } from '../format';
import { TrendBadge } from './trend-badge';
import './plan-review.css';

// One measure as a line chart (recharts: SVG drawn by React, no injected styles, so it runs
// under the app's CSP) with the same figures beside it as a table. The chart is a picture of
// the table: screen readers get the table and a one-line summary, not the SVG.

const UNIT_SUFFIX: Record<Measure['unit'], string> = {
  percent: '%',
  count: '',
  'rate-per-1000': ' per 1,000',
  weeks: ' weeks',
  days: ' days',
};

/** A measure's value with its unit, e.g. "42.7%" or "18 weeks". */
export function valueWithUnit(measure: Pick<Measure, 'unit'>, value: number): string {
  return `${formatNumber(value)}${UNIT_SUFFIX[measure.unit]}`;
}

type ChartPoint = { period: string; label: string; value: number | null; provisional: number | null };

function chartPoints(measure: Measure): ChartPoint[] {
  return [...measure.series]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((point) => ({
      period: point.period,
      label: formatPeriod(point.period),
      value: point.value,
      provisional: point.status === 'provisional' ? point.value : null,
    }));
}

function ProvisionalDot(props: { cx?: number; cy?: number; payload?: ChartPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.provisional === null || payload?.provisional === undefined) return null;
  return <circle cx={cx} cy={cy} r={5} className="chart-provisional-dot" />;
}

function FinalDot(props: { cx?: number; cy?: number; payload?: ChartPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.value === null || payload?.provisional !== null) return null;
  return <circle cx={cx} cy={cy} r={3} className="chart-final-dot" />;
}

/** A measure's chart, its summary in words, and its figures as an accessible table. */
export function MeasureChart({ measure, headingLevel = 3 }: { measure: Measure; headingLevel?: 2 | 3 }) {
  const points = chartPoints(measure);
  const trend = measureTrend(measure);
  const check = targetCheck(measure);
  const values = [
    ...points.map((point) => point.value).filter((value): value is number => value !== null),
    measure.baseline.value,
    ...measure.targets.map((target) => target.value),
    ...measure.benchmarks.map((benchmark) => benchmark.value),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, (high - low) * 0.1);
  const domain: [number, number] = [Math.max(0, Math.floor(low - pad)), Math.ceil(high + pad)];
  // Benchmarks are often close (England 46.4, statistical neighbours 44.1): from the highest
  // down, labels go alternately above and below their line, so neighbours' labels never overprint.
  const benchmarksTopDown = [...measure.benchmarks].sort((a, b) => b.value - a.value);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tableId = `measure-table-${measure.id}`;
  const polarity = measure.polarity === 'higher-is-better' ? 'higher is better' : 'lower is better';

  return (
    <figure className="measure-figure" aria-labelledby={`measure-title-${measure.id}`}>
      <Heading id={`measure-title-${measure.id}`} className="measure-title">
        {measure.name}
      </Heading>
      <p className="measure-summary">
        <TrendBadge trend={trend} />{' '}
        {trend.latest ? (
          <>
            Latest {valueWithUnit(measure, trend.latest.value)} ({formatPeriod(trend.latest.period)})
            {trend.previous ? `, was ${valueWithUnit(measure, trend.previous.value)} (${formatPeriod(trend.previous.period)})` : ''};{' '}
            {polarity}.
          </>
        ) : (
          <>No figures reported yet; {polarity}.</>
        )}{' '}
        {check.isOffTarget === true ? (
          <strong className="off-target">
            Off target: expected {valueWithUnit(measure, check.expected ?? 0)} by now on the way to{' '}
            {valueWithUnit(measure, check.target?.value ?? 0)} by {formatDate(check.target?.asAt)}.
          </strong>
        ) : check.isOffTarget === false ? (
          <span>
            On target: at or better than the {valueWithUnit(measure, check.expected ?? 0)} expected by now on the way to{' '}
            {valueWithUnit(measure, check.target?.value ?? 0)} by {formatDate(check.target?.asAt)}.
          </span>
        ) : null}
      </p>
      <div className="measure-body">
        <div className="chart-box" aria-hidden="true" data-testid="measure-chart">
          <LineChart width={560} height={260} data={points} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid className="chart-grid" strokeDasharray="2 4" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis domain={domain} tick={{ fontSize: 12 }} width={48} />
            <ReferenceLine
              y={measure.baseline.value}
              className="chart-baseline"
              strokeDasharray="6 3"
              label={{ value: `Baseline ${formatNumber(measure.baseline.value)}`, position: 'insideBottomLeft', fontSize: 12 }}
            />
            {measure.targets.map((target) => (
              <ReferenceLine
                key={`target-${target.asAt}`}
                y={target.value}
                className="chart-target"
                strokeDasharray="2 2"
                label={{
                  value: `Target ${formatNumber(target.value)} by ${formatPeriod(target.asAt.slice(0, 7))}`,
                  position: 'insideTopRight',
                  fontSize: 12,
                }}
              />
            ))}
            {benchmarksTopDown.map((benchmark, index) => (
              <ReferenceLine
                key={`benchmark-${benchmark.label}`}
                y={benchmark.value}
                className="chart-benchmark"
                strokeDasharray="8 4 2 4"
                label={{
                  value: `${benchmark.label} ${formatNumber(benchmark.value)}`,
                  position: index % 2 === 0 ? 'insideBottomLeft' : 'insideTopLeft',
                  fontSize: 12,
                }}
              />
            ))}
            {/* Suppressed points have no value: connectNulls off leaves a gap there. */}
            <Line
              type="linear"
              dataKey="value"
              className="chart-line"
              connectNulls={false}
              dot={<FinalDot />}
              activeDot={false}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="provisional"
              className="chart-provisional"
              stroke="none"
              dot={<ProvisionalDot />}
              activeDot={false}
              isAnimationActive={false}
              legendType="none"
            />
          </LineChart>
          <p className="chart-key">
            <span className="key key-line">figures</span> <span className="key key-provisional">provisional</span>{' '}
            <span className="key key-baseline">baseline</span> <span className="key key-target">target</span>{' '}
            <span className="key key-benchmark">benchmark</span> · a gap marks a suppressed figure
          </p>
        </div>
        <div className="table-scroll measure-table" tabIndex={0} role="region" aria-label={`Figures: ${measure.name}`}>
          <table className="data-table" id={tableId}>
            <caption>Figures: {measure.name}</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Value</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.period}>
                  <th scope="row">{point.label}</th>
                  <td>{point.value === null ? 'Suppressed' : valueWithUnit(measure, point.value)}</td>
                  <td>{point.value === null ? 'Suppressed (small number)' : point.provisional !== null ? 'Provisional' : 'Final'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="facts measure-facts">
            <div className="fact-pair">
              <dt>Baseline</dt>
              <dd>
                {valueWithUnit(measure, measure.baseline.value)} at {formatDate(measure.baseline.asAt)}
              </dd>
            </div>
            {measure.targets.map((target) => (
              <div key={target.asAt} className="fact-pair">
                <dt>Target</dt>
                <dd>
                  {valueWithUnit(measure, target.value)} by {formatDate(target.asAt)}
                </dd>
              </div>
            ))}
            {measure.benchmarks.map((benchmark) => (
              <div key={benchmark.label} className="fact-pair">
                <dt>{benchmark.label}</dt>
                <dd>
                  {valueWithUnit(measure, benchmark.value)} ({benchmark.period})
                </dd>
              </div>
            ))}
            <div className="fact-pair">
              <dt>Source</dt>
              <dd>{measure.source}</dd>
            </div>
          </dl>
        </div>
      </div>
    </figure>
  );
}
