import { useEffect, useState } from 'react';
import { isOverdue } from '../../shared/plan-review/rules';
import type { Evidence, Rag } from '../../shared/plan/schema';
import { useServices } from '../app/context';
import { RagBadge } from '../components/rag-badge';
import { formatDate, formatDateTime, formatPeriod } from '../format';
import { fieldLabel, linkedListChange, newUpdates, valueText } from '../plan/change-text';
import { DueDate } from './actions-view';
import { AnnotationPanel } from '../annotations/annotation-panel';
import { lastListHref } from './list-memory';
import { MeasureChart } from './measure-chart';
import { PlanReviewNav } from './plan-review-nav';
import { todayIso } from './today';
import { useActionDetail, type ActionDetail } from './use-plan-review';
import { voiceFor } from '../../shared/voice/schema';
import { useVoiceRecords } from '../voice/use-voice';
import { VoiceSummary } from '../voice/voice-view';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';
import { DataTable } from '../components/data-table';

const EVIDENCE_TYPES: Record<Evidence['type'], string> = {
  audit: 'Audit',
  minutes: 'Minutes',
  survey: 'Survey',
  policy: 'Policy',
  dataset: 'Dataset',
  letter: 'Letter',
  report: 'Report',
  other: 'Other',
};

/** One action in full: every field of the plan file, its history, measures, evidence, risks and annotations. */
export function ActionView({ params, today = todayIso() }: { params: URLSearchParams; today?: string }) {
  const planId = params.get('plan') ?? undefined;
  const actionId = params.get('id') ?? undefined;
  const focusUpdate = params.get('update') ?? undefined;
  const detail = useActionDetail(planId, actionId);

  useEffect(() => {
    if (!detail || !focusUpdate) return;
    document.getElementById(`update-${focusUpdate}`)?.scrollIntoView({ block: 'center' });
  }, [detail, focusUpdate]);

  if (detail === undefined) return <ViewTitle>Action</ViewTitle>;
  if (detail === null || !planId) {
    return <NotOnThisLaptop thing="action" title="Action not found" />;
  }
  const { action, record } = detail;
  return (
    <>
      <ViewTitle>{`${action.ref} ${action.title}`}</ViewTitle>
      <PlanReviewNav planId={planId} current={null} />
      <p>
        <a href={lastListHref(planId)}>Back to the actions</a>
      </p>
      {record.archivedInRevision !== null ? (
        <p className="empty-state">
          This action was removed from the plan in revision {record.archivedInRevision}. It is shown as it last stood.
        </p>
      ) : null}
      <Facts detail={detail} today={today} />
      <FamiliesVoice planId={planId} actionId={action.id} areaId={action.areaId} />
      {action.description ? (
        <section className="review-section" aria-labelledby="description-title">
          <h2 id="description-title">Description</h2>
          <p>{action.description}</p>
        </section>
      ) : null}
      <section className="review-section" aria-labelledby="criteria-title">
        <h2 id="criteria-title">Success criteria</h2>
        {action.successCriteria.length === 0 ? (
          <p className="muted">None given.</p>
        ) : (
          <ul>
            {action.successCriteria.map((criterion) => (
              <li key={criterion}>{criterion}</li>
            ))}
          </ul>
        )}
      </section>
      <Milestones detail={detail} today={today} />
      <Updates detail={detail} focusUpdate={focusUpdate} />
      <section className="review-section" aria-labelledby="measures-title">
        <h2 id="measures-title">Linked measures</h2>
        {detail.measures.length === 0 ? <p className="muted">No measures are linked to this action.</p> : null}
        {detail.measures.map((measure) => (
          <MeasureChart key={measure.id} measure={measure} />
        ))}
      </section>
      <EvidenceList planId={planId} evidence={detail.evidence} />
      <Risks detail={detail} />
      <LatestChange detail={detail} />
      <AnnotationPanel target={{ planId, kind: 'action', id: action.id }} />
    </>
  );
}

