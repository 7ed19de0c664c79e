import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_FORMAT, type AnnotationEntry, type AnnotationsFile } from '../../../shared/annotations/file';
import { encodeHlc, tickHlc, type Hlc } from '../../../shared/annotations/hlc';
import { decideMerge, mergeFile } from '../../../shared/annotations/merge';
import type { AnnotationRecord } from '../../../shared/annotations/types';

// Edit histories: each member edits only their own annotations on their own laptop, exporting
// snapshots of their shared annotations as files now and then. A receiver merges any of those
// files in any order, any number of times.

type Op = { kind: 'create' } | { kind: 'edit'; which: number; text: string } | { kind: 'delete'; which: number } | { kind: 'export' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'create' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), which: fc.nat(20), text: fc.string({ maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), which: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'export' as const }) },
);

/** Plays one member's edits and returns the files they exported along the way. */
function playMember(member: number, ops: readonly Op[], clockStart: number): AnnotationsFile[] {
  const authorId = `member-${member}`;
  const device = `device-${member}`;
  const annotations: AnnotationEntry[] = [];
  const files: AnnotationsFile[] = [];
  let clock: Hlc | null = null;
  let now = clockStart;
  const stamp = () => {
    now += member % 2 === 0 ? 1 : 0; // some members edit faster than their clock ticks: counters matter
    clock = tickHlc(clock, now, device);
    return encodeHlc(clock);
  };
  for (const op of ops) {
    if (op.kind === 'create') {
      annotations.push({
        id: `${authorId}-a${annotations.length}`,
        authorId,
        target: { kind: 'action', planId: 'p', id: `act-${annotations.length % 3}` },
        kind: 'question',
        text: 'first draft',
        tags: [],
        visibility: 'shared',
        answer: null,
        madeAgainstRevision: 1,
        createdAt: '2026-03-01T10:00:00Z',
        hlc: stamp(),
        deviceId: device,
        deleted: false,
      });
    } else if (op.kind === 'edit' || op.kind === 'delete') {
      const index = annotations.length === 0 ? -1 : op.which % annotations.length;
      const target = annotations[index];
      if (!target || target.deleted) continue;
      annotations[index] =
        op.kind === 'edit'
          ? { ...target, text: op.text, hlc: stamp() }
          : { ...target, text: '', tags: [], answer: null, deleted: true, hlc: stamp() };
    } else {
      files.push({
        format: ANNOTATIONS_FORMAT,
        formatVersion: 1,
        exportedAt: '2026-03-02T10:00:00Z',
        author: { id: authorId, displayName: `Member ${member}`, role: 'member', organisation: 'Council', deviceId: device },
        annotations: annotations.map((entry) => ({ ...entry })),
      });
    }
  }
  return files;
}

function mergeAll(files: readonly AnnotationsFile[]): Map<string, AnnotationRecord> {
  const store = new Map<string, AnnotationRecord>();
  for (const file of files) {
    const { writes } = mergeFile(store, file);
    for (const record of writes) store.set(record.id, record);
  }
  return store;
}

function snapshot(store: Map<string, AnnotationRecord>) {
  return [...store.values()].map(({ order: _order, authorName: _name, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
}

const historiesArbitrary = fc.array(fc.array(opArbitrary, { maxLength: 25 }), { minLength: 1, maxLength: 4 });

describe('merging annotation files', () => {
  it('gives the same store whatever order the files are merged in', () => {
    fc.assert(
      fc.property(historiesArbitrary, fc.integer({ min: 0, max: 1_000_000 }), fc.nat(), (histories, clockStart, seed) => {
        const files = histories.flatMap((ops, member) => playMember(member, ops, clockStart));
        const shuffled =
          fc.sample(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), { numRuns: 1, seed })[0] ?? files;
        expect(snapshot(mergeAll(shuffled))).toEqual(snapshot(mergeAll(files)));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when a file is merged again, and keeps each annotation’s latest version', () => {
    fc.assert(
      fc.property(historiesArbitrary, (histories) => {
        const files = histories.flatMap((ops, member) => playMember(member, ops, 1_700_000_000_000));
        const store = mergeAll(files);
        for (const file of files) {
          const again = mergeFile(store, file);
          expect(again.writes).toEqual([]);
          expect(again.summary.rejected).toEqual([]);
        }
        // Each annotation holds the version with the highest stamp among all files.
        const latest = new Map<string, AnnotationEntry>();
        for (const entry of files.flatMap((file) => file.annotations)) {
          const seen = latest.get(entry.id);
          if (!seen || entry.hlc > seen.hlc) latest.set(entry.id, entry);
        }
        expect(store.size).toBe(latest.size);
        for (const [id, entry] of latest) {
          expect(store.get(id)?.hlc).toBe(entry.hlc);
          expect(store.get(id)?.deleted).toBe(entry.deleted);
          expect(store.get(id)?.text).toBe(entry.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a deletion is never undone by merging an older file', () => {
    const [early, late] = playMember(1, [{ kind: 'create' }, { kind: 'export' }, { kind: 'delete', which: 0 }, { kind: 'export' }], 1_000);
    if (!early || !late) throw new Error('expected two files');
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const store = mergeAll(order);
      expect([...store.values()].map((record) => record.deleted)).toEqual([true]);
    }
  });

  it('never lets a file change another member’s annotations', () => {
    const [mine] = playMember(1, [{ kind: 'create' }, { kind: 'export' }], 5_000);
    if (!mine) throw new Error('no file');
    const store = mergeAll([mine]);
    const impostor: AnnotationsFile = {
      ...mine,
      author: { ...mine.author, id: 'member-9', displayName: 'Someone else' },
      annotations: mine.annotations.map((entry) => ({
        ...entry,
        authorId: 'member-9',
        text: 'rewritten',
        hlc: encodeHlc({ wall: 9e12, counter: 0, device: 'x' }),
      })),
    };
    const result = mergeFile(store, impostor);
    expect(result.writes).toEqual([]);
    expect(result.summary.rejected).toEqual([
      { id: mine.annotations[0]?.id, reason: 'an annotation with this id belongs to another member' },
    ]);
    const forged = { ...impostor, annotations: mine.annotations.map((entry) => ({ ...entry, text: 'forged' })) };
    expect(mergeFile(store, forged).summary.rejected[0]?.reason).toBe('it belongs to another member than the file’s author');
  });

  it('decides by clock stamp: newer updates, older or equal is skipped', () => {
    const entry = playMember(1, [{ kind: 'create' }, { kind: 'export' }], 10)[0]?.annotations[0];
    if (!entry) throw new Error('no entry');
    const newer = { ...entry, hlc: encodeHlc({ wall: 99, counter: 0, device: 'device-1' }) };
    expect(decideMerge(undefined, entry, 'member-1')).toEqual({ action: 'insert' });
    expect(decideMerge({ authorId: 'member-1', hlc: entry.hlc }, entry, 'member-1')).toEqual({ action: 'skip' });
    expect(decideMerge({ authorId: 'member-1', hlc: entry.hlc }, newer, 'member-1')).toEqual({ action: 'update' });
    expect(decideMerge({ authorId: 'member-1', hlc: newer.hlc }, entry, 'member-1')).toEqual({ action: 'skip' });
  });
});
