import 'fake-indexeddb/auto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBoardFolder } from '../../../electron/board/folder';
import { createBoardService } from '../../../electron/board/service';
import { readDecisionsFile } from '../../../electron/exports/save-export';
import { createSettingsStore } from '../../../electron/settings-store';
import { createMappingStore } from '../../../electron/sync/mapping-store';
import { createSyncService } from '../../../electron/sync/service';
import { createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import { boardKey } from '../../../renderer/board/board-keys';
import { PENDING, publishToBoard, type PublicationPort } from '../../../renderer/board/board-publications';
import {
  addToRegister,
  boardTrust,
  currentRegister,
  deviceKeys,
  joinBoard,
  joiningCode,
  parseJoiningCode,
  startBoardAsClerk,
  syncBoard,
  type BoardPort,
} from '../../../renderer/board/board-sync';
import { OversightDatabase } from '../../../renderer/db/database';
import { getMeta } from '../../../renderer/db/meta-repository';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { createApi } from '../../../renderer/ipc/client';
import { addBoard, openBoard } from '../../../renderer/meetings/boards';
import { createSyncController } from '../../../renderer/plan/sync-controller';
import type { Profile } from '../../../shared/annotations/types';
import { formatFingerprint } from '../../../shared/board/signing';
import type { OversightBridge } from '../../../shared/ipc/contract';
import { BOARD_ID } from '../../../shared/meetings/schema';
import { ok } from '../../../shared/result';
import { candidateFor, planObject } from '../renderer/plan-candidates';

// The board folder per board: each board on a laptop has its own folder (main's settings), its own
// trust, reader, writer and publication queue (renderer meta). A sync of one board reads and
// writes only its folder, files what its clerk published under that board whichever board is
// open, and writes only notes on that board's plans.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempFolder(prefix: string) {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(folder, { recursive: true, force: true }));
  return folder;
}

/** One laptop's store, main's services and the renderer's import path; the port reaches one board's folder. */
async function laptop(name: string, role: Profile['role'] = 'member') {
  const db = new OversightDatabase(`boards-folders-${name}-${Math.random().toString(36).slice(2)}`);
  const profile = await saveProfile(db, { displayName: name, role, organisation: 'Council' });
  const data = await tempFolder('oversight-boards-data-');
  const syncService = createSyncService({
    sampleFolder: path.join(data, 'no-sample'),
    mappings: createMappingStore(data),
    emit: () => undefined,
    watchInbox: false,
  });
  const settings = createSettingsStore(data);
  const service = createBoardService({
    settings,
    emit: () => undefined,
    watch: false,
    pollMs: 0,
    importer: { candidatesFor: syncService.candidatesFor, readDecisions: readDecisionsFile },
  });
  const bridge: OversightBridge = {
    invoke: async (channel) => ({ ok: false, error: { code: 'unknown-channel', message: channel } }),
    on: () => () => undefined,
    pathForFile: () => '',
  };
  const imports = createSyncController(db, createApi(bridge));
  let chosen: string[] = [];
  const folders: Array<ReturnType<typeof openBoardFolder>> = [];
  /** The port of one board's folder, as ipcBoardPort gives it: every call names the board. */
  async function portOf(board: string): Promise<BoardPort & PublicationPort> {
    const root = await service.folderPath(board);
    if (!root) throw new Error(`no folder for ${board}`);
    const reader = openBoardFolder({ folder: root, watch: false, pollMs: 0 });
    folders.push(reader);
    return {
      scan: async () => ({ ok: true, value: await reader.scan() }),
      write: (relative, bytes) => service.write(relative, bytes, board),
      publish: async (request) => {
        const published = await service.publish(chosen, request, request.includeExempt, board);
        return published.ok ? ok({ publication: published.value }) : published;
      },
      readPublication: (manifestPath, bodySha256, known) => service.readPublication(manifestPath, bodySha256, known, board),
    };
  }
  cleanups.push(async () => {
    imports.dispose();
    service.stop();
    for (const folder of folders) folder.close();
    await syncService.stop();
    db.close();
    await db.delete();
  });
  return {
    db,
    profile,
    service,
    settings,
    portOf,
    choose(paths: string[]) {
      chosen = paths;
    },
    sync: async (board: string) => syncBoard(db, await portOf(board), profile, { store: imports, localBoard: board }),
  };
}

describe('main: a folder per board', () => {
  it('keeps the first board’s folder where it was and each other board’s by its id; a write names its board', async () => {
    const member = await laptop('Cllr Amina Shah');
    const send = await tempFolder('oversight-send-');
    const forum = await tempFolder('oversight-forum-');
    await member.service.setFolder(send);
    await member.service.setFolder(forum, 'forum');
    expect(await member.service.folderPath()).toBe(send);
    expect(await member.service.folderPath(BOARD_ID)).toBe(send);
    expect(await member.service.folderPath('forum')).toBe(forum);
    expect(await member.service.folderPath('scrutiny')).toBeNull();
    expect(await member.settings.read()).toEqual({ boardFolder: send, boardFolders: { forum } });
    expect(await member.service.scan('scrutiny')).toMatchObject({ ok: false, error: { code: 'not-configured' } });

    // A clerk's register written through the forum's port lands in the forum's folder only.
    await addBoard(member.db, 'SEND board');
    await addBoard(member.db, 'Schools forum', { newId: () => 'forum' });
    const started = await startBoardAsClerk(
      member.db,
      await member.portOf('forum'),
      member.profile,
      { boardId: 'schools-forum', boardName: 'Schools forum' },
      'forum',
    );
    expect(started.ok).toBe(true);
    expect(await fs.readdir(forum)).toEqual(['register']);
    expect(await fs.readdir(send)).toEqual([]);
    // The forum's trust and register are the forum's: the first board is not joined.
    expect(await boardTrust(member.db, 'forum')).toMatchObject({ boardId: 'schools-forum' });
    expect(await boardTrust(member.db, BOARD_ID)).toBeNull();
    expect(await currentRegister(member.db, BOARD_ID)).toBeNull();
    expect((await currentRegister(member.db, 'forum'))?.body.boardName).toBe('Schools forum');
  });
});

