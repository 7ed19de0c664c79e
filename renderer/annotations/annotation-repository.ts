import type { AnnotationEntry, AnnotationsFile } from '../../shared/annotations/file';
import { ANNOTATIONS_FORMAT, ANNOTATIONS_FORMAT_VERSION } from '../../shared/annotations/file';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../shared/annotations/hlc';
import {
  decideMerge,
  entryToRecord,
  laterAuthorName,
  mergedOrder,
  recordToEntry,
  type AuthorName,
  type MergeDecision,
  type MergeSummary,
} from '../../shared/annotations/merge';
import {
  targetKeyOf,
  type AnnotationKind,
  type AnnotationRecord,
  type AnyAnnotationTarget,
  type Profile,
} from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { annotationSearchChanges } from '../search/annotation-documents';
import { updateSearchIndex } from '../search/search-index';
import { exemptPaperTargetKeys } from '../papers/pack-repository';

// Member annotations: every change is one transaction that also advances this laptop's hybrid
// logical clock, so edits made here order correctly against edits merged from other members.

const CLOCK = 'hlc';
const MERGED_FILES = 'mergedAnnotationFiles';
const INDEX_PENDING = 'annotationsAwaitingSearchIndex';
/** Per member (by id), the name their latest merged file gave: every one of their notes shows it. */
const AUTHOR_NAMES = 'annotationAuthorNames';

export type AnnotationInput = {
  kind: AnnotationKind;
  text: string;
  tags: readonly string[];
  visibility: 'private' | 'shared';
  /** Only for an assurance view: the member's level on the board's scale. */
  assuranceLevel?: string;
};

export type AnnotationError = { code: 'not-found' | 'not-yours' | 'deleted'; message: string };

/** The next clock stamp for an edit on this laptop (inside the caller's transaction). */
export async function nextStamp(db: OversightDatabase, profile: Profile, now: number): Promise<string> {
  const last = decodeHlc((await getMeta<string>(db, CLOCK)) ?? '');
  const next = tickHlc(last, now, profile.deviceId);
  const encoded = encodeHlc(next);
  await setMeta(db, CLOCK, encoded);
  return encoded;
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].slice(0, 20).map((tag) => tag.slice(0, 60));
}

// A level belongs only to an assurance view.
function levelOf(input: AnnotationInput): { assuranceLevel?: string } {
  const level = input.assuranceLevel?.trim().slice(0, 60);
  return input.kind === 'assurance' && level ? { assuranceLevel: level } : {};
}

/** Adds an annotation by the member, against the plan revision stored now. */
export async function createAnnotation(
  db: OversightDatabase,
  profile: Profile,
  target: AnyAnnotationTarget,
  input: AnnotationInput,
  options: { now?: Date; newId?: () => string } = {},
): Promise<AnnotationRecord> {
  const now = options.now ?? new Date();
  const saved = await db.transaction('rw', [db.meta, db.annotations, db.plans], async () => {
    // A paper has no revisions: a reissue is a new paper, which the highlight's anchor follows.
    const plan = target.kind === 'paper' ? undefined : await db.plans.get(target.planId);
    const mine = await db.annotations.where('targetKey').equals(targetKeyOf(target)).count();
    const record: AnnotationRecord = {
      id: options.newId?.() ?? crypto.randomUUID(),
      authorId: profile.id,
      authorName: profile.displayName,
      targetKey: targetKeyOf(target),
      target: { ...target },
      kind: input.kind,
      text: input.text.trim(),
      tags: cleanTags(input.tags),
      visibility: input.visibility,
      answer: null,
      ...levelOf(input),
      madeAgainstRevision: plan?.export.revision ?? 1,
      order: now.getTime() + mine,
      createdAt: now.toISOString(),
      hlc: await nextStamp(db, profile, now.getTime()),
      deviceId: profile.deviceId,
      deleted: false,
    };
    await db.annotations.add(record);
    await awaitSearchIndex(db, [record.id]);
    return record;
  });
  void scheduleSearchCatchUp(db);
  return saved;
}

