import type { AnnotationEntry } from '../annotations/file';
import { recordToEntry } from '../annotations/merge';
import type { AnnotationRecord } from '../annotations/types';

// What a device puts in its next segments (docs/formats/board-folder-v1.md, "Segment and snapshot
// body"): only its member's shared annotations, and exempt material only in a segment marked
// confidential, and only when the member chose to share it.

export type SegmentPlan = { open: AnnotationEntry[]; confidential: AnnotationEntry[] };

/**
 * Splits the records a device will write into the non-confidential segment and the confidential
 * one. Private records, and other members' records, never appear in either.
 */
export function planSegments(
  records: readonly AnnotationRecord[],
  memberId: string,
  isExempt: (record: AnnotationRecord) => boolean,
  shareExempt: boolean,
): SegmentPlan {
  const plan: SegmentPlan = { open: [], confidential: [] };
  for (const record of records) {
    if (record.authorId !== memberId) continue;
    const entry = recordToEntry(record);
    if (!entry) continue;
    if (!isExempt(record)) plan.open.push(entry);
    else if (shareExempt) plan.confidential.push(entry);
  }
  return plan;
}
