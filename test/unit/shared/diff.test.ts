import { describe, expect, it } from 'vitest';
import { diffFields, diffPlan, type StoredEntity } from '../../../shared/plan/diff';
import { validatePlanValue } from '../../../shared/plan/validate';
import { makeValidPlan } from '../plan/fixtures';

function validated(
  mutate: (plan: ReturnType<typeof makeValidPlan> & { actions: Array<Record<string, unknown>> }) => void = () => undefined,
) {
  const plan = makeValidPlan() as ReturnType<typeof makeValidPlan> & { actions: Array<Record<string, unknown>> };
  mutate(plan);
  const result = validatePlanValue(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result.plan;
}

describe('diffPlan', () => {
  it('adds every entity of a first revision', () => {
    const plan = validated();
    const diff = diffPlan([], plan, 7);
    const total =
      plan.organisations.length +
      plan.owners.length +
      plan.areas.length +
      plan.actions.length +
      plan.milestones.length +
      plan.measures.length +
      plan.evidence.length +
      plan.risks.length;
    expect(diff.summary).toEqual({ added: total, changed: 0, archived: 0, restored: 0, unchanged: 0 });
    expect(diff.writes.every((entity) => entity.addedInRevision === 7 && entity.archivedInRevision === null)).toBe(true);
  });

  it('writes nothing for an identical revision', () => {
    const first = diffPlan([], validated(), 7);
    const again = diffPlan(first.writes, validated(), 8);
    expect(again.writes).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.summary.unchanged).toBe(first.writes.length);
  });

  it('records only the fields that moved, with before and after, and archives what is missing', () => {
    const stored: StoredEntity[] = diffPlan([], validated(), 7).writes;
    const next = validated((plan) => {
      plan.actions[0] = { ...plan.actions[0], status: 'complete', deliveryRag: 'B' };
      plan.actions.splice(3, 1);
      plan.risks = (plan.risks as Array<{ id: string }>).filter((risk) => risk.id !== 'R-2');
    });
    const diff = diffPlan(stored, next, 8);
    const changed = diff.changes.find((change) => change.change === 'changed' && change.kind === 'action');
    expect(changed?.fields).toEqual([
      { field: 'status', before: 'in-progress', after: 'complete' },
      { field: 'deliveryRag', before: 'amber', after: 'blue' },
    ]);
    const archived = diff.changes.filter((change) => change.change === 'archived').map((change) => `${change.kind}:${change.id}`);
    expect(archived.sort()).toEqual(['action:A-2.2', 'risk:R-2']);
    const archivedRecord = diff.writes.find((entity) => entity.id === 'A-2.2');
    expect(archivedRecord).toMatchObject({ archivedInRevision: 8, addedInRevision: 7 });
    expect(diff.writes).toHaveLength(3);
  });

  it('restores an archived entity that comes back, noting any fields that moved meanwhile', () => {
    const stored = diffPlan([], validated(), 7).writes.map((entity) =>
      entity.id === 'A-2.2' ? { ...entity, archivedInRevision: 8 } : entity,
    );
    const diff = diffPlan(
      stored,
      validated((plan) => {
        plan.actions[3] = { ...plan.actions[3], title: 'Termly Local Offer roadshows, relaunched' };
      }),
      9,
    );
    expect(diff.changes).toEqual([
      {
        kind: 'action',
        id: 'A-2.2',
        change: 'restored',
        fields: [
          { field: 'title', before: 'Termly Local Offer roadshows in each locality', after: 'Termly Local Offer roadshows, relaunched' },
        ],
      },
    ]);
    expect(diff.writes[0]).toMatchObject({ archivedInRevision: null, changedInRevision: 9 });
  });

  it('restores an archived entity that comes back unchanged without marking it changed', () => {
    // Added in 7, last changed in 7, archived in 8, back in 9 exactly as it was.
    const stored = diffPlan([], validated(), 7).writes.map((entity) =>
      entity.id === 'A-2.2' ? { ...entity, archivedInRevision: 8 } : entity,
    );
    const diff = diffPlan(stored, validated(), 9);
    expect(diff.changes).toEqual([{ kind: 'action', id: 'A-2.2', change: 'restored', fields: [] }]);
    expect(diff.summary).toMatchObject({ restored: 1, changed: 0 });
    expect(diff.writes).toHaveLength(1);
    expect(diff.writes[0]).toMatchObject({ id: 'A-2.2', archivedInRevision: null, addedInRevision: 7, changedInRevision: 7 });
  });
});

describe('diffFields', () => {
  it('compares nested values by content and reports appearing and disappearing fields', () => {
    expect(diffFields({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffFields({ a: 1, gone: 'x' }, { a: 1, added: true })).toEqual([
      { field: 'gone', before: 'x', after: null },
      { field: 'added', before: null, after: true },
    ]);
  });
});
