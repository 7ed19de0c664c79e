import { hrefFor } from '../app/router';
import { formatDate, plural } from '../format';
import { usePlans } from '../hooks/use-plan-data';
import { RemovePlanButton } from '../removal/remove-buttons';
import { useSamplePlanIds } from '../hooks/use-sample';
import { SampleTag } from '../components/sample-tag';
import { ViewTitle } from '../components/view-title';
import { BoardSwitcher } from '../meetings/board-switcher';
import { MovePlanForm } from './move-plan';

const KIND_LABELS: Record<string, string> = {
  'written-statement-of-action': 'Written statement of action',
  'accelerated-progress-plan': 'Accelerated progress plan',
  'priority-action-plan': 'Priority action plan',
  'improvement-plan': 'Improvement plan',
};

const APPROVAL_LABELS: Record<string, string> = {
  draft: 'Draft',
  'board-agreed': 'Agreed by the board',
  'dfe-nhse-agreed': 'Agreed by DfE and NHS England',
  'fit-for-purpose': 'Judged fit for purpose',
};

/** The open board's plans held on this laptop (imports file a plan under the open board), side by side, each with its latest revision and what changed in it. */
export function PlanView() {
  const plans = usePlans();
  const samples = useSamplePlanIds();
  return (
    <section aria-labelledby="view-title">
      <ViewTitle>Plans</ViewTitle>
      <BoardSwitcher />
      {plans === undefined ? <p>Loading…</p> : null}
      {plans?.length === 0 ? (
        <p className="empty-state">
          No plan has been imported yet. Save a plan file into the inbox folder, or go to <a href="#/imports">Imports</a> to choose one.
        </p>
      ) : null}
      <div className="card-list">
        {plans?.map((plan) => {
          const latest = plan.revisions.at(-1);
          return (
            <article key={plan.id} className="card" aria-labelledby={`plan-${plan.id}`}>
              <h2 id={`plan-${plan.id}`}>
                <span dir="auto">{plan.header.title}</span>
              </h2>
              <p className="card-subtitle">
                {plan.header.localArea} · {KIND_LABELS[plan.header.kind] ?? plan.header.kind}
                {samples?.has(plan.id) ? <SampleTag /> : null}
              </p>
              <dl className="facts">
                <dt>Revision</dt>
                <dd>
                  {plan.export.revision}
                  {plan.export.versionLabel ? ` (version ${plan.export.versionLabel})` : ''}
                </dd>
                <dt>Exported</dt>
                <dd>
                  {formatDate(plan.export.exportedAt)} from {plan.export.sourceSystem}
                </dd>
                {plan.export.approvalState ? (
                  <>
                    <dt>Status</dt>
                    <dd>{APPROVAL_LABELS[plan.export.approvalState]}</dd>
                  </>
                ) : null}
                <dt>Contents</dt>
                <dd>
                  {plural(plan.counts.areas, 'area')}, {plural(plan.counts.actions, 'action')}, {plural(plan.counts.measures, 'measure')},{' '}
                  {plural(plan.counts.risks, 'risk')}
                </dd>
              </dl>
              <p>
                <a href={hrefFor('/plan/dashboard', { plan: plan.id })}>
                  Dashboard<span className="visually-hidden">: {plan.header.title}</span>
                </a>
              </p>
              {latest ? (
                <p>
                  <a href={hrefFor('/plan/changes', { plan: plan.id, import: latest.importId })}>
                    What changed in revision {latest.revision}
                  </a>
                </p>
              ) : null}
              <MovePlanForm planId={plan.id} title={plan.header.title} />
              <RemovePlanButton planId={plan.id} title={plan.header.title} revisions={plan.revisions.length} />
            </article>
          );
        })}
      </div>
    </section>
  );
}
