import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { buildExport } from '../../electron/exports/build-export';
import { createTrackerCopies } from '../../electron/exports/tracker-copies';
import { OversightDatabase } from '../../renderer/db/database';
import { allMeetingBundles, meetingBundle } from '../../renderer/exports/gather';
import {
  addCorrection,
  approveMeeting,
  createMeeting,
  listMeetingRecords,
  recordDecision,
  saveNote,
  saveRecord,
} from '../../renderer/meetings/meeting-repository';
import { EXPORT_KINDS, exportRequestSchema, type ExportKind, type ExportRequest } from '../../shared/exports/schema';
import type { AgendaItem } from '../../shared/meetings/schema';
import { unzipAllText } from '../unit/exports/fixtures';
import { printHtmlToPdf, type AppHarness } from './harness';
import { useApp } from './use-app';
import { pdfPageTexts } from './pdf-text';

// Exempt content must not leave in any export made without exempt items. A marker is written,
// through the app's own repository, into every place an exempt item's content can live: a
// decision, a note, a judgement, an action arising, the carried action it becomes at the next
// meeting, the progress reported on that, and a correction to an exempt record after approval.
// Every export format is then made and read back as a reader would (DOCX and XLSX unzipped, PDF
// printed by Chromium and read with pdf.js, CSV parsed, the .decisions.json return file, the
// tracker copy, and the minutes `oversight-cli minutes` re-makes from the return file) and
// searched for the marker. The same exports with exempt items included carry it.

const MARKER = `EXEMPT-LEAK-${Math.random().toString(36).slice(2, 8)}`;
let app: AppHarness | undefined;
let db: OversightDatabase | undefined;
let sequence = 0;
const newId = () => `e2e-${(sequence += 1)}`;

const e2e = useApp();

afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});

const PLAN_ACTION = { kind: 'action' as const, planId: 'plan-1', id: 'A-1.1', label: 'Action 1.1: Recruit EHC coordinators' };

function agenda(): AgendaItem[] {
  const item = (number: string, title: string, isExempt: boolean): AgendaItem => ({
    id: `item-${number}`,
    number,
    title,
    presenter: '',
    isExempt,
    isDecisionRequired: false,
    links: [{ kind: 'action', id: 'A-1.1' }],
  });
  return [item('1', 'EHC timeliness', false), item('2', 'Transport contract', true)];
}

/** December: an action on the exempt item. January: exempt content everywhere, approved, then corrected. */
async function exemptEverywhere(store: OversightDatabase): Promise<void> {
  const base = (meetingId: string, at: string) => ({ id: newId(), meetingId, createdAt: at, updatedAt: at, chain: null });
  const place = { title: 'SEND Oversight Board', time: '14:00', place: 'Room 1', planId: 'plan-1', agenda: agenda() };
  await createMeeting(store, { id: 'dec', date: '2026-12-10', ...place }, { newId });
  const december = '2026-12-10T14:30:00.000Z';
  await saveRecord(store, {
    ...base('dec', december),
    kind: 'action',
    itemId: 'item-2',
    text: `Renegotiate ${MARKER} carried`,
    owner: 'Director',
    dueDate: null,
    links: [PLAN_ACTION],
  });
  await approveMeeting(store, 'dec', { approvedAtMeeting: 'the meeting of 14 January 2027', approvedAtMeetingId: null });

  const january = await createMeeting(store, { id: 'jan', date: '2027-01-14', ...place }, { newId });
  const source = january.carriedActions.find((action) => action.isExempt === true)?.sourceId;
  if (!source) throw new Error('the exempt action was not carried forward as exempt');
  const at = '2027-01-14T14:30:00.000Z';
  await saveNote(store, 'jan', 'item-1', 'Timeliness rose to 48%.');
  await saveNote(store, 'jan', 'item-2', `Discussion ${MARKER} note`);
  await recordDecision(
    store,
    'jan',
    { itemId: 'item-1', type: 'noted', text: 'The board noted the dashboard.', escalatedTo: null, refersTo: null, vote: null },
    { newId },
  );
  await recordDecision(
    store,
    'jan',
    { itemId: 'item-2', type: 'approved', text: `Approved ${MARKER} decision`, escalatedTo: null, refersTo: null, vote: null },
    { newId },
  );
  await saveRecord(store, {
    ...base('jan', at),
    kind: 'judgement',
    itemId: 'item-2',
    target: PLAN_ACTION,
    level: 'Not assured',
    reason: `Because ${MARKER} judgement`,
  });
  await saveRecord(store, {
    ...base('jan', at),
    kind: 'action',
    itemId: 'item-2',
    text: `Sign ${MARKER} action`,
    owner: 'Director',
    dueDate: '2027-03-01',
    links: [PLAN_ACTION],
  });
  await saveRecord(store, {
    ...base('jan', at),
    kind: 'action-update',
    sourceId: source,
    status: 'ongoing',
    note: `Talks ${MARKER} update`,
  });
  await approveMeeting(store, 'jan', { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null });
  const note = (await listMeetingRecords(store, 'jan')).find((record) => record.kind === 'note' && record.itemId === 'item-2');
  await addCorrection(store, 'jan', { amendsSeq: note?.chain?.seq ?? -1, text: `The fee was ${MARKER} correction` }, { newId });
}

