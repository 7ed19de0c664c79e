import { isMeetingOfScope, isPlanOfScope, type BoardScope } from '../meetings/boards';
import type { SearchHit } from './search-index';

// Search per board: the index holds every board's plans, notes and papers; what a member sees is
// the open board's. The search module asks this filter of each match (by its owning plan or
// meeting) before counting and ranking it, so the index itself knows nothing of boards.

/**
 * Whether a hit is the board's. A paper's hit names its meeting (`planId` is the meeting's id): a
 * pack whose meeting is not in the chair's record yet is the open board's, as the Papers list shows it.
 */
export function isHitOfBoard(hit: Pick<SearchHit, 'kind' | 'planId'>, scope: BoardScope): boolean {
  return hit.kind === 'paper' ? isMeetingOfScope(hit.planId, scope) : isPlanOfScope(hit.planId, scope);
}
