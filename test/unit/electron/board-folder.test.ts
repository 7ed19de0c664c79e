import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBoardFolder, type BoardScan } from '../../../electron/board/folder';
import { exportPublicKey, generateDeviceKeys } from '../../../shared/board/signing';
import { encodeBoardFile } from '../../../shared/board/file';
import { boardFilePath } from '../../../shared/board/names';
import { makeAnnotationsFile } from '../annotations/fixtures';

let folder: string;
const opened: Array<ReturnType<typeof openBoardFolder>> = [];

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-board-'));
});
afterEach(async () => {
  for (const board of opened.splice(0)) board.close();
  await fs.rm(folder, { recursive: true, force: true });
});

function board(options: Partial<Parameters<typeof openBoardFolder>[0]> = {}) {
  const instance = openBoardFolder({ folder, watch: false, pollMs: 0, ...options });
  opened.push(instance);
  return instance;
}

async function segment(sequence = 1) {
  const keys = await generateDeviceKeys();
  return encodeBoardFile({
    boardId: 'send-board',
    kind: 'segment',
    memberId: 'member-a',
    deviceId: 'device-a',
    sequence,
    writtenAt: '2026-12-06T10:00:00Z',
    confidential: false,
    publicKey: await exportPublicKey(keys.publicKey),
    privateKey: keys.privateKey,
    body: {
      author: { displayName: 'Cllr Amina Shah', role: 'member', organisation: '' },
      annotations: makeAnnotationsFile().annotations,
    },
  });
}

const paths = (scan: BoardScan) => ({
  opened: scan.opened.map((entry) => entry.path),
  refused: scan.refused.map((entry) => entry.path),
  incomplete: scan.incomplete.map((entry) => entry.path),
});

