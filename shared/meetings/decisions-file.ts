import * as z from 'zod';
import { fail, ok, type Result } from '../result';
import { isExemptCarriedAction, verifyChain, withheldStubOf, type ChainEntry, type ChainFault } from './hash-chain';
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
/**
 * Version 2 seals, in each record's hashed link, which records may be withheld (`exempt`), and
 * lets record 0 show an exempt carried action as its hash alone. Version 1 files are still read:
 * they had no seals, so a withheld record in one is a broken chain.
 */
export const DECISIONS_FORMAT_VERSION = 2;
export const DECISIONS_FORMAT_VERSIONS_READ = [1, 2] as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'is not a SHA-256 hash (64 lower-case hex digits)' });

export const decisionsFileRecordSchema = z.strictObject({
  seq: z.number().int().min(0),
  contentHash: hex64,
  prevHash: hex64,
  hash: hex64,
  /** Present (true) when the record was sealed as one an export may withhold; covered by `hash`. */
  exempt: z.literal(true).optional(),
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
  formatVersion: z.union([z.literal(1), z.literal(DECISIONS_FORMAT_VERSION)]),
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
  // Declarations of interest are public even on an exempt item.
  return 'itemId' in record && record.kind !== 'declaration' && itemIds.has(record.itemId);
}

const UNSEALED =
  'These minutes were approved before Oversight sealed which records may be withheld, and they hold exempt content, so a published decision file cannot withhold it and still check. Export the decision file with exempt items included (it is marked CONFIDENTIAL), or publish the minutes instead.';

/**
 * Builds the decision file for an approved meeting from its stored records. Unless
 * `includeExempt` is set, records sealed as exempt are withheld (content null, their hashes kept
 * so the chain still checks) and record 0's exempt carried actions are shown by their hashes
 * alone. Minutes approved before records were sealed cannot withhold anything: if they hold
 * exempt content, only a file including it can be made (never a leak in a public file).
 * `exemptSourceIds` names carried actions that arose on exempt items (the renderer knows them).
 */
export async function buildDecisionsFile(
  meeting: Meeting,
  records: readonly MeetingRecord[],
  options: { exportedAt: string; includeExempt?: boolean; exemptSourceIds?: readonly string[] },
): Promise<Result<DecisionsFile>> {
  if (meeting.status !== 'approved' || !meeting.approval) {
    return fail('not-approved', 'Only approved minutes can be exported as a decision file: approve them first.');
  }
  const withhold = options.includeExempt !== true;
  const chained = records.filter((record) => record.meetingId === meeting.id && record.chain !== null);
  chained.sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  const header = chained.find((record) => record.kind === 'meeting');
  const exemptItems = new Set(
    (header?.kind === 'meeting' ? header.agenda : meeting.agenda).filter((item) => item.isExempt).map((item) => item.id),
  );
  const exemptSources = new Set(options.exemptSourceIds ?? []);
  const sealedSeqs = new Set(chained.flatMap((record) => (record.chain?.exempt ? [record.chain.seq] : [])));
  const fileRecords: DecisionsFileRecord[] = [];
  for (const record of chained) {
    const { chain } = record;
    if (!chain) continue;
    if (!withhold) {
      fileRecords.push({ ...chain, content: recordContent(record) });
      continue;
    }
    if (chain.exempt) {
      fileRecords.push({ ...chain, content: null });
      continue;
    }
    // Exempt content that was not sealed (approved before seals): refuse rather than leak it.
    const isLegacyExempt =
      isOnItem(record, exemptItems) ||
      (record.kind === 'action-update' && exemptSources.has(record.sourceId)) ||
      (record.kind === 'correction' && (sealedSeqs.has(record.amendsSeq) || isOnItem(chained[record.amendsSeq] ?? record, exemptItems)));
    if (isLegacyExempt) return fail('unsealed-exempt', UNSEALED);
    if (record.kind === 'meeting') {
      const carried: unknown[] = [];
      for (const action of record.carriedActions) {
        if (isExemptCarriedAction(action)) carried.push(await withheldStubOf(action));
        else if (exemptSources.has(action.sourceId)) return fail('unsealed-exempt', UNSEALED);
        else carried.push(action);
      }
      fileRecords.push({ ...chain, content: { ...recordContent(record), carriedActions: carried } });
      continue;
    }
    fileRecords.push({ ...chain, content: recordContent(record) });
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
    return `it is format version ${value.formatVersion}, made by a newer version of Oversight; this one reads versions ${DECISIONS_FORMAT_VERSIONS_READ.join(' and ')}`;
  }
  return null;
}

/**
 * Checks a parsed decision file: intact, broken (naming the first bad record), or not a decision
 * file at all. `expectedHead` is the final hash printed on the approved minutes: a chain rebuilt
 * whole after an edit checks on its own, but not against that.
 */
export async function verifyDecisionsFile(value: unknown, options: { expectedHead?: string } = {}): Promise<DecisionsFileVerdict> {
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
  const expectedHead = options.expectedHead?.trim().toLowerCase();
  if (expectedHead !== undefined && expectedHead !== verdict.head) {
    return {
      status: 'broken',
      seq: verdict.count - 1,
      fault: 'head',
      reason: `the chain ends in ${verdict.head}, but the approved minutes give ${expectedHead}: the record was rewritten, or this file is of other minutes`,
      label: 'the final record',
    };
  }
  const title = isObject(header) ? `${String(header.title ?? 'Meeting')} on ${String(header.date ?? 'an unknown date')}` : 'Meeting';
  return { status: 'intact', count: verdict.count, withheld: verdict.withheld, head: verdict.head, title };
}

function agendaEntry(item: Record<string, unknown>): { id: string; number: string } {
  return { id: String(item.id ?? ''), number: String(item.number ?? '') };
}
