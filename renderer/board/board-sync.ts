import { BOARD_ROLES, isPaperTarget, type AnnotationRecord, type BoardRole, type Profile } from '../../shared/annotations/types';
import {
  encodeBoardFile,
  fileIdentity,
  folderId,
  openBoardFile,
  type OpenedBoardFile,
  type RegisterBody,
  type SegmentBody,
} from '../../shared/board/file';
import { boardFilePath } from '../../shared/board/names';
import {
  emptyReaderState,
  receiveBoardFile,
  segmentAsAnnotationsFile,
  type BoardTrust,
  type OpenedDraftRecord,
  type OpenedPublication,
  type OpenedSegment,
  type ReaderState,
} from '../../shared/board/reader';
import { exportPublicKey, fingerprintOf, generateDeviceKeys, type SigningKey } from '../../shared/board/signing';
import { planSegments } from '../../shared/board/writer';
import { keepDrafts } from './board-drafts';
import {
  importQueuedPublications,
  queuePublication,
  type PublicationArrival,
  type PublicationPort,
  type PublicationStore,
} from './board-publications';
import type { ChannelResponse } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { mergeAnnotationsFile } from '../annotations/annotation-repository';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { exemptPaperTargetKeys } from '../papers/pack-repository';
import { isMeetingOfScope, isPlanOfScope, readBoardScope, type BoardScope } from '../meetings/boards';
import { boardKey, boardOrOpen } from './board-keys';

// The renderer's side of the board folder (docs/formats/board-folder-v1.md): this device's key
// pair (the private key a non-extractable CryptoKey in IndexedDB, so it never leaves the laptop),
// what this member trusts (the board and the clerk's fingerprint), the reader's state, and the
// sync itself: read what arrived and merge it by the same path as a file imported by hand, then
// write this device's new shared annotations as its next signed segment.

const KEYS = 'board.deviceKeys';
const TRUST = 'board.trust';
const READER = 'board.reader';
const WRITER = 'board.writer';

type StoredKeys = { publicKey: SigningKey; privateKey: SigningKey; publicKeyBase64: string };
type StoredReader = {
  register: ReaderState['register'];
  seen: string[];
  sequences: Array<[string, string]>;
  waiting: Array<[string, OpenedSegment | OpenedPublication | OpenedDraftRecord]>;
};
type StoredWriter = { sequence: number; writtenHlc: string };

/** How main's folder is reached: the IPC channels in the app, the folder itself in tests. */
export type BoardPort = {
  scan(): Promise<Result<ChannelResponse<'board:scan'>>>;
  write(path: string, bytes: Uint8Array): Promise<Result<{ written: true }>>;
  /** Deletes this device's segments its snapshot covers (main checks that it does). */
  compact?(snapshotPath: string, segmentPaths: string[]): Promise<Result<{ removed: number }>>;
  /** Checks a publication the clerk signed and hands its files to their importers (main's side). */
  readPublication?: PublicationPort['readPublication'];
};

/** A device writes a snapshot of its member's shared annotations every this many segments, then deletes the segments. */
export const SNAPSHOT_EVERY = 50;

/** What a sync brought and did, for the notice the member sees. */
export type BoardSyncReport = {
  arrived: Array<{ authorName: string; inserted: number; updated: number }>;
  refused: Array<{ path: string; message: string }>;
  waiting: number;
  stillArriving: number;
  /** Files still not whole after ten minutes (a sync client stuck, or a placeholder that cannot download offline). */
  stalled: number;
  written: number;
  registerVersion: number | null;
  /** What the clerk published that arrived in this sync, each file through its importer. */
  published: PublicationArrival[];
  /** The chair's draft records that arrived in this sync (kept read-only). */
  drafts?: Array<{ fromName: string; meetingTitle: string; meetingDate: string }>;
};

/** This device's key pair, made on first use and kept; the public half as base64 and its fingerprint. */
export async function deviceKeys(db: OversightDatabase): Promise<StoredKeys & { fingerprint: string }> {
  let keys = await getMeta<StoredKeys>(db, KEYS);
  if (!keys) {
    // The settings page and "Start the board" can both ask for the keys before any exist: they
    // share one creation, and the transaction keeps whichever pair was stored first, so the
    // fingerprint shown is always the key that signs.
    let job = creatingKeys.get(db);
    if (!job) {
      job = createDeviceKeys(db).finally(() => creatingKeys.delete(db));
      creatingKeys.set(db, job);
    }
    keys = await job;
  }
  return { ...keys, fingerprint: (await fingerprintOf(keys.publicKeyBase64)) ?? '' };
}