/**
 * Records, inside the caller's transaction, annotations whose search documents are not yet up
 * to date. Rewriting a search shard (thousands of notes serialised) costs a save 100 ms or more,
 * so a save only notes its id here, in its own transaction; `catchUpSearchIndex` indexes them
 * after (in idle time, after a merge, and at start), so nothing is lost if the app stops first.
 */
async function awaitSearchIndex(db: OversightDatabase, ids: readonly string[]): Promise<void> {
  const pending = (await getMeta<string[]>(db, INDEX_PENDING)) ?? [];
  const known = new Set(pending);
  await setMeta(db, INDEX_PENDING, [...pending, ...ids.filter((id) => !known.has(id))]);
}

const scheduled = new WeakMap<OversightDatabase, Promise<void>>();

/**
 * Brings the search index up to date with saved annotations when the window is idle (within a
 * second at most), once for any number of saves made meanwhile. Safe to call often.
 */
export function scheduleSearchCatchUp(db: OversightDatabase): Promise<void> {
  const current = scheduled.get(db);
  if (current) return current;
  const run = new Promise<void>((resolve) => {
    const start = () => {
      // A save made while this catch-up runs schedules the next one.
      scheduled.delete(db);
      catchUpSearchIndex(db)
        // A store closed meanwhile (a window closing) is caught up at the next start instead.
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.name === 'DatabaseClosedError')) console.error('Search index catch-up failed', error);
        })
        .finally(resolve);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  });
  scheduled.set(db, run);
  return run;
}

/** Resolves once the search index includes every annotation saved so far (for callers that search next). */
export async function searchIndexCaughtUp(db: OversightDatabase): Promise<void> {
  await scheduled.get(db);
  await catchUpSearchIndex(db);
}

async function changeOwn(
  db: OversightDatabase,
  profile: Profile,
  id: string,
  change: (record: AnnotationRecord) => Partial<AnnotationRecord>,
  now: Date,
): Promise<{ ok: true; record: AnnotationRecord } | { ok: false; error: AnnotationError }> {
  const outcome = await db.transaction('rw', [db.meta, db.annotations], async () => {
    const record = await db.annotations.get(id);
    if (!record) return { ok: false as const, error: { code: 'not-found' as const, message: 'That annotation no longer exists.' } };
    // Another member's annotations arrive by file and are read-only here.
    if (record.authorId !== profile.id)
      return {
        ok: false as const,
        error: { code: 'not-yours' as const, message: `Only ${record.authorName} can change this annotation.` },
      };
    if (record.deleted) return { ok: false as const, error: { code: 'deleted' as const, message: 'That annotation was deleted.' } };
    const updated: AnnotationRecord = {
      ...record,
      ...change(record),
      hlc: await nextStamp(db, profile, now.getTime()),
      deviceId: profile.deviceId,
    };
    await db.annotations.put(updated);
    await awaitSearchIndex(db, [updated.id]);
    return { ok: true as const, record: updated };
  });
  if (outcome.ok) void scheduleSearchCatchUp(db);
  return outcome;
}

/** Edits the member's own annotation. */
export function updateAnnotation(db: OversightDatabase, profile: Profile, id: string, input: AnnotationInput, now = new Date()) {
  return changeOwn(
    db,
    profile,
    id,
    () => ({
      kind: input.kind,
      text: input.text.trim(),
      tags: cleanTags(input.tags),
      visibility: input.visibility,
      assuranceLevel: levelOf(input).assuranceLevel,
    }),
    now,
  );
}

/** Deletes the member's own annotation, keeping a tombstone with no text so a merge cannot revive it. */
export function deleteAnnotation(db: OversightDatabase, profile: Profile, id: string, now = new Date()) {
  return changeOwn(db, profile, id, () => ({ text: '', tags: [], answer: null, assuranceLevel: undefined, deleted: true }), now);
}

