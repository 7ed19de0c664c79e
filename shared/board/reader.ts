import { ANNOTATIONS_FORMAT, ANNOTATIONS_FORMAT_VERSION, type AnnotationsFile } from '../annotations/file';
import type { Problem } from '../plan/validate';
import { fingerprintMatches, fingerprintOf } from './signing';
import { fileIdentity, type BoardHeader, type OpenedBoardFile, type RegisterBody } from './file';

// What a laptop makes of the board folder's opened files (docs/formats/board-folder-v1.md, "How a
// reader treats a file", steps 4 and 6): which key may speak for whom comes from the clerk's
// register, itself trusted only through the fingerprint the member confirmed. The reader's state
// is plain data, so a laptop can keep it between sessions and tests can drive it directly.

/** What this member confirmed when joining: the board, and the clerk's key fingerprint (at least its first 32 hex digits). */
export type BoardTrust = { boardId: string; clerkFingerprint: string };

export type OpenedSegment = Extract<OpenedBoardFile, { kind: 'segment' | 'snapshot' }>;
export type OpenedRegister = Extract<OpenedBoardFile, { kind: 'register' }>;
export type OpenedPublication = Extract<OpenedBoardFile, { kind: 'publication' }>;
export type OpenedDraftRecord = Extract<OpenedBoardFile, { kind: 'draft-record' }>;

export type ReaderState = {
  register: { header: BoardHeader; body: RegisterBody } | null;
  /** Identities (fileIdentity) of files already taken in: a second copy is a duplicate. */
  seen: Set<string>;
  /** `kind/device/sequence` → body hash first seen, to recognise a fork of a device's sequence. */
  sequences: Map<string, string>;
  /** Signed segments from devices the register here does not list (yet): looked at again when a newer register arrives. */
  waiting: Map<string, OpenedSegment | OpenedPublication | OpenedDraftRecord>;
};

/** What became of one file. */
export type ReadEvent =
  | { status: 'accepted'; file: OpenedSegment; fork: boolean }
  | { status: 'register'; file: OpenedRegister; fork: boolean }
  /** A publication the register's clerk signed: its files are to be imported through their importers. */
  | { status: 'published'; file: OpenedPublication; fork: boolean }
  /** The chair's draft record of a meeting, signed by a chair's (or vice-chair's) device in the register: kept read-only. */
  | { status: 'draft-record'; file: OpenedDraftRecord; fork: boolean }
  | { status: 'duplicate'; identity: string }
  | { status: 'older-register'; identity: string }
  | { status: 'waiting'; identity: string; message: string }
  | { status: 'refused'; identity: string; problems: Problem[] };

const MAX_WAITING = 10_000;

/** A reader that has seen nothing yet. */
export function emptyReaderState(): ReaderState {
  return { register: null, seen: new Set(), sequences: new Map(), waiting: new Map() };
}

/**
 * Takes in one opened file. Returns what became of it, and of any waiting segments a newer
 * register now lets in: every `accepted` event is to be merged (any order, any number of times).
 */
export async function receiveBoardFile(state: ReaderState, trust: BoardTrust, file: OpenedBoardFile): Promise<ReadEvent[]> {
  const identity = fileIdentity(file.header);
  if (file.header.boardId !== trust.boardId) {
    return [
      refusedEvent(identity, '$.header.boardId', `The file is for board "${file.header.boardId}", not this board ("${trust.boardId}")`),
    ];
  }
  if (state.seen.has(identity)) return [{ status: 'duplicate', identity }];
  if (file.kind === 'register') return receiveRegister(state, trust, file, identity);
  if (file.kind === 'publication') return [admitPublication(state, file, identity)];
  if (file.kind === 'draft-record') return [admitDraftRecord(state, file, identity)];
  return [admitSegment(state, file, identity)];
}

