import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/context';
import type { OversightDatabase } from '../db/database';

// Which papers this member has opened, so a meeting can show what is unread. Paper records are
// written once and never changed (re-putting one copies its PDF), so the read marks live in one
// small meta record instead: a list of paper record ids.

const READ_KEY = 'papers-read';

/** The record ids of the papers this member has opened. */
export async function readPaperIds(db: OversightDatabase): Promise<Set<string>> {
  const record = await db.meta.get(READ_KEY);
  return new Set(Array.isArray(record?.value) ? record.value.filter((value): value is string => typeof value === 'string') : []);
}

/** Marks a paper read; one transaction, so two papers opened at once both stay marked. */
export async function markPaperRead(db: OversightDatabase, paperRecordId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const read = await readPaperIds(db);
    if (read.has(paperRecordId)) return;
    read.add(paperRecordId);
    await db.meta.put({ key: READ_KEY, value: [...read] });
  });
}

/** The papers opened so far (undefined while loading). */
export function useReadPapers(): Set<string> | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readPaperIds(db), [db]);
}
