import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import {
  activeFilterCount,
  filterRows,
  filtersFromParams,
  filtersToParams,
  NO_FILTERS,
  sortRows,
  type ActionFilters,
  type SortKey,
} from '../../shared/plan-review/filters';
import { DUE_SOON_DAYS } from '../../shared/plan-review/rules';
import type { ActionRow } from '../../shared/plan-review/summary';
import { ACTION_STATUSES, RAG_VALUES, type ActionStatus, type Rag } from '../../shared/plan/schema';
import { hrefFor, navigate } from '../app/router';
import { RagBadge } from '../components/rag-badge';
import { formatDate, formatNumber, formatPeriod } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { useMeetings } from '../meetings/use-meetings';
import { valueText } from '../plan/change-text';
import { rememberList } from './list-memory';
import { FiltersToggle, useFiltersOpen } from './filters-panel';
import { PlanReviewNav } from './plan-review-nav';
import { todayIso } from './today';
import { useActionRows, useMyAnnotatedActions, usePlanParties, usePlanSummary } from './use-plan-review';
import './plan-review.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';

const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue (complete)', grey: 'Grey (not started)' };
const ROW_HEIGHT = 64;

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'ref', label: 'Ref' },
  { key: 'title', label: 'Action' },
  { key: 'lead', label: 'Lead' },
  { key: 'due', label: 'Due' },
  { key: 'status', label: 'Status' },
  { key: 'rag', label: 'Delivery' },
  { key: 'update', label: 'Last update' },
];

