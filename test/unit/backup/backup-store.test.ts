import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/backup/backup-service';
import { createHandlers, type HandlerContext } from '../../../electron/ipc/handlers';
import { OversightDatabase } from '../../../renderer/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { readActionRows } from '../../../renderer/plan-review/action-rows';
import {
  RESTORE_DONE,
  RESTORE_IN_PROGRESS,
  backUpStore,
  type BackupWorkerLike,
  countStore,
  restoreStore,
  takeRestoreOutcome,
  whyCannotRestore,
} from '../../../renderer/backup/backup-store';
import type { Api } from '../../../renderer/ipc/client';
import { isWipeConfirmed, wipeConfirmation, wipeStore } from '../../../renderer/backup/wipe';
import { channels, type ChannelName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { decodeFrame, encodeFrame } from '../../../shared/backup/format';
import { renumberFrame } from '../../../renderer/backup/backup-frames';
import { isFromBackupWorker, isToBackupWorker, type FromBackupWorker, type ToBackupWorker } from '../../../renderer/backup/backup-messages';
import { serveBackups } from '../../../renderer/backup/serve-backups';
import { TEST_ITERATIONS } from './helpers';

// The renderer's backup and restore against main's real handlers and real files: the store
// streamed out table by table and read back in one transaction, or not at all.

// The notes journal lives in localStorage; Node has none, so a small one stands in.
const memory = new Map<string, string>();
const localStorageStub = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => void memory.set(key, value),
  removeItem: (key: string) => void memory.delete(key),
};
Object.defineProperty(globalThis, 'window', {
  value: {
    localStorage: new Proxy(localStorageStub, {
      ownKeys: () => [...memory.keys()],
      getOwnPropertyDescriptor: (_target, key) =>
        typeof key === 'string' && memory.has(key) ? { enumerable: true, configurable: true, value: memory.get(key) } : undefined,
    }),
  },
  configurable: true,
});

let folder: string;
let dialogFile: string | null;
let failReadAt: number | null;
let failAppendAt: number | null = null;
let chosenFolder: string | null = null;
let appends = 0;
/** Every frame sent over `backup:append`, in order. */
let appended: Uint8Array[] = [];

function apiFor(dataFolder: string): Api {
  const backups = createBackupService({ dataFolder, app: { name: 'Oversight', version: '0.1.0-test' }, iterations: TEST_ITERATIONS });
  // Only what the backup channels touch; the rest of main is not needed here.
  const handlers = createHandlers({
    backups,
    dialogs: {
      openFiles: async () => (dialogFile ? [dialogFile] : []),
      chooseFolder: async () => chosenFolder,
      saveFile: async () => null,
    },
  } as unknown as HandlerContext) as unknown as Record<ChannelName, (argument: unknown) => Promise<Result<unknown>>>;
  return {
    async call(channel, argument) {
      // Main parses every argument against the contract before a handler sees it.
      const parsed = channels[channel].request.parse(argument);
      if (channel === 'backup:append') {
        appends += 1;
        appended.push((parsed as { frame: Uint8Array }).frame);
        if (failAppendAt !== null && appends === failAppendAt)
          return { ok: false, error: { code: 'failed', message: 'The disk is full.' } };
      }
      if (channel === 'backup:read' && failReadAt !== null && (parsed as { index: number }).index === failReadAt) {
        return { ok: false, error: { code: 'damaged', message: `chunk ${failReadAt}: it does not decrypt.` } };
      }
      return handlers[channel](parsed) as never;
    },
    on: () => () => undefined,
    pathForFile: () => '',
  };
}

function freshDb(): OversightDatabase {
  return new OversightDatabase(`backup-${Math.random().toString(36).slice(2)}`);
}

const paperBytes = randomBytes(2.5 * 1024 * 1024 + 17);

async function seed(db: OversightDatabase): Promise<void> {
  await db.meta.put({ key: 'firstRunDone', value: true } as never);
  await db.plans.bulkPut([{ id: 'plan-a', title: 'Plan A' } as never, { id: 'plan-b', title: 'Plan — “B”' } as never]);
  await db.entities.bulkPut(
    Array.from({ length: 1_203 }, (_, index) => ({
      planId: 'plan-a',
      kind: 'action',
      id: `A${String(index).padStart(5, '0')}`,
      fields: { n: index },
    })) as never[],
  );
  await db.meetings.put({ id: 'm1', title: 'Board', date: '2026-11-12' } as never);
  await db.meetingRecords.bulkPut([{ id: 'r1', meetingId: 'm1', kind: 'note', text: 'Ask about 52 weeks' } as never]);
  await db.annotations.put({ id: 'n1', targetKey: 'action:plan-a:A00001', body: 'Private note', visibility: 'private' } as never);
  await db.papers.bulkPut([
    {
      id: 'm1\u0001p1',
      meetingId: 'm1',
      paperId: 'p1',
      size: paperBytes.length,
      pdf: new Blob([paperBytes], { type: 'application/pdf' }),
    } as never,
    { id: 'm1\u0001p2', meetingId: 'm1', paperId: 'p2', size: 0, pdf: new Blob([], { type: 'application/pdf' }) } as never,
  ]);
}

