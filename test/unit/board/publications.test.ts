import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { questionsFor } from '../../../renderer/exports/gather';
import { exportRequestSchema } from '../../../shared/exports/schema';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedKindOf, publishedName } from '../../../electron/board/publish';
import { createBoardService } from '../../../electron/board/service';
import { readDecisionsFile } from '../../../electron/exports/save-export';
import { createSettingsStore } from '../../../electron/settings-store';
import { createMappingStore } from '../../../electron/sync/mapping-store';
import { createSyncService } from '../../../electron/sync/service';
import { PENDING, publishToBoard, type PublicationPort } from '../../../renderer/board/board-publications';
import { boardTrust, deviceKeys, joinBoard, syncBoard, type BoardPort } from '../../../renderer/board/board-sync';
import { type OversightDatabase } from '../../../renderer/db/database';
import { getMeta } from '../../../renderer/db/meta-repository';
import { createApi } from '../../../renderer/ipc/client';
import { createSyncController } from '../../../renderer/plan/sync-controller';
import type { Profile } from '../../../shared/annotations/types';
import { encodeBoardFile, openBoardFile, type PublicationBody } from '../../../shared/board/file';
import { boardFilePath } from '../../../shared/board/names';
import { exportPublicKey, formatFingerprint, generateDeviceKeys, type SigningKey } from '../../../shared/board/signing';
import type { OversightBridge } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';
import { makePapers, makeZip, manifestFor, packZipEntries, paperSpec, sha256 } from '../pack/fixtures';
import { candidateFor, planObject } from '../renderer/plan-candidates';
import { exportMeeting, TERMS } from '../exports/fixtures';
import { buildExport } from '../../../electron/exports/build-export';
import { startBoard, useLaptops } from './laptops';
import { meetingBundle } from '../../../renderer/exports/gather';
import { approveMeeting, createMeeting, recordDecision, setAttendance, updateBoard } from '../../../renderer/meetings/meeting-repository';

// The clerk → everyone half of the board folder: what the clerk publishes (a pack, a plan) reaches
// each laptop through the importers a file imported by hand goes through; anything not signed by
// the register's clerk is refused and changes nothing; a file still arriving is retried later.

const laptops = useLaptops('publications');

/** One laptop: its store, main's board and sync services over the shared folder, and the renderer's import path. */
async function laptop(folder: string, name: string, role: Profile['role'] = 'member') {
  const { db, profile, port: folderPort } = await laptops.laptop(folder, name, role);
  const data = await laptops.tempFolder('oversight-publications-data-');
  const syncService = createSyncService({
    sampleFolder: path.join(data, 'no-sample'),
    mappings: createMappingStore(data),
    emit: () => undefined,
    watchInbox: false,
  });
  const service = createBoardService({
    settings: createSettingsStore(data),
    emit: () => undefined,
    watch: false,
    pollMs: 0,
    importer: { candidatesFor: syncService.candidatesFor, readDecisions: readDecisionsFile },
  });
  await service.setFolder(folder);
  // The renderer's bridge, as far as storing a pack needs it: its papers read back by token.
  const bridge: OversightBridge = {
    async invoke(channel, argument) {
      if (channel !== 'papers:read') return { ok: false, error: { code: 'unknown-channel', message: channel } };
      const { token, paperId } = argument as { token: string; paperId: string };
      const read = await syncService.readPaper(token, paperId);
      return read.ok ? ok({ bytes: read.bytes }) : { ok: false, error: { code: 'not-found', message: read.message } };
    },
    on: () => () => undefined,
    pathForFile: () => '',
  };
  const imports = createSyncController(db, createApi(bridge));
  let chosen: string[] = [];
  const port: BoardPort & PublicationPort = {
    scan: folderPort.scan,
    write: async (relative, bytes) => service.write(relative, bytes),
    // Main's dialog, scripted: the files the test chose.
    publish: async (request) => {
      const published = await service.publish(chosen, request, request.includeExempt);
      return published.ok ? ok({ publication: published.value }) : published;
    },
    readPublication: (manifestPath, bodySha256, known) => service.readPublication(manifestPath, bodySha256, known),
  };
  laptops.later(async () => {
    imports.dispose();
    service.stop();
    await syncService.stop();
  });
  return {
    db,
    profile,
    port,
    choose(paths: string[]) {
      chosen = paths;
    },
    sync: () => syncBoard(db, port, profile, { store: imports }),
  };
}