const creatingKeys = new WeakMap<OversightDatabase, Promise<StoredKeys>>();

async function createDeviceKeys(db: OversightDatabase): Promise<StoredKeys> {
  const pair = await generateDeviceKeys();
  const fresh: StoredKeys = {
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    publicKeyBase64: await exportPublicKey(pair.publicKey),
  };
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<StoredKeys>(db, KEYS);
    if (existing) return existing;
    await setMeta(db, KEYS, fresh);
    return fresh;
  });
}

/** What this member confirmed when joining a board's folder (the open board's unless named); null before. */
export async function boardTrust(db: OversightDatabase, localBoard?: string): Promise<BoardTrust | null> {
  return (await getMeta<BoardTrust>(db, boardKey(TRUST, await boardOrOpen(db, localBoard)))) ?? null;
}

/** A board's register as this laptop last read it (the open board's unless named; null before one arrives). */
export async function currentRegister(db: OversightDatabase, localBoard?: string): Promise<ReaderState['register']> {
  return (await loadReader(db, await boardOrOpen(db, localBoard))).register;
}

/** The code a member gives the clerk to be added: who they are and this device's public key. */
export async function joiningCode(db: OversightDatabase, profile: Profile): Promise<string> {
  const keys = await deviceKeys(db);
  return ['oversight-join', profile.id, profile.deviceId, keys.publicKeyBase64, encodeURIComponent(profile.displayName), profile.role].join(
    ':',
  );
}

export type JoiningRequest = { memberId: string; deviceId: string; publicKey: string; displayName: string; role: BoardRole };

/** Reads a joining code; null when it is not one. */
export function parseJoiningCode(code: string): JoiningRequest | null {
  const parts = code.trim().split(':');
  if (parts.length !== 6 || parts[0] !== 'oversight-join') return null;
  const [, memberId = '', deviceId = '', publicKey = '', name = '', role = ''] = parts;
  if (!folderId.safeParse(memberId).success || !folderId.safeParse(deviceId).success) return null;
  if (!/^[A-Za-z0-9+/]{43}=$/.test(publicKey)) return null;
  const boardRole = BOARD_ROLES.find((candidate) => candidate === role);
  if (!boardRole) return null;
  let displayName: string;
  try {
    displayName = decodeURIComponent(name).slice(0, 200);
  } catch {
    return null;
  }
  return displayName ? { memberId, deviceId, publicKey, displayName, role: boardRole } : null;
}

/**
 * Joins a board folder as a member: the board's id and the clerk's fingerprint, as the clerk read
 * it out, for a board on this laptop (the open board unless named).
 */
export async function joinBoard(
  db: OversightDatabase,
  boardId: string,
  clerkFingerprint: string,
  localBoard?: string,
): Promise<Result<BoardTrust>> {
  const digits = clerkFingerprint.replace(/\s+/g, '').toLowerCase();
  if (!folderId.safeParse(boardId).success) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: 'The board’s id is the lower-case name the clerk gave, e.g. send-board.' },
    };
  }
  if (!/^[0-9a-f]{32,64}$/.test(digits)) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: 'The clerk’s fingerprint is 32 letters and digits (0–9, A–F), in groups of four.' },
    };
  }
  const trust: BoardTrust = { boardId, clerkFingerprint: digits };
  const local = await boardOrOpen(db, localBoard);
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, boardKey(TRUST, local), trust);
    await setMeta(db, boardKey(READER, local), null);
  });
  return { ok: true, value: trust };
}

/** Starts a board as its clerk: this device's key is the clerk's key, and the register's first version lists it. */
export async function startBoardAsClerk(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  board: { boardId: string; boardName: string },
  localBoard?: string,
): Promise<Result<BoardTrust>> {
  const local = await boardOrOpen(db, localBoard);
  const keys = await deviceKeys(db);
  const joined = await joinBoard(db, board.boardId, keys.fingerprint, local);
  if (!joined.ok) return joined;
  const register: RegisterBody = {
    boardName: board.boardName,
    clerk: { memberId: profile.id, deviceId: profile.deviceId },
    members: [
      {
        memberId: profile.id,
        displayName: profile.displayName,
        role: profile.role,
        devices: [{ deviceId: profile.deviceId, publicKey: keys.publicKeyBase64, addedAt: new Date().toISOString(), removed: null }],
      },
    ],
  };
  const written = await writeRegister(db, port, profile, joined.value, 1, register, local);
  return written.ok ? joined : written;
}