describe('exempt content in every export format', () => {
  it('never leaves without “Include exempt items”, read back from every file; and does with it', async () => {
    db = new OversightDatabase(`exempt-${MARKER}`);
    await exemptEverywhere(db);
    app = await e2e.start();
    const browser = app.context;
    const trackerFile = path.join(app.documentsFolder, 'tracker.csv');
    await fs.writeFile(trackerFile, 'Ref,Action,Lead,Due date,RAG\nA-1.1,Recruit EHC coordinators,Head of SEND,31/03/2027,Amber\n');
    const copies = createTrackerCopies(path.join(app.dataFolder, 'tracker-copies'));
    await copies.keep({
      planId: 'plan-1',
      revision: 1,
      filePath: trackerFile,
      sha256: createHash('sha256')
        .update(await fs.readFile(trackerFile))
        .digest('hex'),
      mapping: {
        version: 1,
        signature: 's',
        headerRow: 0,
        columns: { Ref: 'ref', Action: 'title', Lead: 'lead', 'Due date': 'dueDate', RAG: 'deliveryRag' },
        planId: 'plan-1',
        planTitle: 'Plan',
        localArea: 'Northmoor',
        planKind: 'improvement-plan',
      },
    });
    const services = { printHtmlToPdf: (html: string) => printHtmlToPdf(browser, html), trackerCopies: copies, now: () => new Date() };
    const bundle = await meetingBundle(db, 'jan');
    if (!bundle) throw new Error('no meeting');
    const bundles = await allMeetingBundles(db);
    const { meeting } = bundle;
    const questionsMeeting = { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda };

    // The board's report over both meetings, on a plan whose area the exempt judgement is on,
    // with a confidential families' voice record: all of it exempt content to keep out.
    const report = {
      from: '2026-12-01',
      to: '2027-03-31',
      plan: {
        title: 'Improvement plan',
        areas: [{ id: 'area-1', ref: '1', title: 'Timeliness', kind: 'area-of-weakness' as const }],
        actions: [],
        measures: [],
        risks: [],
      },
      bundles,
      voice: [
        {
          id: 'v1',
          planId: 'plan-1',
          kind: 'case-study' as const,
          source: 'SENDIASS',
          date: '2027-01-05',
          title: `${MARKER} voice`,
          summary: '',
          links: [{ kind: 'area' as const, id: 'area-1' }],
          isConfidential: true,
        },
      ],
      questions: [],
    };

    const everyExport = async (includeExempt: boolean): Promise<Record<string, string>> => {
      const common = { includeExempt, boardName: 'Northmoor SEND Oversight Board' };
      const requests: Record<ExportKind, ExportRequest> = {
        'minutes-docx': { kind: 'minutes-docx', ...common, bundle },
        'minutes-pdf': { kind: 'minutes-pdf', ...common, bundle },
        'decision-log-csv': { kind: 'decision-log-csv', ...common, bundles },
        'decision-log-xlsx': { kind: 'decision-log-xlsx', ...common, bundles },
        'action-log-csv': { kind: 'action-log-csv', ...common, bundles },
        'action-log-xlsx': { kind: 'action-log-xlsx', ...common, bundles },
        'questions-docx': { kind: 'questions-docx', ...common, meeting: questionsMeeting, memberName: null, questions: [] },
        'questions-csv': { kind: 'questions-csv', ...common, meeting: questionsMeeting, memberName: null, questions: [] },
        'questions-xlsx': { kind: 'questions-xlsx', ...common, meeting: questionsMeeting, memberName: null, questions: [] },
        'decisions-json': { kind: 'decisions-json', ...common, bundle },
        tracker: { kind: 'tracker', ...common, planId: 'plan-1', revision: 1, bundle },
        'board-report-docx': { kind: 'board-report-docx', ...common, ...report },
        'board-report-pdf': { kind: 'board-report-pdf', ...common, ...report },
      };
      const texts: Record<string, string> = {};
      for (const kind of EXPORT_KINDS) {
        const built = await buildExport(exportRequestSchema.parse(requests[kind]), services);
        if (!built.ok) throw new Error(`${kind}: ${built.error.message}`);
        const { data, extension } = built.value;
        if (kind === 'decisions-json') {
          // The return file, and the minutes anyone re-makes from it with the CLI.
          const file = path.join(app?.documentsFolder ?? '', `${includeExempt ? 'confidential' : 'public'}.decisions.json`);
          await fs.writeFile(file, String(data));
          const out = await fs.mkdtemp(path.join(app?.documentsFolder ?? '', 'cli-'));
          const lines: string[] = [];
          const code = await runCli(['minutes', file, '--out', out], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
          expect(code, lines.join('\n')).toBe(0);
          const [docx] = await fs.readdir(out);
          texts['cli-minutes-docx'] = unzipAllText(new Uint8Array(await fs.readFile(path.join(out, docx ?? ''))));
        }
        texts[kind] =
          typeof data === 'string'
            ? extension === '.csv'
              ? Papa.parse<string[]>(data.replace(/^\uFEFF/, ''))
                  .data.flat()
                  .join('\n')
              : data
            : extension === '.pdf'
              ? (await pdfPageTexts(data)).join('\n')
              : unzipAllText(data);
        expect(texts[kind], `${kind} should have content`).not.toBe('');
      }
      return texts;
    };

    const published = await everyExport(false);
    expect(Object.keys(published).sort()).toEqual([...EXPORT_KINDS, 'cli-minutes-docx'].sort());
    for (const [kind, text] of Object.entries(published)) expect(text, `${kind} leaked exempt content`).not.toContain(MARKER);
    // The public content is there, so an empty or broken file would not pass.
    expect(published['minutes-pdf']).toContain('Timeliness rose to 48%.');
    expect(published['cli-minutes-docx']).toContain('The board noted the dashboard.');
    expect(published['decision-log-csv']).toContain('The board noted the dashboard.');
    for (const kind of ['board-report-docx', 'board-report-pdf']) {
      expect(published[kind], kind).toContain('Area 1: Timeliness');
      expect(published[kind], kind).toContain('Ratings at each board meeting');
    }

    const confidential = await everyExport(true);
    for (const place of ['note', 'decision', 'judgement', 'action', 'carried', 'update', 'correction']) {
      expect(confidential['decisions-json'], place).toContain(`${MARKER} ${place}`);
    }
    for (const kind of [
      'minutes-docx',
      'minutes-pdf',
      'decision-log-csv',
      'decision-log-xlsx',
      'action-log-csv',
      'action-log-xlsx',
      'board-report-docx',
      'board-report-pdf',
    ]) {
      expect(confidential[kind], kind).toContain(MARKER);
    }
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});
