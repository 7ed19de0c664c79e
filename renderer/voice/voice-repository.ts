import type { Problem } from '../../shared/plan/validate';
import { voiceInputSchema, type VoiceRecord } from '../../shared/voice/schema';
import type { OversightDatabase } from '../db/database';

// Families' voice records, written by the clerk: each save checks the input against the schema
// and that every linked area and action is in the plan, then writes one record in one transaction.

export type VoiceSave = { ok: true; record: VoiceRecord } | { ok: false; problems: Problem[] };

/** Adds a record (no `id`) or replaces one (with its `id`); nothing is written when anything is wrong. */
export async function saveVoiceRecord(
  db: OversightDatabase,
  input: unknown,
  options: { id?: string; recordedBy: string; now?: Date; newId?: () => string },
): Promise<VoiceSave> {
  const parsed = voiceInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'record', message: issue.message })),
    };
  }
  const value = parsed.data;
  const now = (options.now ?? new Date()).toISOString();
  return db.transaction('rw', [db.voiceRecords, db.entities], async (): Promise<VoiceSave> => {
    const found = await db.entities.bulkGet(value.links.map((link): [string, string, string] => [value.planId, link.kind, link.id]));
    const problems = value.links.flatMap((link, index): Problem[] =>
      found[index]
        ? []
        : [{ path: `links.${index}`, message: `${link.kind === 'area' ? 'Area' : 'Action'} ${link.id} is not in this plan` }],
    );
    if (problems.length > 0) return { ok: false, problems };
    const existing = options.id ? await db.voiceRecords.get(options.id) : undefined;
    const record: VoiceRecord = {
      ...value,
      id: existing?.id ?? options.newId?.() ?? crypto.randomUUID(),
      recordedBy: options.recordedBy,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.voiceRecords.put(record);
    return { ok: true, record };
  });
}

/** Removes a record. */
export function deleteVoiceRecord(db: OversightDatabase, id: string): Promise<void> {
  return db.voiceRecords.delete(id);
}

/** A plan's records, newest first. */
export async function voiceRecordsOf(db: OversightDatabase, planId: string): Promise<VoiceRecord[]> {
  const records = await db.voiceRecords.filter((record) => record.planId === planId).toArray();
  return records.sort((a, b) => b.date.localeCompare(a.date));
}
