import 'fake-indexeddb/auto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBoardService } from '../../../electron/board/service';
import { createSettingsStore } from '../../../electron/settings-store';
import { createAnnotation, updateAnnotation } from '../../../renderer/annotations/annotation-repository';
import {
  addToRegister,
  deviceKeys,
  joinBoard,
  joiningCode,
  parseJoiningCode,
  removeFromRegister,
  startBoardAsClerk,
  syncBoard,
  type BoardPort,
} from '../../../renderer/board/board-sync';
import type { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import type { Profile } from '../../../shared/annotations/types';
import { encodeBoardFile } from '../../../shared/board/file';
import { exportPublicKey, generateDeviceKeys } from '../../../shared/board/signing';
import { candidateFor, planObject } from '../renderer/plan-candidates';
import { startBoard, useLaptops } from './laptops';

// Laptops of one board (each its own IndexedDB) sharing one real folder through main's folder code.

const laptops = useLaptops('board');

function sharedFolder() {
  return laptops.tempFolder('oversight-board-sync-');
}

async function laptop(folder: string, name: string, role: Profile['role'] = 'member', sameMemberAs?: Profile) {
  const seed = (db: OversightDatabase) => storeCandidate(db, candidateFor(planObject()));
  const { db, profile, port: folderPort } = await laptops.laptop(folder, name, role, { seed, ...(sameMemberAs ? { sameMemberAs } : {}) });
  const service = createBoardService({
    settings: createSettingsStore(path.join(folder, `.data-${name.replace(/\W/g, '')}`)),
    emit: () => undefined,
    watch: false,
    pollMs: 0,
  });
  await service.setFolder(folder);
  laptops.later(() => service.stop());
  const port: BoardPort = { ...folderPort, compact: (snapshotPath, segmentPaths) => service.compact(snapshotPath, [...segmentPaths]) };
  return { db, profile, port };
}

const action = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.1' };

async function texts(db: OversightDatabase) {
  return (await db.annotations.toArray())
    .map((record) => `${record.authorName}: ${record.text}${record.deleted ? ' (deleted)' : ''}`)
    .sort();
}

describe('board folder between laptops', { timeout: 30_000 }, () => {
  it('carries a member’s shared question to the clerk and the member’s other laptop, never a private note, and brings edits back', async () => {
    const folder = await sharedFolder();
    const clerk = await laptop(folder, 'Clerk', 'clerk');
    const join = await startBoard(clerk, 'SEND oversight board');

    const amina = await laptop(folder, 'Cllr Amina Shah');
    const aminaTablet = await laptop(folder, 'Cllr Amina Shah (tablet)', 'member', amina.profile);
    for (const device of [amina, aminaTablet]) await join(device);

    await createAnnotation(amina.db, amina.profile, action, { kind: 'question', text: 'Why is 1.1 late?', tags: [], visibility: 'shared' });
    await createAnnotation(amina.db, amina.profile, action, { kind: 'note', text: 'Ask Sam privately', tags: [], visibility: 'private' });
    const aminaSync = await syncBoard(amina.db, amina.port, amina.profile);
    expect(aminaSync).toMatchObject({ ok: true, value: { written: 1, registerVersion: 3 } });

    const clerkSync = await syncBoard(clerk.db, clerk.port, clerk.profile);
    expect(clerkSync.ok && clerkSync.value.arrived).toEqual([{ authorName: 'Cllr Amina Shah', inserted: 1, updated: 0 }]);
    expect(await texts(clerk.db)).toEqual(['Cllr Amina Shah: Why is 1.1 late?']);

    // Her tablet receives her own question (signed by her other device) and edits it.
    await syncBoard(aminaTablet.db, aminaTablet.port, aminaTablet.profile);
    const onTablet = (await aminaTablet.db.annotations.toArray())[0];
    if (!onTablet) throw new Error('the question did not reach the tablet');
    const edited = await updateAnnotation(aminaTablet.db, aminaTablet.profile, onTablet.id, {
      kind: 'question',
      text: 'Why is 1.1 late, and who approved the new date?',
      tags: [],
      visibility: 'shared',
    });
    expect(edited.ok).toBe(true);
    expect((await syncBoard(aminaTablet.db, aminaTablet.port, aminaTablet.profile)).ok).toBe(true);
    await syncBoard(amina.db, amina.port, amina.profile);
    await syncBoard(clerk.db, clerk.port, clerk.profile);
    expect(await texts(clerk.db)).toEqual(['Cllr Amina Shah: Why is 1.1 late, and who approved the new date?']);
    expect((await texts(amina.db)).filter((text) => text.includes('1.1'))).toEqual([
      'Cllr Amina Shah: Why is 1.1 late, and who approved the new date?',
    ]);

    // Syncing again changes nothing and writes nothing.
    expect(await syncBoard(clerk.db, clerk.port, clerk.profile)).toMatchObject({ ok: true, value: { arrived: [], written: 0 } });
  });

  it('refuses a file from a key the register does not give, and merges nothing of it', async () => {
    const folder = await sharedFolder();
    const clerk = await laptop(folder, 'Clerk', 'clerk');
    await startBoardAsClerk(clerk.db, clerk.port, clerk.profile, { boardId: 'send-board', boardName: 'SEND oversight board' });
    const forger = await generateDeviceKeys();
    const bytes = await encodeBoardFile({
      boardId: 'send-board',
      kind: 'segment',
      memberId: clerk.profile.id,
      deviceId: clerk.profile.deviceId,
      sequence: 9,
      writtenAt: '2026-12-06T10:00:00Z',
      confidential: false,
      publicKey: await exportPublicKey(forger.publicKey),
      privateKey: forger.privateKey,
      body: { author: { displayName: 'Clerk', role: 'clerk', organisation: '' }, annotations: [] },
    });
    const other = await laptop(folder, 'Cllr B');
    await joinBoard(other.db, 'send-board', (await deviceKeys(clerk.db)).fingerprint);
    await fs.mkdir(path.join(folder, 'members', clerk.profile.id, clerk.profile.deviceId), { recursive: true });
    await fs.writeFile(path.join(folder, 'members', clerk.profile.id, clerk.profile.deviceId, '000009.json'), bytes);
    const report = await syncBoard(other.db, other.port, other.profile);
    expect(report.ok && report.value.refused.map((entry) => entry.path)).toEqual([
      `members/${clerk.profile.id}/${clerk.profile.deviceId}/000009.json`,
    ]);
    expect(await other.db.annotations.count()).toBe(0);
  });

  it('compacts a device’s segments into a snapshot, and a laptop joining later still gets everything', async () => {
    const folder = await sharedFolder();
    const clerk = await laptop(folder, 'Clerk', 'clerk');
    await startBoardAsClerk(clerk.db, clerk.port, clerk.profile, { boardId: 'send-board', boardName: 'SEND oversight board' });
    const fingerprint = (await deviceKeys(clerk.db)).fingerprint;
    const amina = await laptop(folder, 'Cllr Amina Shah');
    await joinBoard(amina.db, 'send-board', fingerprint);
    const request = parseJoiningCode(await joiningCode(amina.db, amina.profile));
    if (!request) throw new Error('joining code did not parse');
    await addToRegister(clerk.db, clerk.port, clerk.profile, request);
    for (const text of ['First', 'Second', 'Third', 'Fourth']) {
      await createAnnotation(amina.db, amina.profile, action, { kind: 'question', text, tags: [], visibility: 'shared' });
      expect(await syncBoard(amina.db, amina.port, amina.profile, { snapshotEvery: 3 })).toMatchObject({ ok: true, value: { written: 1 } });
    }
    const own = path.join(folder, 'members', amina.profile.id, amina.profile.deviceId);
    expect((await fs.readdir(own)).sort()).toEqual(['000004.json', 'snapshot-000003.json']);

    const late = await laptop(folder, 'Cllr Late Joiner');
    await joinBoard(late.db, 'send-board', fingerprint);
    await syncBoard(late.db, late.port, late.profile);
    expect(await texts(late.db)).toEqual([
      'Cllr Amina Shah: First',
      'Cllr Amina Shah: Fourth',
      'Cllr Amina Shah: Second',
      'Cllr Amina Shah: Third',
    ]);
  });

  it('refuses a removed laptop’s later files once the clerk removes it, keeping what it sent before', async () => {
    const folder = await sharedFolder();
    const clerk = await laptop(folder, 'Clerk', 'clerk');
    await startBoardAsClerk(clerk.db, clerk.port, clerk.profile, { boardId: 'send-board', boardName: 'SEND oversight board' });
    const lost = await laptop(folder, 'Cllr Lost Laptop');
    await joinBoard(lost.db, 'send-board', (await deviceKeys(clerk.db)).fingerprint);
    const request = parseJoiningCode(await joiningCode(lost.db, lost.profile));
    if (!request) throw new Error('joining code did not parse');
    await addToRegister(clerk.db, clerk.port, clerk.profile, request);
    await syncBoard(lost.db, lost.port, lost.profile);
    await createAnnotation(lost.db, lost.profile, action, { kind: 'question', text: 'Sent before', tags: [], visibility: 'shared' });
    await syncBoard(lost.db, lost.port, lost.profile);
    await syncBoard(clerk.db, clerk.port, clerk.profile);

    expect(await removeFromRegister(clerk.db, clerk.port, clerk.profile, clerk.profile.deviceId)).toMatchObject({ ok: false });
    expect(await removeFromRegister(clerk.db, clerk.port, clerk.profile, lost.profile.deviceId)).toMatchObject({
      ok: true,
      value: { version: 3, lastSequence: 1 },
    });
    await createAnnotation(lost.db, lost.profile, action, { kind: 'question', text: 'Sent after', tags: [], visibility: 'shared' });
    await syncBoard(lost.db, lost.port, lost.profile);
    const report = await syncBoard(clerk.db, clerk.port, clerk.profile);
    expect(report.ok && report.value.refused.map((entry) => entry.message)).toEqual([expect.stringMatching(/was removed from the board/)]);
    expect(await texts(clerk.db)).toEqual(['Cllr Lost Laptop: Sent before']);
  });

  it('gives one key pair to callers that ask at once before any exists, the one stored', async () => {
    const { db, profile } = await laptop(await sharedFolder(), 'Concurrent');
    const [first, second, code] = await Promise.all([deviceKeys(db), deviceKeys(db), joiningCode(db, profile)]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(code).toContain(first.publicKeyBase64);
    const stored = await db.meta.get('board.deviceKeys');
    expect((stored?.value as { publicKeyBase64: string }).publicKeyBase64).toBe(first.publicKeyBase64);
    expect((await deviceKeys(db)).fingerprint).toBe(first.fingerprint);
  });

  it('refuses a member who has not joined, a wrong fingerprint and a malformed joining code', async () => {
    const folder = await sharedFolder();
    const member = await laptop(folder, 'Cllr C');
    expect(await syncBoard(member.db, member.port, member.profile)).toMatchObject({ ok: false, error: { code: 'not-joined' } });
    expect(await joinBoard(member.db, 'send-board', 'not a fingerprint')).toMatchObject({ ok: false });
    expect(await joinBoard(member.db, 'Send Board', '0'.repeat(32))).toMatchObject({ ok: false });
    expect(parseJoiningCode('oversight-join:a:b')).toBeNull();
    expect(parseJoiningCode(`oversight-join:A:b:${'A'.repeat(43)}=:Name:member`)).toBeNull();
    expect(parseJoiningCode(`oversight-join:a:b:${'A'.repeat(43)}=:Name:king`)).toBeNull();
  });
});

describe('the board folder notice', () => {
  it('says what arrived, what was refused and what has not finished arriving', async () => {
    const { describeReport } = await import('../../../renderer/board/board-controller');
    expect(
      describeReport({
        arrived: [
          { authorName: 'Cllr Amina Shah', inserted: 1, updated: 0 },
          { authorName: 'Cllr Ben Okafor', inserted: 2, updated: 1 },
        ],
        refused: [{ path: 'members/x/y/000001.json', message: 'The signature does not verify' }],
        waiting: 0,
        stillArriving: 2,
        stalled: 1,
        written: 0,
        registerVersion: 2,
        published: [{ title: 'January papers', lines: ['the pack for SEND board (14 January 2027): 3 new papers'] }],
      }),
    ).toEqual([
      'From the board folder: 1 new annotation from Cllr Amina Shah.',
      'From the board folder: 2 new annotations and 1 changed from Cllr Ben Okafor.',
      'From the board folder, the clerk published “January papers”: the pack for SEND board (14 January 2027): 3 new papers.',
      '1 file was refused: The signature does not verify',
      '1 file has not finished arriving in the board folder after ten minutes: check that the folder is syncing.',
    ]);
  });
});
