import { planContentHash } from '../../../electron/sync/examine';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import { validatePlanValue } from '../../../shared/plan/validate';
import { makeValidPlan } from '../plan/fixtures';

type PlanObject = Record<string, unknown> & { export: Record<string, unknown>; actions: Array<Record<string, unknown>> };

/** A fresh valid plan object, typed loosely enough for tests to edit. */
export function planObject(): PlanObject {
  return makeValidPlan() as PlanObject;
}

let counter = 0;

/** Validates a plan object the way main does and wraps it as the candidate main would send. */
export function candidateFor(plan: Record<string, unknown>, fileName = 'plan.plan.json'): ImportCandidate {
  const validation = validatePlanValue(plan);
  if (!validation.ok) throw new Error(`fixture invalid: ${JSON.stringify(validation.errors.slice(0, 3))}`);
  counter += 1;
  return {
    token: `token-${counter}`,
    fileName,
    source: 'dialog',
    sha256: counter.toString(16).padStart(64, '0'),
    size: 1000,
    modifiedAt: '2026-03-02T09:15:00.000Z',
    outcome: {
      status: 'valid',
      plan: validation.plan,
      contentHash: planContentHash(validation.plan),
      warnings: validation.warnings,
      counts: validation.counts,
    },
  };
}