describe('renderer: a sync per board', { timeout: 60_000 }, () => {
  it('files what the forum’s clerk published under the forum while another board is open, and shares only the forum’s notes there', async () => {
    const forumFolder = await tempFolder('oversight-forum-');
    const sendFolder = await tempFolder('oversight-send-');
    // The forum's clerk: the forum is the only board on their laptop.
    const clerk = await laptop('Jo Clerk', 'clerk');
    await clerk.service.setFolder(forumFolder);
    const clerkPort = await clerk.portOf(BOARD_ID);
    expect(
      (await startBoardAsClerk(clerk.db, clerkPort, clerk.profile, { boardId: 'schools-forum', boardName: 'Schools forum' }, BOARD_ID)).ok,
    ).toBe(true);

    // The member sits on the SEND board (open) and the forum, each with its folder.
    const member = await laptop('Cllr Amina Shah');
    await member.service.setFolder(sendFolder);
    await member.service.setFolder(forumFolder, 'forum');
    await addBoard(member.db, 'SEND board');
    await addBoard(member.db, 'Schools forum', { newId: () => 'forum' });
    await openBoard(member.db, BOARD_ID);
    const fingerprint = formatFingerprint((await deviceKeys(clerk.db)).fingerprint);
    expect((await joinBoard(member.db, 'schools-forum', fingerprint, 'forum')).ok).toBe(true);
    const request = parseJoiningCode(await joiningCode(member.db, member.profile));
    if (!request) throw new Error('joining code did not parse');
    expect((await addToRegister(clerk.db, clerkPort, clerk.profile, request, BOARD_ID)).ok).toBe(true);

    // A note on the SEND board's plan and one on a forum plan the member holds already.
    const sendPlan = planObject();
    expect((await storeCandidate(member.db, candidateFor(sendPlan), { boardId: BOARD_ID })).status).toBe('imported');
    const forumPlan = planObject();
    (forumPlan.plan as Record<string, unknown>).id = 'forum-plan';
    expect((await storeCandidate(member.db, candidateFor(forumPlan), { boardId: 'forum' })).status).toBe('imported');
    const note = (text: string) => ({ kind: 'note' as const, text, tags: [], visibility: 'shared' as const });
    await createAnnotation(member.db, member.profile, { kind: 'action', planId: 'northshire-wsoa-2025', id: 'A-1.1' }, note('SEND only'));
    await createAnnotation(member.db, member.profile, { kind: 'action', planId: 'forum-plan', id: 'A-1.1' }, note('Forum only'));

    // The clerk publishes a new plan to the forum's folder.
    const files = await tempFolder('oversight-forum-files-');
    const published = planObject();
    (published.plan as Record<string, unknown>).id = 'high-needs-plan';
    const file = path.join(files, 'High needs.plan.json');
    await fs.writeFile(file, JSON.stringify(published));
    clerk.choose([file]);
    const trust = await boardTrust(clerk.db, BOARD_ID);
    if (!trust) throw new Error('the clerk has not started the board');
    expect(
      await publishToBoard(
        clerk.db,
        clerkPort,
        clerk.profile,
        trust,
        await deviceKeys(clerk.db),
        { title: 'Plan', includeExempt: false },
        BOARD_ID,
      ),
    ).toEqual({ ok: true, value: { files: 1 } });

    // The forum's sync, with the SEND board open: the plan is the forum's.
    const synced = await member.sync('forum');
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.published).toHaveLength(1);
    expect((await member.db.plans.get('high-needs-plan'))?.boardId).toBe('forum');
    expect(await getMeta(member.db, boardKey(PENDING, 'forum'))).toEqual([]);
    expect(await getMeta(member.db, PENDING)).toBeUndefined();
    // Only the forum plan's note went to the forum's folder; nothing went to the SEND board's.
    expect(synced.value.written).toBe(1);
    const segments = await fs.readdir(path.join(forumFolder, 'members', member.profile.id, member.profile.deviceId));
    const written = await Promise.all(
      segments.map((name) => fs.readFile(path.join(forumFolder, 'members', member.profile.id, member.profile.deviceId, name), 'utf8')),
    );
    expect(written.join('\n')).toContain('Forum only');
    expect(written.join('\n')).not.toContain('SEND only');
    expect(await fs.readdir(sendFolder)).toEqual([]);

    // The SEND board's sync: not joined there, so nothing is read or written.
    expect(await member.sync(BOARD_ID)).toMatchObject({ ok: false, error: { code: 'not-joined' } });
  });
});
