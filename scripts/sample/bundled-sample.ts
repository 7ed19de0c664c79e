// The sample plan shipped with the app: two monthly exports of the same invented plan, so that
// "what changed since the last meeting" has something to show the first time the app opens.
// scripts/make-sample.ts writes these files; a unit test checks the committed copies still match.

import { SAMPLE_DEFAULTS, generatePlan } from './generate-plan';
import { generateRevision } from './generate-revision';
import type { PlanFileObject } from './sample-types';

/** One file of the bundled sample. */
export type SampleFile = { fileName: string; plan: PlanFileObject };

/** Where the bundled sample lives, relative to the repository root. */
export const BUNDLED_SAMPLE_FOLDER = 'electron/resources/sample';

/** The export date-time of the sample's second revision (the end of October is after BST, hence Z). */
export const SECOND_EXPORT_AT = '2026-10-31T16:30:00Z';

/** Builds both revisions of the bundled sample, oldest first. */
export function bundledSample(): SampleFile[] {
  const first = generatePlan();
  const second = generateRevision(first, { seed: SAMPLE_DEFAULTS.seed, revision: 2, exportedAt: SECOND_EXPORT_AT });
  return [
    { fileName: 'northmoor-send-plan.r1.plan.json', plan: first },
    { fileName: 'northmoor-send-plan.r2.plan.json', plan: second },
  ];
}

/** A plan as the bundled files hold it: two-space indented JSON ending in a newline. */
export function serialisePlan(plan: PlanFileObject): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
