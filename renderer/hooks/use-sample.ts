import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/context';
import type { OversightDatabase } from '../db/database';
import { SAMPLE_MEETING_ID } from '../meetings/sample-board';

// The bundled sample (loaded on first run) is invented data: every view that shows it labels it
// "Sample". A plan is the sample's when the import log says it came from the sample folder; the
// sample board's meeting (and the sample pack, made for it) has a fixed id.

/** Whether a meeting is the sample board's (seeded on first run; the sample pack is for it too). */
export function isSampleMeeting(meetingId: string): boolean {
  return meetingId === SAMPLE_MEETING_ID;
}

/** The ids of the plans loaded from the bundled sample. */
export async function samplePlanIds(db: OversightDatabase): Promise<Set<string>> {
  const imports = await db.imports.toArray();
  return new Set(imports.filter((record) => record.source === 'sample').map((record) => record.planId));
}

/** The ids of the plans loaded from the bundled sample (undefined while loading). */
export function useSamplePlanIds(): Set<string> | undefined {
  const { db } = useServices();
  return useLiveQuery(() => samplePlanIds(db), [db]);
}
