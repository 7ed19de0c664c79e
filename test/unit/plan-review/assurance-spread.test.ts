import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { validateAnnotationsText } from '../../../shared/annotations/file';
import { assuranceSpread } from '../../../shared/plan-review/assurance-spread';
import {
  buildAnnotationsFile,
  createAnnotation,
  deleteAnnotation,
  mergeAnnotationsFile,
  updateAnnotation,
} from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../renderer/plan-candidates';

const SCALE = ['Assured', 'Partially assured', 'Not assured'];
const area = (id: string) => ({ kind: 'area' as const, planId: 'p', id });
function view(authorName: string, areaId: string, level: string | undefined, createdAt: string, extra = {}) {
  return {
    authorId: authorName,
    authorName,
    kind: 'assurance' as const,
    deleted: false,
    createdAt,
    target: area(areaId),
    ...(level ? { assuranceLevel: level } : {}),
    ...extra,
  };
}

const store = useStores();

describe('members’ assurance views per area', () => {
  it('counts each member’s latest view by level, in the scale’s order, apart from views with no level', () => {
    const spread = assuranceSpread(
      [
        view('Cllr A', 'AREA-1', 'Assured', '2027-01-01T00:00:00Z'),
        view('Cllr A', 'AREA-1', 'Not assured', '2027-01-05T00:00:00Z'),
        view('Cllr B', 'AREA-1', 'Not assured', '2027-01-02T00:00:00Z'),
        view('Cllr C', 'AREA-1', undefined, '2027-01-02T00:00:00Z'),
        view('Cllr D', 'AREA-1', 'Assured', '2027-01-02T00:00:00Z', { deleted: true }),
        view('Cllr E', 'AREA-1', 'Assured', '2027-01-02T00:00:00Z', { kind: 'note' }),
        view('Cllr F', 'AREA-1', 'Limited', '2027-01-03T00:00:00Z'),
        view('Cllr A', 'AREA-2', 'Partially assured', '2027-01-03T00:00:00Z'),
      ],
      ['AREA-1', 'AREA-2', 'AREA-3'],
      SCALE,
    );
    expect(spread[0]).toEqual({
      areaId: 'AREA-1',
      levels: [
        { level: 'Assured', members: [] },
        { level: 'Partially assured', members: [] },
        { level: 'Not assured', members: ['Cllr A', 'Cllr B'] },
        { level: 'Limited', members: ['Cllr F'] },
      ],
      withoutLevel: ['Cllr C'],
    });
    expect(spread[1]?.levels.find((level) => level.level === 'Partially assured')?.members).toEqual(['Cllr A']);
    expect(spread[2]?.levels.every((level) => level.members.length === 0)).toBe(true);
  });

  it('a member’s level goes out in their annotations file and arrives on the chair’s laptop; only assurance views carry one', async () => {
    const member = store(`assurance-a-${Math.random().toString(36).slice(2)}`);
    const chair = store(`assurance-c-${Math.random().toString(36).slice(2)}`);
    for (const db of [member, chair]) await storeCandidate(db, candidateFor(planObject()));
    const profile = await saveProfile(member, { displayName: 'Cllr A', role: 'member', organisation: 'Council' });
    const chairProfile = await saveProfile(chair, { displayName: 'Chair', role: 'chair', organisation: 'Council' });
    const target = { kind: 'area' as const, planId: 'northshire-wsoa-2025', id: 'AREA-1' };
    const mine = await createAnnotation(member, profile, target, {
      kind: 'assurance',
      text: 'Timeliness is improving but quality is not.',
      tags: [],
      visibility: 'shared',
      assuranceLevel: 'Partially assured',
    });
    expect(mine.assuranceLevel).toBe('Partially assured');
    const note = await createAnnotation(member, profile, target, {
      kind: 'note',
      text: 'A note',
      tags: [],
      visibility: 'shared',
      assuranceLevel: 'Assured',
    });
    expect(note.assuranceLevel).toBeUndefined();
    const file = await buildAnnotationsFile(member, profile);
    const checked = validateAnnotationsText(JSON.stringify(file));
    expect(checked.ok).toBe(true);
    await mergeAnnotationsFile(chair, file, { profile: chairProfile });
    expect((await chair.annotations.get(mine.id))?.assuranceLevel).toBe('Partially assured');
    // Changing the kind drops the level; a deleted view keeps none, and a file saying otherwise is refused.
    const changed = await updateAnnotation(member, profile, mine.id, {
      kind: 'concern',
      text: 'x',
      tags: [],
      visibility: 'shared',
      assuranceLevel: 'Assured',
    });
    expect(changed.ok && changed.record.assuranceLevel).toBeUndefined();
    await deleteAnnotation(member, profile, mine.id);
    const tombstone = (await buildAnnotationsFile(member, profile)).annotations.find((entry) => entry.id === mine.id);
    expect(tombstone?.assuranceLevel).toBeUndefined();
    const forged = {
      ...file,
      annotations: file.annotations.map((entry) => ({ ...entry, text: '', tags: [], answer: null, deleted: true })),
    };
    expect(validateAnnotationsText(JSON.stringify(forged)).ok).toBe(false);
  });
});
