import { useMemo, useState } from 'react';
import { measureTrend, targetCheck } from '../../shared/plan-review/rules';
import { isRag } from '../../shared/plan-review/summary';
import type { Measure } from '../../shared/plan/schema';
import { AnnotationPanel } from '../annotations/annotation-panel';
import { hrefFor, navigate } from '../app/router';
import { RagBadge } from '../components/rag-badge';
import { formatNumber } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { MeasureChart } from './measure-chart';
import { PlanReviewNav } from './plan-review-nav';
import { useMeasures, usePlanSummary } from './use-plan-review';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

const PAGE = 20;
type Show = 'all' | 'off-target' | 'worsening';

/** Which measures a filter keeps: by area (measures its actions are linked to), by trend or target, by impact RAG. */
export function filterMeasures(
  measures: readonly Measure[],
  filter: { areaMeasures: ReadonlySet<string> | null; show: Show; impact: string | null; measureId: string | null },
): Measure[] {
  return measures.filter((measure) => {
    if (filter.measureId !== null && measure.id !== filter.measureId) return false;
    if (filter.areaMeasures && !filter.areaMeasures.has(measure.id)) return false;
    if (filter.show === 'off-target' && targetCheck(measure).isOffTarget !== true) return false;
    if (filter.show === 'worsening' && measureTrend(measure).direction !== 'worsening') return false;
    if (filter.impact !== null && (measure.impactRag ?? 'none') !== filter.impact) return false;
    return true;
  });
}

/** Every measure of a plan as a chart with its figures in a table beside it. */
export function MeasuresView({ params }: { params: URLSearchParams }) {
  const planId = params.get('plan') ?? undefined;
  const area = params.get('area') || null;
  const showParam = params.get('show');
  const show: Show = showParam === 'off-target' || showParam === 'worsening' ? showParam : 'all';
  const impactParam = params.get('impact');
  const impact = impactParam && (impactParam === 'none' || isRag(impactParam)) ? impactParam : null;
  const measureId = params.get('measure') || null;
  const plan = usePlan(planId);
  const measures = useMeasures(planId);
  const summary = usePlanSummary(planId);
  const [shown, setShown] = useState(PAGE);

  const areaMeasures = useMemo(() => {
    if (!area || !summary) return null;
    return new Set(summary.areas.find((candidate) => candidate.areaId === area)?.measures ?? []);
  }, [area, summary]);
  const kept = useMemo(
    () => filterMeasures(measures ?? [], { areaMeasures, show, impact, measureId }).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [measures, areaMeasures, show, impact, measureId],
  );

  if (plan === undefined || measures === undefined) return <ViewTitle>Measures</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="Measures" />;
  }
  const update = (next: Record<string, string | undefined>) =>
    navigate('/plan/measures', {
      plan: planId,
      area: area ?? undefined,
      show: show === 'all' ? undefined : show,
      impact: impact ?? undefined,
      ...next,
    });

  return (
    <>
      <ViewTitle>{`Measures: ${plan.header.title}`}</ViewTitle>
      <PlanReviewNav planId={planId} current="measures" />
      <form className="filters" aria-label="Filter the measures" onSubmit={(event) => event.preventDefault()}>
        <div className="filter-field">
          <label htmlFor="measure-area">Area</label>
          <select id="measure-area" value={area ?? ''} onChange={(event) => update({ area: event.target.value || undefined })}>
            <option value="">All areas</option>
            {summary?.areas.map((candidate) => (
              <option key={candidate.areaId} value={candidate.areaId}>
                {candidate.ref}: {candidate.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="measure-show">Show</label>
          <select
            id="measure-show"
            value={show}
            onChange={(event) => update({ show: event.target.value === 'all' ? undefined : event.target.value })}
          >
            <option value="all">All measures</option>
            <option value="off-target">Off target</option>
            <option value="worsening">Moving the wrong way</option>
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="measure-impact">Impact RAG</label>
          <select id="measure-impact" value={impact ?? ''} onChange={(event) => update({ impact: event.target.value || undefined })}>
            <option value="">Any</option>
            <option value="red">Red</option>
            <option value="amber">Amber</option>
            <option value="green">Green</option>
            <option value="blue">Blue</option>
            <option value="grey">Grey</option>
            <option value="none">Not rated</option>
          </select>
        </div>
      </form>
      <p role="status" className="result-count">
        {formatNumber(kept.length)} of {formatNumber(measures.length)} measures
        {measureId ? (
          <>
            {' '}
            (one measure: <a href={hrefFor('/plan/measures', { plan: planId })}>show all</a>)
          </>
        ) : null}
      </p>
      <ul className="measure-list">
        {kept.slice(0, shown).map((measure) => (
          <li key={measure.id} className="card measure-card">
            <MeasureChart measure={measure} headingLevel={2} />
            <p>
              Impact RAG: <RagBadge rag={measure.impactRag} kind="impact" long /> ·{' '}
              <a href={hrefFor('/plan/actions', { plan: planId, measure: measure.id })}>Actions linked to this measure</a>
            </p>
            <AnnotationPanel
              target={{ planId, kind: 'measure', id: measure.id }}
              points={measure.series.map((point) => point.period)}
              headingLevel={3}
              label={`Notes on ${measure.name}`}
            />
          </li>
        ))}
      </ul>
      {kept.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, kept.length - shown)} more measures
        </button>
      ) : null}
    </>
  );
}
