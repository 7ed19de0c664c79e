import * as z from 'zod';
import type { DecisionsFile } from '../meetings/decisions-file';
import { agendaItemSchema, meetingRecordSchema, meetingSchema, termsOfReferenceSchema } from '../meetings/schema';
import { actionSchema, areaSchema, measureSchema, riskSchema } from '../plan/schema';
import { voiceInputSchema } from '../voice/schema';

// What the renderer sends main to export: the meeting data it gathered from the store, as a
// discriminated union by kind. Main parses it here (the records with the meetings' own strict
// schemas), applies the exempt rule itself and builds the file; the renderer never writes one.

export const EXPORT_KINDS = [
  'minutes-docx',
  'minutes-pdf',
  'decision-log-csv',
  'decision-log-xlsx',
  'action-log-csv',
  'action-log-xlsx',
  'questions-docx',
  'questions-csv',
  'questions-xlsx',
  'decisions-json',
  'tracker',
  'board-report-docx',
  'board-report-pdf',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const id = z.string().min(1).max(128);
const text = (max: number) => z.string().max(max);

/** A meeting with its records, as stored. */
export const meetingBundleSchema = z.strictObject({
  meeting: meetingSchema,
  records: z.array(meetingRecordSchema).max(50_000),
  /**
   * Carried-forward actions that arose on an exempt item of an earlier meeting (by source id):
   * the renderer knows the earlier meetings, so it names them, and main leaves them out with
   * the exempt items.
   */
  exemptSourceIds: z.array(id).max(10_000),
});
export type MeetingBundle = z.infer<typeof meetingBundleSchema>;

/** A member's question for officers: only shared questions can be exported, and the schema admits no other. */
export const exportQuestionSchema = z.strictObject({
  id,
  authorName: text(200),
  visibility: z.literal('shared', { error: 'must be "shared": private questions are printed from My questions, never exported' }),
  /** "Action 2.4: Recruit EHC coordinators", as it reads in the plan now. */
  targetLabel: text(500),
  /** The agenda item whose plan links cover the question's target; null when none does. */
  itemId: id.nullable(),
  text: text(20_000),
  answer: text(20_000).nullable(),
  /** On an exempt board paper (whose agenda item is public): left out unless exempt items are included. */
  isExempt: z.boolean().optional(),
  /** When the member asked it (for the answers workbook's "Asked on"). */
  askedAt: z.iso.datetime({ offset: true }).optional(),
  /** Present when the member did not accept the answer: what they want answered now. */
  followUp: text(20_000).optional(),
});
export type ExportQuestion = z.infer<typeof exportQuestionSchema>;

const isoDay = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

const common = { includeExempt: z.boolean(), boardName: z.string().trim().min(1).max(300) };

export const exportRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['minutes-docx', 'minutes-pdf']),
    ...common,
    bundle: meetingBundleSchema,
    /** The board's terms, for a draft's quorum statement (approved minutes use the terms sealed in record 0). */
    terms: termsOfReferenceSchema.optional(),
  }),
  z.strictObject({
    kind: z.enum(['decision-log-csv', 'decision-log-xlsx', 'action-log-csv', 'action-log-xlsx']),
    ...common,
    bundles: z.array(meetingBundleSchema).min(1).max(1_000),
  }),
  z.strictObject({
    kind: z.enum(['questions-docx', 'questions-csv', 'questions-xlsx']),
    ...common,
    meeting: z.strictObject({
      id,
      title: text(300),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      agenda: z.array(agendaItemSchema).max(500),
    }),
    /** Whose questions: one member's name, or null for every member's, merged. */
    memberName: text(200).nullable(),
    questions: z.array(exportQuestionSchema).max(100_000),
  }),
  z.strictObject({ kind: z.literal('decisions-json'), ...common, bundle: meetingBundleSchema }),
  z.strictObject({
    kind: z.enum(['board-report-docx', 'board-report-pdf']),
    ...common,
    /** The period the report covers, both ends included. */
    from: isoDay,
    to: isoDay,
    /** The plan as stored now: its areas, actions, measures and risks. */
    plan: z.strictObject({
      title: text(500),
      areas: z.array(areaSchema).max(1_000),
      actions: z.array(actionSchema).max(20_000),
      measures: z.array(measureSchema).max(5_000),
      risks: z.array(riskSchema).max(5_000),
    }),
    /** Every meeting of the board; only those in the period are reported. */
    bundles: z.array(meetingBundleSchema).max(1_000),
    /** Families' voice records of the plan; confidential ones are left out unless exempt items are included. */
    voice: z.array(voiceInputSchema.extend({ id })).max(50_000),
    /** Members' shared questions, each with the meeting whose agenda it was placed on. */
    questions: z.array(exportQuestionSchema.extend({ meetingId: id })).max(100_000),
  }),
  z.strictObject({
    kind: z.literal('tracker'),
    ...common,
    planId: z.string().min(1).max(64),
    /** The plan's revision now stored: the tracker copy of exactly that revision is updated. */
    revision: z.number().int().min(1),
    bundle: meetingBundleSchema,
  }),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResultSchema = z.object({
  saved: z.boolean(),
  fileName: z.string().optional(),
  /** What went into the file, in words ("12 decisions"), for the message. */
  summary: z.string().optional(),
  /** The folder main saved it in, to tell the user ("Saved to …"). */
  folder: z.string().optional(),
  /** Names the saved file for `shell:show-saved` (main keeps the path; the renderer never sends one). */
  savedId: z.string().optional(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** A decision file main read for import: checked intact (with the parsed file), or refused with why. */
export const importedDecisionsFileSchema = z.discriminatedUnion('status', [
  z.object({
    fileName: z.string(),
    status: z.literal('intact'),
    // Main parsed it against the format and checked its chain before sending it.
    file: z.custom<DecisionsFile>((value) => typeof value === 'object' && value !== null),
    title: z.string(),
    withheld: z.number().int().min(0),
  }),
  z.object({ fileName: z.string(), status: z.literal('refused'), message: z.string() }),
]);