type Laptop = Awaited<ReturnType<typeof laptop>>;

/** A board with its clerk and one member, both in the register. */
async function board() {
  const folder = await laptops.tempFolder('oversight-publications-');
  const clerk = await laptop(folder, 'Jo Clerk', 'clerk');
  const join = await startBoard(clerk);
  const member = await laptop(folder, 'Cllr Amina Shah');
  await join(member);
  const files = await laptops.tempFolder('oversight-publications-files-');
  return { folder, clerk, member, files };
}

/** A pack zip on disk: two papers, one of them exempt (on the exempt agenda item 7) when asked. */
async function packZip(folder: string, options: { exempt: boolean }) {
  const papers = await makePapers([
    { id: 'paper-1', file: 'papers/dashboard.pdf', spec: paperSpec('Performance dashboard', ['EHC plans within 20 weeks: 41%.']) },
    ...(options.exempt
      ? [
          {
            id: 'paper-2',
            file: 'papers/placements.pdf',
            spec: paperSpec('Independent placements', ['Named placements.']),
            exempt: true,
            agendaItem: 'item-7',
          },
        ]
      : []),
  ]);
  const manifest = await manifestFor(papers);
  const zip = path.join(folder, options.exempt ? 'November pack (with exempt).zip' : 'November pack.zip');
  await fs.writeFile(zip, makeZip(packZipEntries(manifest, papers)));
  return zip;
}

async function planFile(folder: string) {
  const file = path.join(folder, 'Northshire plan.plan.json');
  await fs.writeFile(file, JSON.stringify(planObject()));
  return file;
}

async function storeCounts(db: OversightDatabase) {
  return { packs: await db.packs.count(), papers: await db.papers.count(), plans: await db.plans.count() };
}

async function publish(clerk: Laptop, paths: string[], options: { title?: string; includeExempt?: boolean } = {}) {
  clerk.choose(paths);
  const trust = await boardTrust(clerk.db);
  if (!trust) throw new Error('the clerk has not started the board');
  return publishToBoard(clerk.db, clerk.port, clerk.profile, trust, await deviceKeys(clerk.db), {
    title: options.title ?? 'November papers',
    includeExempt: options.includeExempt ?? false,
  });
}

