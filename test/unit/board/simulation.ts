import { createHash } from 'node:crypto';
import type { AnnotationEntry } from '../../../shared/annotations/file';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/annotations/hlc';
import { mergeFile, recordToEntry } from '../../../shared/annotations/merge';
import { targetKeyOf, type AnnotationRecord } from '../../../shared/annotations/types';
import { exportPublicKey, fingerprintOf, generateDeviceKeys, type DeviceKeyPair } from '../../../shared/board/signing';
import { encodeBoardFile, openBoardFile, type RegisterBody, type SegmentBody } from '../../../shared/board/file';
import { boardFilePath, isBoardFileCandidate } from '../../../shared/board/names';
import {
  emptyReaderState,
  receiveBoardFile,
  segmentAsAnnotationsFile,
  type BoardTrust,
  type ReaderState,
} from '../../../shared/board/reader';

// A year of a board sharing its work through a synchronised folder, with the folder doing what
// sync clients do (docs/decisions/0007-board-folder.md): every file reaches every laptop late and
// out of order, some twice, some as conflict copies, some first cut short; devices' clocks differ
// by minutes; compaction deletes segments; forgers write files of every kind we refuse. Used by
// the property test (small boards) and by `npm run bench` (20 members × 2 devices).

export type SimulationOptions = {
  seed: number;
  members: number;
  months: number;
  stepsPerMonth: number;
  /** Mean edits per device per step. */
  editsPerStep: number;
  /** The most steps a file takes to reach a laptop. */
  maxDelay: number;
  duplicate: number;
  conflictCopy: number;
  truncate: number;
  /** Forged files written per month. */
  forgeriesPerMonth: number;
  /** A snapshot (and deletion of the segments it covers) every this many months; 0 for none. */
  snapshotEveryMonths: number;
  /** Halfway through, the clerk removes one member's second device, whose key then writes forgeries. */
  removeDevice: boolean;
};

export type SimulationResult = {
  devices: number;
  converged: boolean;
  /** Over every device: annotations whose final version there differs from the last version written. */
  recordsLost: number;
  legitFilesWritten: number;
  legitFilesRefused: number;
  forgedFilesWritten: number;
  forgedFilesAccepted: number;
  privateLeaked: number;
  annotations: number;
  folderFiles: number;
  folderBytes: number;
  forksReported: number;
  /** How often the folder misbehaved, so a test can tell the faults really happened. */
  faults: { truncated: number; conflictCopies: number; duplicates: number; deletions: number; lateBy: number };
};

type Device = {
  index: number;
  memberId: string;
  deviceId: string;
  displayName: string;
  keys: DeviceKeyPair;
  publicKey: string;
  skewMs: number;
  clock: Hlc | null;
  store: Map<string, AnnotationRecord>;
  dirty: Set<string>;
  sequence: number;
  reader: ReaderState;
  view: Map<string, Uint8Array>;
  handled: Map<string, number>;
  ownSegments: string[];
  active: boolean;
  isClerk: boolean;
};

type Delivery = { at: number; device: number; path: string; bytes: Uint8Array | null };

const BOARD = 'send-board';
const MONTH_MS = 30 * 24 * 3600 * 1000;
const START = Date.UTC(2026, 0, 5, 9);