/** Deletes the member's own annotation as deleteAnnotation does, and also gives back the record as it was, for an undo. */
export async function deleteAnnotationForUndo(
  db: OversightDatabase,
  profile: Profile,
  id: string,
  now = new Date(),
): Promise<{ ok: true; before: AnnotationRecord } | { ok: false; error: AnnotationError }> {
  let before: AnnotationRecord | undefined;
  const result = await changeOwn(
    db,
    profile,
    id,
    (record) => {
      before = record;
      return { text: '', tags: [], answer: null, assuranceLevel: undefined, deleted: true };
    },
    now,
  );
  if (!result.ok) return result;
  return before ? { ok: true, before } : { ok: false, error: { code: 'not-found', message: 'That annotation no longer exists.' } };
}

/**
 * Undoes the member's deletion: the tombstone gets back every field it had (id, text, tags,
 * answer, order, dates). Only the clock stamp is new, so the restored note outranks a tombstone
 * already shared in a file, as any later edit does. Search sees it again in the same transaction.
 */
export async function restoreAnnotation(
  db: OversightDatabase,
  profile: Profile,
  before: AnnotationRecord,
  now = new Date(),
): Promise<{ ok: true; record: AnnotationRecord } | { ok: false; error: AnnotationError }> {
  return db.transaction('rw', [db.meta, db.annotations, db.searchIndex], async () => {
    const current = await db.annotations.get(before.id);
    if (!current) return { ok: false as const, error: { code: 'not-found' as const, message: 'That annotation no longer exists.' } };
    if (current.authorId !== profile.id || before.authorId !== profile.id) {
      return {
        ok: false as const,
        error: { code: 'not-yours' as const, message: `Only ${current.authorName} can change this annotation.` },
      };
    }
    if (!current.deleted) return { ok: true as const, record: current };
    const restored: AnnotationRecord = {
      ...before,
      deleted: false,
      hlc: await nextStamp(db, profile, now.getTime()),
      deviceId: profile.deviceId,
    };
    await db.annotations.put(restored);
    await updateSearchIndex(db, annotationSearchChanges([restored]));
    return { ok: true as const, record: restored };
  });
}

/** Records the answer given at the meeting to the member's question (or clears it with null). */
export function answerQuestion(db: OversightDatabase, profile: Profile, id: string, answer: string | null, now = new Date()) {
  return changeOwn(
    db,
    profile,
    id,
    () => ({ answer: answer === null ? null : { text: answer.trim(), answeredAt: now.toISOString(), via: 'meeting' as const } }),
    now,
  );
}

/**
 * Marks the answer to the member's own question as not accepted, with the follow-up they want
 * answered: the question counts as open again and goes out in the next answers workbook.
 */
export function markAnswerNotAccepted(db: OversightDatabase, profile: Profile, id: string, followUp: string, now = new Date()) {
  const text = followUp.trim();
  return changeOwn(
    db,
    profile,
    id,
    (record) =>
      record.answer && text !== '' ? { answer: { ...record.answer, notAccepted: { at: now.toISOString(), followUp: text } } } : {},
    now,
  );
}

/** Puts the member's questions in the given order (only their own; others keep theirs). */
export async function reorderAnnotations(
  db: OversightDatabase,
  profile: Profile,
  orderedIds: readonly string[],
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', [db.meta, db.annotations], async () => {
    const records = await db.annotations.bulkGet([...orderedIds]);
    const changed: AnnotationRecord[] = [];
    for (const [index, record] of records.entries()) {
      if (!record || record.authorId !== profile.id || record.order === index) continue;
      changed.push({ ...record, order: index, hlc: await nextStamp(db, profile, now.getTime()) });
    }
    if (changed.length > 0) await db.annotations.bulkPut(changed);
  });
}

