import type { PaperAnchor } from '../pack/anchor';

// Member annotations, as stored on a laptop and as exchanged in .annotations.json files.

export const ANNOTATION_KINDS = ['note', 'question', 'concern', 'praise', 'assurance'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const PLAN_TARGET_KINDS = ['area', 'action', 'milestone', 'measure'] as const;
export type PlanTargetKind = (typeof PLAN_TARGET_KINDS)[number];

export const BOARD_ROLES = ['member', 'chair', 'vice-chair', 'clerk', 'officer', 'adviser'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** What an annotation is about: a plan entity (a measure optionally at one point of its series). */
export type AnnotationTarget = { kind: PlanTargetKind; planId: string; id: string; point?: string };

/**
 * A passage of a board paper: the meeting's pack holds the paper, and the anchor (quote with its
 * context, offsets and page; see shared/pack/anchor.ts) finds the passage again in a reissue.
 */
export type PaperTarget = { kind: 'paper'; meetingId: string; paperId: string; anchor: PaperAnchor };

/** Anything an annotation can be about. */
export type AnyAnnotationTarget = AnnotationTarget | PaperTarget;

/** Whether a target is a passage of a paper rather than a plan entity. */
export function isPaperTarget(target: { kind: string }): target is PaperTarget {
  return target.kind === 'paper';
}

// Paper keys start with a character no plan id starts with, so a plan's key range
// (`planId \u0001 …`) can never take in a paper's annotations.
const PAPER_KEY_PREFIX = '\u0000paper';

/**
 * The index key of a target: all annotations on one entity share it, whatever the point; all
 * highlights on one paper share it, wherever the passage.
 */
export function targetKeyOf(
  target: { planId: string; kind: string; id: string } | Pick<PaperTarget, 'kind' | 'meetingId' | 'paperId'>,
): string {
  if ('meetingId' in target) return paperTargetKey(target.meetingId, target.paperId);
  return `${target.planId}\u0001${target.kind}\u0001${target.id}`;
}

/** The index key of the highlights on one paper of a meeting. */
export function paperTargetKey(meetingId: string, paperId: string): string {
  return `${PAPER_KEY_PREFIX}\u0001${meetingId}\u0001${paperId}`;
}

/**
 * An answer to a question. `answeredAt` is when it was recorded here; an answer from the officers'
 * workbook also says who answered and on which day, and the member may mark it not accepted,
 * with the follow-up they want answered (the question then goes out again).
 */
export type QuestionAnswer = {
  text: string;
  answeredAt: string;
  /** Who answered (a role, e.g. "Head of SEND"), as written in the workbook. */
  answeredBy?: string;
  /** The day the officer gave, YYYY-MM-DD. */
  answeredOn?: string;
  via?: 'meeting' | 'workbook';
  notAccepted?: { at: string; followUp: string };
};

export type AnnotationRecord = {
  id: string;
  authorId: string;
  authorName: string;
  targetKey: string;
  target: AnyAnnotationTarget;
  kind: AnnotationKind;
  text: string;
  tags: string[];
  visibility: 'private' | 'shared';
  /** For questions: the answer, given at the meeting or in writing (an officers' answers workbook). */
  answer: QuestionAnswer | null;
  /** For an assurance view on an area: the member's own level on the board's scale, before a meeting. */
  assuranceLevel?: string;
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

/** An annotation on a plan entity (the views and exports that work from the plan take only these). */
export type PlanAnnotationRecord = AnnotationRecord & { target: AnnotationTarget };

/** Whether an annotation is about a plan entity rather than a passage of a paper. */
export function isPlanAnnotation(record: AnnotationRecord): record is PlanAnnotationRecord {
  return record.target.kind !== 'paper';
}

/** Who a member is on this laptop. `id` identifies their annotations everywhere. */
export type Profile = {
  id: string;
  displayName: string;
  role: BoardRole;
  organisation: string;
  deviceId: string;
};