async function put(relative: string, bytes: Uint8Array | string) {
  const full = path.join(folder, ...relative.split('/'));
  await fs.mkdir(path.dirname(full), { recursive: true });
  // Whole or not at all (written beside the board folder, then renamed in): a timer's scan that
  // caught a half-written file would refuse it first, then open it, and say so twice.
  const temporary = path.join(folder, `.put-${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, full);
}

describe('board folder in main', () => {
  it('writes a file once under its final name, and another laptop reads it once', async () => {
    const writer = board();
    const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
    const bytes = await segment();
    expect(await writer.write(relative, bytes)).toEqual({ ok: true });
    expect(await fs.readdir(path.join(folder, 'members', 'member-a', 'device-a'))).toEqual(['000001.json']);
    expect(await writer.write(relative, bytes)).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await writer.write('../outside.json', bytes)).toMatchObject({ ok: false });
    expect((await writer.scan()).opened).toEqual([]); // its own file: nothing to read back

    const reader = board();
    expect(paths(await reader.scan()).opened).toEqual([relative]);
    expect(paths(await reader.scan()).opened).toEqual([]);
  });

  it('leaves a file still arriving to a later scan, and reads it once it is whole', async () => {
    const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
    const bytes = await segment();
    await put(relative, bytes.slice(0, 100));
    const reader = board();
    expect(paths(await reader.scan())).toEqual({ opened: [], refused: [], incomplete: [relative] });
    await put(relative, new Uint8Array());
    expect(paths(await reader.scan()).incomplete).toEqual([relative]);
    await put(relative, bytes);
    expect(paths(await reader.scan())).toEqual({ opened: [relative], refused: [], incomplete: [] });
  });

  it('says a file has not finished arriving after ten minutes', async () => {
    let time = 0;
    const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
    await put(relative, '{"format":');
    const reader = board({ now: () => time });
    expect((await reader.scan()).incomplete[0]?.stalled).toBe(false);
    time = 11 * 60 * 1000;
    expect((await reader.scan()).incomplete[0]?.stalled).toBe(true);
  });

  it('ignores lock, temporary and foreign files, reads conflict copies, and refuses forgeries and oversized files', async () => {
    const bytes = await segment();
    await put('members/member-a/~$minutes.docx', 'x');
    await put('members/member-a/device-a/.000001.json.ab12.tmp', bytes);
    await put('members/member-a/device-a/desktop.ini', 'x');
    await put('notes.json', bytes);
    await put('members/member-a/device-a/000001 (1).json', bytes);
    const tampered = new TextDecoder().decode(bytes).replace('"sequence":1', '"sequence":2');
    await put('members/member-a/device-a/000002.json', tampered);
    const big = await fs.open(path.join(folder, 'members/member-a/device-a/000003.json'), 'w');
    await big.truncate(21 * 1024 * 1024);
    await big.close();
    const scan = await board().scan();
    expect(paths(scan)).toEqual({
      opened: ['members/member-a/device-a/000001 (1).json'],
      refused: ['members/member-a/device-a/000002.json', 'members/member-a/device-a/000003.json'],
      incomplete: [],
    });
    expect(scan.refused[0]?.problems[0]?.path).toBe('$.signature');
  });

  it('forgets a deleted file without error, and keeps scanning', async () => {
    const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
    const writer = board();
    await writer.write(relative, await segment());
    const reader = board();
    expect(paths(await reader.scan()).opened).toEqual([relative]);
    await writer.remove(relative);
    expect(paths(await reader.scan())).toEqual({ opened: [], refused: [], incomplete: [] });
  });

  it('scans on a change event and on its timer', async () => {
    const watched: BoardScan[] = [];
    const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
    // The device's folder exists before watching starts: Node 20's recursive watch on Linux adds
    // a watcher for a new sub-folder asynchronously, so a file written at once into a folder made
    // a moment earlier can go unseen on a busy machine. The timer's rescan (below) covers that.
    await fs.mkdir(path.dirname(path.join(folder, ...relative.split('/'))), { recursive: true });
    board({ watch: true, onScan: (scan) => watched.push(scan) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await put(relative, await segment());
    await vi.waitFor(() => expect(watched.flatMap((scan) => scan.opened)).toHaveLength(1), { timeout: 10_000 });

    const polled: BoardScan[] = [];
    board({ watch: false, pollMs: 50, onScan: (scan) => polled.push(scan) });
    await vi.waitFor(() => expect(polled.flatMap((scan) => scan.opened)).toHaveLength(1), { timeout: 10_000 });
  }, 30_000);
});

describe('board service behind IPC', () => {
  it('asks for the folder first, then writes only whole signed files under the name their header gives', async () => {
    const { createBoardService } = await import('../../../electron/board/service');
    const { createSettingsStore } = await import('../../../electron/settings-store');
    const data = path.join(folder, 'data');
    const emitted: unknown[] = [];
    const service = createBoardService({
      settings: createSettingsStore(data),
      emit: (_event, payload) => emitted.push(payload),
      watch: false,
      pollMs: 0,
    });
    try {
      const bytes = await segment();
      const relative = boardFilePath('segment', 'member-a', 'device-a', 1);
      expect(await service.write(relative, bytes)).toMatchObject({ ok: false, error: { code: 'not-configured' } });
      const shared = path.join(folder, 'board');
      await fs.mkdir(shared);
      await service.setFolder(shared);
      expect(await service.folderPath()).toBe(shared);
      expect(await service.write(boardFilePath('segment', 'member-a', 'device-a', 2), bytes)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
      expect(await service.write(relative, bytes.slice(0, 50))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await service.write(relative, bytes)).toEqual({ ok: true, value: { written: true } });
      await put('board/members/member-b/device-b/000001.json', bytes);
      const scan = await service.scan();
      expect(scan.ok && scan.value.opened.map((entry) => entry.path)).toEqual(['members/member-b/device-b/000001.json']);
    } finally {
      service.stop();
    }
  });

  it('keeps what its timer found for the renderer’s next scan, and says the folder changed', async () => {
    const { createBoardService } = await import('../../../electron/board/service');
    const { createSettingsStore } = await import('../../../electron/settings-store');
    const emitted: unknown[] = [];
    const service = createBoardService({
      settings: createSettingsStore(path.join(folder, 'data')),
      emit: (_event, payload) => emitted.push(payload),
      watch: false,
      pollMs: 50,
    });
    try {
      const shared = path.join(folder, 'board');
      await fs.mkdir(shared);
      await service.setFolder(shared);
      await put('board/members/member-b/device-b/000001.json', await segment());
      await vi.waitFor(() => expect(emitted).toEqual([{ folder: shared }]), { timeout: 10_000 });
      const scan = await service.scan();
      expect(scan.ok && scan.value.opened.map((entry) => entry.path)).toEqual(['members/member-b/device-b/000001.json']);
      const again = await service.scan();
      expect(again.ok && again.value.opened).toEqual([]);
    } finally {
      service.stop();
    }
  }, 30_000);
});

describe('compaction in main', { timeout: 30_000 }, () => {
  it('removes only segments of the snapshot’s own device numbered no higher than it', async () => {
    const { createBoardService } = await import('../../../electron/board/service');
    const { createSettingsStore } = await import('../../../electron/settings-store');
    const service = createBoardService({
      settings: createSettingsStore(path.join(folder, 'data')),
      emit: () => undefined,
      watch: false,
      pollMs: 0,
    });
    try {
      const shared = path.join(folder, 'board');
      await fs.mkdir(shared);
      await service.setFolder(shared);
      const keys = await generateDeviceKeys();
      const publicKey = await exportPublicKey(keys.publicKey);
      const file = (
        kind: 'segment' | 'snapshot',
        deviceId: string,
        sequence: number,
        signer = { publicKey, privateKey: keys.privateKey },
      ) =>
        encodeBoardFile({
          boardId: 'send-board',
          kind,
          memberId: 'member-a',
          deviceId,
          sequence,
          writtenAt: '2026-12-06T10:00:00Z',
          confidential: false,
          ...signer,
          body: { author: { displayName: 'A', role: 'member', organisation: '' }, annotations: [] },
        });
      for (const sequence of [1, 2, 3])
        await service.write(boardFilePath('segment', 'member-a', 'device-a', sequence), await file('segment', 'device-a', sequence));
      await service.write(boardFilePath('segment', 'member-a', 'device-b', 1), await file('segment', 'device-b', 1));
      const snapshotPath = boardFilePath('snapshot', 'member-a', 'device-a', 2);
      expect(await service.compact(snapshotPath, [boardFilePath('segment', 'member-a', 'device-a', 1)])).toMatchObject({ ok: false });
      await service.write(snapshotPath, await file('snapshot', 'device-a', 2));
      const result = await service.compact(snapshotPath, [
        boardFilePath('segment', 'member-a', 'device-a', 1),
        boardFilePath('segment', 'member-a', 'device-a', 2),
        boardFilePath('segment', 'member-a', 'device-a', 3),
        boardFilePath('segment', 'member-a', 'device-b', 1),
      ]);
      expect(result).toEqual({ ok: true, value: { removed: 2 } });
      expect((await fs.readdir(path.join(shared, 'members', 'member-a', 'device-a'))).sort()).toEqual([
        '000003.json',
        'snapshot-000002.json',
      ]);
      expect(await fs.readdir(path.join(shared, 'members', 'member-a', 'device-b'))).toEqual(['000001.json']);
    } finally {
      service.stop();
    }
  });
});