describe('the clerk publishes to the board folder', { timeout: 60_000 }, () => {
  it('a pack and a plan the clerk publishes are imported on the member’s laptop and the clerk’s, once', async () => {
    const { clerk, member, files } = await board();
    const published = await publish(clerk, [await packZip(files, { exempt: false }), await planFile(files)]);
    expect(published).toEqual({ ok: true, value: { files: 2 } });

    const synced = await member.sync();
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.published).toEqual([
      {
        title: 'November papers',
        lines: ['the pack for Northmoor SEND Oversight Board (12 November 2026): 1 new paper', expect.stringMatching(/, revision \d+$/)],
      },
    ]);
    expect(await storeCounts(member.db)).toMatchObject({ packs: 1, papers: 1, plans: 1 });
    // The import log says where it came from, as for a file imported by hand.
    expect((await member.db.imports.toArray()).map((entry) => entry.source)).toEqual(['board']);

    // The clerk's own laptop imports what it published, by the same path.
    const clerkSynced = await clerk.sync();
    expect(clerkSynced.ok && clerkSynced.value.published.map((entry) => entry.title)).toEqual(['November papers']);
    expect(await storeCounts(clerk.db)).toMatchObject({ packs: 1, papers: 1, plans: 1 });

    // Read again (a second scan, a restart): nothing new, nothing doubled.
    const again = await member.sync();
    expect(again.ok && again.value.published).toEqual([]);
    expect(await storeCounts(member.db)).toMatchObject({ packs: 1, papers: 1, plans: 1 });
  });

  it('approved minutes the clerk publishes are imported as the Exports view imports a decision file; exempt records only when included', async () => {
    const { folder, clerk, member, files } = await board();
    const full = await approvedMinutes(files, true);
    const published = await publish(clerk, [full], { title: 'Approved minutes' });
    expect(published.ok).toBe(false);
    if (!published.ok) expect(published.error.message).toContain('1 exempt record of the minutes');
    expect(await fs.readdir(path.join(folder, 'published')).catch(() => [])).toEqual([]);
    // The published decision file (exempt records withheld) goes without the tick, and each laptop's
    // importer says what it says of it by hand: it cannot rebuild the meeting.
    expect(await publish(clerk, [await approvedMinutes(files, false)], { title: 'Published minutes' })).toEqual({
      ok: true,
      value: { files: 1 },
    });
    const first = await member.sync();
    expect(first.ok && first.value.published).toEqual([
      { title: 'Published minutes', lines: [expect.stringContaining('withholds 1 exempt record, so it cannot rebuild the meeting here')] },
    ]);
    expect(await member.db.meetings.count()).toBe(0);

    expect(await publish(clerk, [full], { title: 'Approved minutes', includeExempt: true })).toEqual({ ok: true, value: { files: 1 } });
    const second = await member.sync();
    expect(second.ok && second.value.published).toEqual([
      { title: 'Approved minutes', lines: [expect.stringMatching(/^the approved minutes of SEND Oversight Board.* \(\d+ records\)$/)] },
    ]);
    expect((await member.db.meetings.toArray()).map((meeting) => meeting.id)).toEqual(['m-jan']);
  });

  it('exempt papers go to the folder only when the clerk includes them, and then under a confidential header', async () => {
    const { folder, clerk, member, files } = await board();
    const zip = await packZip(files, { exempt: true });
    const refused = await publish(clerk, [zip]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('exempt');
      expect(refused.error.message).toContain('“Independent placements”');
      expect(refused.error.message).toContain('Include exempt papers');
    }
    // Nothing of it reached the folder.
    expect(await fs.readdir(path.join(folder, 'published')).catch(() => [])).toEqual([]);

    expect(await publish(clerk, [zip], { includeExempt: true })).toEqual({ ok: true, value: { files: 1 } });
    const manifest = await openBoardFile(
      new Uint8Array(await fs.readFile(path.join(folder, boardFilePath('publication', clerk.profile.id, clerk.profile.deviceId, 1)))),
    );
    expect(manifest.status === 'opened' && manifest.file.header.confidential).toBe(true);
    expect(manifest.status === 'opened' && manifest.file.kind === 'publication' && manifest.file.body.files[0]?.exempt).toBe(true);

    await member.sync();
    const papers = await member.db.papers.toArray();
    // Stored as the pack marks it: the exempt paper stays exempt, so exports leave it out by default.
    expect(papers.map((paper) => [paper.paperId, paper.isExempt]).sort()).toEqual([
      ['paper-1', false],
      ['paper-2', true],
    ]);
  });

  it('a file still arriving is left alone and imported whole at a later sync', async () => {
    const { folder, clerk, member, files } = await board();
    expect((await publish(clerk, [await packZip(files, { exempt: false })])).ok).toBe(true);
    const publicationFolder = path.join(folder, 'published', clerk.profile.id, clerk.profile.deviceId, '000001');
    const [name] = await fs.readdir(publicationFolder);
    if (!name) throw new Error('nothing published');
    const whole = await fs.readFile(path.join(publicationFolder, name));
    // The sync client has brought the manifest but only half the pack.
    await fs.writeFile(path.join(publicationFolder, name), whole.subarray(0, Math.floor(whole.length / 2)));

    const first = await member.sync();
    expect(first.ok && first.value).toMatchObject({ published: [], stillArriving: 1, refused: [] });
    expect(await storeCounts(member.db)).toMatchObject({ packs: 0, papers: 0 });
    expect(await getMeta(member.db, PENDING)).toHaveLength(1);

    // The same length but other bytes (a damaged or swapped copy): still not what the clerk signed.
    const swapped = Buffer.from(whole);
    swapped[swapped.length - 10] = (swapped[swapped.length - 10] ?? 0) ^ 0xff;
    await fs.writeFile(path.join(publicationFolder, name), swapped);
    const second = await member.sync();
    expect(second.ok && second.value).toMatchObject({ published: [], stillArriving: 1 });
    expect(await storeCounts(member.db)).toMatchObject({ packs: 0, papers: 0 });

    await fs.writeFile(path.join(publicationFolder, name), whole);
    const third = await member.sync();
    expect(third.ok && third.value.published).toHaveLength(1);
    expect(await storeCounts(member.db)).toMatchObject({ packs: 1, papers: 1 });
    expect(await getMeta(member.db, PENDING)).toEqual([]);
  });

  it('refuses a publication signed by a member, or by a key the register does not give the clerk, and changes nothing', async () => {
    const { folder, clerk, member, files } = await board();
    const zip = await packZip(files, { exempt: false });
    const bytes = new Uint8Array(await fs.readFile(zip));
    const body: PublicationBody = {
      title: 'Papers (not from the clerk)',
      files: [{ name: '01-pack.zip', kind: 'pack', bytes: bytes.length, sha256: sha256(bytes), exempt: false }],
    };

    // A member, validly in the register, publishes under their own area with their own key.
    const memberKeys = await deviceKeys(member.db);
    await writePublication(folder, member.profile, 1, body, bytes, memberKeys);
    // Someone claims the clerk's device but signs with a key of their own.
    const forger = await generateDeviceKeys();
    await writePublication(folder, clerk.profile, 7, { ...body, title: 'Forged papers' }, bytes, {
      publicKeyBase64: await exportPublicKey(forger.publicKey),
      privateKey: forger.privateKey,
    });
    // And a manifest whose signature was changed after signing.
    const tampered = path.join(folder, boardFilePath('publication', clerk.profile.id, clerk.profile.deviceId, 8));
    await writePublication(folder, clerk.profile, 8, { ...body, title: 'Tampered papers' }, bytes, await deviceKeys(clerk.db));
    const text = JSON.parse(await fs.readFile(tampered, 'utf8')) as { signature: string };
    text.signature = `${text.signature.startsWith('A') ? 'B' : 'A'}${text.signature.slice(1)}`;
    await fs.writeFile(tampered, JSON.stringify(text));

    for (const device of [member, clerk]) {
      const before = await storeCounts(device.db);
      const synced = await device.sync();
      if (!synced.ok) throw new Error(synced.error.message);
      expect(synced.value.published).toEqual([]);
      const messages = synced.value.refused.map((entry) => `${entry.path}: ${entry.message}`);
      if (device === clerk) {
        expect(messages).toContainEqual(
          expect.stringMatching(/Papers \(not from the clerk\)” was published by Cllr Amina Shah’s device, not the clerk’s/),
        );
      }
      expect(messages).toContainEqual(
        expect.stringMatching(/Forged papers” is signed with a key the register does not give the clerk’s device/),
      );
      expect(messages).toContainEqual(expect.stringMatching(/000008\.json: The signature does not verify/));
      expect(await storeCounts(device.db)).toEqual(before);
      expect(await getMeta(device.db, PENDING)).toBeFalsy();
    }
  });

  it('keeps a publication that arrives before the register aside, and imports it once the register says it is the clerk’s', async () => {
    const { folder, clerk, files } = await board();
    expect((await publish(clerk, [await planFile(files)])).ok).toBe(true);
    // A laptop that has joined but whose copy of the folder has the publication and not yet the register.
    const late = await laptop(folder, 'Cllr Ben Okafor');
    expect((await joinBoard(late.db, 'send-board', formatFingerprint((await deviceKeys(clerk.db)).fingerprint))).ok).toBe(true);
    const register = path.join(folder, 'register');
    const aside = `${register}-aside`;
    await fs.rename(register, aside);
    const first = await late.sync();
    expect(first.ok && first.value).toMatchObject({ published: [], waiting: 1 });
    expect(await storeCounts(late.db)).toMatchObject({ plans: 0 });
    await fs.rename(aside, register);
    const second = await late.sync();
    expect(second.ok && second.value.published.map((entry) => entry.title)).toEqual(['November papers']);
    expect(await storeCounts(late.db)).toMatchObject({ plans: 1 });
  });

  it('an answers workbook the clerk publishes records the officer’s answer on the member’s own question', async () => {
    const { clerk, member, files } = await board();
    await storeCandidate(member.db, candidateFor(planObject()));
    const target = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.1' };
    const asked = await createAnnotation(member.db, member.profile, target, {
      kind: 'question',
      text: 'Why is 1.1 late?',
      tags: [],
      visibility: 'shared',
    });
    const other = await createAnnotation(member.db, member.profile, target, {
      kind: 'question',
      text: 'Are appeals rising?',
      tags: [],
      visibility: 'shared',
    });
    // The clerk's workbook of the board's shared questions, as the Exports view builds it.
    const meeting = exportMeeting();
    const built = await buildExport(
      exportRequestSchema.parse({
        kind: 'questions-xlsx',
        includeExempt: false,
        boardName: 'Northmoor SEND Oversight Board',
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: null,
        questions: await questionsFor(member.db, meeting, null),
      }),
      {
        printHtmlToPdf: async () => new Uint8Array(),
        trackerCopies: { find: async () => undefined },
        now: () => new Date('2027-02-10T09:00:00Z'),
      },
    );
    if (!built.ok) throw new Error(built.error.message);
    // The officer answers one question in Excel.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(built.value.data as Uint8Array).buffer);
    workbook.worksheets[0]?.eachRow((row) => {
      if (String(row.getCell(1).value) !== asked.id) return;
      row.getCell(7).value = 'Two coordinator posts were unfilled; both start in March.';
      row.getCell(8).value = 'Head of SEND';
      row.getCell(9).value = new Date(Date.UTC(2027, 1, 17));
    });
    const returned = path.join(files, 'returned.answers.xlsx');
    await fs.writeFile(returned, new Uint8Array(await workbook.xlsx.writeBuffer()));

    expect(await publish(clerk, [returned], { title: 'Officers’ answers' })).toEqual({ ok: true, value: { files: 1 } });
    const synced = await member.sync();
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.published.map((entry) => entry.title)).toEqual(['Officers’ answers']);
    expect((await member.db.annotations.get(asked.id))?.answer).toMatchObject({
      text: 'Two coordinator posts were unfilled; both start in March.',
      answeredBy: 'Head of SEND',
      answeredOn: '2027-02-17',
      via: 'workbook',
    });
    expect((await member.db.annotations.get(other.id))?.answer).toBeNull();
    // Read again: recorded once, nothing new.
    const again = await member.sync();
    expect(again.ok && again.value.published).toEqual([]);
  });

  it('refuses to publish a file that would not load, or one of a kind the folder does not carry, and writes nothing', async () => {
    const { folder, clerk, files } = await board();
    const broken = path.join(files, 'Broken.plan.json');
    await fs.writeFile(broken, '{"format":"oversight-plan"');
    const notes = path.join(files, 'notes.docx');
    await fs.writeFile(notes, 'x');
    const first = await publish(clerk, [broken]);
    expect(first.ok).toBe(false);
    if (!first.ok)
      expect(first.error.message).toMatch(/^Broken\.plan\.json would not load on members’ laptops: .+ Nothing was published\.$/);
    const second = await publish(clerk, [notes]);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.message).toContain('not a file the board folder carries');
    expect(await fs.readdir(path.join(folder, 'published')).catch(() => [])).toEqual([]);
  });
});

