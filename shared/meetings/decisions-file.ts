import * as z from 'zod';
import { fail, ok, type Result } from '../result';
import { verifyChain, type ChainEntry, type ChainFault } from './hash-chain';
import { describeRecord } from './records';
import { recordContent, type Meeting, type MeetingRecord } from './schema';

// The decision file, format version 1 (docs/formats/decisions-file-v1.md): an approved
// meeting's record with its hash chain, as the Exports view writes it and
// `oversight-cli verify` checks it. The schema checks the chain's shape strictly and each
// record's content only as a JSON object: a record whose content was tampered with is a
// broken chain (exit 1, naming the record), not an unreadable file.
//
// Beside the chain, `meeting` carries the few fields of the meeting record that are this
// laptop's bookkeeping rather than the minutes as approved (when the draft was made, the plan,
// the meeting before it, the approving meeting's id), so an import rebuilds the meeting record
// exactly. They are not hashed: record 0's content is fixed when the minutes are sealed, and
// meetings approved before these fields were carried must still export and check.

export const DECISIONS_FORMAT = 'oversight-decisions';
export const DECISIONS_FORMAT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'is not a SHA-256 hash (64 lower-case hex digits)' });

export const decisionsFileRecordSchema = z.strictObject({
  seq: z.number().int().min(0),
  contentHash: hex64,
  prevHash: hex64,
  hash: hex64,
  /** The record as stored (without its chain link); null when withheld because its item is exempt. */
  content: z.record(z.string(), z.unknown()).nullable(),
});
export type DecisionsFileRecord = z.infer<typeof decisionsFileRecordSchema>;

const meetingId = z.string().min(1).max(128);

export const decisionsFileMeetingSchema = z.strictObject({
  /** When the draft was created on the exporting laptop. */
  createdAt: z.string().min(1),
  /** The plan the board judged, or null. */
  planId: z.string().nullable(),
  /** The meeting before this one, whose open actions were carried forward; null for the first. */
  previousMeetingId: meetingId.nullable(),
  /** The meeting at which these minutes were approved, when it is recorded in the app; null otherwise. */
  approvedAtMeetingId: meetingId.nullable(),
});
export type DecisionsFileMeeting = z.infer<typeof decisionsFileMeetingSchema>;

export const decisionsFileSchema = z.strictObject({
  format: z.literal(DECISIONS_FORMAT),
  formatVersion: z.literal(DECISIONS_FORMAT_VERSION),
  exportedAt: z.string().min(1),
  chain: z.strictObject({
    algorithm: z.literal('SHA-256'),
    /** How many records the chain holds, and the final record's hash, as the app held them. */
    count: z.number().int().min(1),
    head: hex64,
  }),
  /** The meeting record's fields that the chain does not hold; outside the chain, so not hashed. */
  meeting: decisionsFileMeetingSchema,
  records: z.array(decisionsFileRecordSchema).min(1),
});
export type DecisionsFile = z.infer<typeof decisionsFileSchema>;

/** True when a record's content belongs to one of the exempt items. */
function isOnItem(record: MeetingRecord, itemIds: ReadonlySet<string>): boolean {
  return 'itemId' in record && itemIds.has(record.itemId);
}

/**
 * Builds the decision file for an approved meeting from its stored records. Exempt items'
 * records are withheld (content null, their hashes kept so the chain still checks) unless
 * `includeExempt` is set.
 */
export function buildDecisionsFile(
  meeting: Meeting,
  records: readonly MeetingRecord[],
  options: { exportedAt: string; includeExempt?: boolean },
): Result<DecisionsFile> {
  if (meeting.status !== 'approved' || !meeting.approval) {
    return fail('not-approved', 'Only approved minutes can be exported as a decision file: approve them first.');
  }
  const exempt = new Set(options.includeExempt ? [] : meeting.agenda.filter((item) => item.isExempt).map((item) => item.id));
  const chained = records.filter((record) => record.meetingId === meeting.id && record.chain !== null);
  chained.sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  const fileRecords: DecisionsFileRecord[] = [];
  for (const record of chained) {
    const { chain } = record;
    if (!chain) continue;
    fileRecords.push({ ...chain, content: isOnItem(record, exempt) ? null : recordContent(record) });
  }
  if (fileRecords.length === 0) return fail('no-records', 'The approved minutes have no records to export.');
  return ok({
    format: DECISIONS_FORMAT,
    formatVersion: DECISIONS_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    chain: { algorithm: 'SHA-256', count: meeting.approval.recordCount, head: meeting.approval.chainHead },
    meeting: {
      createdAt: meeting.createdAt,
      planId: meeting.planId,
      previousMeetingId: meeting.previousMeetingId,
      approvedAtMeetingId: meeting.approval.approvedAtMeetingId,
    },
    records: fileRecords,
  });
}

export type DecisionsFileVerdict =
  | { status: 'intact'; count: number; withheld: number; head: string; title: string }
  | { status: 'broken'; seq: number; fault: ChainFault; reason: string; label: string }
  | { status: 'unreadable'; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(value: unknown): string | null {
  if (!isObject(value) || value.format !== DECISIONS_FORMAT)
    return `it is not an Oversight decision file (its "format" is not "${DECISIONS_FORMAT}")`;
  if (typeof value.formatVersion === 'number' && value.formatVersion > DECISIONS_FORMAT_VERSION) {
    return `it is format version ${value.formatVersion}, made by a newer version of Oversight; this one reads version ${DECISIONS_FORMAT_VERSION}`;
  }
  return null;
}

/** Checks a parsed decision file: intact, broken (naming the first bad record), or not a decision file at all. */
export async function verifyDecisionsFile(value: unknown): Promise<DecisionsFileVerdict> {
  const notOurs = unreadable(value);
  if (notOurs) return { status: 'unreadable', message: notOurs };
  const parsed = decisionsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') || 'the file' : 'the file';
    return { status: 'unreadable', message: `${where}: ${issue?.message ?? 'not as the format describes'}` };
  }
  const file = parsed.data;
  const entries: ChainEntry[] = file.records;
  const verdict = await verifyChain(entries, { count: file.chain.count, head: file.chain.head });
  const header = file.records[0]?.content;
  const agenda = isObject(header) && Array.isArray(header.agenda) ? header.agenda.filter(isObject).map(agendaEntry) : [];
  if (verdict.status === 'broken') {
    const content = file.records[verdict.seq]?.content;
    return { ...verdict, label: content === undefined ? `record ${verdict.seq}` : describeRecord(content, agenda) };
  }
  const title = isObject(header) ? `${String(header.title ?? 'Meeting')} on ${String(header.date ?? 'an unknown date')}` : 'Meeting';
  return { status: 'intact', count: verdict.count, withheld: verdict.withheld, head: verdict.head, title };
}

function agendaEntry(item: Record<string, unknown>): { id: string; number: string } {
  return { id: String(item.id ?? ''), number: String(item.number ?? '') };
}
