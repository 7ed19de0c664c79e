import { hrefFor } from '../app/router';

// The last actions list a member looked at, per plan, so "Back to the actions" from an action
// returns to the same filters and order rather than the whole list.

const lastLists = new Map<string, string>();

/** Remembers the list's address for a plan. */
export function rememberList(planId: string, href: string): void {
  lastLists.set(planId, href);
}

/** The last list's address for a plan, or the whole list. */
export function lastListHref(planId: string): string {
  return lastLists.get(planId) ?? hrefFor('/plan/actions', { plan: planId });
}
