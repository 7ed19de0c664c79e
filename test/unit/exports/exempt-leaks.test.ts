import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { OversightDatabase } from '../../../renderer/db/database';
import { allMeetingBundles, meetingBundle } from '../../../renderer/exports/gather';
import {
  addCorrection,
  approveMeeting,
  createMeeting,
  listMeetingRecords,
  recordDecision,
  saveNote,
  saveRecord,
} from '../../../renderer/meetings/meeting-repository';
import { exportRequestSchema, type ExportRequest, type MeetingBundle } from '../../../shared/exports/schema';
import { verifyMeetingRecords } from '../../../shared/meetings/approval';
import { verifyDecisionsFile } from '../../../shared/meetings/decisions-file';
import type { AgendaItem, MeetingRecord } from '../../../shared/meetings/schema';
import { unzipAllText } from './fixtures';

// Exempt content, written through the app's own repository into every place it can live (a
// decision, a note, a judgement, an action arising, the carried action it becomes at the next
// meeting, the progress reported on it there, a correction to an exempt record), must not leave
// in any export made without exempt items: every format is read back (unzipped, as text) and
// searched for the marker. The same exports with exempt items included carry it, so the
// search can fail.

const MARKER = 'LEAK-7c1e';
let db: OversightDatabase;
let sequence = 0;
const newId = () => `leak-${(sequence += 1)}`;

afterEach(async () => {
  db.close();
  await db.delete();
});

function agenda(): AgendaItem[] {
  const item = (number: string, title: string, isExempt: boolean): AgendaItem => ({
    id: `item-${number}`,
    number,
    title,
    presenter: '',
    isExempt,
    isDecisionRequired: false,
    links: [],
  });
  return [item('1', 'Performance dashboard', false), item('2', 'Transport contract (exempt)', true)];
}

function base(meetingId: string, at: string) {
  return { id: newId(), meetingId, createdAt: at, updatedAt: at, chain: null };
}

async function exemptEverywhere(options: { legacyDraft?: boolean } = {}): Promise<void> {
  db = new OversightDatabase(`leaks-${Math.random().toString(36).slice(2)}`);
  const december = await createMeeting(
    db,
    { id: 'dec', title: 'SEND Oversight Board', date: '2026-12-10', time: '14:00', place: 'Room 1', planId: null, agenda: agenda() },
    { newId },
  );
  const at = '2026-12-10T14:30:00.000Z';
  await saveRecord(db, {
    ...base(december.id, at),
    kind: 'action',
    itemId: 'item-2',
    text: `Renegotiate ${MARKER}-carried`,
    owner: 'Director',
    dueDate: null,
    links: [],
  });
  await saveRecord(db, {
    ...base(december.id, at),
    kind: 'action',
    itemId: 'item-1',
    text: 'Circulate the dashboard',
    owner: 'Clerk',
    dueDate: null,
    links: [],
  });
  await approveMeeting(
    db,
    december.id,
    { approvedAtMeeting: 'the meeting of 14 January 2027', approvedAtMeetingId: null },
    { now: new Date('2027-01-14T10:00:00Z') },
  );

  const january = await createMeeting(
    db,
    { id: 'jan', title: 'SEND Oversight Board', date: '2027-01-14', time: '10:00', place: 'Room 1', planId: null, agenda: agenda() },
    { newId },
  );
  if (options.legacyDraft) {
    // A draft whose carried actions were copied before they were marked exempt at the source.
    await db.meetings.put({ ...january, carriedActions: january.carriedActions.map(({ isExempt: _isExempt, ...action }) => action) });
  }
  const exemptCarried = january.carriedActions.filter((action) => action.isExempt === true);
  expect(exemptCarried.map((action) => action.text)).toEqual([`Renegotiate ${MARKER}-carried`]);
  const exemptSource = exemptCarried[0]?.sourceId ?? '';
  const when = '2027-01-14T10:30:00.000Z';
  await saveNote(db, january.id, 'item-2', `Discussion ${MARKER}-note`, { now: new Date(when) });
  await saveNote(db, january.id, 'item-1', 'The dashboard was noted.', { now: new Date(when) });
  await recordDecision(
    db,
    january.id,
    { itemId: 'item-2', type: 'approved', text: `Approved ${MARKER}-decision`, escalatedTo: null, refersTo: null, vote: null },
    { newId, now: new Date(when) },
  );
  await saveRecord(db, {
    ...base(january.id, when),
    kind: 'judgement',
    itemId: 'item-2',
    target: { kind: 'area', planId: 'plan-1', id: 'area-1', label: `Area 1 ${MARKER}-label` },
    level: 'Not assured',
    reason: `Because ${MARKER}-judgement`,
  });
  await saveRecord(db, {
    ...base(january.id, when),
    kind: 'action',
    itemId: 'item-2',
    text: `Sign ${MARKER}-action`,
    owner: 'Director',
    dueDate: null,
    links: [],
  });
  await saveRecord(db, {
    ...base(january.id, when),
    kind: 'action-update',
    sourceId: exemptSource,
    status: 'ongoing',
    note: `Talks ${MARKER}-update`,
  });
  await approveMeeting(
    db,
    january.id,
    { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null },
    { now: new Date('2027-02-11T11:00:00Z') },
  );
  const records = await listMeetingRecords(db, january.id);
  const note = records.find((record) => record.kind === 'note' && record.itemId === 'item-2');
  await addCorrection(db, january.id, { amendsSeq: note?.chain?.seq ?? -1, text: `The figure was ${MARKER}-correction` }, { newId });
  const publicNote = records.find((record) => record.kind === 'note' && record.itemId === 'item-1');
  await addCorrection(db, january.id, { amendsSeq: publicNote?.chain?.seq ?? -1, text: 'A public correction.' }, { newId });
}

