import { DUE_SOON_DAYS, addDays } from '../../shared/plan-review/rules';
import { RAG_ORDER, type AreaSummary, type RagCounts } from '../../shared/plan-review/summary';
import type { Rag } from '../../shared/plan/schema';
import { AnnotationPanel } from '../annotations/annotation-panel';
import { hrefFor } from '../app/router';
import { RagBadge } from '../components/rag-badge';
import { formatNumber, plural } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { PlanReviewNav } from './plan-review-nav';
import { RagBars } from './rag-bar';
import { todayIso } from './today';
import { usePlanSummary } from './use-plan-review';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

/** Where a plan stands, area by area: delivery and impact RAG (never mixed), dates and measures, each figure a link to its list. */
export function DashboardView({ planId, today = todayIso() }: { planId: string | undefined; today?: string }) {
  const plan = usePlan(planId);
  const summary = usePlanSummary(planId);
  if (plan === undefined || summary === undefined) return <ViewTitle>Dashboard</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="Dashboard" />;
  }
  const soonEnd = addDays(today, DUE_SOON_DAYS);
  const figures = (summary?.areas ?? []).map((area) => ({
    area,
    overdue: area.openDue.filter(([, due]) => due < today).length,
    dueSoon: area.openDue.filter(([, due]) => due >= today && due <= soonEnd).length,
  }));
  const totals = figures.reduce(
    (sum, figure) => ({
      overdue: sum.overdue + figure.overdue,
      dueSoon: sum.dueSoon + figure.dueSoon,
      actions: sum.actions + figure.area.actions,
    }),
    { overdue: 0, dueSoon: 0, actions: 0 },
  );
  return (
    <>
      <ViewTitle>
        Dashboard: <span dir="auto">{plan.header.title}</span>
      </ViewTitle>
      <PlanReviewNav planId={planId} current="dashboard" />
      <p className="lede">
        Revision {plan.export.revision}: {plural(totals.actions, 'action')} in {plural(figures.length, 'area')};{' '}
        <a href={hrefFor('/plan/actions', { plan: planId, overdue: '1' })}>{formatNumber(totals.overdue)} overdue</a>,{' '}
        <a href={hrefFor('/plan/actions', { plan: planId, 'due-soon': '1', sort: 'due' })}>
          {formatNumber(totals.dueSoon)} due in the next {DUE_SOON_DAYS} days
        </a>
        .
      </p>
      {summary === null ? (
        <p className="empty-state">This plan’s figures are being prepared (once, for a plan stored by an earlier version of Oversight)…</p>
      ) : null}
      {summary && summary.areas.length > 0 ? (
        <div className="dashboard-charts">
          <RagBars areas={summary.areas} kind="delivery" title="Delivery RAG of actions, by area" />
          <RagBars areas={summary.areas} kind="impact" title="Impact RAG of linked measures, by area" />
        </div>
      ) : null}
      <div className="area-grid">
        {figures.map(({ area, overdue, dueSoon }) => (
          <AreaCard key={area.areaId} planId={planId} area={area} overdue={overdue} dueSoon={dueSoon} />
        ))}
      </div>
    </>
  );
}

function AreaCard({ planId, area, overdue, dueSoon }: { planId: string; area: AreaSummary; overdue: number; dueSoon: number }) {
  const headingId = `area-${area.areaId}`;
  const list = (extra: Record<string, string>) => hrefFor('/plan/actions', { plan: planId, area: area.areaId, ...extra });
  const measures = (extra: Record<string, string>) => hrefFor('/plan/measures', { plan: planId, area: area.areaId, ...extra });
  return (
    <section className="card area-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Area {area.ref}: {area.title}
      </h2>
      <p className="area-ratings">
        Area delivery: <RagBadge rag={area.deliveryRag} kind="delivery" /> · Area impact: <RagBadge rag={area.impactRag} kind="impact" />
      </p>
      <div className="rating-columns">
        <div>
          <h3>Delivery RAG of its {plural(area.actions, 'action')}</h3>
          <RagCountList counts={area.delivery} kind="delivery" hrefFor={(rag) => (rag === 'none' ? null : list({ rag }))} />
        </div>
        <div>
          <h3>Impact RAG of its {plural(area.measures.length, 'linked measure')}</h3>
          <RagCountList counts={area.impact} kind="impact" hrefFor={(rag) => measures({ impact: rag })} />
        </div>
      </div>
      <ul className="figure-list">
        <Figure value={overdue} label="overdue" href={list({ overdue: '1', sort: 'due' })} isAlert={overdue > 0} />
        <Figure value={dueSoon} label={`due in the next ${DUE_SOON_DAYS} days`} href={list({ 'due-soon': '1', sort: 'due' })} />
        <Figure value={area.revisedDue} label="with a revised due date" href={list({ revised: '1' })} />
        <Figure
          value={area.measuresOffTarget.length}
          label={area.measuresOffTarget.length === 1 ? 'measure off target' : 'measures off target'}
          href={measures({ show: 'off-target' })}
          isAlert={area.measuresOffTarget.length > 0}
        />
        <Figure
          value={area.measuresWorsening.length}
          label={area.measuresWorsening.length === 1 ? 'measure moving the wrong way' : 'measures moving the wrong way'}
          href={measures({ show: 'worsening' })}
          isAlert={area.measuresWorsening.length > 0}
        />
      </ul>
      <AnnotationPanel target={{ planId, kind: 'area', id: area.areaId }} headingLevel={3} label={`Notes on area ${area.ref}`} />
    </section>
  );
}

function Figure({ value, label, href, isAlert = false }: { value: number; label: string; href: string; isAlert?: boolean }) {
  return (
    <li className={isAlert ? 'figure figure-alert' : 'figure'}>
      <a href={href}>
        <span className="figure-value">{formatNumber(value)}</span> <span className="figure-label">{label}</span>
      </a>
    </li>
  );
}

function RagCountList({
  counts,
  kind,
  hrefFor: linkFor,
}: {
  counts: RagCounts;
  kind: 'delivery' | 'impact';
  hrefFor: (rag: Rag | 'none') => string | null;
}) {
  const present = RAG_ORDER.filter((rag) => counts[rag] > 0);
  if (present.length === 0) return <p className="muted">None</p>;
  return (
    <ul className="rag-counts">
      {present.map((rag) => {
        const href = linkFor(rag);
        const content = (
          <>
            {rag === 'none' ? <RagBadge rag={null} kind={kind} /> : <RagBadge rag={rag} kind={kind} />}{' '}
            <span className="rag-count">{formatNumber(counts[rag])}</span>
          </>
        );
        return <li key={rag}>{href ? <a href={href}>{content}</a> : content}</li>;
      })}
    </ul>
  );
}
