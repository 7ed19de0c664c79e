import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckPlan } from '../../../shared/plan/fast-path';
import { planFileSchema } from '../../../shared/plan/schema';
import type { PlanValidation, ValidateOptions } from '../../../shared/plan/validate';
import { validatePlanText, validatePlanValue } from '../../../shared/plan/validate';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { makeValidPlan } from './fixtures';

// The fast path answers for text (validatePlanText/Bytes); validatePlanValue never takes it,
// so it is the reference: the same verdict, the same plan (key order included: the content
// hash is taken over its JSON) and the same problems, for every damaged plan below.

type Segment = string | number;

function allPaths(root: unknown): Segment[][] {
  const paths: Segment[][] = [];
  const walk = (value: unknown, path: Segment[]): void => {
    const entries: [Segment, unknown][] = Array.isArray(value)
      ? value.map((child, index): [Segment, unknown] => [index, child])
      : typeof value === 'object' && value !== null
        ? Object.entries(value)
        : [];
    for (const [key, child] of entries) {
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(root, []);
  return paths;
}

function containerAt(root: unknown, path: readonly Segment[]): Record<string, unknown> | unknown[] {
  let current = root;
  for (const segment of path) current = (current as Record<string, unknown>)[String(segment)];
  return current as Record<string, unknown> | unknown[];
}

function setAt(root: unknown, path: readonly Segment[], value: unknown): void {
  const parent = containerAt(root, path.slice(0, -1));
  const last = path[path.length - 1] ?? '';
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[String(last)];
  } else if (Array.isArray(parent)) parent[Number(last)] = value;
  else parent[String(last)] = value;
}

function mutated(path: readonly Segment[], value: unknown, base = makeValidPlan()): Record<string, unknown> {
  setAt(base, path, value);
  return base;
}

// Text's problems are in file order and the value's in check order, so compare them as sets.
const problems = (list: readonly { path: string; message: string }[]) => list.map(({ path, message }) => `${path}: ${message}`).sort();

const strip = (validation: PlanValidation) => ({
  ok: validation.ok,
  errors: validation.ok ? [] : problems(validation.errors),
  warnings: problems(validation.warnings),
  plan: validation.ok ? JSON.stringify(validation.plan) : undefined,
  counts: validation.counts,
});

function expectSameAsFullCheck(value: unknown, options?: ValidateOptions): PlanValidation {
  const text = JSON.stringify(value, null, 2);
  const ours = validatePlanText(text, options);
  expect(strip(ours)).toEqual(strip(validatePlanValue(JSON.parse(text), options)));
  return ours;
}

// Values of every JSON type, and the near misses a hand-edited tracker export makes.
const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  0,
  -1,
  2.5,
  150,
  true,
  '',
  'x',
  'R',
  'Green',
  'NOPE-1',
  '2026-02-30',
  '2026-13',
  '2026-03-01T09:30:00',
  '../secret.pdf',
  'x'.repeat(65),
  'y'.repeat(101),
  [],
  [1],
  {},
];

