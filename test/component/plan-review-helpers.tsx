import type { ReactElement } from 'react';
import { useRoute } from '../../renderer/app/router';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase } from './helpers';

export const PLAN_ID = 'northshire-wsoa-2025';

/** A fresh store holding the fixture plan (revision 7), optionally edited first. */
export async function storeWithPlan(edit: (plan: ReturnType<typeof planObject>) => void = () => undefined) {
  const db = freshDatabase();
  const plan = planObject();
  edit(plan);
  const outcome = await storeCandidate(db, candidateFor(plan));
  if (outcome.status !== 'imported') throw new Error(outcome.status);
  return db;
}

/** Renders a view with the current route's query, as the app's router would. */
export function Routed({ render }: { render: (params: URLSearchParams) => ReactElement }) {
  const route = useRoute();
  return render(route.params);
}
