import { describe, expect, it } from 'vitest';
import type { AnnotationEntry } from '../../../shared/annotations/file';
import type { AnnotationRecord } from '../../../shared/annotations/types';
import {
  exportPublicKey,
  fingerprintMatches,
  fingerprintOf,
  formatFingerprint,
  fromBase64,
  generateDeviceKeys,
  toBase64,
} from '../../../shared/board/signing';
import { encodeBoardFile, openBoardFile, type FileToWrite, type RegisterBody } from '../../../shared/board/file';
import { boardFilePath, isBoardFileCandidate } from '../../../shared/board/names';
import { emptyReaderState, receiveBoardFile, segmentAsAnnotationsFile, type BoardTrust } from '../../../shared/board/reader';
import { planSegments } from '../../../shared/board/writer';
import { makeAnnotationsFile } from '../annotations/fixtures';

const entries = (): AnnotationEntry[] => makeAnnotationsFile().annotations.map((entry) => ({ ...entry, authorId: 'member-a' }));

async function device(memberId: string, deviceId: string) {
  const keys = await generateDeviceKeys();
  return { memberId, deviceId, keys, publicKey: await exportPublicKey(keys.publicKey) };
}
type TestDevice = Awaited<ReturnType<typeof device>>;

function segmentInput(writer: TestDevice, sequence = 1, annotations = entries()): FileToWrite {
  return {
    boardId: 'send-board',
    kind: 'segment',
    memberId: writer.memberId,
    deviceId: writer.deviceId,
    sequence,
    writtenAt: '2026-12-06T10:00:00Z',
    confidential: false,
    publicKey: writer.publicKey,
    privateKey: writer.keys.privateKey,
    body: { author: { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' }, annotations },
  };
}

function registerBody(clerk: TestDevice, members: Array<{ device: TestDevice; removedAfter?: number }>): RegisterBody {
  return {
    boardName: 'SEND oversight board',
    clerk: { memberId: clerk.memberId, deviceId: clerk.deviceId },
    members: [clerk, ...members.map((member) => member.device)].map((member) => {
      const removedAfter = members.find((candidate) => candidate.device === member)?.removedAfter;
      return {
        memberId: member.memberId,
        displayName: member.memberId,
        role: 'member' as const,
        devices: [
          {
            deviceId: member.deviceId,
            publicKey: member.publicKey,
            addedAt: '2026-12-01T09:00:00Z',
            removed: removedAfter === undefined ? null : { at: '2026-12-05T09:00:00Z', lastSequence: removedAfter },
          },
        ],
      };
    }),
  };
}

async function registerFile(clerk: TestDevice, version: number, body: RegisterBody, signer = clerk) {
  return encodeBoardFile({
    ...segmentInput(clerk),
    kind: 'register',
    sequence: version,
    publicKey: signer.publicKey,
    privateKey: signer.keys.privateKey,
    body,
  });
}

async function opened(bytes: Uint8Array) {
  const result = await openBoardFile(bytes);
  if (result.status !== 'opened') throw new Error(`not opened: ${JSON.stringify(result)}`);
  return result.file;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (value: string) => new TextEncoder().encode(value);

describe('board folder file', () => {
  it('round-trips a signed segment', async () => {
    const amina = await device('member-a', 'device-a');
    const file = await opened(await encodeBoardFile(segmentInput(amina)));
    expect(file.kind).toBe('segment');
    expect(file.header).toMatchObject({ memberId: 'member-a', deviceId: 'device-a', sequence: 1 });
    expect(file.kind === 'segment' && file.body.annotations.map((entry) => entry.id)).toEqual(entries().map((entry) => entry.id));
  });

  it('treats every cut-short copy as still arriving, never as refused or opened', async () => {
    const amina = await device('member-a', 'device-a');
    const bytes = await encodeBoardFile(segmentInput(amina));
    for (const length of [0, 1, 40, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect((await openBoardFile(bytes.slice(0, length))).status).toBe('incomplete');
    }
  });

  it('does not use a whole file whose body disagrees with its header’s length or hash', async () => {
    const amina = await device('member-a', 'device-a');
    const file = JSON.parse(text(await encodeBoardFile(segmentInput(amina)))) as { body: string };
    file.body = file.body.replace('slipped', 'slopped');
    expect(await openBoardFile(bytesOf(JSON.stringify(file)))).toMatchObject({ status: 'incomplete' });
  });

  it('refuses a file whose header was changed after signing', async () => {
    const amina = await device('member-a', 'device-a');
    const file = JSON.parse(text(await encodeBoardFile(segmentInput(amina)))) as { header: { sequence: number } };
    file.header.sequence = 7;
    const result = await openBoardFile(bytesOf(JSON.stringify(file)));
    expect(result).toMatchObject({ status: 'refused', problems: [{ path: '$.signature' }] });
  });

  it('refuses a malformed file with the place of the fault', async () => {
    const amina = await device('member-a', 'device-a');
    const file = JSON.parse(text(await encodeBoardFile(segmentInput(amina)))) as Record<string, unknown>;
    const result = await openBoardFile(bytesOf(JSON.stringify({ ...file, extra: 1 })));
    expect(result.status).toBe('refused');
    const { signature: _signature, ...unsigned } = file;
    const missing = await openBoardFile(bytesOf(JSON.stringify(unsigned)));
    expect(missing.status === 'refused' && missing.problems[0]?.path).toBe('$.signature');
  });

  it('says a newer format version needs an update', async () => {
    const amina = await device('member-a', 'device-a');
    const file = JSON.parse(text(await encodeBoardFile(segmentInput(amina)))) as Record<string, unknown>;
    const result = await openBoardFile(bytesOf(JSON.stringify({ ...file, formatVersion: 2 })));
    expect(result.status === 'newer-version' && result.message).toMatch(/newer version of Oversight/);
  });

  it('refuses an oversized file without reading it', async () => {
    expect(await openBoardFile(new Uint8Array(20 * 1024 * 1024 + 1))).toMatchObject({ status: 'refused', problems: [{ path: '$' }] });
  });

  it('refuses a segment carrying another member’s annotation or a private one, even when properly signed', async () => {
    const amina = await device('member-a', 'device-a');
    const foreign = entries().map((entry) => ({ ...entry, authorId: 'member-b' }));
    const result = await openBoardFile(await encodeBoardFile(segmentInput(amina, 1, foreign)));
    expect(result.status === 'refused' && result.problems[0]?.path).toBe('$.body.annotations[0].authorId');
    const privateOne = [{ ...entries()[0], visibility: 'private' }] as unknown as AnnotationEntry[];
    const refusedPrivate = await openBoardFile(await encodeBoardFile(segmentInput(amina, 1, privateOne)));
    expect(refusedPrivate.status === 'refused' && refusedPrivate.problems[0]?.path).toBe('$.body.annotations[0].visibility');
  });
});

describe('board folder reader', () => {
  it('lets in a listed device, keeps an unlisted one aside until the register lists it, and skips copies', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const amina = await device('member-a', 'device-a');
    const trust: BoardTrust = { boardId: 'send-board', clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };
    const state = emptyReaderState();
    const segment = await opened(await encodeBoardFile(segmentInput(amina)));
    expect((await receiveBoardFile(state, trust, segment))[0]?.status).toBe('waiting');
    const events = await receiveBoardFile(
      state,
      trust,
      await opened(await registerFile(clerk, 1, registerBody(clerk, [{ device: amina }]))),
    );
    expect(events.map((event) => event.status)).toEqual(['register', 'accepted']);
    expect((await receiveBoardFile(state, trust, segment))[0]?.status).toBe('duplicate');
    const accepted = events[1];
    expect(accepted?.status === 'accepted' && segmentAsAnnotationsFile(accepted.file).author.id).toBe('member-a');
  });

  it('refuses a register not signed by the confirmed clerk key, and a segment signed with another key than the register gives', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const amina = await device('member-a', 'device-a');
    const impostor = await device('member-a', 'device-a');
    const trust: BoardTrust = { boardId: 'send-board', clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };
    const state = emptyReaderState();
    const forgedRegister = await registerFile(clerk, 2, registerBody(clerk, [{ device: impostor }]), impostor);
    expect((await receiveBoardFile(state, trust, await opened(forgedRegister)))[0]).toMatchObject({ status: 'refused' });
    await receiveBoardFile(state, trust, await opened(await registerFile(clerk, 1, registerBody(clerk, [{ device: amina }]))));
    const forged = await receiveBoardFile(state, trust, await opened(await encodeBoardFile(segmentInput(impostor))));
    expect(forged[0]).toMatchObject({ status: 'refused', problems: [{ path: '$.header.publicKey' }] });
  });

  it('refuses a removed device’s files after the last one the clerk accepted', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const amina = await device('member-a', 'device-a');
    const trust: BoardTrust = { boardId: 'send-board', clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };
    const state = emptyReaderState();
    await receiveBoardFile(
      state,
      trust,
      await opened(await registerFile(clerk, 3, registerBody(clerk, [{ device: amina, removedAfter: 1 }]))),
    );
    expect((await receiveBoardFile(state, trust, await opened(await encodeBoardFile(segmentInput(amina, 1)))))[0]?.status).toBe('accepted');
    expect((await receiveBoardFile(state, trust, await opened(await encodeBoardFile(segmentInput(amina, 2)))))[0]).toMatchObject({
      status: 'refused',
      problems: [{ path: '$.header.sequence' }],
    });
  });

  it('reports a fork of one device’s sequence and merges both', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const amina = await device('member-a', 'device-a');
    const trust: BoardTrust = { boardId: 'send-board', clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };
    const state = emptyReaderState();
    await receiveBoardFile(state, trust, await opened(await registerFile(clerk, 1, registerBody(clerk, [{ device: amina }]))));
    const [first, second] = entries();
    if (!first || !second) throw new Error('fixture');
    expect((await receiveBoardFile(state, trust, await opened(await encodeBoardFile(segmentInput(amina, 5, [first])))))[0]).toMatchObject({
      status: 'accepted',
      fork: false,
    });
    expect((await receiveBoardFile(state, trust, await opened(await encodeBoardFile(segmentInput(amina, 5, [second])))))[0]).toMatchObject({
      status: 'accepted',
      fork: true,
    });
  });

  it('refuses a register listing one device twice', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const body = registerBody(clerk, []);
    const twice = { ...body, members: [...body.members, { ...body.members[0], memberId: 'someone-else' }] } as RegisterBody;
    const result = await openBoardFile(await registerFile(clerk, 1, twice));
    expect(result.status === 'refused' && result.problems[0]?.path).toBe('$.body.members[1].devices[0].deviceId');
  });

  it('refuses a file for another board', async () => {
    const clerk = await device('clerk', 'clerk-laptop');
    const trust: BoardTrust = { boardId: 'other-board', clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };
    const events = await receiveBoardFile(emptyReaderState(), trust, await opened(await registerFile(clerk, 1, registerBody(clerk, []))));
    expect(events[0]).toMatchObject({ status: 'refused', problems: [{ path: '$.header.boardId' }] });
  });
});

