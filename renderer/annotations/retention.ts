import type { AnnotationRecord } from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { annotationSearchChanges } from '../search/annotation-documents';
import { updateSearchIndex } from '../search/search-index';

// Retention: some boards are advised to delete members' private notes for a meeting once its
// minutes are approved. Off by default; when on, the app asks before deleting anything.

const RETENTION = 'retention';

export type RetentionSettings = { deletePrivateNotesAfterApproval: boolean };

/** The member's retention setting (off unless they turned it on). */
export async function getRetention(db: OversightDatabase): Promise<RetentionSettings> {
  return (await getMeta<RetentionSettings>(db, RETENTION)) ?? { deletePrivateNotesAfterApproval: false };
}

/** Turns deletion of private notes after approval on or off. */
export async function setRetention(db: OversightDatabase, settings: RetentionSettings): Promise<void> {
  await setMeta(db, RETENTION, settings);
}

/**
 * The member's private notes made for a meeting: written after the previous meeting (if any)
 * and up to the end of the meeting's day.
 */
export async function privateNotesForMeeting(
  db: OversightDatabase,
  profileId: string,
  meeting: { date: string; previousDate: string | null },
): Promise<AnnotationRecord[]> {
  const until = `${meeting.date}T23:59:59.999Z`;
  const from = meeting.previousDate ? `${meeting.previousDate}T23:59:59.999Z` : '';
  return db.annotations
    .filter(
      (record) =>
        record.authorId === profileId &&
        record.visibility === 'private' &&
        !record.deleted &&
        record.createdAt > from &&
        record.createdAt <= until,
    )
    .toArray();
}

/**
 * Deletes private notes for good (they never left this laptop, so no tombstone is needed to
 * stop a merge reviving them). Only the member's own private notes are touched.
 */
export async function deletePrivateNotes(db: OversightDatabase, profileId: string, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', [db.annotations, db.searchIndex], async () => {
    const records = await db.annotations.bulkGet([...ids]);
    const deletable = records.filter(
      (record): record is AnnotationRecord => record !== undefined && record.authorId === profileId && record.visibility === 'private',
    );
    await db.annotations.bulkDelete(deletable.map((record) => record.id));
    await updateSearchIndex(db, annotationSearchChanges(deletable.map((record) => ({ ...record, deleted: true }))));
    return deletable.length;
  });
}
