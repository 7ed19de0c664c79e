import { ACTION_STATUSES, type ActionStatus, type Rag } from '../plan/schema';
import type { ActionParties } from './partners';
import { addDays, DUE_SOON_DAYS, isOpenStatus } from './rules';
import { compareRefs, isRag, type ActionRow } from './summary';

// The actions list's filters and sort order. They live in the route's query string, so a
// filtered list survives navigating to an action and back, reloads, and the dashboard can link
// straight to "the overdue actions of area 2".

export type SortKey = 'ref' | 'title' | 'lead' | 'due' | 'status' | 'rag' | 'update';
export const SORT_KEYS: readonly SortKey[] = ['ref', 'title', 'lead', 'due', 'status', 'rag', 'update'];

export type ActionFilters = {
  area: string | null;
  status: ActionStatus[];
  rag: Rag[];
  lead: string | null;
  /** Only actions involving this organisation (a partner, or the organisation of the lead or SRO). */
  partner: string | null;
  /** Only actions with this senior responsible officer. */
  sro: string | null;
  isOverdue: boolean;
  isDueSoon: boolean;
  hasRevisedDue: boolean;
  /** Only actions added or changed after this revision. */
  changedSince: number | null;
  hasMyAnnotations: boolean;
  /** Only actions a risk affects (a search result for a risk opens this). */
  risk: string | null;
  /** Only actions linked to a measure. */
  measure: string | null;
  archived: 'exclude' | 'include' | 'only';
  sort: SortKey;
  isDescending: boolean;
};

/** The part of URLSearchParams the filters read (shared/ has no DOM types). */
export type QueryParams = { get(name: string): string | null; has(name: string): boolean };

/** No filter, sorted by reference. */
export const NO_FILTERS: ActionFilters = {
  area: null,
  status: [],
  rag: [],
  lead: null,
  partner: null,
  sro: null,
  isOverdue: false,
  isDueSoon: false,
  hasRevisedDue: false,
  changedSince: null,
  hasMyAnnotations: false,
  risk: null,
  measure: null,
  archived: 'exclude',
  sort: 'ref',
  isDescending: false,
};

function list(value: string | null): string[] {
  return value ? value.split(',').filter((item) => item !== '') : [];
}

/** Reads filters from a route's query; anything unrecognised is ignored rather than trusted. */
export function filtersFromParams(params: QueryParams): ActionFilters {
  const statuses = list(params.get('status')).filter((status): status is ActionStatus =>
    (ACTION_STATUSES as readonly string[]).includes(status),
  );
  const since = Number(params.get('since'));
  const sort = params.get('sort');
  const archived = params.get('archived');
  return {
    area: params.get('area') || null,
    status: statuses,
    rag: list(params.get('rag')).filter(isRag),
    lead: params.get('lead') || null,
    partner: params.get('partner') || null,
    sro: params.get('sro') || null,
    isOverdue: params.get('overdue') === '1',
    isDueSoon: params.get('due-soon') === '1',
    hasRevisedDue: params.get('revised') === '1',
    changedSince: params.has('since') && Number.isInteger(since) && since >= 0 ? since : null,
    hasMyAnnotations: params.get('mine') === '1',
    risk: params.get('risk') || null,
    measure: params.get('measure') || null,
    archived: archived === 'include' || archived === 'only' ? archived : 'exclude',
    sort: SORT_KEYS.find((key) => key === sort) ?? 'ref',
    isDescending: params.get('dir') === 'desc',
  };
}

/** The query parameters for a set of filters (defaults left out, so links stay short). */
export function filtersToParams(filters: ActionFilters): Record<string, string | undefined> {
  return {
    area: filters.area ?? undefined,
    status: filters.status.length > 0 ? filters.status.join(',') : undefined,
    rag: filters.rag.length > 0 ? filters.rag.join(',') : undefined,
    lead: filters.lead ?? undefined,
    partner: filters.partner ?? undefined,
    sro: filters.sro ?? undefined,
    overdue: filters.isOverdue ? '1' : undefined,
    'due-soon': filters.isDueSoon ? '1' : undefined,
    revised: filters.hasRevisedDue ? '1' : undefined,
    since: filters.changedSince !== null ? String(filters.changedSince) : undefined,
    mine: filters.hasMyAnnotations ? '1' : undefined,
    risk: filters.risk ?? undefined,
    measure: filters.measure ?? undefined,
    archived: filters.archived !== 'exclude' ? filters.archived : undefined,
    sort: filters.sort !== 'ref' ? filters.sort : undefined,
    dir: filters.isDescending ? 'desc' : undefined,
  };
}

