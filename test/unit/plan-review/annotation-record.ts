import { targetKeyOf, type AnnotationRecord } from '../../../renderer/annotations/types';

let counter = 0;

/** A stored annotation on a plan entity, with the fields a test cares about. */
export function annotationRecord(overrides: Partial<AnnotationRecord> & { planId: string; actionId: string }): AnnotationRecord {
  counter += 1;
  const { planId, actionId, ...rest } = overrides;
  const target = { planId, kind: 'action' as const, id: actionId };
  return {
    id: `ann-${counter}`,
    authorId: 'member-1',
    authorName: 'Cllr Amira Shah',
    targetKey: targetKeyOf(target),
    target,
    kind: 'question',
    text: 'Why is recruitment still behind?',
    tags: [],
    visibility: 'private',
    answer: null,
    madeAgainstRevision: 7,
    order: counter,
    createdAt: '2026-03-10T09:00:00Z',
    hlc: `2026-03-10T09:00:00.000Z-${String(counter).padStart(4, '0')}-device`,
    deviceId: 'device-1',
    deleted: false,
    ...rest,
  };
}