/** A small, seeded random source (mulberry32), so a failing run can be replayed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max: number) => Math.floor(next() * (max + 1)), chance: (p: number) => next() < p };
}

/** Runs the simulation; throws only on a bug in the simulation itself. */
export async function simulateBoard(options: SimulationOptions): Promise<SimulationResult> {
  const random = randomSource(options.seed);
  const devices: Device[] = [];
  const makeDevice = async (memberId: string, deviceId: string, displayName: string, isClerk: boolean) => {
    const keys = await generateDeviceKeys();
    devices.push({
      index: devices.length,
      memberId,
      deviceId,
      displayName,
      keys,
      publicKey: await exportPublicKey(keys.publicKey),
      skewMs: (random.next() - 0.5) * 10 * 60 * 1000,
      clock: null,
      store: new Map(),
      dirty: new Set(),
      sequence: 0,
      reader: emptyReaderState(),
      view: new Map(),
      handled: new Map(),
      ownSegments: [],
      active: true,
      isClerk,
    });
  };
  await makeDevice('clerk', 'clerk-laptop', 'Board clerk', true);
  for (let member = 0; member < options.members; member += 1) {
    for (let device = 0; device < 2; device += 1) await makeDevice(`member-${member}`, `m${member}-d${device}`, `Member ${member}`, false);
  }
  const clerk: Device = devices[0] ?? failed('no clerk');
  const trust: BoardTrust = { boardId: BOARD, clerkFingerprint: (await fingerprintOf(clerk.publicKey)) ?? '' };

  const truth = new Map<string, Uint8Array>();
  const deliveries: Delivery[] = [];
  const lastPut = new Map<string, number>();
  const latest = new Map<string, AnnotationEntry>();
  const privateIds = new Set<string>();
  const legitIdentities = new Set<string>();
  const forgedPaths = new Set<string>();
  const forgedBytes = new Set<Uint8Array>();
  const faults = { truncated: 0, conflictCopies: 0, duplicates: 0, deletions: 0, lateBy: 0 };
  const result = { legitFilesWritten: 0, legitFilesRefused: 0, forgedFilesWritten: 0, forgedFilesAccepted: 0, forksReported: 0 };
  let step = 0;
  let idCounter = 0;

  const now = (device: Device) => START + step * (MONTH_MS / options.stepsPerMonth) + device.skewMs;

  // The folder: the writer sees its file at once; everyone else later, maybe cut short first, maybe twice, maybe as a conflict copy.
  function publish(writer: Device | null, path: string, bytes: Uint8Array) {
    truth.set(path, bytes);
    for (const device of devices) {
      if (device === writer) {
        device.view.set(path, bytes);
        continue;
      }
      let at = step + random.int(options.maxDelay);
      faults.lateBy += at - step;
      if (random.chance(options.truncate)) {
        faults.truncated += 1;
        deliveries.push({ at, device: device.index, path, bytes: bytes.slice(0, random.int(bytes.length - 1)) });
        at += 1 + random.int(options.maxDelay);
      }
      deliveries.push({ at, device: device.index, path, bytes });
      lastPut.set(`${device.index}|${path}`, at);
      if (random.chance(options.duplicate)) {
        faults.duplicates += 1;
        deliveries.push({ at: at + random.int(options.maxDelay), device: device.index, path, bytes });
      }
      if (random.chance(options.conflictCopy)) {
        faults.conflictCopies += 1;
        deliveries.push({
          at: step + random.int(options.maxDelay + 1),
          device: device.index,
          path: conflictName(path, random.int(3)),
          bytes,
        });
      }
    }
  }

  function remove(writer: Device, path: string) {
    truth.delete(path);
    writer.view.delete(path);
    faults.deletions += 1;
    for (const device of devices) {
      if (device === writer) continue;
      const put = lastPut.get(`${device.index}|${path}`) ?? step;
      deliveries.push({ at: Math.max(put + 1, step + random.int(options.maxDelay)), device: device.index, path, bytes: null });
    }
  }

  async function writeFile(device: Device, kind: 'segment' | 'snapshot' | 'register', sequence: number, body: SegmentBody | RegisterBody) {
    const bytes = await encodeBoardFile({
      boardId: BOARD,
      kind,
      memberId: device.memberId,
      deviceId: device.deviceId,
      sequence,
      writtenAt: new Date(now(device)).toISOString(),
      confidential: false,
      publicKey: device.publicKey,
      privateKey: device.keys.privateKey,
      body,
    });
    const path = boardFilePath(kind, device.memberId, device.deviceId, sequence);
    const opened = await openBoardFile(bytes);
    if (opened.status === 'opened') legitIdentities.add(`${kind}/${device.deviceId}/${sequence}/${opened.file.header.bodySha256}`);
    result.legitFilesWritten += 1;
    publish(device, path, bytes);
    return path;
  }

  const register = (removed: { deviceId: string; lastSequence: number } | null): RegisterBody => ({
    boardName: 'SEND oversight board',
    clerk: { memberId: clerk.memberId, deviceId: clerk.deviceId },
    members: [...new Set(devices.map((device) => device.memberId))].map((memberId) => ({
      memberId,
      displayName: devices.find((device) => device.memberId === memberId)?.displayName ?? memberId,
      role: memberId === 'clerk' ? ('clerk' as const) : ('member' as const),
      devices: devices
        .filter((device) => device.memberId === memberId)
        .map((device) => ({
          deviceId: device.deviceId,
          publicKey: device.publicKey,
          addedAt: new Date(START).toISOString(),
          removed:
            removed?.deviceId === device.deviceId ? { at: new Date(now(clerk)).toISOString(), lastSequence: removed.lastSequence } : null,
        })),
    })),
  });

  const author = (device: Device): SegmentBody['author'] => ({
    displayName: device.displayName,
    role: device.isClerk ? 'clerk' : 'member',
    organisation: '',
  });

  async function flush(device: Device) {
    const entries = [...device.dirty]
      .map((id) => device.store.get(id))
      .filter((record): record is AnnotationRecord => record !== undefined)
      .map((record) => recordToEntry(record))
      .filter((entry): entry is AnnotationEntry => entry !== null);
    device.dirty.clear();
    if (entries.length === 0) return;
    device.sequence += 1;
    for (const entry of entries) {
      const known = latest.get(entry.id);
      if (!known || entry.hlc > known.hlc) latest.set(entry.id, entry);
    }
    device.ownSegments.push(await writeFile(device, 'segment', device.sequence, { author: author(device), annotations: entries }));
  }

  async function snapshot(device: Device) {
    if (device.sequence === 0) return;
    const annotations = [...device.store.values()]
      .filter((record) => record.authorId === device.memberId)
      .map((record) => recordToEntry(record))
      .filter((entry): entry is AnnotationEntry => entry !== null);
    await writeFile(device, 'snapshot', device.sequence, { author: author(device), annotations });
    for (const path of device.ownSegments) remove(device, path);
    device.ownSegments = [];
  }

  function edit(device: Device) {
    const stamp = () => {
      device.clock = tickHlc(device.clock, now(device), device.deviceId);
      return encodeHlc(device.clock);
    };
    const own = [...device.store.values()].filter((record) => record.authorId === device.memberId && !record.deleted);
    const choice = random.next();
    if (own.length === 0 || choice < 0.45) {
      idCounter += 1;
      const isShared = random.chance(0.75);
      const target = { kind: 'action' as const, planId: 'plan', id: `act-${random.int(40)}` };
      const record: AnnotationRecord = {
        id: `a-${options.seed}-${idCounter}`,
        authorId: device.memberId,
        authorName: device.displayName,
        targetKey: targetKeyOf(target),
        target,
        kind: random.chance(0.5) ? 'question' : 'note',
        text: `Text ${idCounter} from ${device.deviceId}: why is this behind?`,
        tags: [],
        visibility: isShared ? 'shared' : 'private',
        answer: null,
        madeAgainstRevision: 1,
        order: 0,
        createdAt: new Date(now(device)).toISOString(),
        hlc: stamp(),
        deviceId: device.deviceId,
        deleted: false,
      };
      device.store.set(record.id, record);
      if (isShared) device.dirty.add(record.id);
      else privateIds.add(record.id);
      return;
    }
    const record = own[random.int(own.length - 1)];
    if (!record) return;
    const changed: AnnotationRecord =
      choice < 0.9
        ? { ...record, text: `${record.text.slice(0, 80)} (edited on ${device.deviceId})`, hlc: stamp(), deviceId: device.deviceId }
        : { ...record, text: '', tags: [], answer: null, deleted: true, hlc: stamp(), deviceId: device.deviceId };
    device.store.set(record.id, changed);
    if (changed.visibility === 'shared') device.dirty.add(record.id);
  }

  async function scan(device: Device) {
    for (const [path, bytes] of [...device.view]) {
      if (!isBoardFileCandidate(path) || device.handled.get(path) === bytes.length) continue;
      const opened = await openBoardFile(bytes);
      if (opened.status === 'incomplete') continue;
      device.handled.set(path, bytes.length);
      if (opened.status !== 'opened') {
        if (!forgedBytes.has(bytes)) result.legitFilesRefused += 1;
        continue;
      }
      for (const event of await receiveBoardFile(device.reader, trust, opened.file)) {
        if (event.status === 'refused' && legitIdentities.has(event.identity)) result.legitFilesRefused += 1;
        if (event.status === 'register' && event.fork) result.forksReported += 1;
        if (event.status !== 'accepted') continue;
        if (event.fork) result.forksReported += 1;
        const identity = `${event.file.kind}/${event.file.header.deviceId}/${event.file.header.sequence}/${event.file.header.bodySha256}`;
        if (!legitIdentities.has(identity)) result.forgedFilesAccepted += 1;
        const { writes } = mergeFile(device.store, segmentAsAnnotationsFile(event.file));
        for (const record of writes) {
          device.store.set(record.id, record);
          const remote = decodeHlc(record.hlc);
          if (remote) device.clock = receiveHlc(device.clock, remote, now(device), device.deviceId);
        }
      }
    }
  }

  function deliver() {
    const due = deliveries.filter((delivery) => delivery.at <= step);
    const rest = deliveries.filter((delivery) => delivery.at > step);
    deliveries.length = 0;
    deliveries.push(...rest);
    for (const delivery of due) {
      const device = devices[delivery.device];
      if (!device) continue;
      if (delivery.bytes) device.view.set(delivery.path, delivery.bytes);
      else device.view.delete(delivery.path);
    }
  }

  // Forgeries: each kind of file the readers must refuse, carrying annotation ids that must never be merged.
  async function forge(kind: number, thief: Device | null) {
    const victim = devices[1 + random.int(devices.length - 2)] ?? clerk;
    idCounter += 1;
    const entry: AnnotationEntry = {
      id: `forged-${options.seed}-${idCounter}`,
      authorId: victim.memberId,
      target: { kind: 'action', planId: 'plan', id: 'act-1' },
      kind: 'question',
      text: 'Planted',
      tags: [],
      visibility: 'shared',
      answer: null,
      madeAgainstRevision: 1,
      createdAt: new Date(START).toISOString(),
      hlc: encodeHlc({ wall: 999_999_999_999_999, counter: 0, device: victim.deviceId }),
      deviceId: victim.deviceId,
      deleted: false,
    };
    const attackerKeys = await generateDeviceKeys();
    const attackerKey = await exportPublicKey(attackerKeys.publicKey);
    const base = {
      boardId: BOARD,
      kind: 'segment' as const,
      memberId: victim.memberId,
      deviceId: victim.deviceId,
      sequence: victim.sequence + 1 + random.int(3),
      writtenAt: new Date(START).toISOString(),
      confidential: false,
      publicKey: attackerKey,
      privateKey: attackerKeys.privateKey,
      body: { author: author(victim), annotations: [entry] },
    };
    let bytes: Uint8Array;
    let path = boardFilePath('segment', victim.memberId, victim.deviceId, base.sequence);
    switch (kind % 6) {
      case 0: // the victim's device id, signed with another key
        bytes = await encodeBoardFile(base);
        break;
      case 1: // a device the register never listed
        bytes = await encodeBoardFile({ ...base, deviceId: `rogue-${idCounter}` });
        path = boardFilePath('segment', victim.memberId, `rogue-${idCounter}`, 1);
        break;
      case 2: {
        // a real segment with its body changed and its hash recomputed, the old signature kept
        const real = [...truth.entries()].find(([candidate]) => candidate.startsWith('members/'));
        const source = real ? real[1] : await encodeBoardFile(base);
        bytes = tamper(source, entry);
        path = `${real?.[0] ?? path}`.replace(/\.json$/, ' (1).json');
        break;
      }
      case 3: // signed by a real member's device, carrying another member's annotation
        {
          const signer = devices.find((device) => device.active && device.memberId !== victim.memberId && !device.isClerk) ?? clerk;
          bytes = await encodeBoardFile({
            ...base,
            memberId: signer.memberId,
            deviceId: signer.deviceId,
            sequence: signer.sequence + 100 + idCounter,
            publicKey: signer.publicKey,
            privateKey: signer.keys.privateKey,
          });
        }
        break;
      case 4: // a register adding the attacker, signed by the attacker
        bytes = await encodeBoardFile({
          ...base,
          kind: 'register',
          memberId: clerk.memberId,
          deviceId: clerk.deviceId,
          sequence: 99,
          body: register(null),
        });
        path = `register/000099.json`;
        break;
      default: // the removed device's key, after its removal
        if (thief) {
          thief.sequence += 1;
          bytes = await encodeBoardFile({
            ...base,
            memberId: thief.memberId,
            deviceId: thief.deviceId,
            sequence: thief.sequence,
            publicKey: thief.publicKey,
            privateKey: thief.keys.privateKey,
            body: { author: author(thief), annotations: [{ ...entry, authorId: thief.memberId }] },
          });
          path = boardFilePath('segment', thief.memberId, thief.deviceId, thief.sequence);
        } else bytes = await encodeBoardFile(base);
    }
    result.forgedFilesWritten += 1;
    forgedPaths.add(path);
    forgedBytes.add(bytes);
    publish(null, path, bytes);
  }

  // Joining: the clerk publishes the register; everyone confirmed the clerk's fingerprint.
  await writeFile(clerk, 'register', 1, register(null));
  let registerVersion = 1;
  let thief: Device | null = null;
  let thiefFrom = Number.POSITIVE_INFINITY;
  const totalSteps = options.months * options.stepsPerMonth;
  for (step = 0; step < totalSteps; step += 1) {
    deliver();
    for (const device of devices) {
      if (!device.active) continue;
      await scan(device);
      const edits = random.int(Math.round(options.editsPerStep * 2));
      for (let count = 0; count < edits; count += 1) edit(device);
      await flush(device);
      // Noise a shared folder collects: lock files, temporary files, files of other programs.
      if (random.chance(0.05)) device.view.set(`members/${device.memberId}/~$notes.docx`, new Uint8Array([1, 2, 3]));
      if (random.chance(0.05)) device.view.set(`members/${device.memberId}/${device.deviceId}/.000999.json.x1.tmp`, new Uint8Array([123]));
    }
    const isMonthEnd = (step + 1) % options.stepsPerMonth === 0;
    const month = Math.floor(step / options.stepsPerMonth) + 1;
    if (isMonthEnd && options.snapshotEveryMonths > 0 && month % options.snapshotEveryMonths === 0) {
      for (const device of devices) if (device.active) await snapshot(device);
    }
    if (options.removeDevice && !thief && month > options.months / 2) {
      const lost = devices.find((device) => device.deviceId === 'm0-d1');
      if (lost) {
        // The laptop is lost: its last unsent edits go with it; the clerk accepts what it wrote so far.
        lost.active = false;
        registerVersion += 1;
        await writeFile(clerk, 'register', registerVersion, register({ deviceId: lost.deviceId, lastSequence: lost.sequence }));
        thief = lost;
        thiefFrom = step + 3 * options.maxDelay + 4;
      }
    }
    for (let count = 0; count < options.forgeriesPerMonth / options.stepsPerMonth || (isMonthEnd && count < 1); count += 1) {
      const kind = random.int(5);
      if (kind === 5 && (!thief || step < thiefFrom)) continue;
      await forge(kind, thief);
    }
  }
  // The end of the year: everyone sends what is left, the folder catches up, everyone reads it all.
  for (const device of devices) if (device.active) await flush(device);
  step = Math.max(step, ...deliveries.map((delivery) => delivery.at));
  deliver();
  for (let round = 0; round < 2; round += 1) for (const device of devices) if (device.active) await scan(device);

  const expected = new Map([...latest].map(([id, entry]) => [id, JSON.stringify(entry)]));
  let recordsLost = 0;
  let privateLeaked = 0;
  let converged = true;
  let reference: string | null = null;
  for (const device of devices) {
    if (!device.active) continue;
    const shared = new Map<string, string>();
    for (const record of device.store.values()) {
      if (record.id.startsWith('forged-')) result.forgedFilesAccepted += 1;
      if (privateIds.has(record.id) && record.authorId !== device.memberId) privateLeaked += 1;
      const entry = recordToEntry(record);
      if (entry) shared.set(record.id, JSON.stringify(entry));
    }
    for (const [id, text] of expected) if (shared.get(id) !== text) recordsLost += 1;
    const state = JSON.stringify([...shared].sort(([a], [b]) => (a < b ? -1 : 1)));
    reference ??= state;
    if (state !== reference) converged = false;
  }
  for (const bytes of truth.values()) {
    const text = new TextDecoder().decode(bytes);
    for (const id of privateIds) if (text.includes(`"${id}\\"`)) privateLeaked += 1;
  }
  return {
    devices: devices.length,
    converged,
    recordsLost,
    ...result,
    faults,
    privateLeaked,
    annotations: expected.size,
    folderFiles: truth.size,
    folderBytes: [...truth.values()].reduce((sum, bytes) => sum + bytes.length, 0),
  };
}

function failed(message: string): never {
  throw new Error(message);
}

function conflictName(path: string, style: number): string {
  const stem = path.replace(/\.json$/, '');
  return (
    [
      `${stem} (1).json`,
      `${stem}-LAPTOP7.json`,
      `${stem}.sync-conflict-20261206-101010-ABC.json`,
      `${stem} (conflicted copy 2026-12-06).json`,
    ][style] ?? `${stem} (2).json`
  );
}

// Changes a real file's body and fixes its length and hash, keeping the signature: only the signature gives it away.
function tamper(bytes: Uint8Array, planted: AnnotationEntry): Uint8Array {
  const file = JSON.parse(new TextDecoder().decode(bytes)) as {
    header: { bodyBytes: number; bodySha256: string; memberId: string };
    body: string;
  };
  const body = JSON.parse(file.body) as SegmentBody;
  body.annotations.push({ ...planted, authorId: file.header.memberId });
  const text = JSON.stringify(body);
  file.body = text;
  file.header.bodyBytes = new TextEncoder().encode(text).length;
  file.header.bodySha256 = sha256Sync(text);
  return new TextEncoder().encode(JSON.stringify(file));
}

// The simulation runs in Node, where a synchronous hash keeps the forger simple.
function sha256Sync(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