function Facts({ detail, today }: { detail: ActionDetail; today: string }) {
  const { action, record, area, owners, organisations } = detail;
  const role = (id: string | undefined) => (id ? (owners.get(id)?.role ?? id) : 'None named');
  return (
    <dl className="facts action-facts">
      <dt>Reference</dt>
      <dd>{action.ref}</dd>
      <dt>Area</dt>
      <dd>{area ? `${area.ref}: ${area.title}` : action.areaId}</dd>
      <dt>Status</dt>
      <dd>{valueText('status', action.status)}</dd>
      <dt>Delivery RAG</dt>
      <dd>
        <RagBadge rag={action.deliveryRag} kind="delivery" long />
      </dd>
      <dt>Lead</dt>
      <dd>{role(action.leadId)}</dd>
      <dt>Senior responsible officer</dt>
      <dd>{role(action.sroId)}</dd>
      <dt>Partners</dt>
      <dd>{action.partnerOrgIds.length === 0 ? 'None' : action.partnerOrgIds.map((id) => organisations.get(id)?.name ?? id).join('; ')}</dd>
      <dt>Start date</dt>
      <dd>{formatDate(action.startDate)}</dd>
      <dt>Due</dt>
      <dd>
        <DueDate dueDate={action.dueDate} revisedDueDate={action.revisedDueDate} />
        {isOverdue(action, today) ? <span className="overdue-tag">Overdue</span> : null}
        {action.revisedDueDate ? (
          <span className="muted"> (revision approved by {action.revisionApprovedBy ?? 'no one recorded'})</span>
        ) : null}
      </dd>
      <dt>In the plan</dt>
      <dd>
        Since revision {record.addedInRevision}; last changed in revision {record.changedInRevision}
      </dd>
    </dl>
  );
}

function Milestones({ detail, today }: { detail: ActionDetail; today: string }) {
  return (
    <section className="review-section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">Milestones</h2>
      <DataTable
        caption="Milestones of this action"
        isCaptionHidden
        columns={['Milestone', 'Due', 'Achieved']}
        rows={detail.milestones}
        empty="No milestones."
        emptyClassName="muted"
      >
        {(milestone) => (
          <tr key={milestone.id}>
            <td>{milestone.title}</td>
            <td>{formatDate(milestone.dueDate)}</td>
            <td>
              {milestone.achievedOn ? (
                formatDate(milestone.achievedOn)
              ) : milestone.dueDate < today ? (
                <span className="overdue-tag">Not achieved, overdue</span>
              ) : (
                'Not yet'
              )}
            </td>
          </tr>
        )}
      </DataTable>
      {detail.milestones.map((milestone) => (
        <details key={milestone.id} className="milestone-notes">
          <summary>Notes on the milestone “{milestone.title}”</summary>
          <AnnotationPanel
            target={{ planId: detail.record.planId, kind: 'milestone', id: milestone.id }}
            headingLevel={3}
            label={`Notes on “${milestone.title}”`}
          />
        </details>
      ))}
    </section>
  );
}