/** The clerk adds a member's device (from their joining code) in a new register version. */
export async function addToRegister(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  request: JoiningRequest,
  localBoard?: string,
): Promise<Result<{ version: number }>> {
  const local = await boardOrOpen(db, localBoard);
  const trust = await boardTrust(db, local);
  const reader = await loadReader(db, local);
  const current = reader.register;
  if (!trust || !current || current.body.clerk.deviceId !== profile.deviceId) {
    return { ok: false, error: { code: 'forbidden', message: 'Only the clerk’s laptop can change the board’s register.' } };
  }
  if (current.body.members.some((member) => member.devices.some((device) => device.deviceId === request.deviceId))) {
    return { ok: false, error: { code: 'exists', message: 'That device is already in the register.' } };
  }
  const device = { deviceId: request.deviceId, publicKey: request.publicKey, addedAt: new Date().toISOString(), removed: null };
  const members = current.body.members.some((member) => member.memberId === request.memberId)
    ? current.body.members.map((member) =>
        member.memberId === request.memberId ? { ...member, devices: [...member.devices, device] } : member,
      )
    : [...current.body.members, { memberId: request.memberId, displayName: request.displayName, role: request.role, devices: [device] }];
  const version = current.header.sequence + 1;
  const written = await writeRegister(db, port, profile, trust, version, { ...current.body, members }, local);
  return written.ok ? { ok: true, value: { version } } : written;
}

/**
 * The clerk removes a device (a lost laptop, a member leaving) in a new register version. Its
 * files up to the last one this laptop has read stay accepted; later ones are refused everywhere.
 */
export async function removeFromRegister(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  deviceId: string,
  localBoard?: string,
): Promise<Result<{ version: number; lastSequence: number }>> {
  const local = await boardOrOpen(db, localBoard);
  const trust = await boardTrust(db, local);
  const reader = await loadReader(db, local);
  const current = reader.register;
  if (!trust || !current || current.body.clerk.deviceId !== profile.deviceId) {
    return { ok: false, error: { code: 'forbidden', message: 'Only the clerk’s laptop can change the board’s register.' } };
  }
  if (deviceId === profile.deviceId) {
    return { ok: false, error: { code: 'forbidden', message: 'The clerk’s own laptop signs the register and cannot be removed from it.' } };
  }
  let lastSequence = 0;
  for (const [key] of reader.sequences) {
    const [kind, device, sequence] = key.split('/');
    if ((kind === 'segment' || kind === 'snapshot') && device === deviceId) lastSequence = Math.max(lastSequence, Number(sequence));
  }
  let found = false;
  const removedAt = new Date().toISOString();
  const members = current.body.members.map((member) => ({
    ...member,
    devices: member.devices.map((device) => {
      if (device.deviceId !== deviceId || device.removed) return device;
      found = true;
      return { ...device, removed: { at: removedAt, lastSequence } };
    }),
  }));
  if (!found) return { ok: false, error: { code: 'not-found', message: 'That device is not in the register, or was removed already.' } };
  const version = current.header.sequence + 1;
  const written = await writeRegister(db, port, profile, trust, version, { ...current.body, members }, local);
  return written.ok ? { ok: true, value: { version, lastSequence } } : written;
}

async function writeRegister(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  trust: BoardTrust,
  version: number,
  body: RegisterBody,
  localBoard: string,
): Promise<Result<{ written: true }>> {
  const keys = await deviceKeys(db);
  const bytes = await encodeBoardFile({
    boardId: trust.boardId,
    kind: 'register',
    memberId: profile.id,
    deviceId: profile.deviceId,
    sequence: version,
    writtenAt: new Date().toISOString(),
    confidential: false,
    publicKey: keys.publicKeyBase64,
    privateKey: keys.privateKey,
    body,
  });
  const written = await port.write(boardFilePath('register', profile.id, profile.deviceId, version), bytes);
  if (!written.ok) return written;
  // Main does not read a laptop's own files back: the clerk's reader takes its register in directly.
  const opened = await openBoardFile(bytes);
  if (opened.status === 'opened') {
    const reader = await loadReader(db, localBoard);
    await receiveBoardFile(reader, trust, opened.file);
    await saveReader(db, reader, localBoard);
  }
  return written;
}

async function loadReader(db: OversightDatabase, localBoard: string): Promise<ReaderState> {
  const stored = await getMeta<StoredReader | null>(db, boardKey(READER, localBoard));
  if (!stored) return emptyReaderState();
  return { register: stored.register, seen: new Set(stored.seen), sequences: new Map(stored.sequences), waiting: new Map(stored.waiting) };
}

async function saveReader(db: OversightDatabase, state: ReaderState, localBoard: string): Promise<void> {
  const stored: StoredReader = {
    register: state.register,
    seen: [...state.seen],
    sequences: [...state.sequences],
    waiting: [...state.waiting],
  };
  await setMeta(db, boardKey(READER, localBoard), stored);
}

