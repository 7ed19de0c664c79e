import type { Trend } from '../../shared/plan-review/rules';

const WORDS = { improving: 'Improving', worsening: 'Worsening', steady: 'No change' } as const;
const ARROWS = { improving: '▲', worsening: '▼', steady: '▶' } as const;

/** A measure's trend in words (and an arrow), judged by its own polarity; never colour alone. */
export function TrendBadge({ trend }: { trend: Trend }) {
  if (trend.direction === null) return <span className="trend trend-none">Not enough figures for a trend</span>;
  return (
    <span className={`trend trend-${trend.direction}`}>
      <span aria-hidden="true">{ARROWS[trend.direction]} </span>
      {WORDS[trend.direction]}
    </span>
  );
}
