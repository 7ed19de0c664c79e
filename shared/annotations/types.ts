// Member annotations, as stored on a laptop and as exchanged in .annotations.json files.

export const ANNOTATION_KINDS = ['note', 'question', 'concern', 'praise', 'assurance'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const PLAN_TARGET_KINDS = ['area', 'action', 'milestone', 'measure'] as const;
export type PlanTargetKind = (typeof PLAN_TARGET_KINDS)[number];

export const BOARD_ROLES = ['member', 'chair', 'vice-chair', 'clerk', 'officer', 'adviser'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

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

/** Who a member is on this laptop. `id` identifies their annotations everywhere. */
export type Profile = {
  id: string;
  displayName: string;
  role: BoardRole;
  organisation: string;
  deviceId: string;
};