describe('board folder names, keys and what is written', () => {
  it('reads files of ours by name and ignores lock, temporary and foreign files; conflict copies are read', () => {
    expect(boardFilePath('segment', 'member-a', 'device-a', 42)).toBe('members/member-a/device-a/000042.json');
    expect(boardFilePath('snapshot', 'member-a', 'device-a', 42)).toBe('members/member-a/device-a/snapshot-000042.json');
    expect(boardFilePath('register', 'clerk', 'x', 3)).toBe('register/000003.json');
    for (const name of ['members/a/b/000042 (1).json', 'members/a/b/000042-LAPTOP.json', 'register/000002.json']) {
      expect(isBoardFileCandidate(name)).toBe(true);
    }
    for (const name of [
      'members/a/b/.000042.json.x1.tmp',
      'members/a/~$notes.docx',
      'members/a/b/desktop.ini',
      'notes.json',
      'packs/000001.json',
    ]) {
      expect(isBoardFileCandidate(name)).toBe(false);
    }
  });

  it('keeps the private key unexportable and gives a fingerprint a member can read out', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.privateKey.extractable).toBe(false);
    const fingerprint = (await fingerprintOf(await exportPublicKey(keys.publicKey))) ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(formatFingerprint(fingerprint)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(fingerprintMatches(formatFingerprint(fingerprint).toLowerCase(), fingerprint)).toBe(true);
    expect(fingerprintMatches('0000 0000', fingerprint)).toBe(false);
    for (const bytes of [new Uint8Array([]), new Uint8Array([1]), new Uint8Array([1, 2]), new Uint8Array([255, 254, 253, 0])]) {
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(fromBase64('not base64!')).toBeNull();
  });

  it('writes only the member’s shared annotations, and exempt ones only to a confidential segment when chosen', () => {
    const base = entries()[0];
    if (!base) throw new Error('fixture');
    const record = (id: string, visibility: 'shared' | 'private', authorId = 'member-a'): AnnotationRecord => ({
      ...base,
      id,
      authorId,
      visibility,
      authorName: 'A',
      targetKey: id,
      order: 0,
      answer: null,
    });
    const records = [
      record('open', 'shared'),
      record('exempt', 'shared'),
      record('mine-private', 'private'),
      record('theirs', 'shared', 'member-b'),
    ];
    const isExempt = (candidate: AnnotationRecord) => candidate.id === 'exempt';
    const withheld = planSegments(records, 'member-a', isExempt, false);
    expect(withheld.open.map((entry) => entry.id)).toEqual(['open']);
    expect(withheld.confidential).toEqual([]);
    expect(planSegments(records, 'member-a', isExempt, true).confidential.map((entry) => entry.id)).toEqual(['exempt']);
  });
});