async function receiveRegister(state: ReaderState, trust: BoardTrust, file: OpenedRegister, identity: string): Promise<ReadEvent[]> {
  if (!fingerprintMatches(trust.clerkFingerprint, (await fingerprintOf(file.header.publicKey)) ?? '')) {
    return [
      refusedEvent(
        identity,
        '$.header.publicKey',
        'This register is not signed by the clerk’s key you confirmed when joining: it is refused. If the board has a new clerk, confirm their fingerprint again in Settings.',
      ),
    ];
  }
  if (file.body.clerk.memberId !== file.header.memberId || file.body.clerk.deviceId !== file.header.deviceId) {
    return [refusedEvent(identity, '$.body.clerk', 'The register names a different clerk or device from the one that signed it')];
  }
  state.seen.add(identity);
  const fork = noteSequence(state, file.header);
  const current = state.register;
  const isNewer =
    !current ||
    file.header.sequence > current.header.sequence ||
    (file.header.sequence === current.header.sequence && file.header.bodySha256 > current.header.bodySha256);
  if (!isNewer) return [{ status: 'older-register', identity }];
  state.register = { header: file.header, body: file.body };
  const events: ReadEvent[] = [{ status: 'register', file, fork }];
  // A newer register can let in segments that waited for their device to be listed (or refuse them for good).
  for (const [waitingIdentity, segment] of [...state.waiting]) {
    state.waiting.delete(waitingIdentity);
    const event =
      segment.kind === 'publication'
        ? admitPublication(state, segment, waitingIdentity)
        : segment.kind === 'draft-record'
          ? admitDraftRecord(state, segment, waitingIdentity)
          : admitSegment(state, segment, waitingIdentity);
    if (event.status !== 'waiting') events.push(event);
  }
  return events;
}

// Only the clerk publishes to everyone: the register names the clerk's device, and a publication
// signed by any other device (a member's, however validly listed) is refused, never imported.
function admitPublication(state: ReaderState, file: OpenedPublication, identity: string): ReadEvent {
  const { header } = file;
  const register = state.register;
  if (!register) {
    keepAside(state, identity, file);
    return {
      status: 'waiting',
      identity,
      message: 'No register from the clerk has arrived yet: the publication is kept aside until one does',
    };
  }
  const clerk = register.body.clerk;
  const clerkDevice = register.body.members
    .find((member) => member.memberId === clerk.memberId)
    ?.devices.find((device) => device.deviceId === clerk.deviceId);
  if (header.memberId !== clerk.memberId || header.deviceId !== clerk.deviceId) {
    const signer = register.body.members.find((member) => member.devices.some((device) => device.deviceId === header.deviceId));
    return refusedEvent(
      identity,
      '$.header.deviceId',
      `“${file.body.title}” was published by ${signer ? `${signer.displayName}’s device` : `device ${header.deviceId}`}, not the clerk’s: only the clerk publishes papers, plans, decisions and answers to the board, so it is refused`,
    );
  }
  if (!clerkDevice || clerkDevice.publicKey !== header.publicKey) {
    return refusedEvent(
      identity,
      '$.header.publicKey',
      `“${file.body.title}” is signed with a key the register does not give the clerk’s device: it was forged`,
    );
  }
  state.seen.add(identity);
  return { status: 'published', file, fork: noteSequence(state, header) };
}