/**
 * One sync: reads what main found in the folder, merges what the register lets in (each file in
 * its own transaction, as an imported file is; merging again changes nothing), then writes this
 * device's shared annotations changed since its last segment. Private annotations, and notes on
 * exempt papers, are never written.
 */
export async function syncBoard(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  options: { snapshotEvery?: number; store?: PublicationStore; localBoard?: string } = {},
): Promise<Result<BoardSyncReport>> {
  // The board is fixed for the whole sync: switching board meanwhile never mixes two boards' folders.
  const local = await boardOrOpen(db, options.localBoard);
  const trust = await boardTrust(db, local);
  if (!trust) return { ok: false, error: { code: 'not-joined', message: 'Join the board in Settings first.' } };
  const scan = await port.scan();
  if (!scan.ok) return scan;
  const report: BoardSyncReport = {
    arrived: [],
    refused: [],
    waiting: 0,
    stillArriving: scan.value.incomplete.length,
    stalled: scan.value.incomplete.filter((file) => file.stalled).length,
    written: 0,
    registerVersion: null,
    published: [],
  };
  for (const refused of scan.value.refused) report.refused.push({ path: refused.path, message: refused.problems[0]?.message ?? 'refused' });
  for (const newer of scan.value.newerVersion) report.refused.push({ path: newer.path, message: newer.message });

  const reader = await loadReader(db, local);
  const publications: Array<{ path: string; identity: string; file: OpenedPublication }> = [];
  const drafts: Array<{ file: OpenedDraftRecord; fromName: string }> = [];
  for (const { path, file } of scan.value.opened) {
    for (const event of await receiveBoardFile(reader, trust, file as OpenedBoardFile)) {
      if (event.status === 'refused') report.refused.push({ path, message: event.problems[0]?.message ?? 'refused' });
      if (event.status === 'draft-record' && event.file.header.deviceId !== profile.deviceId) {
        const fromName = reader.register?.body.members.find((member) => member.memberId === event.file.header.memberId)?.displayName;
        drafts.push({ file: event.file, fromName: fromName ?? event.file.header.memberId });
      }
      if (event.status === 'published' && event.file.header.deviceId !== profile.deviceId) {
        // One kept aside until a register arrived comes out of that register's event: its own path is its header's.
        const { header } = event.file;
        const where = event.file === file ? path : boardFilePath('publication', header.memberId, header.deviceId, header.sequence);
        publications.push({ path: where, identity: fileIdentity(header), file: event.file });
      }
      if (event.status !== 'accepted' || event.file.header.deviceId === profile.deviceId) continue;
      const merged = await mergeAnnotationsFile(db, segmentAsAnnotationsFile(event.file), {
        profile,
        fromOwnDevice: event.file.header.memberId === profile.id,
      });
      if (merged.inserted + merged.updated > 0) {
        report.arrived.push({ authorName: event.file.body.author.displayName, inserted: merged.inserted, updated: merged.updated });
      }
    }
  }
  report.waiting = reader.waiting.size;
  report.registerVersion = reader.register?.header.sequence ?? null;
  // The reader's state and the publications it admitted, together: one is never noted without the other.
  await db.transaction('rw', db.meta, async () => {
    await saveReader(db, reader, local);
    for (const publication of publications) await queuePublication(db, publication.path, publication.file, publication.identity, local);
    await keepDrafts(db, drafts, local);
  });
  if (drafts.length > 0) {
    report.drafts = drafts.map(({ file, fromName }) => ({
      fromName,
      meetingTitle: file.body.bundle.meeting.title,
      meetingDate: file.body.bundle.meeting.date,
    }));
  }
  if (port.readPublication && options.store) {
    const imported = await importQueuedPublications(db, { readPublication: port.readPublication }, options.store, local);
    report.published = imported.arrived;
    report.stillArriving += imported.stillArriving;
    report.refused.push(...imported.refused);
  }

  const written = await writeOwnSegment(db, port, profile, trust, reader, local);
  if (!written.ok) return written;
  report.written = written.value;
  const writer = await getMeta<StoredWriter>(db, boardKey(WRITER, local));
  const every = options.snapshotEvery ?? SNAPSHOT_EVERY;
  if (written.value > 0 && writer && writer.sequence % every === 0) {
    // Best effort: a snapshot not written now is written at a later multiple.
    await writeSnapshot(db, port, profile, trust, writer.sequence, local);
  }
  return { ok: true, value: report };
}