const services: ExportServices = {
  // The PDF is the minutes HTML printed: what reaches the printer is what the PDF says.
  printHtmlToPdf: async (html) => new TextEncoder().encode(html),
  trackerCopies: { find: async () => undefined },
  now: () => new Date('2027-03-01T09:00:00Z'),
};

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return `${cells.join('\n')}\n${unzipAllText(bytes)}`;
}

/** Every export of January, read back as text. */
async function everyExport(bundle: MeetingBundle, bundles: MeetingBundle[], includeExempt: boolean): Promise<Record<string, string>> {
  const common = { includeExempt, boardName: 'Northmoor SEND Oversight Board' };
  const requests: ExportRequest[] = [
    { kind: 'minutes-docx', ...common, bundle },
    { kind: 'minutes-pdf', ...common, bundle },
    { kind: 'decision-log-csv', ...common, bundles },
    { kind: 'decision-log-xlsx', ...common, bundles },
    { kind: 'action-log-csv', ...common, bundles },
    { kind: 'action-log-xlsx', ...common, bundles },
    { kind: 'decisions-json', ...common, bundle },
  ];
  const out: Record<string, string> = {};
  for (const request of requests) {
    const built = await buildExport(exportRequestSchema.parse(request), services);
    if (!built.ok) throw new Error(`${request.kind}: ${built.error.message}`);
    const { data } = built.value;
    out[request.kind] =
      typeof data === 'string'
        ? data
        : request.kind.endsWith('xlsx')
          ? await xlsxText(data)
          : request.kind === 'minutes-docx'
            ? unzipAllText(data)
            : new TextDecoder().decode(data);
  }
  return out;
}

describe('exempt content in every export', () => {
  it('is sealed in the chain where it lives, and the record still checks', async () => {
    await exemptEverywhere();
    const meeting = await db.meetings.get('jan');
    const records = await listMeetingRecords(db, 'jan');
    if (!meeting) throw new Error('no meeting');
    expect(await verifyMeetingRecords(meeting, records)).toMatchObject({ status: 'intact' });
    const sealed = (record: MeetingRecord) => record.chain?.exempt === true;
    const withMarker = records.filter((record) => JSON.stringify(record).includes(MARKER) && record.kind !== 'meeting');
    expect(withMarker.map((record) => record.kind).sort()).toEqual([
      'action',
      'action-update',
      'correction',
      'decision',
      'judgement',
      'note',
    ]);
    expect(withMarker.every(sealed)).toBe(true);
    expect(records.filter(sealed).map((record) => record.kind)).toEqual(withMarker.map((record) => record.kind));
  });

  it('is sealed too in a draft whose carried actions predate the exempt mark: approval marks them', async () => {
    await exemptEverywhere({ legacyDraft: true });
    const header = (await listMeetingRecords(db, 'jan')).find((record) => record.kind === 'meeting');
    expect(header?.kind === 'meeting' && header.carriedActions.map((action) => action.isExempt === true).sort()).toEqual([false, true]);
    const bundle = await meetingBundle(db, 'jan');
    if (!bundle) throw new Error('no bundle');
    const published = await everyExport(bundle, await allMeetingBundles(db), false);
    for (const [kind, text] of Object.entries(published)) expect(text, kind).not.toContain(MARKER);
  });

  it('never leaves in an export made without exempt items, and does with them', async () => {
    await exemptEverywhere();
    const bundle = await meetingBundle(db, 'jan');
    if (!bundle) throw new Error('no bundle');
    const bundles = await allMeetingBundles(db);
    const published = await everyExport(bundle, bundles, false);
    for (const [kind, text] of Object.entries(published)) expect(text, kind).not.toContain(MARKER);
    expect(published['minutes-docx']).toContain('A public correction.');
    expect(published['minutes-docx']).toContain('Circulate the dashboard');
    expect(await verifyDecisionsFile(JSON.parse(published['decisions-json'] ?? ''))).toMatchObject({ status: 'intact', withheld: 6 });

    const confidential = await everyExport(bundle, bundles, true);
    for (const part of ['note', 'decision', 'judgement', 'action', 'carried', 'update', 'correction']) {
      expect(confidential['decisions-json'], part).toContain(`${MARKER}-${part}`);
    }
    expect(confidential['minutes-docx']).toContain(`${MARKER}-correction`);
  });
});
