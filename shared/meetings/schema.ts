import * as z from 'zod';
import { isIsoDate } from '../plan/schema';
import { isValidDecisionPattern } from './numbering';

// The board, its terms of reference, meetings and the records the chair makes during a meeting,
// as zod schemas with the types inferred from them. The renderer parses what it stores with
// these; the decisions file (decisions-file.ts) carries the same records.

export const DEFAULT_ASSURANCE_SCALE = ['Assured', 'Partially assured', 'Not assured'] as const;
export const DEFAULT_DECISION_PATTERN = 'SOB/{yyyy}/{nnn}';

export const MAJORITY_RULES = ['simple', 'two-thirds'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

const id = z.string().min(1).max(128);
const isoDate = z.string().refine(isIsoDate, { error: 'is not a date in the form YYYY-MM-DD' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'is not a time in the form HH:MM' });
const timestamp = z.string().min(1);

export const boardMemberSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, { error: 'needs a name' }),
  /** Their place on the board, e.g. "Cabinet Member for Children and Families". */
  role: z.string(),
  /** Council group, ICB, parent carer forum, …: the quorum rule can name these. */
  organisation: z.string().trim().min(1, { error: 'needs an organisation' }),
  /** Advisers (DfE, NHS England) sit on the board but do not vote. */
  isVoting: z.boolean(),
  /** A named substitute: the member they stand in for when that member sends apologies. */
  substituteForId: id.nullable(),
});
export type BoardMember = z.infer<typeof boardMemberSchema>;

export const termsOfReferenceSchema = z.strictObject({
  quorum: z.strictObject({
    /** At least this many voting members present. */
    minVoting: z.number().int().min(1).max(100),
    /** And at least one voting member from each of these organisations (may be none). */
    requiredOrganisations: z.array(z.string().min(1)),
  }),
  majority: z.enum(MAJORITY_RULES),
  /** On a tie the chair may give a casting vote. */
  hasCastingVote: z.boolean(),
  decisionPattern: z.string().refine(isValidDecisionPattern, {
    error: 'must contain one sequence number such as {nnn}, and may contain {yyyy} or {yy}',
  }),
  assuranceScale: z.array(z.string().trim().min(1)).min(2, { error: 'needs at least two levels' }),
});
export type TermsOfReference = z.infer<typeof termsOfReferenceSchema>;

/**
 * The id of the one board every store held before it could hold several (schema v10): that
 * board keeps it, and a meeting with no board id belongs to it. Boards added later get UUIDs.
 */
export const BOARD_ID = 'board';

export const boardSchema = z.strictObject({
  id,
  name: z.string().trim().min(1),
  members: z.array(boardMemberSchema),
  terms: termsOfReferenceSchema,
  /** The last decision number given in each numbering scope (e.g. "SOB/2026/{n}"): never reused. */
  decisionCounters: z.record(z.string(), z.number().int().min(0)),
  updatedAt: timestamp,
});
export type Board = z.infer<typeof boardSchema>;

export const planLinkSchema = z.strictObject({ kind: z.enum(['area', 'action']), id });
export type PlanLink = z.infer<typeof planLinkSchema>;

export const agendaItemSchema = z.strictObject({
  id,
  number: z.string().trim().min(1),
  title: z.string().trim().min(1, { error: 'needs a title' }),
  /** Who presents it: a role, not a name. */
  presenter: z.string(),
  /** Confidential: papers and discussion stay out of published exports. */
  isExempt: z.boolean(),
  isDecisionRequired: z.boolean(),
  links: z.array(planLinkSchema),
  /**
   * For an exempt item: the paragraph (1–7) of Part 1 of Schedule 12A to the Local Government
   * Act 1972 the board relied on to exclude the press and public. Optional, so agendas stored
   * and approved before it existed still parse (and hash) as they did.
   */
  exemptParagraph: z.number().int().min(1).max(7).optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** An action arising from an earlier meeting that is still open, copied into the next meeting's action log. */
export const carriedActionSchema = z.strictObject({
  /** The record id of the action arising where it was first recorded. */
  sourceId: id,
  fromMeetingId: id,
  fromMeetingDate: isoDate,
  text: z.string(),
  owner: z.string(),
  dueDate: isoDate.nullable(),
  /**
   * It arose on an exempt item: record 0 seals it by its hash alone, so a published file can
   * withhold it (hash-chain.ts). Absent on actions carried before this was recorded.
   */
  isExempt: z.boolean().optional(),
});
export type CarriedAction = z.infer<typeof carriedActionSchema>;

/** An officer at the meeting who is not a board member: named per meeting, with their role. */
export const officerSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, { error: 'needs a name' }),
  role: z.string().trim().min(1, { error: 'needs a role' }),
});
export type Officer = z.infer<typeof officerSchema>;

