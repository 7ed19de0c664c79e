import { describe, expect, it } from 'vitest';
import { compactChangesSteps, expandChangesSteps, findChange, type StoredChanges } from '../../../shared/plan/compact-changes';
import { diffPlan, type EntityChange } from '../../../shared/plan/diff';
import { validatePlanValue } from '../../../shared/plan/validate';
import { runToEnd } from '../../../shared/sliced';
import { makeValidPlan } from '../plan/fixtures';

// A first import's change set (every entity added, no fields) is stored as one string; any other
// change set as it is. Read back, both give the diff's changes exactly, in the diff's order.

function firstImportChanges(): EntityChange[] {
  const result = validatePlanValue(makeValidPlan());
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return diffPlan([], result.plan, 7).changes;
}

const round = (changes: EntityChange[]) => runToEnd(expandChangesSteps(runToEnd(compactChangesSteps(changes)), 'test'));

describe('compact change sets', () => {
  it('stores a first import as one string and reads back the same changes in the same order', () => {
    const changes = firstImportChanges();
    expect(changes.length).toBeGreaterThan(10);
    const stored = runToEnd(compactChangesSteps(changes));
    expect(stored.changes).toEqual([]);
    expect(typeof stored.added).toBe('string');
    expect(stored.addedCount).toBe(changes.length);
    expect(runToEnd(expandChangesSteps(stored, 'first'))).toEqual(changes);
    // Survives the store's clone and the backup's JSON unchanged.
    expect(runToEnd(expandChangesSteps(JSON.parse(JSON.stringify(stored)) as StoredChanges, 'first'))).toEqual(changes);
  });

  it('keeps a change set with any change, archive or restore as it is', () => {
    const changes: EntityChange[] = [
      { kind: 'action', id: 'a-1', change: 'added', fields: [] },
      { kind: 'action', id: 'a-2', change: 'changed', fields: [{ field: 'title', before: 'Old', after: 'New' }] },
      { kind: 'risk', id: 'r-1', change: 'archived', fields: [] },
    ];
    const stored = runToEnd(compactChangesSteps(changes));
    expect(stored).toEqual({ changes });
    expect(stored.added).toBeUndefined();
    expect(round(changes)).toEqual(changes);
    // A restore that moved a field, or an addition with fields, is not compacted either.
    const restored: EntityChange[] = [{ kind: 'owner', id: 'o-1', change: 'restored', fields: [] }];
    expect(runToEnd(compactChangesSteps(restored))).toEqual({ changes: restored });
    expect(round([])).toEqual([]);
  });

  it('keeps ids holding colons, digits and spaces intact', () => {
    const changes: EntityChange[] = ['12:action', 'x:3:y', ' spaced id ', '9', 'é—ünïcode'].map((id) => ({
      kind: 'action',
      id,
      change: 'added',
      fields: [],
    }));
    expect(round(changes)).toEqual(changes);
  });

  it('finds one entity’s change, and only at the start of an entry', () => {
    const changes: EntityChange[] = [
      { kind: 'action', id: `x15:action\u0000a-9`, change: 'added', fields: [] },
      { kind: 'action', id: 'a-1', change: 'added', fields: [] },
    ];
    const stored = runToEnd(compactChangesSteps(changes));
    expect(findChange(stored, 'action', 'a-1')).toEqual(changes[1]);
    expect(findChange(stored, 'action', `x15:action\u0000a-9`)).toEqual(changes[0]);
    // "a-9" appears inside the first id's text, looking like an entry, but is not one.
    expect(findChange(stored, 'action', 'a-9')).toBeNull();
    expect(findChange(stored, 'risk', 'a-1')).toBeNull();
    const plain: StoredChanges = { changes: [{ kind: 'action', id: 'a-2', change: 'changed', fields: [] }] };
    expect(findChange(plain, 'action', 'a-2')).toEqual(plain.changes[0]);
    expect(findChange(plain, 'action', 'a-3')).toBeNull();
  });

  it('refuses a truncated, malformed or miscounted record with a located message', () => {
    const stored = runToEnd(compactChangesSteps(firstImportChanges()));
    const added = stored.added ?? '';
    expect(() => runToEnd(expandChangesSteps({ ...stored, added: added.slice(0, -3) }, 'imp-1'))).toThrow(
      /change set imp-1: added entity \d+ \(at character \d+\) is malformed/,
    );
    expect(() => runToEnd(expandChangesSteps({ changes: [], added: 'abc' }, 'imp-2'))).toThrow(/change set imp-2: added entity 1 /);
    expect(() => runToEnd(expandChangesSteps({ changes: [], added: '9:spaceship\u0000x' }, 'imp-3'))).toThrow(/imp-3: added entity 1 /);
    expect(() => runToEnd(expandChangesSteps({ ...stored, addedCount: (stored.addedCount ?? 0) + 1 }, 'imp-4'))).toThrow(
      /change set imp-4: holds \d+ added entities, not \d+/,
    );
  });
});