// Compaction (docs/formats/board-folder-v1.md, "Segment and snapshot body"): the member's every
// shared annotation as this laptop holds it covers everything in its segments up to `sequence`.
async function writeSnapshot(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  trust: BoardTrust,
  sequence: number,
  localBoard: string,
): Promise<void> {
  if (!port.compact) return;
  const scope = await readBoardScope(db, localBoard);
  const records = await db.annotations.filter((record) => record.authorId === profile.id && isOfBoard(record, scope)).toArray();
  const exempt = await exemptPaperTargetKeys(db);
  const plan = planSegments(records, profile.id, (record) => exempt.has(record.targetKey), false);
  const keys = await deviceKeys(db);
  const bytes = await encodeBoardFile({
    boardId: trust.boardId,
    kind: 'snapshot',
    memberId: profile.id,
    deviceId: profile.deviceId,
    sequence,
    writtenAt: new Date().toISOString(),
    confidential: false,
    publicKey: keys.publicKeyBase64,
    privateKey: keys.privateKey,
    body: { author: { displayName: profile.displayName, role: profile.role, organisation: profile.organisation }, annotations: plan.open },
  });
  const snapshotPath = boardFilePath('snapshot', profile.id, profile.deviceId, sequence);
  const written = await port.write(snapshotPath, bytes);
  if (!written.ok) return;
  const segments = Array.from({ length: sequence }, (_, index) => boardFilePath('segment', profile.id, profile.deviceId, index + 1));
  await port.compact(snapshotPath, segments);
}

async function writeOwnSegment(
  db: OversightDatabase,
  port: BoardPort,
  profile: Profile,
  trust: BoardTrust,
  reader: ReaderState,
  localBoard: string,
): Promise<Result<number>> {
  // Until the register lists this device, nobody would accept what it writes.
  const listed = reader.register?.body.members.some((member) => member.devices.some((device) => device.deviceId === profile.deviceId));
  if (!listed) return { ok: true, value: 0 };
  const writerKey = boardKey(WRITER, localBoard);
  const writer = (await getMeta<StoredWriter>(db, writerKey)) ?? { sequence: 0, writtenHlc: '' };
  // Only notes on this board's plans and papers go to its folder: another board's members never see them.
  const scope = await readBoardScope(db, localBoard);
  // A scan of this laptop's annotations (no index on the clock): cheap beside reading the folder.
  const changed: AnnotationRecord[] = await db.annotations
    .filter(
      (record) =>
        record.authorId === profile.id &&
        record.deviceId === profile.deviceId &&
        record.hlc > writer.writtenHlc &&
        isOfBoard(record, scope),
    )
    .toArray();
  if (changed.length === 0) return { ok: true, value: 0 };
  const exempt = await exemptPaperTargetKeys(db);
  const plan = planSegments(changed, profile.id, (record) => exempt.has(record.targetKey), false);
  const newest = changed.reduce((max, record) => (record.hlc > max ? record.hlc : max), writer.writtenHlc);
  if (plan.open.length === 0) {
    await setMeta(db, writerKey, { ...writer, writtenHlc: newest });
    return { ok: true, value: 0 };
  }
  const keys = await deviceKeys(db);
  const body: SegmentBody = {
    author: { displayName: profile.displayName, role: profile.role, organisation: profile.organisation },
    annotations: plan.open,
  };
  // A laptop that stopped between writing a segment and noting it finds its number taken: the
  // next number is used (the earlier file holds the same or older versions, so nothing is lost).
  for (let sequence = writer.sequence + 1; sequence <= writer.sequence + 5; sequence += 1) {
    const bytes = await encodeBoardFile({
      boardId: trust.boardId,
      kind: 'segment',
      memberId: profile.id,
      deviceId: profile.deviceId,
      sequence,
      writtenAt: new Date().toISOString(),
      confidential: false,
      publicKey: keys.publicKeyBase64,
      privateKey: keys.privateKey,
      body,
    });
    const written = await port.write(boardFilePath('segment', profile.id, profile.deviceId, sequence), bytes);
    if (!written.ok && written.error.code === 'exists') continue;
    if (!written.ok) return written;
    await setMeta(db, writerKey, { sequence, writtenHlc: newest });
    return { ok: true, value: plan.open.length };
  }
  return { ok: false, error: { code: 'exists', message: 'This laptop’s next files in the board folder already exist; ask the clerk.' } };
}

/** Whether an annotation is about one of the board's plans or one of its meetings' papers. */
function isOfBoard(record: AnnotationRecord, scope: BoardScope): boolean {
  const { target } = record;
  return isPaperTarget(target) ? isMeetingOfScope(target.meetingId, scope) : isPlanOfScope(target.planId, scope);
}
