import type { MeetingBundle } from '../exports/schema';
import { fail, ok, type Result } from '../result';
import type { DecisionsFile } from './decisions-file';
import { isWithheldStub } from './hash-chain';
import { meetingRecordSchema, meetingSchema, type HeaderRecord, type Meeting, type MeetingRecord } from './schema';

// A checked decision file read back as the meeting it records: the meeting as approved (record
// 0), the chain and the fields carried beside it. The app's import and `oversight-cli minutes`
// share this, so the minutes the CLI writes come from the same meeting the app would rebuild.

/** The meeting as approved, from its header record, the chain and the meeting fields carried beside it. */
export function meetingOfDecisionsFile(header: HeaderRecord, records: readonly MeetingRecord[], file: DecisionsFile): Meeting {
  const corrections = records.filter((record) => record.kind === 'correction').map((record) => record.createdAt);
  return {
    id: header.meetingId,
    title: header.title,
    date: header.date,
    time: header.time,
    place: header.place,
    planId: file.meeting.planId,
    agenda: header.agenda,
    carriedActions: header.carriedActions,
    previousMeetingId: file.meeting.previousMeetingId,
    // Sealed in record 0 when they were recorded (optional: older files lack them).
    ...(header.startedAt ? { startedAt: header.startedAt } : {}),
    ...(header.closedAt ? { closedAt: header.closedAt } : {}),
    ...(header.officers ? { officers: header.officers } : {}),
    ...(header.approvedMinutes ? { approvedMinutes: header.approvedMinutes } : {}),
    status: 'approved',
    approval: {
      approvedAt: header.approvedAt,
      approvedAtMeeting: header.approvedAtMeeting,
      approvedAtMeetingId: file.meeting.approvedAtMeetingId,
      ...(header.approvedAtMeetingDate ? { approvedAtMeetingDate: header.approvedAtMeetingDate } : {}),
      chainHead: file.chain.head,
      recordCount: file.chain.count,
    },
    createdAt: file.meeting.createdAt,
    // Only corrections change an approved meeting, each at the time it was recorded.
    updatedAt: corrections.sort().at(-1) ?? header.approvedAt,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The published part of a checked decision file as a meeting bundle, for the minutes: withheld
 * records are left out, and so are carried actions shown only by their hash. Fails, naming the
 * record and field, when a record is not one this version of Oversight reads.
 */
export function publishedBundleOf(file: DecisionsFile): Result<MeetingBundle> {
  const records: MeetingRecord[] = [];
  for (const entry of file.records) {
    const { content, ...chain } = entry;
    if (content === null) continue;
    const shown =
      content.kind === 'meeting' && Array.isArray(content.carriedActions)
        ? { ...content, carriedActions: content.carriedActions.filter((action) => !isWithheldStub(action)) }
        : content;
    const parsed = meetingRecordSchema.safeParse({ ...shown, chain });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join('.')}: ${issue.message})` : '';
      return fail('unreadable-record', `record ${entry.seq} is not a meeting record this version of Oversight reads${where}`);
    }
    records.push(parsed.data);
  }
  const header = records[0];
  if (header?.kind !== 'meeting' || header.chain?.seq !== 0) return fail('no-header', 'record 0 is not the meeting as approved');
  if (!isObject(file.records[0]?.content)) return fail('no-header', 'record 0 is withheld');
  if (records.some((record) => record.meetingId !== header.meetingId)) {
    return fail('mixed', 'the records belong to more than one meeting');
  }
  const meeting = meetingSchema.safeParse(meetingOfDecisionsFile(header, records, file));
  if (!meeting.success) return fail('bad-meeting', 'the meeting this file describes is not one this version of Oversight reads');
  return ok({ meeting: meeting.data, records, exemptSourceIds: [] });
}