/** Minutes of an earlier meeting approved at this one, at an agenda item (recorded on both meetings). */
export const approvedMinutesSchema = z.strictObject({
  meetingId: id,
  meetingDate: isoDate,
  itemId: id.nullable(),
});
export type ApprovedMinutes = z.infer<typeof approvedMinutesSchema>;

export const approvalSchema = z.strictObject({
  approvedAt: timestamp,
  /** In words, e.g. "the meeting of 11 February 2027". */
  approvedAtMeeting: z.string().trim().min(1),
  approvedAtMeetingId: id.nullable(),
  /** The approving meeting's date (asked for when it is a meeting outside the app). Optional: older approvals lack it. */
  approvedAtMeetingDate: isoDate.optional(),
  chainHead: z.string().regex(/^[0-9a-f]{64}$/),
  recordCount: z.number().int().min(1),
});
export type Approval = z.infer<typeof approvalSchema>;

export const MEETING_STATUSES = ['draft', 'approved'] as const;

export const meetingSchema = z.strictObject({
  id,
  title: z.string().trim().min(1),
  date: isoDate,
  time: clockTime,
  place: z.string(),
  /** The plan whose areas and actions the agenda and judgements refer to. */
  planId: z.string().nullable(),
  agenda: z.array(agendaItemSchema),
  carriedActions: z.array(carriedActionSchema),
  previousMeetingId: id.nullable(),
  // Optional so meetings stored before they existed still parse.
  /** The board whose meeting it is; absent means the first board ({@link BOARD_ID}). Not sealed by approval. */
  boardId: id.optional(),
  /** When the meeting actually started and closed, as the minutes record them. */
  startedAt: clockTime.optional(),
  closedAt: clockTime.optional(),
  /** Officers in attendance (not board members), named for this meeting. */
  officers: z.array(officerSchema).optional(),
  /** Minutes of earlier meetings approved at this one. */
  approvedMinutes: z.array(approvedMinutesSchema).optional(),
  status: z.enum(MEETING_STATUSES),
  approval: approvalSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof meetingSchema>;

// ---- Records made during a meeting. One record each, so every save is one small put. ----

/** Where a record sits once the minutes are approved: its place in the hash chain. */
export const chainLinkSchema = z.strictObject({
  seq: z.number().int().min(0),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Sealed as a record an export may withhold (exempt content); covered by `hash`. */
  exempt: z.literal(true).optional(),
});
export type ChainLink = z.infer<typeof chainLinkSchema>;

const recordBase = {
  id,
  meetingId: id,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Null while the minutes are a draft. */
  chain: chainLinkSchema.nullable(),
};

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const attendanceRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('attendance'),
  memberId: id,
  // The member as they were on the register at the meeting, so the record stands on its own.
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  isVoting: z.boolean(),
  status: z.enum(ATTENDANCE_STATUSES),
  /** Present as substitute for this member. */
  substituteForId: id.nullable(),
  /** Arrived late: present from this agenda item on. */
  arrivedAtItemId: id.nullable(),
  /** Left early: absent from this agenda item on. */
  leftAtItemId: id.nullable(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

export const declarationRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('declaration'),
  itemId: id,
  memberId: id,
  memberName: z.string(),
  interest: z.string().trim().min(1, { error: 'says what the interest is' }),
  /** Left the room for the item: then not present for it, and cannot vote on it. */
  hasLeft: z.boolean(),
});
export type DeclarationRecord = z.infer<typeof declarationRecordSchema>;

export const noteRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('note'),
  itemId: id,
  text: z.string(),
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const DECISION_TYPES = ['resolved', 'noted', 'approved', 'deferred', 'escalated', 'rescinds', 'amends'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const voteSchema = z.strictObject({
  method: z.enum(['show-of-hands', 'consensus']),
  for: z.number().int().min(0),
  against: z.number().int().min(0),
  abstain: z.number().int().min(0),
  castingVote: z.enum(['for', 'against']).nullable(),
  // As they stood when the vote was recorded, so the approved record reads on its own.
  rule: z.enum(MAJORITY_RULES),
  entitled: z.number().int().min(0),
  outcome: z.enum(['carried', 'lost']),
});
export type Vote = z.infer<typeof voteSchema>;

export const decisionRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('decision'),
  itemId: id,
  /** Given when recorded, by the board's pattern; never changed or reused. */
  number: z.string().min(1),
  type: z.enum(DECISION_TYPES),
  text: z.string().trim().min(1, { error: 'says what was decided' }),
  /** For an escalation: to whom. */
  escalatedTo: z.string().nullable(),
  /** For rescinds / amends: the earlier decision's number. */
  refersTo: z.string().nullable(),
  vote: voteSchema.nullable(),
  /** Recorded in error while the minutes were a draft: kept, so its number is never reused or missing. */
  isWithdrawn: z.boolean(),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export const judgementTargetSchema = z.strictObject({
  kind: z.enum(['area', 'action']),
  planId: z.string(),
  id,
  /** "Area 2: …" or "Action 2.4: …" as it read at the meeting. */
  label: z.string(),
});
export type JudgementTarget = z.infer<typeof judgementTargetSchema>;

export const judgementRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('judgement'),
  itemId: id,
  target: judgementTargetSchema,
  /** One level of the board's assurance scale. */
  level: z.string().min(1),
  reason: z.string().trim().min(1, { error: 'gives the reason' }),
});
export type JudgementRecord = z.infer<typeof judgementRecordSchema>;

