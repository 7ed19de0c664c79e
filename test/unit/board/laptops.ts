import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { openBoardFolder } from '../../../electron/board/folder';
import { saveProfile } from '../../../renderer/annotations/profile-repository';
import {
  addToRegister,
  deviceKeys,
  joinBoard,
  joiningCode,
  parseJoiningCode,
  startBoardAsClerk,
  type BoardPort,
} from '../../../renderer/board/board-sync';
import { OversightDatabase } from '../../../renderer/db/database';
import { setMeta } from '../../../renderer/db/meta-repository';
import type { Profile } from '../../../shared/annotations/types';
import { formatFingerprint } from '../../../shared/board/signing';

// Laptops of one board for the board unit tests: each its own IndexedDB (fake-indexeddb, which the
// test file imports first) with a member's profile, sharing one real folder through main's
// folder code. Everything made here is closed and deleted after each test.

/** A laptop: its store, the member's profile, and the board folder as main's folder code reads and writes it. */
export type Laptop = { db: OversightDatabase; profile: Profile; board: ReturnType<typeof openBoardFolder>; port: BoardPort };

/** What `useLaptops` gives a test file. */
export type Laptops = {
  /** Runs after the test, before what was registered earlier (newest first, so a laptop stops before its folder goes). */
  later(cleanUp: () => Promise<void> | void): void;
  /** An empty temp folder, removed after the test. */
  tempFolder(prefix: string): Promise<string>;
  /** An empty store named `<file's prefix>-<name>-<random>`, closed and deleted after the test. */
  store(name: string): OversightDatabase;
  /**
   * A laptop on `folder` for a member (`role`, of the Council). `seed` runs on the store before the
   * profile is saved; `sameMemberAs` makes it that member's second device (the same member id,
   * its own device id).
   */
  laptop(
    folder: string,
    name: string,
    role?: Profile['role'],
    options?: { seed?: (db: OversightDatabase) => Promise<unknown>; sameMemberAs?: Profile },
  ): Promise<Laptop>;
};

/** Sets up a board test file: its laptops, stores and temp folders, cleaned up after each test. */
export function useLaptops(prefix: string): Laptops {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
  });
  const later: Laptops['later'] = (cleanUp) => {
    cleanups.push(cleanUp);
  };
  function store(name: string): OversightDatabase {
    const db = new OversightDatabase(`${prefix}-${name}-${Math.random().toString(36).slice(2)}`);
    later(async () => {
      db.close();
      await db.delete();
    });
    return db;
  }
  return {
    later,
    store,
    async tempFolder(folderPrefix) {
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), folderPrefix));
      later(() => fs.rm(folder, { recursive: true, force: true }));
      return folder;
    },
    async laptop(folder, name, role = 'member', { seed, sameMemberAs } = {}) {
      const db = store(name);
      await seed?.(db);
      const saved = await saveProfile(db, { displayName: name, role, organisation: 'Council' });
      const profile = sameMemberAs ? { ...sameMemberAs, deviceId: saved.deviceId } : saved;
      if (sameMemberAs) await setMeta(db, 'profile', profile);
      const board = openBoardFolder({ folder, watch: false, pollMs: 0 });
      later(() => board.close());
      const port: BoardPort = {
        scan: async () => ({ ok: true, value: await board.scan() }),
        write: async (relative, bytes) => {
          const written = await board.write(relative, bytes);
          return written.ok ? { ok: true, value: { written: true } } : written;
        },
      };
      return { db, profile, board, port };
    },
  };
}

/**
 * Starts the board on the clerk's laptop ('send-board'), and gives back how a laptop joins it:
 * it confirms the clerk's fingerprint and the clerk adds its joining code to the register.
 */
export async function startBoard(
  clerk: { db: OversightDatabase; profile: Profile; port: BoardPort },
  boardName = 'SEND board',
): Promise<(device: { db: OversightDatabase; profile: Profile }) => Promise<void>> {
  expect((await startBoardAsClerk(clerk.db, clerk.port, clerk.profile, { boardId: 'send-board', boardName })).ok).toBe(true);
  const fingerprint = formatFingerprint((await deviceKeys(clerk.db)).fingerprint);
  return async (device) => {
    expect((await joinBoard(device.db, 'send-board', fingerprint)).ok).toBe(true);
    const request = parseJoiningCode(await joiningCode(device.db, device.profile));
    if (!request) throw new Error('joining code did not parse');
    expect((await addToRegister(clerk.db, clerk.port, clerk.profile, request)).ok).toBe(true);
  };
}