/** The annotations on one target that this member may see: theirs, and others' shared ones. Deleted ones are left out. */
export async function annotationsOn(
  db: OversightDatabase,
  target: Parameters<typeof targetKeyOf>[0],
  profileId: string | undefined,
): Promise<AnnotationRecord[]> {
  const records = await db.annotations.where('targetKey').equals(targetKeyOf(target)).toArray();
  return records
    .filter((record) => !record.deleted && (record.authorId === profileId || record.visibility === 'shared'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Every live annotation on one plan's entities: the member's own and others' shared ones. */
export async function annotationsOfPlan(db: OversightDatabase, planId: string, profileId: string | undefined): Promise<AnnotationRecord[]> {
  const prefix = targetKeyOf({ planId, kind: '', id: '' }).slice(0, -1);
  const records = await db.annotations.where('targetKey').startsWith(prefix).toArray();
  return records.filter((record) => !record.deleted && (record.authorId === profileId || record.visibility === 'shared'));
}

/** The member's own annotations, live ones only. */
export async function myAnnotations(db: OversightDatabase, profileId: string): Promise<AnnotationRecord[]> {
  const records = await db.annotations.filter((record) => record.authorId === profileId && !record.deleted).toArray();
  return records.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The member's shared annotations as an exchange file, with tombstones for the shared ones they
 * deleted. Private annotations are never included: recordToEntry refuses them.
 */
export async function buildAnnotationsFile(
  db: OversightDatabase,
  profile: Profile,
  now = new Date(),
  options: { includeExempt?: boolean } = {},
): Promise<AnnotationsFile> {
  // Notes on exempt papers stay out unless the member chose to include them.
  const exempt = options.includeExempt ? new Set<string>() : await exemptPaperTargetKeys(db);
  const records = await db.annotations
    .filter((record) => record.authorId === profile.id && record.visibility === 'shared' && !exempt.has(record.targetKey))
    .toArray();
  const annotations = records
    .map(recordToEntry)
    .filter((entry): entry is AnnotationEntry => entry !== null)
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    format: ANNOTATIONS_FORMAT,
    formatVersion: ANNOTATIONS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    author: {
      id: profile.id,
      displayName: profile.displayName,
      role: profile.role,
      organisation: profile.organisation,
      deviceId: profile.deviceId,
    },
    annotations,
  };
}

/**
 * Merges another member's file in one transaction: new and newer annotations are written,
 * older or equal ones skipped, anything claiming another member's annotation rejected. Writes
 * nothing when there is nothing new. The file's hash is remembered so the inbox skips it.
 * The merged notes are then indexed for search by `catchUpSearchIndex` (the sync controller
 * calls it straight after).
 */
export async function mergeAnnotationsFile(
  db: OversightDatabase,
  file: AnnotationsFile,
  options: {
    sha256?: string;
    profile?: Profile | null;
    now?: Date;
    /** The file is signed by another of this member's own devices (the board folder): their own annotations may change. */
    fromOwnDevice?: boolean;
  } = {},
): Promise<MergeSummary & { writes: number }> {
  const now = options.now ?? new Date();
  const result = await db.transaction('rw', [db.meta, db.annotations], async () => {
    // The name shown for the file's author is the latest file's, whatever the merge order.
    const isOwnFile = options.profile?.id === file.author.id;
    const names = (await getMeta<Record<string, AuthorName>>(db, AUTHOR_NAMES)) ?? {};
    const keptName = names[file.author.id];
    const authorName = laterAuthorName(keptName, { displayName: file.author.displayName, exportedAt: file.exportedAt });
    // Most annotations in a file are new here: find which ids exist from the primary keys alone
    // (one cheap getAllKeys) and read only those records, not one lookup per annotation.
    const storedIds = new Set(await db.annotations.toCollection().primaryKeys());
    const present = file.annotations.filter((entry) => storedIds.has(entry.id)).map((entry) => entry.id);
    const presentRecords = new Map(
      (await db.annotations.bulkGet(present)).filter((record) => record !== undefined).map((record) => [record.id, record]),
    );
    const existing = file.annotations.map((entry) => presentRecords.get(entry.id));
    const writes: AnnotationRecord[] = [];
    const summary: MergeSummary = { inserted: 0, updated: 0, skipped: 0, rejected: [] };
    let newest: Hlc | null = null;
    file.annotations.forEach((entry, index) => {
      const current = existing[index];
      // This laptop holds the member's own annotations as they are: a file (even one claiming
      // to be theirs) never changes them.
      const decision: MergeDecision =
        options.profile && entry.authorId === options.profile.id && !options.fromOwnDevice
          ? { action: 'reject', reason: 'it would change your own annotation on this laptop' }
          : decideMerge(current, entry, file.author.id);
      if (decision.action === 'reject') {
        summary.rejected.push({ id: entry.id, reason: decision.reason });
        return;
      }
      if (decision.action === 'skip') {
        summary.skipped += 1;
        return;
      }
      const incoming = entryToRecord(entry, authorName.displayName, mergedOrder(entry));
      // An officer's written answer recorded here (from an answers workbook) stays when a later
      // version of the question, written before the answer reached its author, carries none.
      if (current?.answer?.via === 'workbook' && incoming.answer === null && !incoming.deleted) incoming.answer = current.answer;
      writes.push(incoming);
      if (decision.action === 'insert') summary.inserted += 1;
      else summary.updated += 1;
      const stamp = decodeHlc(entry.hlc);
      if (stamp && (!newest || entry.hlc > encodeHlc(newest))) newest = stamp;
    });
    if (!isOwnFile && authorName !== keptName) {
      await setMeta(db, AUTHOR_NAMES, { ...names, [file.author.id]: authorName });
      // Notes merged earlier under another name take this one (and are indexed again). When
      // every stored note is in this file (a first merge into an empty store, say), they were
      // all read above: the scan of every stored note is needed only for notes the file lacks.
      const written = new Set(writes.map((record) => record.id));
      const needsName = (record: AnnotationRecord) =>
        record.authorId === file.author.id && record.authorName !== authorName.displayName && !written.has(record.id);
      const renamed =
        storedIds.size > presentRecords.size
          ? await db.annotations.filter(needsName).toArray()
          : [...presentRecords.values()].filter(needsName);
      writes.push(...renamed.map((record) => ({ ...record, authorName: authorName.displayName })));
    }
    if (writes.length > 0) {
      await db.annotations.bulkPut(writes);
      // Indexing thousands of merged notes for search would double the cost of the merge, so it
      // runs in a transaction of its own just after; the ids waiting for it are recorded here,
      // in the merge's transaction, so a crash in between is caught up at the next start.
      const pending = (await getMeta<string[]>(db, INDEX_PENDING)) ?? [];
      await setMeta(db, INDEX_PENDING, [...pending, ...writes.map((record) => record.id)]);
    }
    if (newest && options.profile) {
      // Later local edits must sort after what was just merged.
      const last = decodeHlc((await getMeta<string>(db, CLOCK)) ?? '');
      await setMeta(db, CLOCK, encodeHlc(receiveHlc(last, newest, now.getTime(), options.profile.deviceId)));
    }
    if (options.sha256) {
      const merged = (await getMeta<string[]>(db, MERGED_FILES)) ?? [];
      if (!merged.includes(options.sha256)) await setMeta(db, MERGED_FILES, [...merged.slice(-999), options.sha256]);
    }
    return { ...summary, writes: writes.length };
  });
  return result;
}

/** Indexes for search the merged annotations still waiting for it (after a merge, and at start). */
export async function catchUpSearchIndex(db: OversightDatabase): Promise<number> {
  return db.transaction('rw', [db.meta, db.annotations, db.searchIndex], async () => {
    const pending = (await getMeta<string[]>(db, INDEX_PENDING)) ?? [];
    if (pending.length === 0) return 0;
    const records = (await db.annotations.bulkGet(pending)).filter((record) => record !== undefined);
    await updateSearchIndex(db, annotationSearchChanges(records));
    await db.meta.delete(INDEX_PENDING);
    return records.length;
  });
}

/** Hashes of annotation files already merged, so main skips them without parsing. */
export async function mergedAnnotationFileHashes(db: OversightDatabase): Promise<string[]> {
  return (await getMeta<string[]>(db, MERGED_FILES)) ?? [];
}
