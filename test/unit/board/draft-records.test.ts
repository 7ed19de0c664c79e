import 'fake-indexeddb/auto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReport } from '../../../renderer/board/board-controller';
import { receivedDrafts, shareDraftRecord } from '../../../renderer/board/board-drafts';
import { boardTrust, currentRegister, deviceKeys, syncBoard } from '../../../renderer/board/board-sync';
import { type OversightDatabase } from '../../../renderer/db/database';
import { meetingBundle } from '../../../renderer/exports/gather';
import { createMeeting, recordDecision, saveNote, updateBoard } from '../../../renderer/meetings/meeting-repository';
import type { Profile } from '../../../shared/annotations/types';
import { encodeBoardFile, openBoardFile } from '../../../shared/board/file';
import { boardFilePath } from '../../../shared/board/names';
import { exportPublicKey, generateDeviceKeys } from '../../../shared/board/signing';
import { TERMS } from '../exports/fixtures';
import { startBoard, useLaptops } from './laptops';

// Chair → clerk: the meeting's draft record goes through the folder, signed by the chair's device;
// the clerk's laptop keeps it read-only (never in its own meetings), the newest per device; a draft
// from anyone the register does not name as chair, or signed with another key, is refused.

const laptops = useLaptops('drafts');

async function laptop(folder: string, name: string, role: Profile['role']) {
  const device = await laptops.laptop(folder, name, role);
  return { ...device, sync: () => syncBoard(device.db, device.port, device.profile) };
}

type Laptop = Awaited<ReturnType<typeof laptop>>;

async function board() {
  const folder = await laptops.tempFolder('oversight-drafts-');
  const clerk = await laptop(folder, 'Jo Clerk', 'clerk');
  const addToBoard = await startBoard(clerk);
  const join = async (device: Laptop) => {
    await addToBoard(device);
    await device.sync();
  };
  const chair = await laptop(folder, 'Cllr Amina Shah', 'chair');
  const member = await laptop(folder, 'Cllr Ben Ode', 'member');
  await join(chair);
  await join(member);
  return { folder, clerk, chair, member };
}

async function draftMeeting(db: OversightDatabase) {
  await updateBoard(db, { name: 'Northmoor SEND Oversight Board', members: [], terms: TERMS });
  await createMeeting(db, {
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
  });
  await saveNote(db, 'm-jan', 'i1', 'Timeliness rose to 48%.');
}

async function share(chair: Laptop) {
  const trust = await boardTrust(chair.db);
  if (!trust) throw new Error('not joined');
  return shareDraftRecord(
    chair.db,
    chair.port,
    chair.profile,
    { trust, register: await currentRegister(chair.db), keys: await deviceKeys(chair.db) },
    'm-jan',
  );
}

