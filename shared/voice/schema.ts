import { z } from 'zod';

// Families' voice: what the parent carer forum and other user organisations bring to the board,
// recorded by the clerk (a submission, a survey result, a case study), and how an action was
// co-produced (with whom, when). Linked to areas and actions of one plan. Checked here before
// anything reaches the store.

export const VOICE_KINDS = ['submission', 'survey', 'case-study', 'co-production'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];

export const VOICE_KIND_LABELS: Record<VoiceKind, string> = {
  submission: 'Submission',
  survey: 'Survey result',
  'case-study': 'Case study',
  'co-production': 'Co-production',
};

const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** What the clerk enters; the repository adds the id and the dates. */
export const voiceInputSchema = z.strictObject({
  planId: z.string().min(1).max(64),
  kind: z.enum(VOICE_KINDS),
  /** Who brought it, or for co-production who the action was co-produced with. */
  source: z.string().trim().min(1, { error: 'says who it came from' }).max(200),
  /** When it was received or, for co-production, when the work was done. */
  date: isoDate,
  title: z.string().trim().min(1, { error: 'gives a title' }).max(300),
  summary: z.string().trim().max(10_000),
  links: z
    .array(z.strictObject({ kind: z.enum(['area', 'action']), id: z.string().min(1).max(64) }))
    .min(1, { error: 'links at least one area or action' })
    .max(200),
  /** A case study about a family may identify them: kept out of every export unless chosen. */
  isConfidential: z.boolean(),
});
export type VoiceInput = z.infer<typeof voiceInputSchema>;

export type VoiceRecord = VoiceInput & { id: string; recordedBy: string; createdAt: string; updatedAt: string };

/** The records linked to an action or to its area, newest first. */
export function voiceFor(records: readonly VoiceRecord[], target: { actionId?: string; areaId?: string }): VoiceRecord[] {
  return records
    .filter((record) =>
      record.links.some(
        (link) => (link.kind === 'action' && link.id === target.actionId) || (link.kind === 'area' && link.id === target.areaId),
      ),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'en-GB'));
}
