import { Bar, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import type { AreaSummary, RagCounts } from '../../shared/plan-review/summary';

// One picture per kind of rating: a stacked bar per area, so areas compare at a glance. Each
// segment is lettered (R, A, G, B, Gy, –), so the picture never relies on colour. It repeats
// the counts listed in each area's card, so it is hidden from screen readers.

const SEGMENTS: Array<{ key: keyof RagCounts; letter: string }> = [
  { key: 'red', letter: 'R' },
  { key: 'amber', letter: 'A' },
  { key: 'green', letter: 'G' },
  { key: 'blue', letter: 'B' },
  { key: 'grey', letter: 'Gy' },
  { key: 'none', letter: '–' },
];

/** Stacked, lettered RAG bars, one per area, for delivery or impact. */
export function RagBars({ areas, kind, title }: { areas: readonly AreaSummary[]; kind: 'delivery' | 'impact'; title: string }) {
  const data = areas.map((area) => {
    const counts = area[kind];
    const total = SEGMENTS.reduce((sum, segment) => sum + counts[segment.key], 0);
    // Shares, so an area of 40 actions and one of 4 draw bars of the same length.
    const shares = Object.fromEntries(SEGMENTS.map((segment) => [segment.key, total === 0 ? 0 : counts[segment.key] / total]));
    return { name: `Area ${area.ref}`, ...shares, counts };
  });
  const present = SEGMENTS.filter((segment) => areas.some((area) => area[kind][segment.key] > 0));
  return (
    <figure className="rag-bars" aria-hidden="true" data-testid="rag-bar">
      <figcaption className="rag-bars-title">{title}</figcaption>
      <BarChart
        width={440}
        height={36 + areas.length * 30}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
        barCategoryGap={4}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, 1]} />
        <YAxis type="category" dataKey="name" width={56} tick={{ fontSize: 12 }} />
        {present.map((segment) => (
          <Bar key={segment.key} dataKey={segment.key} stackId="rag" className={`bar-${segment.key}`} isAnimationActive={false}>
            <LabelList
              dataKey={(entry: { counts: RagCounts }) => entry.counts[segment.key]}
              position="center"
              className={`bar-label bar-label-${segment.key}`}
              formatter={(value: unknown) => (typeof value === 'number' && value > 0 ? `${segment.letter} ${value}` : '')}
            />
          </Bar>
        ))}
      </BarChart>
    </figure>
  );
}
