import { runToEnd, type Sliced } from '../sliced';
import type { StoredEntity } from '../plan/diff';
import type { Action, Area, Measure, Risk } from '../plan/schema';

// What the search index holds: one document per action, progress update, measure, area, risk,
// annotation and page of a board paper. Built here, purely, from stored entities; the renderer's index (renderer/search/)
// adds, replaces and discards them as imports and annotations land.

export const SEARCH_KINDS = ['action', 'update', 'measure', 'area', 'risk', 'annotation', 'paper'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable item. `label` and `text` are indexed; every field but `text` is kept for showing results. */
export type SearchDocument = {
  /** Unique across plans: see {@link searchDocumentId}. */
  id: string;
  /** The plan it belongs to; for a page of a board paper, the meeting's id. */
  planId: string;
  kind: SearchKind;
  /** What a result opens: the kind and id of the plan entity (an update opens its action), or the paper. */
  targetKind: 'action' | 'measure' | 'area' | 'risk' | 'milestone' | 'paper';
  targetId: string;
  /** A short heading for the result, e.g. "2.4 Recruit coordinators" or "Update for March 2026 on 2.4". */
  label: string;
  text: string;
  /** The start of `text`, shown under the label. */
  snippet: string;
  /** For updates: the period (YYYY-MM), so the result can open the action at that update. */
  period?: string;
  /** Shown with the result but not searched: for an update, its action's reference and title. */
  context?: string;
  /** For a page of a board paper: the page number (from 1) the result opens at. */
  page?: number;
  /** For a page of a board paper: whether the paper is exempt (confidential), so the result says so. */
  isExempt?: boolean;
};

const SNIPPET_LENGTH = 280;

/** The first words of a text, cut at a word boundary. */
export function snippetOf(text: string): string {
  if (text.length <= SNIPPET_LENGTH) return text;
  const cut = text.lastIndexOf(' ', SNIPPET_LENGTH);
  return `${text.slice(0, cut > 80 ? cut : SNIPPET_LENGTH)}…`;
}

/** A document id: plan, kind and the item's own id, joined with a separator no id contains. */
export function searchDocumentId(planId: string, kind: SearchKind, id: string): string {
  return `${planId}\u0001${kind}\u0001${id}`;
}

/** The plan a document id belongs to. */
export function planOfDocumentId(id: string): string {
  return id.slice(0, id.indexOf('\u0001'));
}

/** The kind of item a document id names. */
export function kindOfDocumentId(id: string): string {
  const start = id.indexOf('\u0001') + 1;
  return id.slice(start, id.indexOf('\u0001', start));
}

/** The search documents of one stored entity (none for kinds that are not searched, or archived ones). */
export function documentsForEntity(entity: StoredEntity): SearchDocument[] {
  if (entity.archivedInRevision !== null) return [];
  const { planId } = entity;
  switch (entity.kind) {
    case 'action': {
      const action = entity.data as Action;
      const text = [action.description ?? '', ...action.successCriteria].filter((part) => part !== '').join(' ');
      const documents: SearchDocument[] = [
        {
          id: searchDocumentId(planId, 'action', action.id),
          planId,
          kind: 'action',
          targetKind: 'action',
          targetId: action.id,
          label: `${action.ref} ${action.title}`,
          text,
          snippet: snippetOf(text),
        },
      ];
      const seen = new Map<string, number>();
      for (const update of action.updates) {
        // Periods are monthly and normally unique per action; a repeated one gets a suffix so
        // both updates stay searchable.
        const count = (seen.get(update.period) ?? 0) + 1;
        seen.set(update.period, count);
        const key = count === 1 ? update.period : `${update.period}#${count}`;
        documents.push({
          id: searchDocumentId(planId, 'update', `${action.id}\u0001${key}`),
          planId,
          kind: 'update',
          targetKind: 'action',
          targetId: action.id,
          // The action's title is its own document: an update is found by its own words.
          label: '',
          context: `${action.ref} ${action.title}`,
          text: update.narrative,
          snippet: snippetOf(update.narrative),
          period: update.period,
        });
      }
      return documents;
    }
    case 'measure': {
      const measure = entity.data as Measure;
      const text = [measure.definition ?? '', measure.source].filter((part) => part !== '').join(' ');
      return [
        {
          id: searchDocumentId(planId, 'measure', measure.id),
          planId,
          kind: 'measure',
          targetKind: 'measure',
          targetId: measure.id,
          label: measure.name,
          text,
          snippet: snippetOf(text),
        },
      ];
    }
    case 'area': {
      const area = entity.data as Area;
      const text = area.inspectionText ?? '';
      return [
        {
          id: searchDocumentId(planId, 'area', area.id),
          planId,
          kind: 'area',
          targetKind: 'area',
          targetId: area.id,
          label: `Area ${area.ref}: ${area.title}`,
          text,
          snippet: snippetOf(text),
        },
      ];
    }
    case 'risk': {
      const risk = entity.data as Risk;
      return [
        {
          id: searchDocumentId(planId, 'risk', risk.id),
          planId,
          kind: 'risk',
          targetKind: 'risk',
          targetId: risk.id,
          label: risk.description,
          text: risk.mitigation,
          snippet: snippetOf(`Mitigation: ${risk.mitigation}`),
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * What an import changes in the index: documents of new or changed entities are upserted, and
 * documents that existed before but not after (an archived entity, a removed update) are removed.
 * Unchanged documents are left alone, so a revision touching 1% of actions re-indexes about 1%.
 */
export function searchChangesForWrites(before: ReadonlyMap<string, StoredEntity>, writes: readonly StoredEntity[]): SearchChanges {
  return runToEnd(searchChangesSteps(before, writes));
}

export type SearchChanges = { upsert: SearchDocument[]; remove: string[] };

/** {@link searchChangesForWrites}, pausing after each written entity. */
export function* searchChangesSteps(before: ReadonlyMap<string, StoredEntity>, writes: readonly StoredEntity[]): Sliced<SearchChanges> {
  const upsert: SearchDocument[] = [];
  const remove: string[] = [];
  for (const written of writes) {
    yield;
    const previous = before.get(`${written.kind}\u0000${written.id}`);
    const after = documentsForEntity(written);
    const afterIds = new Set(after.map((document) => document.id));
    const was = new Map<string, SearchDocument>();
    if (previous) for (const document of documentsForEntity(previous)) was.set(document.id, document);
    for (const id of was.keys()) if (!afterIds.has(id)) remove.push(id);
    for (const document of after) {
      const old = was.get(document.id);
      if (old && old.label === document.label && old.text === document.text && old.context === document.context) continue;
      upsert.push(document);
    }
  }
  return { upsert, remove };
}
