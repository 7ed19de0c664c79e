// Member annotations, as stored. The exchange format (shared/annotations/) carries the same
// fields for shared annotations; private ones never leave this laptop.

export const ANNOTATION_KINDS = ['note', 'question', 'concern', 'praise', 'assurance'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export type PlanTargetKind = 'area' | 'action' | 'milestone' | 'measure';

/** What an annotation is about: a plan entity (a measure optionally at one point of its series). */
export type AnnotationTarget = { kind: PlanTargetKind; planId: string; id: string; point?: string };

/** The index key of a target: all annotations on one entity share it, whatever the point. */
export function targetKeyOf(target: { planId: string; kind: string; id: string }): string {
  return `${target.planId}\u0001${target.kind}\u0001${target.id}`;
}

export type AnnotationRecord = {
  id: string;
  authorId: string;
  authorName: string;
  targetKey: string;
  target: AnnotationTarget;
  kind: AnnotationKind;
  text: string;
  tags: string[];
  visibility: 'private' | 'shared';
  /** For questions: the answer as given at the meeting. */
  answer: { text: string; answeredAt: string } | null;
  /** The plan revision the annotation was written against, to show when the target moved since. */
  madeAgainstRevision: number;
  /** Position in the member's own list of questions. */
  order: number;
  createdAt: string;
  /** Hybrid logical clock stamp of the last edit: last writer wins, deterministically. */
  hlc: string;
  deviceId: string;
  /** Deletions are kept as tombstones so that a merge cannot bring a deleted note back. */
  deleted: boolean;
};
