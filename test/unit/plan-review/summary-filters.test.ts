import { describe, expect, it } from 'vitest';
import { diffPlan } from '../../../shared/plan/diff';
import type { PlanFile } from '../../../shared/plan/schema';
import { validatePlanValue } from '../../../shared/plan/validate';
import { filterRows, filtersFromParams, filtersToParams, NO_FILTERS, sortRows } from '../../../shared/plan-review/filters';
import { buildPlanReview, buildPlanReviewSteps } from '../../../shared/plan-review/summary';
import { runToEnd } from '../../../shared/sliced';
import { generatePlan } from '../../../scripts/sample/generate-plan';
import { makeValidPlan } from '../plan/fixtures';

function validPlan(
  edit: (plan: Record<string, unknown> & { actions: Array<Record<string, unknown>> }) => void = () => undefined,
): PlanFile {
  const object = makeValidPlan() as Record<string, unknown> & { actions: Array<Record<string, unknown>> };
  edit(object);
  const result = validatePlanValue(object);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result.plan;
}

function review(plan: PlanFile) {
  return buildPlanReview(plan.plan.id, plan.export.revision, diffPlan([], plan, plan.export.revision).writes);
}

describe('dashboard summary', () => {
  it('without rows (a revision patching the stored rows), gives the same summary and no rows', () => {
    const plan = validatePlanValue(generatePlan({ actions: 300, seed: 18 }));
    if (!plan.ok) throw new Error('generated plan invalid');
    const { plan: file } = plan;
    const entities = diffPlan([], file, file.export.revision).writes;
    const whole = buildPlanReview(file.plan.id, file.export.revision, entities);
    const summaryOnly = runToEnd(buildPlanReviewSteps(file.plan.id, file.export.revision, entities, { rows: false }));
    expect(whole.rows).toHaveLength(300);
    expect(summaryOnly.rows).toEqual([]);
    expect(summaryOnly.summary).toEqual(whole.summary);
  });

  it('counts delivery RAG of actions and impact RAG of linked measures per area, never mixed', () => {
    const { summary } = review(validPlan());
    const [area1, area2] = summary.areas;
    expect(area1).toMatchObject({ areaId: 'AREA-1', actions: 2, revisedDue: 1 });
    expect(area1?.delivery).toMatchObject({ amber: 1, red: 1, green: 0 });
    // Two distinct measures (M-EHC20 linked twice): one rated red for impact, one not rated.
    expect(area1?.impact).toMatchObject({ red: 1, none: 1, amber: 0 });
    expect(area1?.measures).toEqual(['M-EHC20', 'M-REQ']);
    expect(area2?.delivery).toMatchObject({ blue: 1, grey: 1 });
    expect(area2?.impact).toMatchObject({ red: 0, none: 0 });
  });

  it('keeps open actions with the date they are now due, soonest first, and leaves finished ones out', () => {
    const { summary } = review(validPlan());
    expect(summary.areas[0]?.openDue).toEqual([
      ['A-1.1', '2026-03-31'],
      ['A-1.2', '2026-04-30'],
    ]);
    expect(summary.areas[1]?.openDue).toEqual([['A-2.2', '2026-07-31']]);
  });

  it('lists measures moving the wrong way by their polarity, and off target ones', () => {
    const { summary } = review(validPlan());
    // M-EHC20 (higher is better) rose 31.2 → 42.7; M-REQ (lower is better) fell 1260 → 118: both improving.
    expect(summary.areas[0]?.measuresWorsening).toEqual([]);
    const worse = review(
      validPlan((plan) => {
        const measures = plan.measures as Array<{ series: Array<{ value: number | null }> }>;
        const series = measures[0]?.series;
        if (series?.[2]) series[2].value = 25;
      }),
    );
    expect(worse.summary.areas[0]?.measuresWorsening).toEqual(['M-EHC20']);
    expect(worse.summary.areas[0]?.measuresOffTarget).toEqual(['M-EHC20']);
  });

  it('leaves archived actions out of the figures but keeps them as list rows', () => {
    const plan = validPlan();
    const writes = diffPlan([], plan, 7).writes.map((entity) => (entity.id === 'A-1.1' ? { ...entity, archivedInRevision: 8 } : entity));
    const { summary, rows } = buildPlanReview(plan.plan.id, 8, writes);
    expect(summary.areas[0]?.actions).toBe(1);
    expect(rows.find((row) => row.id === 'A-1.1')?.archivedInRevision).toBe(8);
  });

  it('makes one row per action with its lead’s role, the latest update and its milestones', () => {
    const { rows } = review(validPlan());
    expect(rows.map((row) => row.ref)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(rows[0]).toMatchObject({ leadRole: 'Head of SEND', lastUpdatePeriod: '2026-02', milestoneIds: ['MS-1', 'MS-2'] });
    expect(rows[3]).toMatchObject({ leadRole: null, lastUpdatePeriod: null });
  });
});

describe('actions list filters and sorting', () => {
  const { rows } = review(validPlan());
  const today = '2026-04-10';

  it('filters by RAG, status, area, lead, overdue (revised date counts) and revised due dates', () => {
    const ids = (filters: Partial<typeof NO_FILTERS>) => filterRows(rows, { ...NO_FILTERS, ...filters }, { today }).map((row) => row.id);
    expect(ids({ rag: ['red'] })).toEqual(['A-1.2']);
    expect(ids({ status: ['complete', 'not-started'] })).toEqual(['A-2.1', 'A-2.2']);
    expect(ids({ area: 'AREA-2' })).toEqual(['A-2.1', 'A-2.2']);
    expect(ids({ lead: 'OWN-HSEND' })).toEqual(['A-1.1']);
    // A-1.1 was due 31 March; A-1.2's revised date (30 April) is not passed; A-2.1 is complete.
    expect(ids({ isOverdue: true })).toEqual(['A-1.1']);
    expect(ids({ isDueSoon: true })).toEqual(['A-1.2']);
    expect(ids({ hasRevisedDue: true })).toEqual(['A-1.2']);
    expect(ids({ rag: ['red', 'amber'], isOverdue: true })).toEqual(['A-1.1']);
    expect(ids({ hasMyAnnotations: true })).toEqual([]);
    expect(
      filterRows(rows, { ...NO_FILTERS, hasMyAnnotations: true }, { today, annotatedActionIds: new Set(['A-2.2']) }).map((row) => row.id),
    ).toEqual(['A-2.2']);
    expect(ids({ measure: 'M-REQ' })).toEqual(['A-1.2']);
  });

  it('filters by what changed since a revision, and shows removed actions only when asked', () => {
    const moved = rows.map((row) =>
      row.id === 'A-2.2' ? { ...row, changedInRevision: 9 } : row.id === 'A-2.1' ? { ...row, archivedInRevision: 9 } : row,
    );
    expect(filterRows(moved, { ...NO_FILTERS, changedSince: 8 }, { today }).map((row) => row.id)).toEqual(['A-2.2']);
    expect(filterRows(moved, NO_FILTERS, { today }).map((row) => row.id)).not.toContain('A-2.1');
    expect(filterRows(moved, { ...NO_FILTERS, archived: 'only' }, { today }).map((row) => row.id)).toEqual(['A-2.1']);
    expect(filterRows(moved, { ...NO_FILTERS, archived: 'include' }, { today })).toHaveLength(4);
  });

  it('sorts by due date (revised where approved), RAG severity and reference, either way', () => {
    expect(sortRows(rows, 'due', false).map((row) => row.id)).toEqual(['A-2.1', 'A-1.1', 'A-1.2', 'A-2.2']);
    expect(sortRows(rows, 'due', true).map((row) => row.id)).toEqual(['A-2.2', 'A-1.2', 'A-1.1', 'A-2.1']);
    expect(sortRows(rows, 'rag', false).map((row) => row.deliveryRag)).toEqual(['red', 'amber', 'blue', 'grey']);
    expect(sortRows(rows, 'ref', true).map((row) => row.ref)).toEqual(['2.2', '2.1', '1.2', '1.1']);
    // Actions without a lead sort last whichever way.
    expect(sortRows(rows, 'lead', false).at(-1)?.id).toBe('A-2.2');
    expect(sortRows(rows, 'lead', true).at(-1)?.id).toBe('A-2.2');
  });

  it('round-trips through the address and ignores values it does not know', () => {
    const filters = { ...NO_FILTERS, rag: ['red' as const], isOverdue: true, changedSince: 3, sort: 'due' as const, isDescending: true };
    const params = new URLSearchParams(
      Object.entries(filtersToParams(filters)).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    expect(filtersFromParams(params)).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('rag=purple,red&status=lost&sort=nonsense&since=-2&archived=all'))).toEqual({
      ...NO_FILTERS,
      rag: ['red'],
    });
  });
});