describe('publication names and manifests', () => {
  it('names published files short, lower-case and ending as their kind must', () => {
    expect(publishedKindOf('Board Pack.ZIP')).toBe('pack');
    expect(publishedKindOf('minutes.decisions.json')).toBe('decisions');
    expect(publishedKindOf('plan.json')).toBeNull();
    expect(publishedName('Board Pack – Nov (v2).ZIP', 'pack', 0)).toBe('01-board-pack-nov-v2.zip');
    expect(publishedName('Ärger.answers.xlsx', 'answers', 11)).toBe('12-arger.answers.xlsx');
    expect(publishedName('.plan.json', 'plan', 2)).toBe('03-plan.plan.json');
  });

  it('refuses a manifest that lists an exempt file under a header not marked confidential, or a name of the wrong kind', async () => {
    const keys = await generateDeviceKeys();
    const base = {
      boardId: 'send-board',
      kind: 'publication' as const,
      memberId: 'clerk',
      deviceId: 'clerk-laptop',
      sequence: 1,
      writtenAt: '2026-12-06T10:00:00Z',
      publicKey: await exportPublicKey(keys.publicKey),
      privateKey: keys.privateKey,
    };
    const file = { name: '01-pack.zip', kind: 'pack' as const, bytes: 10, sha256: 'a'.repeat(64), exempt: true };
    const leaked = await openBoardFile(await encodeBoardFile({ ...base, confidential: false, body: { title: 'Papers', files: [file] } }));
    expect(leaked).toEqual({
      status: 'refused',
      problems: [{ path: '$.body.files[0].exempt', message: expect.stringContaining('not marked confidential') }],
    });
    const misnamed = await openBoardFile(
      await encodeBoardFile({
        ...base,
        confidential: false,
        body: { title: 'Papers', files: [{ ...file, exempt: false, name: '01-pack.plan.json' }] },
      }),
    );
    expect(misnamed.status === 'refused' && misnamed.problems[0]?.path).toBe('$.body.files[0].name');
  });
});

