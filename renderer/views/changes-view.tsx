import type { EntityChange, FieldChange } from '../../shared/plan/diff';
import type { Action, Area, Measure, Rag } from '../../shared/plan/schema';
import { hrefFor, navigate } from '../app/router';
import { RagBadge } from '../components/rag-badge';
import type { EntityRecord, PlanRecord } from '../db/types';
import { formatDate, formatNumber, formatPeriod, plural } from '../format';
import { useChangeSet, usePlan } from '../hooks/use-plan-data';
import { fieldLabel, measureMovement, newUpdates, valueText } from '../plan/change-text';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

type Group = { key: string; title: string; changes: EntityChange[] };

const CHANGE_WORDS = { added: 'New', archived: 'Removed', restored: 'Back', changed: 'Changed' } as const;
const OTHER_KIND_TITLES = { organisation: 'Organisations', owner: 'Owners', evidence: 'Evidence', risk: 'Risks' } as const;

/** What moved in one revision of a plan, grouped by area: RAG and status moves, due dates, new updates, measures. */
export function ChangesView({ planId, importId }: { planId: string | undefined; importId: string | undefined }) {
  const plan = usePlan(planId);
  const selectedImport = importId ?? (plan ? plan.revisions.at(-1)?.importId : undefined);
  const data = useChangeSet(selectedImport);

  if (plan === undefined || (selectedImport && data === undefined)) return <ViewTitle>What changed</ViewTitle>;
  if (plan === null) {
    return <NotOnThisLaptop thing="plan" title="What changed" />;
  }
  const revision = plan.revisions.find((entry) => entry.importId === selectedImport);
  return (
    <>
      <ViewTitle>
        What changed: <span dir="auto">{plan.header.title}</span>
      </ViewTitle>
      <RevisionPicker plan={plan} selectedImport={selectedImport} />
      {!data || !revision ? (
        <p className="empty-state">No change record was found for this revision.</p>
      ) : (
        <ChangeGroups plan={plan} revision={revision.revision} data={data} />
      )}
    </>
  );
}

function RevisionPicker({ plan, selectedImport }: { plan: PlanRecord; selectedImport: string | undefined }) {
  return (
    <div className="toolbar">
      <label htmlFor="revision-picker">Revision</label>
      <select
        id="revision-picker"
        value={selectedImport ?? ''}
        onChange={(event) => navigate('/plan/changes', { plan: plan.id, import: event.target.value })}
      >
        {[...plan.revisions].reverse().map((entry, index, all) => {
          const previous = all[index + 1];
          return (
            <option key={entry.importId} value={entry.importId}>
              Revision {entry.revision}
              {previous ? ` (since revision ${previous.revision})` : ' (first import)'}, exported {formatDate(entry.exportedAt)}
            </option>
          );
        })}
      </select>
    </div>
  );
}

