// Throughput of the plan file validator on a large valid plan (about 10 MB, 10,000
// actions with their milestones). Run: npx tsx scripts/bench-validator.ts
// The target is at least 50 MB/s in Node.

import { pathToFileURL } from 'node:url';
import { validatePlanText } from '../shared/plan/validate';
import { makeValidPlan } from '../test/unit/plan/fixtures';

/** Builds the text of a valid plan with `actionCount` actions (and their milestones), from the test fixture's shape. */
export function buildLargePlanText(actionCount = 10_000): string {
  const plan = makeValidPlan();
  const templates = plan.actions;
  const milestoneTemplates = plan.milestones;
  if (!Array.isArray(templates) || !Array.isArray(milestoneTemplates)) throw new Error('fixture has no actions');
  const actions: unknown[] = [];
  const milestones: unknown[] = [];
  for (let index = 0; index < actionCount; index += 1) {
    const template: unknown = templates[index % templates.length];
    const id = `A-${index + 1}`;
    actions.push({ ...(template as Record<string, unknown>), id, ref: `${(index % 2) + 1}.${index + 1}` });
    for (let step = 0; step < 2; step += 1) {
      const milestone: unknown = milestoneTemplates[(index * 2 + step) % milestoneTemplates.length];
      milestones.push({ ...(milestone as Record<string, unknown>), id: `MS-${index + 1}-${step + 1}`, actionId: id });
    }
  }
  plan.actions = actions;
  plan.milestones = milestones;
  return JSON.stringify(plan, null, 2);
}

/** Median throughput of validatePlanText on `text` over `runs` runs (after warm-up), in MB/s (MB = 2^20 bytes). */
export function measureValidatorThroughput(text: string, runs = 9): { mbPerSecond: number; bytes: number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  const warmUp = validatePlanText(text);
  if (!warmUp.ok) throw new Error(`benchmark plan is not valid: ${JSON.stringify(warmUp.errors.slice(0, 3))}`);
  // Further warm-up runs let the engine optimise the hot code before timing starts.
  validatePlanText(text);
  validatePlanText(text);
  const timings: number[] = [];
  for (let run = 0; run < Math.max(1, runs); run += 1) {
    const started = performance.now();
    validatePlanText(text);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? Number.NaN;
  return { mbPerSecond: bytes / (1024 * 1024) / (median / 1000), bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = buildLargePlanText();
  const { mbPerSecond, bytes } = measureValidatorThroughput(text);
  console.log(`plan: ${(bytes / (1024 * 1024)).toFixed(1)} MB, 10,000 actions, 20,000 milestones`);
  console.log(`validatePlanText: ${mbPerSecond.toFixed(1)} MB/s (target ≥ 50 MB/s)`);
}