// A meeting recorded and approved on the chair's laptop, exported as a .decisions.json file.
async function approvedMinutes(folder: string, includeExempt: boolean): Promise<string> {
  const db = laptops.store('minutes');
  let count = 0;
  const at = (when: string) => ({ now: new Date(when), newId: () => `id-${(count += 1)}` });
  const members = [
    { id: 'chair', name: 'Cllr Amina Shah', role: 'Chair', organisation: 'Labour group', isVoting: true, substituteForId: null },
    { id: 'cllr-b', name: 'Cllr Ben Ode', role: 'Member', organisation: 'Conservative group', isVoting: true, substituteForId: null },
  ];
  await updateBoard(db, { name: 'Northmoor SEND Oversight Board', members, terms: TERMS }, at('2027-01-01T09:00:00Z'));
  const meeting = await createMeeting(
    db,
    {
      id: 'm-jan',
      title: 'SEND Oversight Board',
      date: '2027-01-14',
      time: '14:00',
      place: 'Committee Room 2',
      planId: 'plan-1',
      agenda: [
        { id: 'i1', number: '1', title: 'Dashboard', presenter: 'Head of SEND', isExempt: false, isDecisionRequired: true, links: [] },
        { id: 'i2', number: '2', title: 'Transport contract', presenter: '', isExempt: true, isDecisionRequired: false, links: [] },
      ],
    },
    at('2027-01-02T09:00:00Z'),
  );
  for (const member of members) await setAttendance(db, meeting.id, member, {}, at('2027-01-14T14:00:00Z'));
  await recordDecision(
    db,
    meeting.id,
    { itemId: 'i1', type: 'noted', text: 'Noted the dashboard.', escalatedTo: null, refersTo: null, vote: null },
    at('2027-01-14T14:10:00Z'),
  );
  await recordDecision(
    db,
    meeting.id,
    { itemId: 'i2', type: 'approved', text: 'Approved the contract.', escalatedTo: null, refersTo: null, vote: null },
    at('2027-01-14T14:20:00Z'),
  );
  await approveMeeting(
    db,
    meeting.id,
    { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null },
    at('2027-02-11T15:00:00Z'),
  );
  const bundle = await meetingBundle(db, 'm-jan');
  if (!bundle) throw new Error('no meeting');
  const built = await buildExport(
    { kind: 'decisions-json', includeExempt, boardName: 'Board', bundle },
    {
      printHtmlToPdf: async () => new Uint8Array(),
      trackerCopies: { find: async () => undefined },
      now: () => new Date('2027-02-12T09:00:00Z'),
    },
  );
  if (!built.ok) throw new Error(built.error.message);
  const file = path.join(folder, includeExempt ? 'January minutes (confidential).decisions.json' : 'January minutes.decisions.json');
  await fs.writeFile(file, built.value.data);
  return file;
}

// Writes a publication as a third party would: the file in its folder, then the signed manifest.
async function writePublication(
  folder: string,
  who: Profile,
  sequence: number,
  body: PublicationBody,
  payload: Uint8Array,
  keys: { publicKeyBase64: string; privateKey: SigningKey },
) {
  const manifestPath = path.join(folder, boardFilePath('publication', who.id, who.deviceId, sequence));
  const payloadFolder = manifestPath.replace(/\.json$/, '');
  await fs.mkdir(payloadFolder, { recursive: true });
  for (const file of body.files) await fs.writeFile(path.join(payloadFolder, file.name), payload);
  const bytes = await encodeBoardFile({
    boardId: 'send-board',
    kind: 'publication',
    memberId: who.id,
    deviceId: who.deviceId,
    sequence,
    writtenAt: new Date().toISOString(),
    confidential: false,
    publicKey: keys.publicKeyBase64,
    privateKey: keys.privateKey,
    body,
  });
  await fs.writeFile(manifestPath, bytes);
}