function ChangeGroups({
  plan,
  revision,
  data,
}: {
  plan: PlanRecord;
  revision: number;
  data: NonNullable<ReturnType<typeof useChangeSet>>;
}) {
  const { changeSet, entities, areas } = data;
  const entity = (kind: string, id: string) => entities.get(`${kind}:${id}`);
  const summary = countChanges(changeSet.changes);

  if (changeSet.previousRevision === null) {
    return (
      <p>
        Revision {revision} was the first of this plan on this laptop: {plural(summary.added, 'item')} arrived, including{' '}
        {plural(plan.counts.actions, 'action')} in {plural(plan.counts.areas, 'area')}. Changes appear here from the next revision.
      </p>
    );
  }
  if (changeSet.changes.length === 0) {
    return (
      <p>
        Nothing changed between revision {changeSet.previousRevision} and revision {revision}.
      </p>
    );
  }

  const groups = groupByArea(changeSet.changes, areas, entity);
  return (
    <>
      <p data-testid="change-summary">
        Since revision {changeSet.previousRevision}: {formatNumber(summary.changed)} changed, {formatNumber(summary.added)} new,{' '}
        {formatNumber(summary.archived)} removed{summary.restored > 0 ? `, ${formatNumber(summary.restored)} back` : ''}.
      </p>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className="change-group">
          <h2 id={`group-${group.key}`}>{group.title}</h2>
          <ul className="change-list">
            {group.changes.map((change) => (
              <ChangeItem
                key={`${change.kind}:${change.id}`}
                change={change}
                record={entity(change.kind, change.id)}
                entityOf={entity}
                planId={plan.id}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function countChanges(changes: readonly EntityChange[]) {
  const counts = { added: 0, changed: 0, archived: 0, restored: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

function groupByArea(
  changes: readonly EntityChange[],
  areas: readonly EntityRecord[],
  entity: (kind: string, id: string) => EntityRecord | undefined,
): Group[] {
  const areaGroups = new Map<string, Group>();
  const sortedAreas = [...areas].sort((a, b) =>
    String((a.data as Area).ref).localeCompare(String((b.data as Area).ref), 'en-GB', { numeric: true }),
  );
  for (const area of sortedAreas) {
    const data = area.data as Area;
    areaGroups.set(area.id, { key: `area-${area.id}`, title: `Area ${data.ref}: ${data.title}`, changes: [] });
  }
  const measures: Group = { key: 'measures', title: 'Measures', changes: [] };
  const others: Group = { key: 'other', title: 'Owners, organisations, evidence and risks', changes: [] };
  const unplaced: Group = { key: 'unplaced', title: 'Other changes', changes: [] };

  for (const change of changes) {
    const areaId = areaOf(change, entity);
    if (areaId !== undefined) (areaGroups.get(areaId) ?? unplaced).changes.push(change);
    else if (change.kind === 'measure') measures.changes.push(change);
    else if (change.kind in OTHER_KIND_TITLES) others.changes.push(change);
    else unplaced.changes.push(change);
  }
  for (const group of areaGroups.values()) group.changes = withMilestonesUnderActions(group.changes, entity);
  return [...areaGroups.values(), measures, others, unplaced].filter((group) => group.changes.length > 0);
}

/** The action a milestone belongs to (its own id for an action), or undefined for anything else. */
function actionIdOf(change: EntityChange, record: EntityRecord | undefined): string | undefined {
  if (change.kind === 'action') return change.id;
  if (change.kind === 'milestone' && record && 'actionId' in record.data) return String(record.data.actionId);
  return undefined;
}

/**
 * An area's changes in the order a reader follows them: the area, then each action by its
 * reference with its milestones straight after it (even when the action itself did not change).
 */
function withMilestonesUnderActions(
  changes: readonly EntityChange[],
  entity: (kind: string, id: string) => EntityRecord | undefined,
): EntityChange[] {
  const refOf = (actionId: string | undefined) => {
    const data = actionId ? entity('action', actionId)?.data : undefined;
    return data && 'ref' in data ? String(data.ref) : '';
  };
  const keyed = changes.map((change, index) => {
    const actionId = actionIdOf(change, entity(change.kind, change.id));
    return {
      change,
      index,
      rank: change.kind === 'area' ? 0 : actionId ? 1 : 2,
      ref: refOf(actionId),
      isMilestone: change.kind === 'milestone',
    };
  });
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }) ||
      Number(a.isMilestone) - Number(b.isMilestone) ||
      a.index - b.index,
  );
  return keyed.map((entry) => entry.change);
}

function areaOf(change: EntityChange, entity: (kind: string, id: string) => EntityRecord | undefined): string | undefined {
  const record = entity(change.kind, change.id);
  if (!record) return undefined;
  if (change.kind === 'area') return change.id;
  if (change.kind === 'action') return (record.data as Action).areaId;
  if (change.kind === 'milestone') {
    const actionId = 'actionId' in record.data ? String(record.data.actionId) : '';
    const action = entity('action', actionId);
    return action ? (action.data as Action).areaId : undefined;
  }
  return undefined;
}

function entityTitle(record: EntityRecord | undefined, change: EntityChange): string {
  if (!record) return `${change.kind} ${change.id}`;
  const data = record.data as Record<string, unknown>;
  const ref = typeof data.ref === 'string' ? `${data.ref} ` : '';
  const name =
    [data.title, data.name, data.role, data.description].find((value): value is string => typeof value === 'string') ?? change.id;
  const kindWord = change.kind === 'milestone' ? 'Milestone: ' : change.kind === 'area' ? 'Area ' : '';
  return `${kindWord}${ref}${name}`;
}

const REFERENCE_FIELDS: Record<string, string | undefined> = {
  partnerOrgIds: 'organisation',
  measureIds: 'measure',
  evidenceIds: 'evidence',
  riskIds: 'risk',
};

function entityName(record: EntityRecord | undefined): string | undefined {
  if (!record) return undefined;
  const data = record.data as Record<string, unknown>;
  const name = [data.title, data.name, data.role, data.description].find((value): value is string => typeof value === 'string');
  return name && name.length > 90 ? `${name.slice(0, 90)}…` : name;
}

function ChangeItem({
  change,
  record,
  entityOf,
  planId,
}: {
  change: EntityChange;
  record: EntityRecord | undefined;
  entityOf: (kind: string, id: string) => EntityRecord | undefined;
  planId: string;
}) {
  // Actions and their milestones link to the action's page; a milestone names its action.
  const actionId = actionIdOf(change, record);
  const action = actionId ? entityOf('action', actionId) : undefined;
  const actionHref = actionId ? hrefFor('/plan/action', { plan: planId, id: actionId }) : undefined;
  return (
    <li className={`change change-${change.change}${change.kind === 'milestone' ? ' change-milestone' : ''}`}>
      <span className={`change-tag change-tag-${change.change}`}>{CHANGE_WORDS[change.change]}</span>{' '}
      {change.kind === 'action' && actionHref ? (
        <a className="change-title" href={actionHref}>
          {entityTitle(record, change)}
        </a>
      ) : (
        <span className="change-title">{entityTitle(record, change)}</span>
      )}
      {change.kind === 'milestone' && actionHref ? (
        <>
          {' '}
          <span className="muted">of action</span>{' '}
          <a href={actionHref}>{action ? entityTitle(action, { ...change, kind: 'action', id: actionId ?? '' }) : actionId}</a>
        </>
      ) : null}
      {change.fields.length > 0 ? (
        <ul className="field-changes">
          {change.kind === 'measure' && record ? <MeasureMove change={change} measure={record.data as Measure} /> : null}
          {visibleFields(change.fields).map((field) => (
            <FieldChangeItem key={field.field} kind={change.kind} field={field} record={record} entityOf={entityOf} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Who approved a revised date is shown with the date it approved, so it is not listed twice. */
function visibleFields(fields: readonly FieldChange[]): readonly FieldChange[] {
  const isDueMoved = fields.some((field) => field.field === 'revisedDueDate');
  return isDueMoved ? fields.filter((field) => field.field !== 'revisionApprovedBy') : fields;
}

function MeasureMove({ change, measure }: { change: EntityChange; measure: Measure }) {
  const series = change.fields.find((field) => field.field === 'series');
  if (!series || !Array.isArray(series.before)) return null;
  const movement = measureMovement({ ...measure, series: series.before as Measure['series'] }, measure);
  if (!movement.before || !movement.after || movement.direction === null) return null;
  const word =
    movement.direction === 'improving'
      ? 'Improving'
      : movement.direction === 'worsening'
        ? 'Worsening: moving away from target'
        : 'No change';
  return (
    <li className={`measure-move measure-${movement.direction}`}>
      <strong>{word}</strong>: {formatNumber(movement.before.value)} ({formatPeriod(movement.before.period)}) →{' '}
      {formatNumber(movement.after.value)} ({formatPeriod(movement.after.period)}),{' '}
      {measure.polarity === 'higher-is-better' ? 'higher is better' : 'lower is better'}
    </li>
  );
}

function FieldChangeItem({
  kind,
  field,
  record,
  entityOf,
}: {
  kind: string;
  field: FieldChange;
  record: EntityRecord | undefined;
  entityOf: (kind: string, id: string) => EntityRecord | undefined;
}) {
  if (field.field === 'deliveryRag' || field.field === 'impactRag') {
    return (
      <li>
        {fieldLabel(field.field)}: <RagBadge rag={field.before as Rag | null} kind={field.field === 'impactRag' ? 'impact' : 'delivery'} />{' '}
        → <RagBadge rag={field.after as Rag | null} kind={field.field === 'impactRag' ? 'impact' : 'delivery'} />
      </li>
    );
  }
  if (field.field === 'updates') {
    const added = newUpdates(field);
    if (added.length === 0) return <li>Progress updates were edited.</li>;
    return (
      <>
        {added.map((update) => (
          <li key={`${update.period}-${update.narrative.slice(0, 20)}`} className="new-update">
            New progress update for {formatPeriod(update.period)} (<RagBadge rag={update.deliveryRag} />
            ): {update.narrative}
          </li>
        ))}
      </>
    );
  }
  if (field.field === 'revisedDueDate' && record) {
    const approvedBy = (record.data as Partial<Action>).revisionApprovedBy;
    return (
      <li className="due-moved">
        Due date moved: {valueText(field.field, field.before)} → {valueText(field.field, field.after)}
        {approvedBy ? `, approved by ${approvedBy}` : ''}
      </li>
    );
  }
  const referencedKind = REFERENCE_FIELDS[field.field];
  if (referencedKind) {
    const before = new Set(Array.isArray(field.before) ? (field.before as string[]) : []);
    const after = new Set(Array.isArray(field.after) ? (field.after as string[]) : []);
    const name = (id: string) => entityName(entityOf(referencedKind, id)) ?? id;
    const added = [...after].filter((id) => !before.has(id)).map(name);
    const removed = [...before].filter((id) => !after.has(id)).map(name);
    return (
      <li>
        {fieldLabel(field.field)}:{added.length > 0 ? ` added ${added.join('; ')}` : ''}
        {added.length > 0 && removed.length > 0 ? ',' : ''}
        {removed.length > 0 ? ` removed ${removed.join('; ')}` : ''}
        {added.length === 0 && removed.length === 0 ? ' reordered' : ''}
      </li>
    );
  }
  if (kind === 'measure' && (field.field === 'series' || field.field === 'targets' || field.field === 'benchmarks')) {
    return <li>{fieldLabel(field.field)} updated.</li>;
  }
  if (field.field === 'leadId' || field.field === 'sroId' || field.field === 'ownerId') {
    const name = (id: unknown) =>
      typeof id === 'string' ? ((entityOf('owner', id)?.data as { role?: string } | undefined)?.role ?? id) : 'none';
    return (
      <li>
        {fieldLabel(field.field)}: {name(field.before)} → {name(field.after)}
      </li>
    );
  }
  const before = valueText(field.field, field.before);
  const after = valueText(field.field, field.after);
  if (before.length > 120 || after.length > 120) return <li>{fieldLabel(field.field)} was reworded.</li>;
  return (
    <li>
      {fieldLabel(field.field)}: {before} → {after}
    </li>
  );
}