describe('the chair’s draft record through the board folder', { timeout: 30_000 }, () => {
  it('reaches the clerk read-only, the newest version kept, under a confidential header when the meeting has exempt items', async () => {
    const { folder, clerk, chair } = await board();
    await draftMeeting(chair.db);
    expect(await share(chair)).toEqual({ ok: true, value: { sequence: 1 } });
    const written = await openBoardFile(
      new Uint8Array(await fs.readFile(path.join(folder, boardFilePath('draft-record', chair.profile.id, chair.profile.deviceId, 1)))),
    );
    expect(written.status === 'opened' && written.file.header.confidential).toBe(true);

    const synced = await clerk.sync();
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.drafts).toEqual([{ fromName: 'Cllr Amina Shah', meetingTitle: 'SEND Oversight Board', meetingDate: '2027-01-14' }]);
    expect(describeReport(synced.value)).toContain(
      'From the board folder: Cllr Amina Shah’s draft record of SEND Oversight Board (14 January 2027), read-only, in Settings.',
    );
    const [kept] = await receivedDrafts(clerk.db);
    expect(kept?.bundle).toEqual(await meetingBundle(chair.db, 'm-jan'));
    // Read-only: kept apart from the clerk's own meetings, never merged into them.
    expect(await clerk.db.meetings.count()).toBe(0);

    // The chair records more and shares again: the clerk's copy follows.
    await recordDecision(chair.db, 'm-jan', {
      itemId: 'i1',
      type: 'noted',
      text: 'Noted the dashboard.',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    expect(await share(chair)).toEqual({ ok: true, value: { sequence: 2 } });
    await clerk.sync();
    const drafts = await receivedDrafts(clerk.db);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.sequence).toBe(2);
    expect(drafts[0]?.bundle.records.map((record) => record.kind).sort()).toEqual(['decision', 'note']);
  });

  it('refuses a draft record from a member who is not the chair, or signed with another key, and keeps nothing of it', async () => {
    const { folder, clerk, chair, member } = await board();
    await draftMeeting(chair.db);
    const bundle = await meetingBundle(chair.db, 'm-jan');
    if (!bundle) throw new Error('no meeting');

    // The member's own laptop cannot share one…
    await draftMeeting(member.db);
    const refused = await share(member);
    expect(refused.ok ? 'shared' : refused.error.code).toBe('forbidden');
    // …and a file they write by hand, validly signed with their own key, is refused by everyone.
    const memberKeys = await deviceKeys(member.db);
    await writeDraft(folder, member.profile, 1, bundle, { publicKeyBase64: memberKeys.publicKeyBase64, privateKey: memberKeys.privateKey });
    // A file claiming the chair's device, signed with a key the register does not give it.
    const forger = await generateDeviceKeys();
    await writeDraft(folder, chair.profile, 9, bundle, {
      publicKeyBase64: await exportPublicKey(forger.publicKey),
      privateKey: forger.privateKey,
    });

    const synced = await clerk.sync();
    if (!synced.ok) throw new Error(synced.error.message);
    const messages = synced.value.refused.map((entry) => entry.message);
    expect(messages).toContainEqual(expect.stringContaining('Cllr Ben Ode is not the board’s chair in the register'));
    expect(messages).toContainEqual(expect.stringMatching(/signed with a key the register does not give device .+: it was forged/));
    expect(synced.value.drafts).toBeUndefined();
    expect(await receivedDrafts(clerk.db)).toEqual([]);
  });

  it('refuses a draft file with exempt items under a header not marked confidential, or one of approved minutes', async () => {
    const db = laptops.store('file');
    await draftMeeting(db);
    const bundle = await meetingBundle(db, 'm-jan');
    if (!bundle) throw new Error('no meeting');
    const keys = await generateDeviceKeys();
    const base = {
      boardId: 'send-board',
      kind: 'draft-record' as const,
      memberId: 'chair',
      deviceId: 'chair-laptop',
      sequence: 1,
      writtenAt: '2027-01-14T16:00:00Z',
      publicKey: await exportPublicKey(keys.publicKey),
      privateKey: keys.privateKey,
    };
    const leaked = await openBoardFile(await encodeBoardFile({ ...base, confidential: false, body: { bundle } }));
    expect(leaked.status === 'refused' && leaked.problems[0]?.path).toBe('$.header.confidential');
    const approved = await openBoardFile(
      await encodeBoardFile({
        ...base,
        confidential: true,
        body: { bundle: { ...bundle, meeting: { ...bundle.meeting, status: 'approved' } } },
      }),
    );
    expect(approved.status === 'refused' && approved.problems[0]?.path).toBe('$.body.bundle.meeting.status');
  });
});

async function writeDraft(
  folder: string,
  who: Profile,
  sequence: number,
  bundle: NonNullable<Awaited<ReturnType<typeof meetingBundle>>>,
  keys: { publicKeyBase64: string; privateKey: Awaited<ReturnType<typeof generateDeviceKeys>>['privateKey'] },
) {
  const target = path.join(folder, boardFilePath('draft-record', who.id, who.deviceId, sequence));
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(
    target,
    await encodeBoardFile({
      boardId: 'send-board',
      kind: 'draft-record',
      memberId: who.id,
      deviceId: who.deviceId,
      sequence,
      writtenAt: new Date().toISOString(),
      confidential: true,
      publicKey: keys.publicKeyBase64,
      privateKey: keys.privateKey,
      body: { bundle },
    }),
  );
}
