import 'fake-indexeddb/auto';
import { promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { verifyFiles } from '../../electron/cli/verify';
import { buildExport } from '../../electron/exports/build-export';
import { createTrackerCopies } from '../../electron/exports/tracker-copies';
import { EXPORT_KINDS, exportRequestSchema, type ExportKind, type ExportRequest } from '../../shared/exports/schema';
import { buildMinutes } from '../../shared/exports/minutes-model';
import { minutesHtml } from '../../shared/exports/minutes-html';
import { buildDecisionsFile, type DecisionsFile } from '../../shared/meetings/decisions-file';
import { buildAnnotationsFile, createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { DATABASE_NAME, OversightDatabase } from '../../renderer/db/database';
import { allMeetingBundles, meetingBundle, questionsFor } from '../../renderer/exports/gather';
import { approvedBundle, BOARD_NAME, unzipAllText } from '../unit/exports/fixtures';
import { DEFAULT_ZIP_LIMITS, entryDataOffset, readZipDirectory } from '../../shared/files/zip-directory';
import { axeViolations, printHtmlToPdf, renderSvgToPng, type AppHarness } from './harness';
import { useApp } from './use-app';
import { pdfPageTexts } from './pdf-text';

// Exports end to end: from the Exports view, by keyboard, to files on disk that are opened and
// read back (DOCX and XLSX unzipped, PDF text through pdf.js, CSV parsed, JSON verified); the
// decision file's round trip through the app; and a private note that must appear in no export.

let app: AppHarness | undefined;

const e2e = useApp();

async function exportsView(): Promise<AppHarness> {
  const started = await e2e.start();
  await started.open('#/plan');
  // First run loads the sample plan and seeds the sample board and its next meeting.
  await started.page.getByRole('link', { name: /What changed in revision 2/ }).waitFor({ timeout: 30_000 });
  await started.page.goto(`${started.origin}/index.html#/exports`);
  await started.page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
  await started.page
    .getByRole('option', { name: /\(draft\)/ })
    .first()
    .waitFor({ state: 'attached' });
  return started;
}

/** A meeting and its records as the app stored them in IndexedDB, records in id order. */
async function storedMeeting(harness: AppHarness, meetingId: string): Promise<{ meeting: unknown; records: { id: string }[] }> {
  const stored = await harness.page.evaluate(
    async ({ name, id }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('could not open the database'));
      });
      const read = <T>(make: (transaction: IDBTransaction) => IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          const request = make(db.transaction(['meetings', 'meetingRecords'], 'readonly'));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('could not read'));
        });
      const meeting: unknown = await read((transaction) => transaction.objectStore('meetings').get(id));
      const records = (await read((transaction) => transaction.objectStore('meetingRecords').index('meetingId').getAll(id))) as {
        id: string;
      }[];
      db.close();
      return { meeting, records };
    },
    { name: DATABASE_NAME, id: meetingId },
  );
  return { meeting: stored.meeting, records: stored.records.sort((a, b) => a.id.localeCompare(b.id)) };
}

async function pressExport(harness: AppHarness, savePath: string): Promise<string> {
  harness.nextSavePath = savePath;
  await harness.page.getByRole('button', { name: 'Export…' }).focus();
  await harness.page.keyboard.press('Enter');
  const result = harness.page.locator('.exports-result .entry-ok, .exports-result .entry-error');
  await result.waitFor();
  // "Saved NAME to FOLDER. …  Show in folder": the folder is the one chosen (checked here), and
  // the rest is returned for each test to check.
  const text = (await result.textContent()) ?? '';
  const folder = ` to ${path.dirname(savePath)}.`;
  if (text.startsWith('Saved ')) expect(text).toContain(folder);
  return text.replace(folder, '.').replace(/\s*Show in folder(: .*)?$/, '');
}