describe('the fast path of the plan validator', () => {
  it('answers as the full check does for every field of the sample set to every kind of wrong (and right) value', () => {
    // The first element of each list stands for the rest (they share the schema), to keep this quick.
    const paths = allPaths(makeValidPlan()).filter((path) => path.every((segment) => typeof segment === 'string' || segment === 0));
    let rejected = 0;
    for (const path of paths) {
      for (const replacement of REPLACEMENTS) {
        if (!expectSameAsFullCheck(mutated(path, replacement)).ok) rejected += 1;
      }
    }
    // The comparison means something only if most of these are errors and some are not.
    expect(rejected).toBeGreaterThan(paths.length * 10);
    expect(rejected).toBeLessThan(paths.length * REPLACEMENTS.length);
  });

  it('answers as the full check does for fields the sample leaves out, unknown fields, duplicate ids and broken rules', () => {
    const plan = makeValidPlan();
    const entities = allPaths(plan).filter((path) => {
      const value = containerAt(plan, path);
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    });
    const shapeKeys = new Set<string>(['description', 'leadId', 'sroId', 'revisedDueDate', 'revisionApprovedBy', 'file', 'sha256']);
    for (const path of entities) {
      for (const key of [...shapeKeys, 'unknownField', '__proto__', 'constructor']) {
        for (const value of ['2026-05-01', 'OWN-DCS', 'evidence/audit.pdf', 'a'.repeat(64), ' ', 7, null]) {
          expectSameAsFullCheck(mutated([...path, key], value));
        }
      }
    }
    for (const collection of ['organisations', 'owners', 'areas', 'actions', 'milestones', 'measures', 'evidence', 'risks']) {
      const base = makeValidPlan();
      const list = base[collection] as Array<Record<string, unknown>>;
      if (list.length < 2) continue;
      expect(expectSameAsFullCheck(mutated([collection, 1, 'id'], list[0]?.id, base)).ok).toBe(false);
    }
    const revised = makeValidPlan();
    setAt(revised, ['actions', 0, 'revisedDueDate'], '2026-09-30');
    expect(expectSameAsFullCheck(revised).ok).toBe(false);
    setAt(revised, ['actions', 0, 'revisionApprovedBy'], 'Improvement Board, 12 May 2026');
    expect(expectSameAsFullCheck(revised).ok).toBe(true);
  });

  it('answers as the full check does under tighter limits', () => {
    const plan = makeValidPlan();
    for (const options of [
      { maxStringLength: 20 },
      { maxStringLength: 64 },
      { maxStringLength: 80 },
      { maxArrayLength: 1 },
      { maxArrayLength: 3 },
    ]) {
      expectSameAsFullCheck(plan, options);
    }
    expect(expectSameAsFullCheck(plan, { maxArrayLength: 1 }).ok).toBe(false);
  });

  it('answers as the full check does for randomly damaged plans', () => {
    const paths = allPaths(makeValidPlan());
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ path: fc.constantFrom(...paths), value: fc.oneof(fc.constantFrom(...REPLACEMENTS), fc.jsonValue({ maxDepth: 2 })) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (changes) => {
          const base = makeValidPlan();
          for (const { path, value } of changes) {
            try {
              setAt(base, path, value);
            } catch {
              // An earlier change removed this path's parent; the rest still apply.
            }
          }
          expectSameAsFullCheck(base);
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it("returns zod's plan: RAG letters written out and every object's keys in the schema's order", () => {
    const plan = makeValidPlan();
    const actions = plan.actions as Array<Record<string, unknown>>;
    const first = actions[0] ?? {};
    first.deliveryRag = 'R';
    // Keys reversed, as a tracker writing its own column order might.
    actions[0] = Object.fromEntries(Object.entries(first).reverse());
    const shuffled = Object.fromEntries(Object.entries(plan).reverse());
    const result = expectSameAsFullCheck(shuffled);
    if (!result.ok) throw new Error('expected a valid plan');
    expect(result.plan.actions[0]?.deliveryRag).toBe('red');
    expect(Object.keys(result.plan)).toEqual(Object.keys(planFileSchema.shape));
    expect(Object.keys(result.plan.actions[0] ?? {})[0]).toBe('id');
  });

  it('changes nothing in a value it does not pass', () => {
    const plan = makeValidPlan();
    const actions = plan.actions as Array<Record<string, unknown>>;
    if (actions[0]) actions[0].deliveryRag = 'g';
    actions[1] = Object.fromEntries(Object.entries(actions[1] ?? {}).reverse());
    setAt(plan, ['risks', 0, 'likelihood'], 9);
    const before = JSON.stringify(plan);
    const check = fastCheckPlan(plan, { maxStringLength: 100_000, maxArrayLength: 200_000 });
    expect(check.isValid).toBe(false);
    expect(JSON.stringify(plan)).toBe(before);
    expect(() => check.commit()).toThrow();
  });

  it('passes a large generated plan, with the same plan as the full check', () => {
    const result = expectSameAsFullCheck(generatePlan({ actions: 300, seed: 7 }));
    expect(result.ok).toBe(true);
  });
});