/** Every table, every record, Blobs as their bytes: what "the store is the same" means here. */
async function dump(db: OversightDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const records = await table.toArray();
    out[table.name] = await Promise.all(
      records.map(async (record: Record<string, unknown>) =>
        record.pdf instanceof Blob
          ? { ...record, pdf: { type: record.pdf.type, hex: Buffer.from(await record.pdf.arrayBuffer()).toString('hex') } }
          : record,
      ),
    );
  }
  return out;
}

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-backup-store-'));
  dialogFile = null;
  failReadAt = null;
  failAppendAt = null;
  chosenFolder = null;
  appends = 0;
  appended = [];
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function unwrap<T>(reply: Promise<Result<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('backing up and restoring the store', () => {
  it('refuses to back up before a passphrase is set', async () => {
    const db = freshDb();
    const reply = await backUpStore(db, apiFor(path.join(folder, 'data')), 'manual');
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-passphrase' } });
  });

  it('backs up into the folder the member chooses (default: the data folder), and daily only once a day', async () => {
    const db = freshDb();
    await seed(db);
    const data = path.join(folder, 'data');
    const api = apiFor(data);
    const initial = await unwrap(api.call('backup:status', undefined));
    expect(initial).toMatchObject({ folder: path.join(data, 'Backups'), isDefaultFolder: true, isDailyDue: true, hasPassphrase: false });
    chosenFolder = path.join(folder, 'OneDrive - Council', 'Oversight backups');
    expect(await unwrap(api.call('backup:choose-folder', undefined))).toMatchObject({ folder: chosenFolder, isDefaultFolder: false });
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'daily'));
    expect(await fs.readdir(chosenFolder)).toEqual([made.fileName]);
    expect((await unwrap(api.call('backup:status', undefined))).isDailyDue).toBe(false);
    expect(await unwrap(api.call('backup:reset-folder', undefined))).toMatchObject({
      folder: path.join(data, 'Backups'),
      isDefaultFolder: true,
    });
    // The key is kept, never the passphrase.
    expect(await fs.readFile(path.join(data, 'backup.json'), 'utf8')).not.toContain('a long passphrase');
  });

  it('tidies a temporary file left by a backup cut short (the app killed half way), and nothing else', async () => {
    const db = freshDb();
    const data = path.join(folder, 'data');
    const api = apiFor(data);
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const backups = path.join(data, 'Backups');
    await fs.mkdir(backups, { recursive: true });
    const leftover = '.oversight-2026-12-01T09-30-00Z-daily.oversight-backup.0123456789ab.tmp';
    await fs.writeFile(path.join(backups, leftover), 'half a backup');
    await fs.writeFile(path.join(backups, 'notes.txt'), 'the member’s own file');
    const made = await unwrap(backUpStore(db, api, 'manual'));
    expect((await fs.readdir(backups)).sort()).toEqual([made.fileName, 'notes.txt'].sort());
  });

  it('leaves no file behind, and says why, when writing fails half way', async () => {
    const db = freshDb();
    await seed(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    failAppendAt = 4;
    const reply = await backUpStore(db, api, 'manual');
    expect(reply).toMatchObject({ ok: false, error: { message: 'The backup was not made: The disk is full.' } });
    expect(await fs.readdir(path.join(folder, 'data', 'Backups'))).toEqual([]);
  });

  it('restores every table, record for record and byte for byte, on a fresh laptop', async () => {
    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'manual'));
    const status = await unwrap(api.call('backup:status', undefined));
    expect(status.backups.map((backup) => backup.fileName)).toEqual([made.fileName]);

    // A new laptop: another data folder, an empty store, the file chosen in the Open dialog.
    const fresh = freshDb();
    const newLaptop = apiFor(path.join(folder, 'new-laptop'));
    dialogFile = path.join(status.folder, made.fileName);
    const opened = await unwrap(newLaptop.call('backup:open', {}));
    if (!opened) throw new Error('nothing opened');
    expect(opened.header.holds).toEqual(await countStore(db));
    expect(opened.header.holds.tables.entities).toBe(1_203);
    expect(await newLaptop.call('backup:unlock', { token: opened.token, passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await unwrap(newLaptop.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }))).toEqual({
      unlocked: true,
      adopted: true,
    });
    const progress: string[] = [];
    await restoreStore(fresh, newLaptop, opened.token, opened.header, {
      fileName: made.fileName,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(progress).toEqual(Array.from({ length: opened.header.body.chunks }, (_, index) => `${index + 1}/${opened.header.body.chunks}`));
    // The next start is told, once, that the restore finished; then the store is the backup's exactly.
    expect(await takeRestoreOutcome(fresh)).toEqual({
      outcome: 'restored',
      backup: { fileName: made.fileName, createdAt: opened.header.createdAt },
    });
    expect(await takeRestoreOutcome(fresh)).toBeNull();
    expect(await dump(fresh)).toEqual(before);
    // The new laptop adopted the passphrase, so its own backups continue under it.
    expect((await unwrap(newLaptop.call('backup:status', undefined))).hasPassphrase).toBe(true);
  });

  it('sends records in pages of up to 2,000, and keeps a page’s papers under 16 MiB so a restore never holds more', async () => {
    const db = freshDb();
    await db.entities.bulkPut(
      Array.from({ length: 4_500 }, (_, index) => ({ planId: 'p', kind: 'action', id: `A${String(index).padStart(5, '0')}` })) as never[],
    );
    const six = randomBytes(6 * 2 ** 20);
    await db.papers.bulkPut(
      Array.from({ length: 5 }, (_, index) => ({
        id: `m1\u0001p${index}`,
        meetingId: 'm1',
        paperId: `p${index}`,
        size: six.length,
        pdf: new Blob([six], { type: 'application/pdf' }),
      })) as never[],
    );
    const before = await dump(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'manual'));
    const pages = appended
      .map((frame, index) => decodeFrame(frame, index))
      .flatMap((frame) => (frame.kind === 'records' ? [{ table: frame.table, records: frame.records.length }] : []));
    expect(pages.filter((page) => page.table === 'entities').map((page) => page.records)).toEqual([2000, 2000, 500]);
    // Five papers of 6 MiB: no page holds more than two of them (12 MiB).
    const paperPages = pages.filter((page) => page.table === 'papers').map((page) => page.records);
    expect(paperPages.reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(Math.max(...paperPages)).toBeLessThanOrEqual(2);

    const fresh = freshDb();
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await restoreStore(fresh, api, opened.token, opened.header);
    await takeRestoreOutcome(fresh);
    expect(await dump(fresh)).toEqual(before);
  });

  it('keeps up to three appends in flight, in order, reading each table to its end (a multiple of the page, an empty table)', async () => {
    const db = freshDb();
    // Exactly two full pages of entities (the read after them finds nothing), papers between them
    // in name order, and every other table empty.
    await db.entities.bulkPut(
      Array.from({ length: 4_000 }, (_, index) => ({ planId: 'p', kind: 'action', id: `A${String(index).padStart(5, '0')}` })) as never[],
    );
    await db.papers.put({
      id: 'm1\u0001p1',
      meetingId: 'm1',
      paperId: 'p1',
      size: paperBytes.length,
      pdf: new Blob([paperBytes], { type: 'application/pdf' }),
    } as never);
    await db.plans.put({ id: 'plan-a', title: 'Plan A' } as never);
    const before = await dump(db);
    const real = apiFor(path.join(folder, 'data'));
    await unwrap(real.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    // Main answers each append a moment later, so the renderer's sends pile up if it lets them.
    let open = 0;
    let most = 0;
    const slow: Api = {
      ...real,
      call: (async (channel: ChannelName, argument: unknown) => {
        if (channel !== 'backup:append') return real.call(channel, argument as never);
        open += 1;
        most = Math.max(most, open);
        const reply = real.call(channel, argument as never);
        await new Promise((resolve) => setTimeout(resolve, 15));
        open -= 1;
        return reply;
      }) as Api['call'],
    };
    const made = await unwrap(backUpStore(db, slow, 'manual'));
    expect(most).toBe(3);
    const frames = appended.map((frame, index) => decodeFrame(frame, index));
    expect(frames.map((frame) => (frame.kind === 'records' ? `${frame.table}:${frame.records.length}` : frame.kind))).toEqual([
      'entities:2000',
      'entities:2000',
      'papers:1',
      'blob',
      'blob',
      'blob',
      'plans:1',
    ]);
    const ids = frames.flatMap((frame) =>
      frame.kind === 'records' && frame.table === 'entities' ? frame.records.map((record) => (record as { id: string }).id) : [],
    );
    expect(ids).toEqual(Array.from({ length: 4_000 }, (_, index) => `A${String(index).padStart(5, '0')}`));

    const opened = await unwrap(real.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    expect(opened.header.holds.tables).toMatchObject({ entities: 4_000, papers: 1, plans: 1, annotations: 0, meetings: 0 });
    await unwrap(real.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    const fresh = freshDb();
    await restoreStore(fresh, real, opened.token, opened.header);
    await takeRestoreOutcome(fresh);
    expect(await dump(fresh)).toEqual(before);
  });

  it('leaves no file under any name when an append fails with others in flight behind it', async () => {
    const db = freshDb();
    await db.entities.bulkPut(
      Array.from({ length: 9_000 }, (_, index) => ({ planId: 'p', kind: 'action', id: `A${String(index).padStart(5, '0')}` })) as never[],
    );
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    failAppendAt = 2;
    const reply = await backUpStore(db, api, 'manual');
    expect(reply).toMatchObject({ ok: false, error: { message: 'The backup was not made: The disk is full.' } });
    // Sending stopped within the window: no more than three appends after the one that failed.
    expect(appends).toBeLessThanOrEqual(5);
    expect(await fs.readdir(path.join(folder, 'data', 'Backups'))).toEqual([]);
  });

  it('replaces (never merges) what this laptop holds', async () => {
    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'manual'));
    await db.plans.put({ id: 'plan-c', title: 'Made after the backup' } as never);
    await db.annotations.clear();
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await restoreStore(db, api, opened.token, opened.header);
    expect((await takeRestoreOutcome(db))?.outcome).toBe('restored');
    expect(await dump(db)).toEqual(before);
  });

  it('tells the next start that a restore cut short (its mark still in the old store) restored nothing', async () => {
    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    // What a restore leaves when the app is killed before its transaction commits: only the mark.
    await db.meta.put({ key: RESTORE_IN_PROGRESS, value: { fileName: 'x.oversight-backup', createdAt: '2026-12-01T09:00:00.000Z' } });
    expect(await takeRestoreOutcome(db)).toEqual({
      outcome: 'cut-short',
      backup: { fileName: 'x.oversight-backup', createdAt: '2026-12-01T09:00:00.000Z' },
    });
    expect(await dump(db)).toEqual(before);
    expect(await takeRestoreOutcome(db)).toBeNull();
  });

  it('does not carry a restore mark over from a backup made while one was under way', async () => {
    const db = freshDb();
    await seed(db);
    await db.meta.put({ key: RESTORE_IN_PROGRESS, value: { fileName: 'old.oversight-backup', createdAt: '2026-12-01T09:00:00.000Z' } });
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'manual'));
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await restoreStore(db, api, opened.token, opened.header, { fileName: made.fileName });
    expect(await db.meta.get(RESTORE_IN_PROGRESS)).toBeUndefined();
    expect((await db.meta.get(RESTORE_DONE))?.value).toEqual({ fileName: made.fileName, createdAt: opened.header.createdAt });
    expect((await takeRestoreOutcome(db))?.outcome).toBe('restored');
  });

  it('leaves the store exactly as it was when a chunk fails half way', async () => {
    const db = freshDb();
    await seed(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(db, api, 'manual'));
    await db.plans.put({ id: 'plan-c', title: 'Made after the backup' } as never);
    const current = await dump(db);
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    failReadAt = 6;
    await expect(restoreStore(db, api, opened.token, opened.header)).rejects.toThrow('chunk 6');
    // Rolled back, and said at once: no mark is left for the next start.
    expect(await dump(db)).toEqual(current);
    expect(await takeRestoreOutcome(db)).toBeNull();
  });

  it('leaves the store exactly as it was when a page of records cannot be written (the write overlapping the next chunk)', async () => {
    // A store whose plans are keyed by a counter, so its plan records have no `id`: this
    // version's plans table (keyed by `id`) refuses them when the page is written, while the
    // restore is already fetching the next chunk.
    const name = `backup-unkeyed-${Math.random().toString(36).slice(2)}`;
    const odd = new Dexie(name);
    odd.version(1).stores({ annotations: 'id', meta: 'key', plans: '++seq' });
    await odd.open();
    await odd.table('annotations').bulkPut(Array.from({ length: 3 }, (_, index) => ({ id: `note-${index}`, text: 'kept' })));
    await odd.table('plans').bulkPut(Array.from({ length: 2_500 }, (_, index) => ({ title: `Plan ${index}` })));
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(odd as unknown as OversightDatabase, api, 'manual'));
    odd.close();
    await Dexie.delete(name);

    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await expect(restoreStore(db, api, opened.token, opened.header)).rejects.toThrow(
      /^chunk \d+: the records of plans could not be written \(.+\)\.$/s,
    );
    expect(await dump(db)).toEqual(before);
    expect(await takeRestoreOutcome(db)).toBeNull();
  });

  it('restores a backup made before schema v11, storing each plan’s list rows (one record there) as chunks', async () => {
    // A store at v10, as the build before list rows were chunked kept it.
    const name = `backup-v10-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 10)) old.version(schema.version).stores(schema.stores);
    await old.open();
    const rows = Array.from({ length: 2_345 }, (_, index) => ({ id: `A${index}`, ref: `${index}` }));
    await old.table('actionRows').bulkPut([
      { planId: 'plan-a', revision: 4, rows },
      { planId: 'plan-b', revision: 1, rows: [] },
    ]);
    await old.table('meta').put({ key: 'firstRunDone', value: true });
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(old as unknown as OversightDatabase, api, 'manual'));
    old.close();
    await Dexie.delete(name);

    const fresh = freshDb();
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    expect(opened.header.schemaVersion).toBe(10);
    expect(opened.header.holds.tables.actionRows).toBe(2);
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await restoreStore(fresh, api, opened.token, opened.header);
    expect(await readActionRows(fresh, 'plan-a')).toEqual({ planId: 'plan-a', revision: 4, rows });
    expect(await readActionRows(fresh, 'plan-b')).toEqual({ planId: 'plan-b', revision: 1, rows: [] });
    expect((await fresh.actionRowChunks.toArray()).map((chunk) => [chunk.planId, chunk.chunk, chunk.rows.length])).toEqual([
      ['plan-a', 0, 1000],
      ['plan-a', 1, 1000],
      ['plan-a', 2, 345],
      ['plan-b', 0, 0],
    ]);
    expect(await fresh.meta.get('firstRunDone')).toEqual({ key: 'firstRunDone', value: true });
  });

  it('refuses a pre-v11 backup whose list rows record has no rows, with the chunk named, and changes nothing', async () => {
    const name = `backup-v10-bad-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= 10)) old.version(schema.version).stores(schema.stores);
    await old.open();
    await old.table('actionRows').put({ planId: 'plan-a', revision: 4, rows: 'not a list' });
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const made = await unwrap(backUpStore(old as unknown as OversightDatabase, api, 'manual'));
    old.close();
    await Dexie.delete(name);

    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await expect(restoreStore(db, api, opened.token, opened.header)).rejects.toThrow(
      /^chunk \d+: a list rows record \(actionRows\) without its planId, revision or rows\.$/,
    );
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a backup of a newer store version before touching anything', async () => {
    const db = freshDb();
    await db.open();
    const header = { schemaVersion: db.verno + 1 } as Parameters<typeof whyCannotRestore>[1];
    expect(whyCannotRestore(db, header)).toContain('newer version of Oversight');
    await expect(restoreStore(db, apiFor(folder), 't', header)).rejects.toThrow('Update Oversight');
  });
});

