import { useMemo } from 'react';
import { partnerSummaries } from '../../shared/plan-review/partners';
import { measureTrend, targetCheck } from '../../shared/plan-review/rules';
import { RAG_VALUES, type Rag } from '../../shared/plan/schema';
import { hrefFor } from '../app/router';
import { RagBadge } from '../components/rag-badge';
import { formatDate, plural } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { PlanReviewNav } from './plan-review-nav';
import { todayIso } from './today';
import { useActionJudgements, useActionRows, useMeasures, usePlanParties } from './use-plan-review';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

const ORGANISATION_KINDS: Record<string, string> = {
  'local-authority': 'Local authority',
  icb: 'Integrated care board',
  ccg: 'Clinical commissioning group',
  'parent-carer-forum': 'Parent carer forum',
  provider: 'Provider',
  school: 'School',
  government: 'Government',
  other: 'Other',
};
const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue', grey: 'Grey' };
const LISTED = 5;

/**
 * By partner: each organisation held to account for its own part of the plan: its actions and
 * their delivery, what is overdue or has slipped, the measures its actions serve, and the board's
 * latest judgements on them. An action counts for every organisation it involves.
 */
export function PartnersView({ params, today = todayIso() }: { params: URLSearchParams; today?: string }) {
  const planId = params.get('plan') ?? undefined;
  const plan = usePlan(planId);
  const rows = useActionRows(planId);
  const planParties = usePlanParties(planId, true);
  const measures = useMeasures(planId);
  const judgements = useActionJudgements(planId);

  const summaries = useMemo(
    () => (rows && planParties?.parties ? partnerSummaries(rows.rows, planParties.parties, planParties.organisations, today) : undefined),
    [rows, planParties, today],
  );
  const measuresById = useMemo(() => new Map((measures ?? []).map((measure) => [measure.id, measure])), [measures]);

  if (plan === undefined) return <ViewTitle>By partner</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="By partner" />;
  }

  return (
    <>
      <ViewTitle>By partner</ViewTitle>
      <PlanReviewNav planId={planId} current="partners" />
      <p>
        Each partner’s own actions: those it is a partner in, or whose lead or senior responsible officer works for it. An action shared by
        several partners counts for each.
      </p>
      {summaries === undefined ? <p role="status">Loading…</p> : null}
      {summaries && summaries.length === 0 ? <p className="empty-state">No action names a partner organisation.</p> : null}
      {summaries?.map((summary) => {
        const { organisation } = summary;
        const headingId = `partner-${organisation.id}`;
        const linked = summary.measureIds.flatMap((id) => {
          const measure = measuresById.get(id);
          return measure ? [measure] : [];
        });
        const offTarget = linked.filter((measure) => targetCheck(measure).isOffTarget === true).length;
        const worsening = linked.filter((measure) => measureTrend(measure).direction === 'worsening').length;
        const actionIds = new Set(summary.actions.map((row) => row.id));
        const theirJudgements = (judgements ?? []).filter((judgement) => actionIds.has(judgement.actionId)).slice(0, LISTED);
        return (
          <section key={organisation.id} className="partner" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {organisation.name} <span className="muted">({ORGANISATION_KINDS[organisation.kind] ?? organisation.kind})</span>
            </h2>
            <p>
              <a href={hrefFor('/plan/actions', { plan: planId, partner: organisation.id })}>{plural(summary.actions.length, 'action')}</a>.
              Delivery:{' '}
              {RAG_VALUES.filter((rag) => summary.delivery[rag] > 0)
                .map((rag) => `${RAG_WORDS[rag]} ${summary.delivery[rag]}`)
                .join(', ')}
              .{' '}
              <a href={hrefFor('/plan/actions', { plan: planId, partner: organisation.id, overdue: '1' })}>
                {plural(summary.overdue.length, 'overdue action')}
              </a>
              ,{' '}
              <a href={hrefFor('/plan/actions', { plan: planId, partner: organisation.id, revised: '1' })}>
                {plural(summary.revised.length, 'revised due date')}
              </a>
              . Measures its actions serve: {linked.length} ({offTarget} off target, {worsening} getting worse).
            </p>
            {summary.overdue.length > 0 ? (
              <>
                <h3>Overdue</h3>
                <ul>
                  {summary.overdue.slice(0, LISTED).map((row) => (
                    <li key={row.id}>
                      <a href={hrefFor('/plan/action', { plan: planId, id: row.id })}>
                        {row.ref} {row.title}
                      </a>{' '}
                      <RagBadge rag={row.deliveryRag} /> due {formatDate(row.revisedDueDate ?? row.dueDate)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3>The board’s latest judgements on its actions</h3>
            {theirJudgements.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul>
                {theirJudgements.map((judgement, index) => (
                  <li key={`${judgement.actionId}-${index}`}>
                    {formatDate(judgement.meetingDate)}, {judgement.label}: <strong>{judgement.level}</strong>. {judgement.reason}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
