import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { ANNOTATIONS_FORMAT, type AnnotationEntry, type AnnotationsFile } from '../../../shared/annotations/file';
import { encodeHlc } from '../../../shared/annotations/hlc';
import { catchUpSearchIndex, mergeAnnotationsFile } from '../../../renderer/annotations/annotation-repository';

// The format promises that any order of merging gives the same store. The pure merge is
// property-tested in merge.test.ts; this runs the same promise through the repository on Dexie
// (fake-indexeddb), where the stored name of each member and the order of their notes used to
// depend on which file came last.

const store = useStores();

type Plan = { member: number; files: Array<{ renamed: boolean; creates: number; edits: number[] }> };

/** One member's files over time: each later file exported later, with more or edited notes, maybe under a new name. */
function filesOf({ member, files }: Plan): AnnotationsFile[] {
  const authorId = `member-${member}`;
  const deviceId = `device-${member}`;
  const notes: AnnotationEntry[] = [];
  let tick = 0;
  const stamp = () => encodeHlc({ wall: 1_790_000_000_000 + (tick += 1) * 1000, counter: 0, device: deviceId });
  return files.map(({ renamed, creates, edits }, sequence) => {
    for (let count = 0; count < creates; count += 1) {
      notes.push({
        id: `${authorId}-n${notes.length}`,
        authorId,
        target: { kind: 'action', planId: 'p', id: `act-${notes.length % 3}` },
        kind: 'question',
        text: `question ${notes.length}`,
        tags: [],
        visibility: 'shared',
        answer: null,
        madeAgainstRevision: 1,
        // Created in a different order from their ids: order must follow creation, not arrival.
        createdAt: new Date(Date.UTC(2026, 2, 1, 10, (notes.length * 7) % 11, notes.length)).toISOString(),
        hlc: stamp(),
        deviceId,
        deleted: false,
      });
    }
    for (const which of edits) {
      const index = notes.length === 0 ? -1 : which % notes.length;
      const note = notes[index];
      if (note) notes[index] = { ...note, text: `${note.text}, edited`, hlc: stamp() };
    }
    return {
      format: ANNOTATIONS_FORMAT,
      formatVersion: 1,
      exportedAt: new Date(Date.UTC(2026, 2, 2 + sequence, 18)).toISOString(),
      author: {
        id: authorId,
        displayName: renamed ? `Member ${member} (renamed)` : `Member ${member}`,
        role: 'member',
        organisation: 'Council',
        deviceId,
      },
      annotations: notes.map((note) => ({ ...note })),
    };
  });
}

async function mergeInOrder(files: readonly AnnotationsFile[]) {
  const db = store(`annotations-order-${Math.random().toString(36).slice(2)}`);
  for (const file of files) {
    await mergeAnnotationsFile(db, file);
    await catchUpSearchIndex(db);
  }
  const annotations = (await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const names = (await db.meta.get('annotationAuthorNames'))?.value;
  return { annotations, names };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

const fileArbitrary = fc.record({
  renamed: fc.boolean(),
  creates: fc.integer({ min: 0, max: 3 }),
  edits: fc.array(fc.nat(10), { maxLength: 2 }),
});
const plansArbitrary = fc.array(fc.array(fileArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

describe('merging annotation files through the repository', () => {
  it('gives the same table in all 24 orders of four files, a renamed member under one name', async () => {
    const files = [
      ...filesOf({
        member: 1,
        files: [
          { renamed: false, creates: 2, edits: [] },
          { renamed: true, creates: 1, edits: [0] },
        ],
      }),
      ...filesOf({
        member: 2,
        files: [
          { renamed: false, creates: 3, edits: [] },
          { renamed: false, creates: 0, edits: [2] },
        ],
      }),
    ];
    const first = await mergeInOrder(files);
    expect(new Set(first.annotations.filter((record) => record.authorId === 'member-1').map((record) => record.authorName))).toEqual(
      new Set(['Member 1 (renamed)']),
    );
    expect(first.annotations.map((record) => record.order)).toEqual(first.annotations.map((record) => Date.parse(record.createdAt)));
    for (const order of permutations(files).slice(1)) expect(await mergeInOrder(order)).toEqual(first);
  }, 60_000);

  it('gives the same table whatever order random histories are merged in', async () => {
    await fc.assert(
      fc.asyncProperty(plansArbitrary, fc.nat(), async (plans, seed) => {
        const files = plans.flatMap((plan, member) => filesOf({ member, files: plan }));
        const shuffled =
          fc.sample(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), { numRuns: 1, seed })[0] ?? files;
        expect(await mergeInOrder(shuffled)).toEqual(await mergeInOrder(files));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
