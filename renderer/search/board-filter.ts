import { isMeetingOfScope, isPlanOfScope, type BoardScope } from '../meetings/boards';
import type { SearchHit, SearchResults } from './search-index';

// Search per board: the index holds every board's plans, notes and papers; what a member sees is
// the open board's. The filter runs over the search module's answers (by the owning plan or
// meeting of each hit), so the index itself knows nothing of boards.

/**
 * Whether a hit is the board's. A paper's hit names its meeting (`planId` is the meeting's id): a
 * pack whose meeting is not in the chair's record yet is the open board's, as the Papers list shows it.
 */
export function isHitOfBoard(hit: Pick<SearchHit, 'kind' | 'planId'>, scope: BoardScope): boolean {
  return hit.kind === 'paper' ? isMeetingOfScope(hit.planId, scope) : isPlanOfScope(hit.planId, scope);
}

/** Every result of the search (asked with no limit per kind) kept to the board's, at most `limitPerKind` a kind, best first. */
export function resultsOfBoard(results: SearchResults, scope: BoardScope, limitPerKind = 8): SearchResults {
  let total = 0;
  const groups: SearchResults['groups'] = [];
  for (const group of results.groups) {
    const kept = group.hits.filter((hit) => isHitOfBoard(hit, scope));
    if (kept.length === 0) continue;
    total += kept.length;
    groups.push({ kind: group.kind, total: kept.length, hits: kept.slice(0, limitPerKind) });
  }
  return { query: results.query, total, groups };
}