/** The plan's actions, filtered and sorted from the route's query, in a virtualised list. */
export function ActionsView({ params, today = todayIso() }: { params: URLSearchParams; today?: string }) {
  const planId = params.get('plan') ?? undefined;
  // The route hands over a new URLSearchParams each render: key the filters on its text.
  const query = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);
  const [isFiltersOpen] = useFiltersOpen();
  const plan = usePlan(planId);
  const rowsRecord = useActionRows(planId);
  const summary = usePlanSummary(planId);
  const annotated = useMyAnnotatedActions(planId, filters.hasMyAnnotations);
  const planParties = usePlanParties(planId, filters.partner !== null || filters.sro !== null);
  const deferredFilters = useDeferredValue(filters);
  const meetings = useMeetings();
  // "Changed since a meeting": the revision the board had in front of it is the latest one
  // exported on or before the meeting's date; changes since then are what is new to it.
  const sinceMeetings = useMemo(
    () =>
      (meetings ?? [])
        .filter((meeting) => meeting.date <= today && (meeting.planId === null || meeting.planId === planId))
        .sort((a, b) => b.date.localeCompare(a.date))
        .flatMap((meeting) => {
          const revision = (plan?.revisions ?? []).filter((entry) => entry.exportedAt.slice(0, 10) <= meeting.date).at(-1);
          return revision && revision.revision < (plan?.export.revision ?? 0)
            ? [{ meetingId: meeting.id, date: meeting.date, revision: revision.revision }]
            : [];
        }),
    [meetings, plan, planId, today],
  );

  const allRows = rowsRecord?.rows;
  const visible = useMemo(() => {
    if (!allRows) return [];
    const parties = planParties?.parties;
    const kept = filterRows(allRows, deferredFilters, {
      today,
      ...(annotated ? { annotatedActionIds: annotated } : {}),
      ...(parties ? { partiesOf: parties } : {}),
    });
    return sortRows(kept, deferredFilters.sort, deferredFilters.isDescending);
  }, [allRows, deferredFilters, today, annotated, planParties]);

  const listHref = planId ? hrefFor('/plan/actions', { plan: planId, ...filtersToParams(filters) }) : '';
  useEffect(() => {
    if (planId) rememberList(planId, listHref);
  }, [planId, listHref]);

  if (plan === undefined) return <ViewTitle>Actions</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="Actions" />;
  }

  const update = (next: Partial<ActionFilters>) => navigate('/plan/actions', { plan: planId, ...filtersToParams({ ...filters, ...next }) });
  const areaTitle = filters.area ? summary?.areas.find((area) => area.areaId === filters.area) : undefined;
  const leads = [
    ...new Map((allRows ?? []).filter((row) => row.leadId).map((row) => [row.leadId ?? '', row.leadRole ?? row.leadId ?? ''])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
  const count = activeFilterCount(filters);

  return (
    <>
      <ViewTitle>{areaTitle ? `Actions: area ${areaTitle.ref}, ${areaTitle.title}` : `Actions: ${plan.header.title}`}</ViewTitle>
      <PlanReviewNav planId={planId} current="actions" />
      <FiltersToggle count={count} formId="action-filters" />
      <form
        id="action-filters"
        className="filters"
        aria-label="Filter the actions"
        hidden={!isFiltersOpen}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="filter-field">
          <label htmlFor="filter-area">Area</label>
          <select id="filter-area" value={filters.area ?? ''} onChange={(event) => update({ area: event.target.value || null })}>
            <option value="">All areas</option>
            {summary?.areas.map((area) => (
              <option key={area.areaId} value={area.areaId}>
                {area.ref}: {area.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-lead">Lead</label>
          <select id="filter-lead" value={filters.lead ?? ''} onChange={(event) => update({ lead: event.target.value || null })}>
            <option value="">Any lead</option>
            {leads.map(([id, role]) => (
              <option key={id} value={id}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-partner">Partner</label>
          <select id="filter-partner" value={filters.partner ?? ''} onChange={(event) => update({ partner: event.target.value || null })}>
            <option value="">Any partner</option>
            {(planParties?.organisations ?? [])
              .slice()
              .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
              .map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-sro">Senior responsible officer</label>
          <select id="filter-sro" value={filters.sro ?? ''} onChange={(event) => update({ sro: event.target.value || null })}>
            <option value="">Any SRO</option>
            {(planParties?.owners ?? [])
              .slice()
              .sort((a, b) => a.role.localeCompare(b.role, 'en-GB'))
              .map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.role}
                </option>
              ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-since">Changed</label>
          <select
            id="filter-since"
            value={filters.changedSince === null ? '' : String(filters.changedSince)}
            onChange={(event) => update({ changedSince: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">At any time</option>
            {sinceMeetings.length > 0 ? (
              <optgroup label="Since a board meeting">
                {sinceMeetings.map((option) => (
                  <option key={option.meetingId} value={option.revision}>
                    Since the meeting of {formatDate(option.date)} (revision {option.revision})
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label="Since a revision">
              {plan.revisions.slice(0, -1).map((revision) => (
                <option key={revision.revision} value={revision.revision}>
                  Since revision {revision.revision}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-archived">Removed actions</label>
          <select
            id="filter-archived"
            value={filters.archived}
            onChange={(event) => update({ archived: event.target.value as ActionFilters['archived'] })}
          >
            <option value="exclude">Leave out</option>
            <option value="include">Include</option>
            <option value="only">Only removed</option>
          </select>
        </div>
        <CheckGroup
          legend="Delivery RAG"
          name="rag"
          options={RAG_VALUES.map((rag) => ({ value: rag, label: RAG_WORDS[rag] }))}
          chosen={filters.rag}
          onChange={(rag) => update({ rag: rag as Rag[] })}
        />
        <CheckGroup
          legend="Status"
          name="status"
          options={ACTION_STATUSES.map((status) => ({ value: status, label: valueText('status', status) }))}
          chosen={filters.status}
          onChange={(status) => update({ status: status as ActionStatus[] })}
        />
        <fieldset className="filter-group">
          <legend>Dates and notes</legend>
          <Check id="filter-overdue" label="Overdue" isChecked={filters.isOverdue} onChange={(isOverdue) => update({ isOverdue })} />
          <Check
            id="filter-due-soon"
            label={`Due in the next ${DUE_SOON_DAYS} days`}
            isChecked={filters.isDueSoon}
            onChange={(isDueSoon) => update({ isDueSoon })}
          />
          <Check
            id="filter-revised"
            label="Revised due date"
            isChecked={filters.hasRevisedDue}
            onChange={(hasRevisedDue) => update({ hasRevisedDue })}
          />
          <Check
            id="filter-mine"
            label="Has my annotations"
            isChecked={filters.hasMyAnnotations}
            onChange={(hasMyAnnotations) => update({ hasMyAnnotations })}
          />
        </fieldset>
        <div className="filter-actions">
          <button
            type="button"
            className="secondary"
            disabled={count === 0}
            onClick={() =>
              navigate('/plan/actions', {
                plan: planId,
                ...filtersToParams({ ...NO_FILTERS, sort: filters.sort, isDescending: filters.isDescending }),
              })
            }
          >
            Clear filters
          </button>
        </div>
      </form>
      {filters.risk ? <p className="muted">Showing only the actions that risk {filters.risk} affects.</p> : null}
      {filters.measure ? <p className="muted">Showing only the actions linked to measure {filters.measure}.</p> : null}
      <p role="status" className="result-count" data-testid="result-count">
        {rowsRecord === undefined
          ? 'Loading the actions…'
          : rowsRecord === null
            ? 'This plan’s action list is being prepared (once, for a plan stored by an earlier version of Oversight)…'
            : `${formatNumber(visible.length)} of ${formatNumber(allRows?.filter((row) => row.archivedInRevision === null).length ?? 0)} actions${count > 0 ? ` (${count} ${count === 1 ? 'filter' : 'filters'} on)` : ''}`}
      </p>
      <ActionTable
        rows={visible}
        planId={planId}
        filters={filters}
        today={today}
        onSort={(sort) => update({ sort, isDescending: filters.sort === sort ? !filters.isDescending : false })}
      />
    </>
  );
}

function Check({ id, label, isChecked, onChange }: { id: string; label: string; isChecked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={isChecked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function CheckGroup({
  legend,
  name,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  chosen: readonly string[];
  onChange: (values: string[]) => void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <Check
          key={option.value}
          id={`filter-${name}-${option.value}`}
          label={option.label}
          isChecked={chosen.includes(option.value)}
          onChange={(isChecked) => onChange(isChecked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
        />
      ))}
    </fieldset>
  );
}

function ActionTable({
  rows,
  planId,
  filters,
  today,
  onSort,
}: {
  rows: readonly ActionRow[];
  planId: string;
  filters: ActionFilters;
  today: string;
  onSort: (key: SortKey) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Only the rows in view (and a few either side) are in the page: 10,000 rows scroll as 30.
  // The virtualizer's functions change every render by design, so the compiler leaves this alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: 640 },
  });
  const items = virtualizer.getVirtualItems();

  return (
    // The scroll box holds the whole table (the header row sticks to its top), so the table's
    // rows stay direct descendants of the table for assistive technology.
    <div ref={scrollRef} className="action-scroll" tabIndex={0} role="region" aria-label="Actions list (scrolls)">
      <div className="action-table" role="table" aria-label="Actions" aria-rowcount={rows.length + 1}>
        <div role="rowgroup" className="action-head">
          <div role="row" className="action-row action-row-head" aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const isSorted = filters.sort === column.key;
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  className={`cell cell-${column.key}`}
                  aria-sort={isSorted ? (filters.isDescending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span aria-hidden="true">{isSorted ? (filters.isDescending ? ' ▼' : ' ▲') : ''}</span>
                    <span className="visually-hidden">
                      {isSorted ? (filters.isDescending ? ', sorted descending' : ', sorted ascending') : ', sort'}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="action-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {rows.length === 0 ? (
            <div role="row" className="action-row action-row-empty" aria-rowindex={2}>
              <div role="cell" className="cell cell-empty">
                No actions match these filters.
              </div>
            </div>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return <ActionRowView key={row.id} row={row} planId={planId} today={today} rowIndex={item.index + 2} top={item.start} />;
          })}
        </div>
      </div>
    </div>
  );
}

function ActionRowView({
  row,
  planId,
  today,
  rowIndex,
  top,
}: {
  row: ActionRow;
  planId: string;
  today: string;
  rowIndex: number;
  top: number;
}) {
  const due = row.revisedDueDate ?? row.dueDate;
  const isClosed = row.status === 'complete' || row.status === 'embedded' || row.status === 'withdrawn';
  const isOverdue = !isClosed && due < today;
  return (
    <div role="row" className="action-row" aria-rowindex={rowIndex} style={{ transform: `translateY(${top}px)` }} data-testid="action-row">
      <div role="cell" className="cell cell-ref">
        {row.ref}
      </div>
      <div role="cell" className="cell cell-title">
        <a href={hrefFor('/plan/action', { plan: planId, id: row.id })}>{row.title}</a>
        {row.archivedInRevision !== null ? <span className="tag"> Removed in revision {row.archivedInRevision}</span> : null}
      </div>
      <div role="cell" className="cell cell-lead">
        {row.leadRole ? <span className="clamp">{row.leadRole}</span> : <span className="muted">No lead named</span>}
      </div>
      <div role="cell" className="cell cell-due">
        <DueDate dueDate={row.dueDate} revisedDueDate={row.revisedDueDate} />
        {isOverdue ? <span className="overdue-tag">Overdue</span> : null}
      </div>
      <div role="cell" className="cell cell-status">
        {valueText('status', row.status)}
      </div>
      <div role="cell" className="cell cell-rag">
        <RagBadge rag={row.deliveryRag} kind="delivery" />
      </div>
      <div role="cell" className="cell cell-update">
        {row.lastUpdatePeriod ? formatPeriod(row.lastUpdatePeriod) : <span className="muted">None yet</span>}
      </div>
    </div>
  );
}

/** A due date; where a revised date was approved, it is shown with the original struck through. */
export function DueDate({ dueDate, revisedDueDate }: { dueDate: string; revisedDueDate: string | null | undefined }) {
  if (!revisedDueDate) return <span>{formatDate(dueDate)}</span>;
  return (
    <span className="due-revised">
      <span>{formatDate(revisedDueDate)}</span>{' '}
      <del>
        <span className="visually-hidden">originally </span>
        {formatDate(dueDate)}
      </del>
    </span>
  );
}