/** How many filters narrow the list (sorting aside). */
export function activeFilterCount(filters: ActionFilters): number {
  return [
    filters.area !== null,
    filters.status.length > 0,
    filters.rag.length > 0,
    filters.lead !== null,
    filters.partner !== null,
    filters.sro !== null,
    filters.isOverdue,
    filters.isDueSoon,
    filters.hasRevisedDue,
    filters.changedSince !== null,
    filters.hasMyAnnotations,
    filters.risk !== null,
    filters.measure !== null,
    filters.archived !== 'exclude',
  ].filter(Boolean).length;
}

export type FilterContext = {
  today: string;
  /** Ids of actions carrying the current member's annotations (only needed for that filter). */
  annotatedActionIds?: ReadonlySet<string>;
  /** Who is accountable for each action (only needed for the partner and SRO filters; see partners.ts). */
  partiesOf?: ReadonlyMap<string, ActionParties>;
};

/** The rows the filters keep. */
export function filterRows(rows: readonly ActionRow[], filters: ActionFilters, context: FilterContext): ActionRow[] {
  const dueSoonEnd = addDays(context.today, DUE_SOON_DAYS);
  const statuses = new Set(filters.status);
  const rags = new Set(filters.rag);
  return rows.filter((row) => {
    const isArchived = row.archivedInRevision !== null;
    if (filters.archived === 'exclude' && isArchived) return false;
    if (filters.archived === 'only' && !isArchived) return false;
    if (filters.area !== null && row.areaId !== filters.area) return false;
    if (statuses.size > 0 && !statuses.has(row.status)) return false;
    if (rags.size > 0 && !rags.has(row.deliveryRag)) return false;
    if (filters.lead !== null && row.leadId !== filters.lead) return false;
    if (filters.partner !== null && !context.partiesOf?.get(row.id)?.organisationIds.has(filters.partner)) return false;
    if (filters.sro !== null && context.partiesOf?.get(row.id)?.sroId !== filters.sro) return false;
    const due = row.revisedDueDate ?? row.dueDate;
    const isOpen = isOpenStatus(row.status);
    if (filters.isOverdue && !(isOpen && due < context.today)) return false;
    if (filters.isDueSoon && !(isOpen && due >= context.today && due <= dueSoonEnd)) return false;
    if (filters.hasRevisedDue && row.revisedDueDate === null) return false;
    if (filters.changedSince !== null && !(row.changedInRevision > filters.changedSince || row.addedInRevision > filters.changedSince))
      return false;
    if (filters.hasMyAnnotations && !context.annotatedActionIds?.has(row.id)) return false;
    if (filters.risk !== null && !row.riskIds.includes(filters.risk)) return false;
    if (filters.measure !== null && !row.measureIds.includes(filters.measure)) return false;
    return true;
  });
}

const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3, grey: 4 };
const STATUS_RANK: Record<ActionStatus, number> = { 'not-started': 0, 'in-progress': 1, complete: 2, embedded: 3, withdrawn: 4 };

const textCollator = new Intl.Collator('en-GB', { sensitivity: 'base' });

function compareText(a: string | null, b: string | null): number {
  // Missing values sort last whichever way the list is sorted.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return textCollator.compare(a, b);
}

/** The rows in the chosen order; ties fall back to the plan's reference order. */
export function sortRows(rows: readonly ActionRow[], sort: SortKey, isDescending: boolean): ActionRow[] {
  const direction = isDescending ? -1 : 1;
  const compare = (a: ActionRow, b: ActionRow): number => {
    switch (sort) {
      case 'ref':
        return 0;
      case 'title':
        return compareText(a.title, b.title);
      case 'lead':
        return compareText(a.leadRole, b.leadRole);
      case 'due':
        return compareText(a.revisedDueDate ?? a.dueDate, b.revisedDueDate ?? b.dueDate);
      case 'status':
        return STATUS_RANK[a.status] - STATUS_RANK[b.status];
      case 'rag':
        return RAG_RANK[a.deliveryRag] - RAG_RANK[b.deliveryRag];
      case 'update':
        return compareText(a.lastUpdatePeriod, b.lastUpdatePeriod);
    }
  };
  return [...rows].sort((a, b) => {
    const primary = compare(a, b);
    if (primary !== 0) {
      const isMissing = (row: ActionRow) =>
        (sort === 'lead' && row.leadRole === null) || (sort === 'update' && row.lastUpdatePeriod === null);
      // Keep missing values last in both directions.
      if (isMissing(a) !== isMissing(b)) return isMissing(a) ? 1 : -1;
      return primary * direction;
    }
    return compareRefs(a.ref, b.ref) * (sort === 'ref' ? direction : 1);
  });
}