// The chair shares the meeting's draft record: a device the register lists for a member whose
// role there is chair or vice-chair, under the same key and removal rules as a segment.
function admitDraftRecord(state: ReaderState, file: OpenedDraftRecord, identity: string): ReadEvent {
  const { header } = file;
  const member = state.register?.body.members.find((candidate) => candidate.devices.some((device) => device.deviceId === header.deviceId));
  if (!member) {
    keepAside(state, identity, file);
    return {
      status: 'waiting',
      identity,
      message: `Device ${header.deviceId} is not in the board’s register: its draft record is kept aside until the clerk adds it`,
    };
  }
  const device = member.devices.find((candidate) => candidate.deviceId === header.deviceId);
  if (member.memberId !== header.memberId || !device || device.publicKey !== header.publicKey) {
    return refusedEvent(
      identity,
      '$.header.publicKey',
      `The draft record is signed with a key the register does not give device ${header.deviceId} of ${header.memberId}: it was forged`,
    );
  }
  // Draft records have their own numbering, so a removed device's are refused whatever their number.
  if (device.removed) {
    return refusedEvent(
      identity,
      '$.header.deviceId',
      `Device ${header.deviceId} of ${member.displayName} was removed from the board; its draft records are refused`,
    );
  }
  if (member.role !== 'chair' && member.role !== 'vice-chair') {
    return refusedEvent(
      identity,
      '$.header.memberId',
      `${member.displayName} is not the board’s chair in the register: only the chair shares the meeting’s draft record, so it is refused`,
    );
  }
  state.seen.add(identity);
  return { status: 'draft-record', file, fork: noteSequence(state, header) };
}

function keepAside(state: ReaderState, identity: string, file: OpenedSegment | OpenedPublication | OpenedDraftRecord) {
  if (state.waiting.size >= MAX_WAITING) {
    const oldest = state.waiting.keys().next();
    if (!oldest.done) state.waiting.delete(oldest.value);
  }
  state.waiting.set(identity, file);
}

function admitSegment(state: ReaderState, file: OpenedSegment, identity: string): ReadEvent {
  const { header } = file;
  const member = state.register?.body.members.find((candidate) => candidate.devices.some((device) => device.deviceId === header.deviceId));
  const device = member?.devices.find((candidate) => candidate.deviceId === header.deviceId);
  if (!member || !device) {
    keepAside(state, identity, file);
    return {
      status: 'waiting',
      identity,
      message: `Device ${header.deviceId} is not in the board’s register${state.register ? '' : ' (no register from the clerk has arrived yet)'}: its file is kept aside until the clerk adds it`,
    };
  }
  if (member.memberId !== header.memberId) {
    return refusedEvent(
      identity,
      '$.header.memberId',
      `Device ${header.deviceId} belongs to ${member.displayName}, but the file claims to speak for member ${header.memberId}`,
    );
  }
  if (device.publicKey !== header.publicKey) {
    return refusedEvent(
      identity,
      '$.header.publicKey',
      `The file is signed with a key the register does not give device ${header.deviceId}: it was forged`,
    );
  }
  if (device.removed && header.sequence > device.removed.lastSequence) {
    return refusedEvent(
      identity,
      '$.header.sequence',
      `Device ${header.deviceId} of ${member.displayName} was removed from the board; its files after number ${device.removed.lastSequence} are refused`,
    );
  }
  state.seen.add(identity);
  return { status: 'accepted', file, fork: noteSequence(state, header) };
}

// Whether another file already holds this device's place in its sequence with other content.
function noteSequence(state: ReaderState, header: BoardHeader): boolean {
  const key = `${header.kind}/${header.deviceId}/${header.sequence}`;
  const first = state.sequences.get(key);
  if (first === undefined) {
    state.sequences.set(key, header.bodySha256);
    return false;
  }
  return first !== header.bodySha256;
}

function refusedEvent(identity: string, path: string, message: string): ReadEvent {
  return { status: 'refused', identity, problems: [{ path, message }] };
}

/** An accepted segment in the form of an .annotations.json file, so it is merged by the same path as one imported by hand. */
export function segmentAsAnnotationsFile(file: OpenedSegment): AnnotationsFile {
  return {
    format: ANNOTATIONS_FORMAT,
    formatVersion: ANNOTATIONS_FORMAT_VERSION,
    exportedAt: file.header.writtenAt,
    author: {
      id: file.header.memberId,
      displayName: file.body.author.displayName,
      role: file.body.author.role,
      organisation: file.body.author.organisation,
      deviceId: file.header.deviceId,
    },
    annotations: file.body.annotations,
  };
}