function Updates({ detail, focusUpdate }: { detail: ActionDetail; focusUpdate: string | undefined }) {
  const updates = [...detail.action.updates].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <section className="review-section" aria-labelledby="updates-title">
      <h2 id="updates-title">Progress updates</h2>
      {updates.length === 0 ? (
        <p className="muted">No progress updates yet.</p>
      ) : (
        <ol className="timeline">
          {updates.map((update, index) => (
            <li
              key={`${update.period}-${index}`}
              id={`update-${update.period}`}
              className={focusUpdate === update.period ? 'timeline-item timeline-focus' : 'timeline-item'}
            >
              <h3 className="timeline-period">
                {formatPeriod(update.period)} <RagBadge rag={update.deliveryRag} kind="delivery" />
              </h3>
              <p>{update.narrative}</p>
              <p className="muted timeline-submitted">
                Submitted {update.submittedAt.length === 10 ? formatDate(update.submittedAt) : formatDateTime(update.submittedAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The last part of an evidence path, as the OS would name the file. */
function evidenceFileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function EvidenceList({ planId, evidence }: { planId: string; evidence: Evidence[] }) {
  const { api } = useServices();
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  // The file's name is shown, and confirmed, before the OS is asked to open it: the member sees
  // what will open (a ".pdf.bat" would be plain to see, though main refuses it anyway).
  const [confirming, setConfirming] = useState<string | null>(null);

  async function open(item: Evidence) {
    setConfirming(null);
    setMessage(null);
    const result = await api.call('evidence:open', { planId, evidenceId: item.id });
    setMessage(result.ok ? { text: `Opened ${result.value.fileName}.`, isError: false } : { text: result.error.message, isError: true });
  }

  return (
    <section className="review-section" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      {evidence.length === 0 ? (
        <p className="muted">No evidence is linked to this action.</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> ({EVIDENCE_TYPES[item.type]}, {formatDate(item.date)}, {item.marking})
              <div>
                {item.file && confirming === item.id ? (
                  <div role="group" aria-label={`Open ${evidenceFileName(item.file)}?`} className="evidence-confirm">
                    <p>
                      Open <strong>{evidenceFileName(item.file)}</strong> with the program your computer uses for it?
                    </p>
                    <button type="button" onClick={() => void open(item)}>
                      Open {evidenceFileName(item.file)}
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                ) : item.file ? (
                  <button type="button" className="secondary" onClick={() => setConfirming(item.id)}>
                    Open file <span className="visually-hidden">{item.title}</span>
                  </button>
                ) : (
                  <span className="muted">No file attached</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={message?.isError ? 'error-text' : undefined}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

function Risks({ detail }: { detail: ActionDetail }) {
  return (
    <section className="review-section" aria-labelledby="risks-title">
      <h2 id="risks-title">Risks</h2>
      {detail.risks.length === 0 ? (
        <p className="muted">No risks are linked to this action.</p>
      ) : (
        <ul className="risk-list">
          {detail.risks.map((risk) => (
            <li key={risk.id}>
              <strong>{risk.description}</strong>
              <div>
                Likelihood {risk.likelihood} of 5, impact {risk.impact} of 5 (score {risk.likelihood * risk.impact}); owner{' '}
                {detail.owners.get(risk.ownerId)?.role ?? risk.ownerId}.
              </div>
              <div>Mitigation: {risk.mitigation}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The names of the records an action links to, by field, for "what changed" (a record unlinked
// in this revision is no longer loaded, so its id is shown instead).
const LINKED_NAMES: Partial<Record<string, (detail: ActionDetail) => Map<string, string>>> = {
  evidenceIds: (detail) => new Map(detail.evidence.map((item) => [item.id, item.title])),
  measureIds: (detail) => new Map(detail.measures.map((item) => [item.id, item.name])),
  riskIds: (detail) => new Map(detail.risks.map((item) => [item.id, item.description])),
  partnerOrgIds: (detail) => new Map([...detail.organisations.values()].map((item) => [item.id, item.name])),
};

function LatestChange({ detail }: { detail: ActionDetail }) {
  const { record, latestRevision, latestChange } = detail;
  let body;
  if (record.addedInRevision === latestRevision) body = <p>This action is new in revision {latestRevision}.</p>;
  else if (record.archivedInRevision === latestRevision) body = <p>This action was removed in revision {latestRevision}.</p>;
  else if (!latestChange || latestChange.fields.length === 0) body = <p>Nothing about this action changed in revision {latestRevision}.</p>;
  else {
    body = (
      <ul>
        {latestChange.fields.map((field) => {
          if (field.field === 'updates') {
            const added = newUpdates(field);
            return (
              <li key={field.field}>
                {added.length > 0
                  ? `New progress update for ${added.map((update) => formatPeriod(update.period)).join(', ')}`
                  : 'Progress updates were edited'}
              </li>
            );
          }
          if (field.field === 'deliveryRag') {
            return (
              <li key={field.field}>
                Delivery RAG: <RagBadge rag={field.before as Rag | null} /> → <RagBadge rag={field.after as Rag | null} />
              </li>
            );
          }
          if (LINKED_NAMES[field.field]) {
            const names = LINKED_NAMES[field.field]?.(detail) ?? new Map<string, string>();
            return (
              <li key={field.field}>
                {fieldLabel(field.field)}: {linkedListChange(field.before, field.after, (id) => names.get(id))}
              </li>
            );
          }
          const before = valueText(field.field, field.before);
          const after = valueText(field.field, field.after);
          return (
            <li key={field.field}>
              {fieldLabel(field.field)}
              {before.length + after.length > 200 ? ' was reworded' : `: ${before} → ${after}`}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section className="review-section" aria-labelledby="latest-change-title">
      <h2 id="latest-change-title">What changed in revision {latestRevision}</h2>
      {body}
    </section>
  );
}

/** What families said about this action or its area, and how the action was co-produced. */
function FamiliesVoice({ planId, actionId, areaId }: { planId: string; actionId: string; areaId: string }) {
  const records = useVoiceRecords(planId);
  const linked = voiceFor(records ?? [], { actionId, areaId });
  if (linked.length === 0) return null;
  const coProduction = linked.filter((record) => record.kind === 'co-production' && record.links.some((link) => link.id === actionId));
  const voice = linked.filter((record) => !coProduction.includes(record));
  return (
    <section className="review-section" aria-labelledby="voice-title">
      <h2 id="voice-title">Families’ voice</h2>
      {coProduction.length > 0 ? (
        <p>Co-produced with {coProduction.map((record) => `${record.source} (${formatDate(record.date)}: ${record.title})`).join('; ')}.</p>
      ) : null}
      {voice.length > 0 ? (
        <ul>
          {voice.map((record) => (
            <li key={record.id}>
              <VoiceSummary record={record} />
              {record.links.some((link) => link.id === actionId) ? null : <p className="muted">About this action’s area.</p>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