describe('backing up through the backup workers', () => {
  type ChannelWorker = BackupWorkerLike & { asked: string[]; frameLengths: number[]; mostAhead: () => number };

  /** A backup worker whose far end is serveBackups on a MessageChannel: what the window sees of backup-worker.ts. */
  function channelWorker(options: Parameters<typeof serveBackups>[1] = {}): ChannelWorker {
    const channel = new MessageChannel();
    const asked: string[] = [];
    // Taken as each frame is posted: its bytes then move to the window.
    const frameLengths: number[] = [];
    let ahead = 0;
    let most = 0;
    const worker = channel.port2;
    const port = {
      postMessage: (message: FromBackupWorker, transfer?: { transfer?: Transferable[] }) => {
        if (message.type === 'frame') {
          frameLengths.push(message.frame.length);
          ahead += message.frame.length;
          most = Math.max(most, ahead);
        }
        worker.postMessage(message, transfer);
      },
      addEventListener: (type: 'message', listener: (event: MessageEvent<unknown>) => void) =>
        worker.addEventListener(type, (event) => {
          const data = event.data as ToBackupWorker;
          if (data.type === 'table') asked.push(data.table);
          if (data.type === 'credit') ahead -= data.bytes;
          listener(event);
        }),
    };
    serveBackups(port, options);
    worker.start();
    channel.port1.start();
    return {
      asked,
      frameLengths,
      mostAhead: () => most,
      postMessage: (message, transfer) => channel.port1.postMessage(message, transfer ?? []),
      addEventListener: (type, listener) => channel.port1.addEventListener(type, listener),
      terminate: () => channel.port1.close(),
    };
  }

  /** A store with files in two tables, so that blobs must be numbered across the workers' tables. */
  async function twoFileTables(): Promise<Dexie> {
    const name = `backup-files-${Math.random().toString(36).slice(2)}`;
    const db = new Dexie(name);
    db.version(1).stores({ attachments: 'id', meta: 'key', notes: 'id', papers: 'id' });
    await db.open();
    const file = (bytes: number) => new Blob([randomBytes(bytes)], { type: 'application/pdf' });
    await db.table('attachments').bulkPut([
      { id: 'a1', pdf: file(1_500_000) },
      { id: 'a2', pdf: file(10), also: [file(3)] },
    ]);
    await db
      .table('notes')
      .bulkPut(Array.from({ length: 4_100 }, (_, index) => ({ id: `n${String(index).padStart(5, '0')}`, text: 'Ask' })));
    await db.table('papers').bulkPut([
      { id: 'p1', pdf: file(2_100_000) },
      { id: 'p2', pdf: file(0) },
    ]);
    return db;
  }

  async function dumpDexie(db: Dexie): Promise<Record<string, unknown[]>> {
    return dump(db as unknown as OversightDatabase);
  }

  it('makes, through two workers, the very frames the window makes, with blobs numbered from 0 across the file', async () => {
    const db = await twoFileTables();
    const before = await dumpDexie(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const workers: ChannelWorker[] = [];
    const made = await unwrap(
      backUpStore(db as unknown as OversightDatabase, api, 'manual', undefined, {
        startWorker: () => {
          const worker = channelWorker({ openDb: () => db as unknown as OversightDatabase, closeDb: () => undefined });
          workers.push(worker);
          return worker;
        },
      }),
    );
    const throughWorkers = appended.map((frame, index) => decodeFrame(frame, index));
    // Both workers read tables: the first table to each, then the next to whichever finished one.
    expect(workers).toHaveLength(2);
    expect(workers.map((worker) => worker.asked[0])).toEqual(['attachments', 'meta']);
    expect(workers.flatMap((worker) => worker.asked).sort()).toEqual(['attachments', 'meta', 'notes', 'papers']);

    appended = [];
    await unwrap(backUpStore(db as unknown as OversightDatabase, api, 'before-import', undefined, { startWorker: () => null }));
    const inWindow = appended.map((frame, index) => decodeFrame(frame, index));
    expect(throughWorkers).toEqual(inWindow);

    // Placeholders in file order number 0, 1, 2…, and each blob's slices follow its page in that order.
    const numbers = JSON.stringify(throughWorkers.filter((frame) => frame.kind === 'records')).match(/"\$blob":\d+/g);
    expect(numbers).toEqual(['"$blob":0', '"$blob":1', '"$blob":2', '"$blob":3', '"$blob":4']);
    expect([...new Set(throughWorkers.flatMap((frame) => (frame.kind === 'blob' ? [frame.blob] : [])))]).toEqual([0, 1, 2, 3]);
    expect(throughWorkers.map((frame) => (frame.kind === 'records' ? `${frame.table}:${frame.records.length}` : frame.kind))).toEqual([
      'attachments:2',
      'blob',
      'blob',
      'blob',
      'blob',
      'notes:2000',
      'notes:2000',
      'notes:100',
      'papers:2',
      'blob',
      'blob',
      'blob',
    ]);

    const name = `backup-files-restored-${Math.random().toString(36).slice(2)}`;
    const fresh = new Dexie(name);
    fresh.version(1).stores({ attachments: 'id', meta: 'key', notes: 'id', papers: 'id' });
    await fresh.open();
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    await restoreStore(fresh as unknown as OversightDatabase, api, opened.token, opened.header);
    const restored = await dumpDexie(fresh);
    // The restore's own marks aside, the very records and bytes.
    expect({ ...restored, meta: [] }).toEqual({ ...before, meta: [] });
    for (const each of [db, fresh]) {
      each.close();
      await Dexie.delete(each.name);
    }
  });

  it('keeps each worker no more than its bound of bytes (or one frame) ahead of what the window has passed to main', async () => {
    const db = freshDb();
    await db.entities.bulkPut(
      Array.from({ length: 12_000 }, (_, index) => ({ planId: 'p', kind: 'action', id: `A${String(index).padStart(5, '0')}` })) as never[],
    );
    const real = apiFor(path.join(folder, 'data'));
    await unwrap(real.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    // Main takes its time over each append, so the workers would run ahead if nothing held them.
    const slow: Api = {
      ...real,
      call: (async (channel: ChannelName, argument: unknown) => {
        if (channel === 'backup:append') await new Promise((resolve) => setTimeout(resolve, 10));
        return real.call(channel, argument as never);
      }) as Api['call'],
    };
    const workers: ChannelWorker[] = [];
    const bound = 50_000;
    await unwrap(
      backUpStore(db, slow, 'manual', undefined, {
        startWorker: () => {
          const worker = channelWorker({ bytesAhead: bound });
          workers.push(worker);
          return worker;
        },
      }),
    );
    const frames = workers.flatMap((worker) => worker.frameLengths);
    // Six pages of entities, each larger than the bound: one frame at a time is all a worker may hold.
    expect(frames.filter((length) => length > bound)).toHaveLength(6);
    for (const worker of workers) expect(worker.mostAhead()).toBeLessThanOrEqual(Math.max(bound, ...frames));
    expect(Math.max(...workers.map((worker) => worker.mostAhead()))).toBe(Math.max(...frames));
  });

  it('fails as a whole, tells the other worker to stop and leaves no file, when a worker cannot read a table', async () => {
    const db = freshDb();
    await seed(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    // The second worker's store has no papers table (as a store of another build would not).
    const partial = new Dexie(`backup-partial-${Math.random().toString(36).slice(2)}`);
    partial.version(1).stores({ meta: 'key' });
    const workers: ChannelWorker[] = [];
    const told: ToBackupWorker[] = [];
    const reply = await backUpStore(db, api, 'manual', undefined, {
      startWorker: () => {
        const worker = workers.length === 0 ? channelWorker() : channelWorker({ openDb: () => partial as unknown as OversightDatabase });
        workers.push(worker);
        const post = worker.postMessage;
        worker.postMessage = (message, transfer) => {
          told.push(message);
          post(message, transfer);
        };
        return worker;
      },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The backup was not made: The store has no table \w+\.$/) },
    });
    expect(told.filter((message) => message.type === 'cancel')).toHaveLength(2);
    expect(await fs.readdir(path.join(folder, 'data', 'Backups'))).toEqual([]);
    await Dexie.delete(partial.name);
  });

  it('fails as a whole and leaves no file when a worker stops with an error', async () => {
    const db = freshDb();
    await seed(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const reply = await backUpStore(db, api, 'manual', undefined, {
      startWorker: () => {
        const worker = channelWorker();
        const listeners: Array<(event: Event) => void> = [];
        const add = worker.addEventListener;
        worker.addEventListener = (type, listener) => {
          if (type === 'error') listeners.push(listener);
          add(type, listener);
        };
        const post = worker.postMessage;
        // The worker dies as it is handed its first table (as one out of memory would).
        worker.postMessage = (message, transfer) => {
          if (message.type === 'table') for (const listener of listeners) listener(new Event('error'));
          else post(message, transfer);
        };
        return worker;
      },
    });
    expect(reply).toMatchObject({ ok: false, error: { message: 'The backup was not made: a backup worker stopped with an error' } });
    expect(await fs.readdir(path.join(folder, 'data', 'Backups'))).toEqual([]);
  });

  it('reads the store in the window, and says so, when no worker starts in time', async () => {
    const db = freshDb();
    await seed(db);
    const before = await dump(db);
    const api = apiFor(path.join(folder, 'data'));
    await unwrap(api.call('backup:set-passphrase', { passphrase: 'a long passphrase for tests' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let terminated = 0;
    const silent: BackupWorkerLike = {
      postMessage: () => undefined,
      addEventListener: () => undefined,
      terminate: () => (terminated += 1),
    };
    const made = await unwrap(backUpStore(db, api, 'manual', undefined, { startWorker: () => silent, readyWithinMs: 20 }));
    expect(terminated).toBe(2);
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      'The backup worker did not start, so the window reads the store itself.',
      'The backup worker did not start, so the window reads the store itself.',
    ]);
    warn.mockRestore();
    const opened = await unwrap(api.call('backup:open', { fileName: made.fileName }));
    if (!opened) throw new Error('nothing opened');
    await unwrap(api.call('backup:unlock', { token: opened.token, passphrase: 'a long passphrase for tests' }));
    const fresh = freshDb();
    await restoreStore(fresh, api, opened.token, opened.header);
    await takeRestoreOutcome(fresh);
    expect(await dump(fresh)).toEqual(before);
  });

  it('acts only on messages of the right shape, at both ends', () => {
    expect(isToBackupWorker({ type: 'table', dbName: 'd', table: 'notes' })).toBe(true);
    expect(isToBackupWorker({ type: 'table', dbName: 'd' })).toBe(false);
    expect(isToBackupWorker({ type: 'credit', bytes: 10 })).toBe(true);
    expect(isToBackupWorker({ type: 'credit', bytes: -1 })).toBe(false);
    expect(isToBackupWorker({ type: 'cancel' })).toBe(true);
    expect(isToBackupWorker({ type: 'store' })).toBe(false);
    expect(isToBackupWorker(null)).toBe(false);
    expect(isFromBackupWorker({ type: 'frame', frame: new Uint8Array(2), records: 1, placeholders: false })).toBe(true);
    expect(isFromBackupWorker({ type: 'frame', frame: [1, 2], records: 1, placeholders: false })).toBe(false);
    expect(isFromBackupWorker({ type: 'table-done', records: 3, blobs: 0, paperBytes: 0 })).toBe(true);
    expect(isFromBackupWorker({ type: 'table-done', records: 3, blobs: 0.5, paperBytes: 0 })).toBe(false);
    expect(isFromBackupWorker({ type: 'failed', message: 'm' })).toBe(true);
    expect(isFromBackupWorker({ type: 'ready' })).toBe(true);
    expect(isFromBackupWorker({ type: 'outcome' })).toBe(false);
  });

  it('renumbers a table’s blobs past those before it: in a blob frame’s header, and in a page’s placeholders', () => {
    const slice = encodeFrame({ kind: 'blob', blob: 2, bytes: new Uint8Array([7, 8]) });
    expect(decodeFrame(renumberFrame(slice, false, 5), 0)).toEqual({ kind: 'blob', blob: 7, bytes: new Uint8Array([7, 8]) });
    const page = encodeFrame({
      kind: 'records',
      table: 'papers',
      records: [{ id: 'p', pdf: { $blob: 0, type: 'application/pdf', size: 3 }, parts: [{ $blob: 1, type: '', size: 0 }] }],
    });
    expect(decodeFrame(renumberFrame(page, true, 4), 0)).toEqual({
      kind: 'records',
      table: 'papers',
      records: [{ id: 'p', pdf: { $blob: 4, type: 'application/pdf', size: 3 }, parts: [{ $blob: 5, type: '', size: 0 }] }],
    });
    // Nothing to move: the same frame back.
    expect(renumberFrame(page, true, 0)).toBe(page);
    const plain = encodeFrame({ kind: 'records', table: 'notes', records: [{ id: 'n', $blob: 1 }] });
    expect(renumberFrame(plain, false, 4)).toBe(plain);
  });
});

describe('wiping the store', () => {
  it('empties every table in one step, leaves the sample unwanted, and forgets the notes journal', async () => {
    const db = freshDb();
    await seed(db);
    await db.board.put({ id: 'board', name: 'SEND Oversight Board' } as never);
    expect(await wipeConfirmation(db)).toBe('SEND Oversight Board');
    window.localStorage.setItem('oversight.notes-journal\u0001m1\u0001item-1', 'typed just before');
    window.localStorage.setItem('someone-else', 'kept');
    await wipeStore(db);
    const after = await dump(db);
    expect(Object.entries(after).filter(([, records]) => records.length > 0)).toEqual([['meta', [{ key: 'sampleLoaded', value: true }]]]);
    expect(window.localStorage.getItem('oversight.notes-journal\u0001m1\u0001item-1')).toBeNull();
    expect(window.localStorage.getItem('someone-else')).toBe('kept');
    expect(await wipeConfirmation(db)).toBe('wipe');
  });

  it('is confirmed only by the board’s name (spacing and capitals aside)', () => {
    expect(isWipeConfirmed(' send  oversight board ', 'SEND Oversight Board')).toBe(true);
    expect(isWipeConfirmed('SEND Oversight', 'SEND Oversight Board')).toBe(false);
    expect(isWipeConfirmed('', '')).toBe(false);
  });
});
