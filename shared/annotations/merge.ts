import type { AnnotationEntry, AnnotationsFile } from './file';
import { compareHlc } from './hlc';
import { targetKeyOf, type AnnotationRecord } from './types';

// Merging another member's annotations file. Conflict-free by construction: every annotation
// has one author, who alone may change it; among versions of it, the highest clock stamp wins
// (stamps end with the device id, so two laptops never tie); a deletion is a version like any
// other (a tombstone), so a merge cannot bring a deleted note back. The result is the same
// whatever order files are merged in, and merging a file twice changes nothing.

export type MergeDecision = { action: 'insert' | 'update' | 'skip' } | { action: 'reject'; reason: string };

/** What to do with one incoming annotation, given the stored version of it (if any). */
export function decideMerge(
  existing: Pick<AnnotationRecord, 'authorId' | 'hlc'> | undefined,
  incoming: AnnotationEntry,
  fileAuthorId: string,
): MergeDecision {
  if (incoming.authorId !== fileAuthorId) return { action: 'reject', reason: 'it belongs to another member than the file’s author' };
  if (!existing) return { action: 'insert' };
  if (existing.authorId !== incoming.authorId) return { action: 'reject', reason: 'an annotation with this id belongs to another member' };
  return compareHlc(incoming.hlc, existing.hlc) > 0 ? { action: 'update' } : { action: 'skip' };
}

/**
 * Where another member's annotation sorts among theirs: its creation time, a fact of the
 * annotation itself, so the stored order never depends on which file brought it first.
 */
export function mergedOrder(entry: Pick<AnnotationEntry, 'createdAt'>): number {
  const created = Date.parse(entry.createdAt);
  return Number.isFinite(created) ? created : 0;
}

/** A member's name as one of their files gave it, and when that file was exported. */
export type AuthorName = { displayName: string; exportedAt: string };

/**
 * The name to show for a member, given the one kept so far and a file's: the latest file's
 * (`exportedAt`), the greater name on a tie. A function of the set of files, not their order,
 * so a renamed member shows once, under one name, whichever file was merged last.
 */
export function laterAuthorName(kept: AuthorName | undefined, incoming: AuthorName): AuthorName {
  if (!kept) return incoming;
  const time = (name: AuthorName) => {
    const parsed = Date.parse(name.exportedAt);
    return Number.isFinite(parsed) ? parsed : Number.NEGATIVE_INFINITY;
  };
  const difference = time(incoming) - time(kept);
  if (difference !== 0) return difference > 0 ? incoming : kept;
  return incoming.displayName > kept.displayName ? incoming : kept;
}

/** The stored form of an incoming annotation. */
export function entryToRecord(entry: AnnotationEntry, authorName: string, order: number): AnnotationRecord {
  return {
    id: entry.id,
    authorId: entry.authorId,
    authorName,
    targetKey: targetKeyOf(entry.target),
    target: { ...entry.target },
    kind: entry.kind,
    text: entry.text,
    tags: [...entry.tags],
    visibility: 'shared',
    answer: entry.answer ? { ...entry.answer } : null,
    ...(entry.assuranceLevel !== undefined ? { assuranceLevel: entry.assuranceLevel } : {}),
    madeAgainstRevision: entry.madeAgainstRevision,
    order,
    createdAt: entry.createdAt,
    hlc: entry.hlc,
    deviceId: entry.deviceId,
    deleted: entry.deleted,
  };
}

/** The exchange form of a stored shared annotation; null for a private one, which never leaves. */
export function recordToEntry(record: AnnotationRecord): AnnotationEntry | null {
  if (record.visibility !== 'shared') return null;
  return {
    id: record.id,
    authorId: record.authorId,
    target: { ...record.target },
    kind: record.kind,
    text: record.deleted ? '' : record.text,
    tags: record.deleted ? [] : [...record.tags],
    visibility: 'shared',
    answer: record.deleted || !record.answer ? null : { ...record.answer },
    ...(!record.deleted && record.assuranceLevel !== undefined ? { assuranceLevel: record.assuranceLevel } : {}),
    madeAgainstRevision: record.madeAgainstRevision,
    createdAt: record.createdAt,
    hlc: record.hlc,
    deviceId: record.deviceId,
    deleted: record.deleted,
  };
}

export type MergeSummary = { inserted: number; updated: number; skipped: number; rejected: Array<{ id: string; reason: string }> };

/**
 * Merges a file into an in-memory store (id → record) and returns the records to write. The
 * renderer's repository does the same against IndexedDB; this pure form is what the property
 * tests exercise over random edit histories and import orders.
 */
export function mergeFile(
  existing: ReadonlyMap<string, AnnotationRecord>,
  file: AnnotationsFile,
): { writes: AnnotationRecord[]; summary: MergeSummary } {
  const writes: AnnotationRecord[] = [];
  const summary: MergeSummary = { inserted: 0, updated: 0, skipped: 0, rejected: [] };
  for (const entry of file.annotations) {
    const current = existing.get(entry.id);
    const decision = decideMerge(current, entry, file.author.id);
    if (decision.action === 'reject') {
      summary.rejected.push({ id: entry.id, reason: decision.reason });
      continue;
    }
    if (decision.action === 'skip') {
      summary.skipped += 1;
      continue;
    }
    writes.push(entryToRecord(entry, file.author.displayName, mergedOrder(entry)));
    if (decision.action === 'insert') summary.inserted += 1;
    else summary.updated += 1;
  }
  return { writes, summary };
}