describe('exports in Chromium', () => {
  it('exports the next meeting’s draft minutes as DOCX and PDF by keyboard, DRAFT on every page, exempt item withheld', async () => {
    app = await exportsView();
    const { page } = app;
    expect(await axeViolations(page)).toEqual([]);

    const docxPath = path.join(app.documentsFolder, 'minutes.docx');
    expect(await pressExport(app, docxPath)).toMatch(
      /^Saved minutes\.docx\. Draft minutes: 9 items, 0 decisions; 1 exempt item left out\.$/,
    );
    // Show in folder reveals the file main saved, and the page passes axe with the button there.
    await page.getByRole('button', { name: /^Show in folder\W*minutes\.docx$/ }).click();
    await expect.poll(() => app?.shownInFolder).toEqual([docxPath]);
    expect(await axeViolations(page)).toEqual([]);
    const docx = unzipAllText(new Uint8Array(await fs.readFile(docxPath)));
    expect(docx).toContain('Performance dashboard: EHC timeliness and key measures');
    expect(docx).toContain('>DRAFT<');
    // The sample's exempt item: the exclusion resolution, and no filler under items without notes.
    expect(docx).toContain('as defined in Part 1 of Schedule 12A to the Local Government Act 1972');
    expect(docx).not.toContain('No discussion was minuted');

    await page.getByRole('radio', { name: 'Word (.docx)' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'PDF' }).isChecked()).toBe(true);
    const pdfPath = path.join(app.documentsFolder, 'minutes.pdf');
    expect(await pressExport(app, pdfPath)).toMatch(/^Saved minutes\.pdf\./);
    const pages = await pdfPageTexts(new Uint8Array(await fs.readFile(pdfPath)));
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages) {
      expect(text).toContain('DRAFT');
      // The board's name heads every page.
      expect(text).toContain('Northmoor SEND Oversight Board');
    }
    const all = pages.join(' ');
    expect(all).not.toContain('No discussion was minuted');
    expect(all.replace(/\s+/g, ' ')).toContain('Schedule 12A to the Local Government Act 1972');
    expect(all).toContain('Deep dive: the Local Offer');
    expect(all).toContain('Exempt item: the press and public were excluded.');
    expect(all).toContain(`Page 1 of ${pages.length}`);

    // Including exempt items: the checkbox says what it does, and the name says CONFIDENTIAL.
    await page.getByRole('checkbox', { name: 'Include exempt items' }).focus();
    await page.keyboard.press('Space');
    await page.getByText(/the file name and its first line will say CONFIDENTIAL/).waitFor();
    expect(await pressExport(app, path.join(app.documentsFolder, 'minutes.pdf'))).toMatch(/^Saved CONFIDENTIAL minutes\.pdf\./);
    const confidential = await pdfPageTexts(new Uint8Array(await fs.readFile(path.join(app.documentsFolder, 'CONFIDENTIAL minutes.pdf'))));
    for (const text of confidential) expect(text).toContain('CONFIDENTIAL');
    expect(confidential.join(' ')).toContain('Independent special school placements');

    // A name that exists and was not asked about is never replaced: the error is shown plainly.
    expect(await pressExport(app, path.join(app.documentsFolder, 'minutes.pdf'))).toMatch(
      /CONFIDENTIAL minutes\.pdf already exists; choose another name\./,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('imports a decision file, then exports the same record, the decision log and approved minutes with the chain’s hash', async () => {
    app = await exportsView();
    const { page } = app;
    const bundle = await approvedBundle();
    const original = await buildDecisionsFile(bundle.meeting, bundle.records, { exportedAt: '2027-02-12T09:00:00Z', includeExempt: true });
    if (!original.ok) throw new Error(original.error.message);
    const incoming = path.join(app.documentsFolder, 'January.decisions.json');
    await fs.writeFile(incoming, JSON.stringify(original.value));
    app.nextDialogFiles = [incoming];
    await page.getByRole('button', { name: 'Import a decision file…' }).click();
    await page
      .getByText(/January\.decisions\.json: imported the approved minutes of SEND Oversight Board, 2027-01-14, 17 records, chain intact\./)
      .waitFor();
    // The app now holds the same meeting, field for field, as the laptop that exported it, filed
    // under the board open here (a decision file does not say which of the laptop's boards).
    expect(await storedMeeting(app, bundle.meeting.id)).toEqual({
      meeting: { ...bundle.meeting, boardId: 'board' },
      records: [...bundle.records].sort((a, b) => a.id.localeCompare(b.id)),
    });

    await page.getByRole('radio', { name: /Decision file/ }).check();
    await page.getByRole('checkbox', { name: 'Include exempt items' }).check();
    expect(await pressExport(app, path.join(app.documentsFolder, 'again.decisions.json'))).toMatch(
      /^Saved CONFIDENTIAL again\.decisions\.json\. 17 records/,
    );
    const againPath = path.join(app.documentsFolder, 'CONFIDENTIAL again.decisions.json');
    const again = JSON.parse(await fs.readFile(againPath, 'utf8')) as DecisionsFile;
    expect({ ...again, exportedAt: original.value.exportedAt }).toEqual(original.value);
    expect((await verifyFiles([againPath])).exitCode).toBe(0);

    await page.getByRole('checkbox', { name: 'Include exempt items' }).uncheck();
    await page.getByRole('radio', { name: /Minutes of a meeting/ }).check();
    await page.getByRole('combobox', { name: 'Meeting' }).selectOption({ label: '14 January 2027: SEND Oversight Board (approved)' });
    await page.getByRole('radio', { name: 'PDF' }).check();
    expect(await pressExport(app, path.join(app.documentsFolder, 'approved.pdf'))).toMatch(
      /Approved minutes: 4 items, 2 decisions; 1 exempt item left out/,
    );
    const pages = await pdfPageTexts(new Uint8Array(await fs.readFile(path.join(app.documentsFolder, 'approved.pdf'))));
    const hashLine = `head hash SHA-256 ${original.value.chain.head}`;
    for (const text of pages) {
      expect(text).not.toContain('DRAFT');
      expect(text.replace(/\s/g, '')).toContain(hashLine.replace(/\s/g, ''));
    }

    await page.getByRole('radio', { name: /Decision log/ }).check();
    expect(await pressExport(app, path.join(app.documentsFolder, 'log.xlsx'))).toMatch(/^Saved log\.xlsx\. 2 decisions from 2 meetings\./);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(app.documentsFolder, 'log.xlsx'));
    const numbers: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row, index) => index > 1 && numbers.push(row.getCell(1).value));
    expect(numbers).toEqual(['SOB/2027/001', 'SOB/2027/003']);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the Exports view before any minutes are approved', () => {
  it('offers no decision file, says why plainly, and passes axe', async () => {
    const empty = await e2e.tempFolder('oversight-no-sample-');
    app = await e2e.start({ sampleFolder: empty });
    await app.open('#/exports');
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    await page.getByRole('radio', { name: /Decision file/ }).check();
    await page.getByText(/No approved minutes yet\./).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('alert').getByText('No minutes are approved yet: only approved minutes have a decision file.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await fs.rm(empty, { recursive: true, force: true });
  });
});

describe('a private note never leaves the laptop', () => {
  it('appears in no export, in any format, even with exempt items included', async () => {
    const MARKER = `PRIVATE-MARKER-${Math.random().toString(36).slice(2)}`;
    const db = new OversightDatabase(`leak-${MARKER}`);
    const bundle = await approvedBundle();
    await db.meetings.put(bundle.meeting);
    await db.meetingRecords.bulkPut(bundle.records);
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    const target = { kind: 'action' as const, planId: 'plan-1', id: 'A-1.1' };
    await createAnnotation(db, profile, target, { kind: 'question', text: `Question ${MARKER}`, tags: [MARKER], visibility: 'private' });
    await createAnnotation(db, profile, target, { kind: 'note', text: `Note ${MARKER}`, tags: [], visibility: 'private' });
    await createAnnotation(db, profile, target, { kind: 'question', text: 'A question the member shared', tags: [], visibility: 'shared' });

    app = await e2e.start();
    const browser = app.context;
    const folder = path.join(app.dataFolder, 'tracker-copies');
    const trackerFile = path.join(app.documentsFolder, 'tracker.csv');
    await fs.writeFile(trackerFile, 'Ref,Action,Lead,Due date,RAG\n1.1,Recruit EHC coordinators,Head of SEND,31/03/2027,Amber\n');
    const copies = createTrackerCopies(folder);
    const { createHash } = await import('node:crypto');
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

    const meetingBundleNow = await meetingBundle(db, bundle.meeting.id);
    if (!meetingBundleNow) throw new Error('no meeting');
    const bundles = await allMeetingBundles(db);
    const meeting = bundle.meeting;
    const questions = await questionsFor(db, meeting, null);
    expect(questions.map((question) => question.text)).toEqual(['A question the member shared']);
    const common = { includeExempt: true, boardName: BOARD_NAME };
    const report = {
      from: '2000-01-01',
      to: '2099-12-31',
      plan: { title: 'Plan', areas: [], actions: [], measures: [], risks: [] },
      bundles,
      voice: [],
      questions: questions.map((question) => ({ ...question, meetingId: meeting.id })),
    };
    const requests: Record<ExportKind, ExportRequest> = {
      'minutes-docx': { kind: 'minutes-docx', ...common, bundle: meetingBundleNow },
      'minutes-pdf': { kind: 'minutes-pdf', ...common, bundle: meetingBundleNow },
      'decision-log-csv': { kind: 'decision-log-csv', ...common, bundles },
      'decision-log-xlsx': { kind: 'decision-log-xlsx', ...common, bundles },
      'action-log-csv': { kind: 'action-log-csv', ...common, bundles },
      'action-log-xlsx': { kind: 'action-log-xlsx', ...common, bundles },
      'questions-docx': {
        kind: 'questions-docx',
        ...common,
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: null,
        questions,
      },
      'questions-csv': {
        kind: 'questions-csv',
        ...common,
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: null,
        questions,
      },
      'questions-xlsx': {
        kind: 'questions-xlsx',
        ...common,
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: null,
        questions,
      },
      'decisions-json': { kind: 'decisions-json', ...common, bundle: meetingBundleNow },
      tracker: { kind: 'tracker', ...common, planId: 'plan-1', revision: 1, bundle: meetingBundleNow },
      'board-report-docx': { kind: 'board-report-docx', ...common, ...report },
      'board-report-pdf': { kind: 'board-report-pdf', ...common, ...report },
    };
    const readable: string[] = [];
    for (const kind of EXPORT_KINDS) {
      const built = await buildExport(exportRequestSchema.parse(requests[kind]), services);
      if (!built.ok) throw new Error(`${kind}: ${built.error.message}`);
      const { data, extension } = built.value;
      let text: string;
      if (typeof data === 'string') text = extension === '.csv' ? Papa.parse<string[]>(data.slice(1)).data.flat().join('\n') : data;
      else if (extension === '.pdf') text = (await pdfPageTexts(data)).join('\n');
      else text = unzipAllText(data);
      expect(text, `${kind} should have content`).not.toBe('');
      expect(text, `${kind} leaked the private note`).not.toContain(MARKER);
      readable.push(kind);
    }
    expect(readable).toEqual([...EXPORT_KINDS]);
    // The questions export does carry the shared question: the test would catch an empty file.
    const csv = await buildExport(requests['questions-csv'], services);
    expect(csv.ok && String(csv.value.data)).toContain('A question the member shared');
    // And the lead's own exchange file, .annotations.json.
    const annotations = JSON.stringify(await buildAnnotationsFile(db, profile));
    expect(annotations).toContain('A question the member shared');
    expect(annotations).not.toContain(MARKER);
    // The minutes HTML the PDF is printed from, too.
    expect(minutesHtml(buildMinutes(meetingBundleNow, { boardName: BOARD_NAME, includeExempt: true }))).not.toContain(MARKER);
    db.close();
  });
});

/** The bytes of one file inside a zip, inflated. */
function unzipBytes(bytes: Uint8Array, name: string): Uint8Array {
  const directory = readZipDirectory(bytes, 'file', DEFAULT_ZIP_LIMITS);
  if (!directory.ok) throw new Error('not a zip');
  const entry = directory.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the zip`);
  const start = entryDataOffset(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : new Uint8Array(inflateRawSync(data));
}

describe('the board’s report DOCX in Chromium', () => {
  it('carries each measure chart as a PNG drawn by the harness’s renderer, with its table of figures', async () => {
    app = await e2e.start();
    const context = app.context;
    const services = {
      printHtmlToPdf: (html: string) => printHtmlToPdf(context, html),
      renderSvgToPng: (svg: string, width: number, height: number) => renderSvgToPng(context, svg, width, height),
      trackerCopies: { find: async () => undefined },
      now: () => new Date(),
    };
    const plan = {
      title: 'Written statement of action',
      areas: [
        { id: 'area-1', ref: '1', title: 'Timeliness of EHC plans', kind: 'area-of-weakness', deliveryRag: 'amber', impactRag: 'red' },
      ],
      actions: [
        {
          id: 'A-1.1',
          areaId: 'area-1',
          ref: '1.1',
          title: 'Recruit EHC coordinators',
          partnerOrgIds: [],
          startDate: '2026-09-01',
          dueDate: '2026-12-31',
          status: 'in-progress',
          deliveryRag: 'red',
          successCriteria: [],
          measureIds: ['M-1'],
          evidenceIds: [],
          riskIds: [],
          updates: [],
        },
      ],
      measures: [
        {
          id: 'M-1',
          name: 'EHC plans issued within 20 weeks',
          unit: 'percent',
          polarity: 'higher-is-better',
          frequency: 'monthly',
          source: 'SEN2 return',
          baseline: { value: 31, asAt: '2026-03-31' },
          targets: [{ value: 50, asAt: '2027-03-31' }],
          benchmarks: [],
          series: [
            { period: '2026-12', value: 44, status: 'final' },
            { period: '2027-01', value: 52, status: 'provisional' },
          ],
        },
      ],
      risks: [],
    };
    const request = exportRequestSchema.parse({
      kind: 'board-report-docx',
      includeExempt: false,
      boardName: BOARD_NAME,
      from: '2027-01-01',
      to: '2027-03-31',
      plan,
      bundles: [],
      voice: [],
      questions: [],
    });
    const built = await buildExport(request, services);
    if (!built.ok) throw new Error(built.error.message);
    const bytes = built.value.data as Uint8Array;
    const directory = readZipDirectory(bytes, 'file', DEFAULT_ZIP_LIMITS);
    if (!directory.ok) throw new Error('not a zip');
    const media = directory.entries.map((entry) => entry.name).filter((name) => /^word\/media\/[^/]+\.png$/.test(name));
    expect(media).toHaveLength(1);
    const png = unzipBytes(bytes, media[0] ?? '');
    // A real PNG of the chart's size: the signature, then IHDR's width and height (big-endian).
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([480, 200]);
    const xml = unzipAllText(bytes);
    expect(xml).toContain('name="Chart: EHC plans issued within 20 weeks"');
    expect(xml).toContain('>Period<');
  });
});