export const actionRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('action'),
  itemId: id,
  text: z.string().trim().min(1, { error: 'says what is to be done' }),
  /** A role, not a name. */
  owner: z.string().trim().min(1, { error: 'names an owner' }),
  dueDate: isoDate.nullable(),
  /** Plan actions it relates to, with their labels as they read at the meeting. */
  links: z.array(judgementTargetSchema),
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;

export const ACTION_UPDATE_STATUSES = ['complete', 'ongoing'] as const;

/** Progress on an action carried forward from an earlier meeting. */
export const actionUpdateRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('action-update'),
  sourceId: id,
  status: z.enum(ACTION_UPDATE_STATUSES),
  note: z.string(),
});
export type ActionUpdateRecord = z.infer<typeof actionUpdateRecordSchema>;

/** Appended to an approved meeting's chain: amends an earlier record by its number. */
export const correctionRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('correction'),
  amendsSeq: z.number().int().min(0),
  text: z.string().trim().min(1, { error: 'says what is corrected' }),
});
export type CorrectionRecord = z.infer<typeof correctionRecordSchema>;

/** Record 0 of an approved meeting's chain: the meeting as approved, so its details are protected too. */
export const headerRecordSchema = z.strictObject({
  ...recordBase,
  kind: z.literal('meeting'),
  boardName: z.string(),
  title: z.string(),
  date: isoDate,
  time: clockTime,
  place: z.string(),
  agenda: z.array(agendaItemSchema),
  carriedActions: z.array(carriedActionSchema),
  terms: termsOfReferenceSchema,
  approvedAt: timestamp,
  approvedAtMeeting: z.string(),
  // Optional, and left out when absent, so headers sealed before they existed hash as they did.
  approvedAtMeetingDate: isoDate.optional(),
  startedAt: clockTime.optional(),
  closedAt: clockTime.optional(),
  officers: z.array(officerSchema).optional(),
  approvedMinutes: z.array(approvedMinutesSchema).optional(),
});
export type HeaderRecord = z.infer<typeof headerRecordSchema>;

export const meetingRecordSchema = z.discriminatedUnion('kind', [
  attendanceRecordSchema,
  declarationRecordSchema,
  noteRecordSchema,
  decisionRecordSchema,
  judgementRecordSchema,
  actionRecordSchema,
  actionUpdateRecordSchema,
  correctionRecordSchema,
  headerRecordSchema,
]);
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;
export type MeetingRecordKind = MeetingRecord['kind'];

/** A record's fields without its chain link: what its content hash covers. */
export function recordContent(record: MeetingRecord): Record<string, unknown> {
  const { chain: _chain, ...content } = record;
  return content;
}
