import { z } from 'zod';
import { annotationEntrySchema, ANNOTATIONS_LIMITS, type AnnotationEntry } from '../annotations/file';
import { BOARD_ROLES } from '../annotations/types';
import { meetingBundleSchema } from '../exports/schema';
import { canonicalJson } from '../meetings/canonical-json';
import { locateIssues } from '../plan/locate';
import type { Problem } from '../plan/validate';
import { sha256HexOf, signBytes, verifyBytes, type SigningKey } from './signing';

// One file of the board folder (docs/formats/board-folder-v1.md): a header naming board, kind,
// member, device, sequence and the body's length and SHA-256, the body as JSON text, and an
// Ed25519 signature of the header's canonical JSON. A file is used whole or not at all.

export const BOARD_FILE_FORMAT = 'oversight-board-file';
export const BOARD_FILE_VERSION = 1;
export const BOARD_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxMembers: 500, maxDevicesPerMember: 20 };

const boardIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Ids that name folders: short, lower-case ASCII, so they survive every sync client and Windows. */
export const folderId = z.string().regex(boardIdPattern, 'must be 1–64 lower-case letters, digits or "-", starting with a letter or digit');
const dateTime = z.iso.datetime({ offset: true });
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of a 32-byte Ed25519 public key');

export const BOARD_FILE_KINDS = ['segment', 'snapshot', 'register', 'publication', 'draft-record'] as const;
export type BoardFileKind = (typeof BOARD_FILE_KINDS)[number];

export const boardHeaderSchema = z.strictObject({
  boardId: folderId,
  kind: z.enum(BOARD_FILE_KINDS),
  memberId: folderId,
  deviceId: folderId,
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  writtenAt: dateTime,
  confidential: z.boolean(),
  publicKey: base64Key,
  bodyBytes: z.number().int().min(0),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
});
export type BoardHeader = z.infer<typeof boardHeaderSchema>;

const envelopeSchema = z.strictObject({
  format: z.literal(BOARD_FILE_FORMAT),
  formatVersion: z.literal(BOARD_FILE_VERSION),
  header: boardHeaderSchema,
  body: z.string(),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be the base64 of a 64-byte Ed25519 signature'),
});

export const segmentBodySchema = z.strictObject({
  author: z.strictObject({
    displayName: z.string().min(1).max(200),
    role: z.enum(BOARD_ROLES),
    organisation: z.string().max(200),
  }),
  annotations: z.array(annotationEntrySchema).max(ANNOTATIONS_LIMITS.maxAnnotations),
});
export type SegmentBody = z.infer<typeof segmentBodySchema>;

const registerDeviceSchema = z.strictObject({
  deviceId: folderId,
  publicKey: base64Key,
  addedAt: dateTime,
  removed: z.strictObject({ at: dateTime, lastSequence: z.number().int().min(0) }).nullable(),
});

export const registerBodySchema = z
  .strictObject({
    boardName: z.string().min(1).max(200),
    clerk: z.strictObject({ memberId: folderId, deviceId: folderId }),
    members: z
      .array(
        z.strictObject({
          memberId: folderId,
          displayName: z.string().min(1).max(200),
          role: z.enum(BOARD_ROLES),
          devices: z.array(registerDeviceSchema).max(BOARD_LIMITS.maxDevicesPerMember),
        }),
      )
      .max(BOARD_LIMITS.maxMembers),
  })
  // One device speaks for one member: a device id listed twice would let one key speak for two.
  .superRefine((register, context) => {
    const members = new Set<string>();
    const devices = new Set<string>();
    register.members.forEach((member, index) => {
      if (members.has(member.memberId))
        context.addIssue({ code: 'custom', path: ['members', index, 'memberId'], message: `Member ${member.memberId} is listed twice` });
      members.add(member.memberId);
      member.devices.forEach((device, deviceIndex) => {
        if (devices.has(device.deviceId)) {
          context.addIssue({
            code: 'custom',
            path: ['members', index, 'devices', deviceIndex, 'deviceId'],
            message: `Device ${device.deviceId} is listed twice`,
          });
        }
        devices.add(device.deviceId);
      });
    });
  });
export type RegisterBody = z.infer<typeof registerBodySchema>;

/**
 * The chair's draft record of a meeting, shared so the clerk can prepare the minutes: the meeting
 * and its records as the chair's laptop holds them. Read-only everywhere else; approval stays with the chair.
 */
export const draftRecordBodySchema = z.strictObject({ bundle: meetingBundleSchema });
export type DraftRecordBody = z.infer<typeof draftRecordBodySchema>;

/** What the clerk publishes to everyone, each through its importer (docs/formats/board-folder-v1.md, "Publication body"). */
export const PUBLISHED_KINDS = ['pack', 'plan', 'decisions', 'answers'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];
/** The name suffix each published kind must end with, so the importer reads it as that kind. */
export const PUBLISHED_SUFFIXES: Record<PublishedKind, string> = {
  pack: '.zip',
  plan: '.plan.json',
  decisions: '.decisions.json',
  answers: '.answers.xlsx',
};
export const PUBLICATION_LIMITS = { maxFiles: 20, maxFileBytes: 2 * 1024 * 1024 * 1024 };

const publishedFileSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,119}$/, 'must be 1–120 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
    kind: z.enum(PUBLISHED_KINDS),
    bytes: z.number().int().min(1).max(PUBLICATION_LIMITS.maxFileBytes),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
    exempt: z.boolean(),
  })
  .superRefine((file, context) => {
    if (!file.name.endsWith(PUBLISHED_SUFFIXES[file.kind]) || file.name.length <= PUBLISHED_SUFFIXES[file.kind].length) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message: `A ${file.kind} file's name must end "${PUBLISHED_SUFFIXES[file.kind]}"`,
      });
    }
  });
export type PublishedFile = z.infer<typeof publishedFileSchema>;

export const publicationBodySchema = z
  .strictObject({
    title: z.string().min(1).max(200),
    files: z.array(publishedFileSchema).min(1).max(PUBLICATION_LIMITS.maxFiles),
  })
  .superRefine((body, context) => {
    const names = new Set<string>();
    body.files.forEach((file, index) => {
      if (names.has(file.name))
        context.addIssue({ code: 'custom', path: ['files', index, 'name'], message: `File "${file.name}" is listed twice` });
      names.add(file.name);
    });
  });
export type PublicationBody = z.infer<typeof publicationBodySchema>;

/** A file whose bytes are whole, whose body hashes to its header and whose signature verifies with the key it names. */
export type OpenedBoardFile =
  | { kind: 'segment' | 'snapshot'; header: BoardHeader; body: SegmentBody; signature: string }
  | { kind: 'register'; header: BoardHeader; body: RegisterBody; signature: string }
  | { kind: 'publication'; header: BoardHeader; body: PublicationBody; signature: string }
  | { kind: 'draft-record'; header: BoardHeader; body: DraftRecordBody; signature: string };

export type OpenResult =
  | { status: 'opened'; file: OpenedBoardFile }
  /** Not all there yet (a sync client still writing it): try again later; nothing of it is used. */
  | { status: 'incomplete'; reason: string }
  | { status: 'newer-version'; message: string }
  /** Whole, but not a file Oversight accepts: refused and reported. */
  | { status: 'refused'; problems: Problem[] };

/** The identity of a file's content, whatever it is named: the same for a conflict copy. */
export function fileIdentity(header: BoardHeader): string {
  return `${header.kind}/${header.deviceId}/${header.sequence}/${header.bodySha256}`;
}

/** The bytes the signature covers: the header's canonical JSON in UTF-8. */
export function signedBytesOf(header: BoardHeader): Uint8Array {
  return new TextEncoder().encode(canonicalJson(header));
}

export type FileToWrite = {
  boardId: string;
  kind: BoardFileKind;
  memberId: string;
  deviceId: string;
  sequence: number;
  writtenAt: string;
  confidential: boolean;
  publicKey: string;
  privateKey: SigningKey;
  body: SegmentBody | RegisterBody | PublicationBody | DraftRecordBody;
};

/** Encodes and signs a board file; the bytes to write (to a temporary name, then renamed). */
export async function encodeBoardFile(input: FileToWrite): Promise<Uint8Array> {
  const body = JSON.stringify(input.body);
  const bodyBytes = new TextEncoder().encode(body);
  const header: BoardHeader = {
    boardId: input.boardId,
    kind: input.kind,
    memberId: input.memberId,
    deviceId: input.deviceId,
    sequence: input.sequence,
    writtenAt: input.writtenAt,
    confidential: input.confidential,
    publicKey: input.publicKey,
    bodyBytes: bodyBytes.length,
    bodySha256: await sha256HexOf(bodyBytes),
  };
  const signature = await signBytes(input.privateKey, signedBytesOf(header));
  const text = JSON.stringify({ format: BOARD_FILE_FORMAT, formatVersion: BOARD_FILE_VERSION, header, body, signature });
  return new TextEncoder().encode(text);
}

/**
 * Opens a file's bytes: whole (parses, body as long as and hashing to its header), of a version
 * this reads, valid, and signed by the key its header names. Whether that key may speak for the
 * board is the reader's question (reader.ts). Never throws.
 */
export async function openBoardFile(bytes: Uint8Array): Promise<OpenResult> {
  try {
    if (bytes.length === 0) return { status: 'incomplete', reason: 'the file is empty' };
    if (bytes.length > BOARD_LIMITS.maxFileBytes) {
      return refused('$', `The file is larger than the ${BOARD_LIMITS.maxFileBytes / 2 ** 20} MB a board folder file may be`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // A sync client can cut a file in the middle of a character.
      return { status: 'incomplete', reason: 'the file is not whole UTF-8 text yet' };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Every file of ours is one JSON object: a prefix of one never parses, so this is a file still arriving.
      return { status: 'incomplete', reason: 'the file is not whole JSON yet' };
    }
    if (typeof value === 'object' && value !== null && Reflect.get(value, 'format') === BOARD_FILE_FORMAT) {
      const version: unknown = Reflect.get(value, 'formatVersion');
      if (typeof version === 'number' && version > BOARD_FILE_VERSION) {
        return {
          status: 'newer-version',
          message: `This file was made by a newer version of Oversight (board folder format version ${version}); this version reads version ${BOARD_FILE_VERSION}. Update Oversight to read it.`,
        };
      }
    }
    const envelope = envelopeSchema.safeParse(value);
    if (!envelope.success) return { status: 'refused', problems: locateIssues(text, value, envelope.error.issues, 20) };
    const { header, body, signature } = envelope.data;
    const bodyBytes = new TextEncoder().encode(body);
    if (bodyBytes.length !== header.bodyBytes || (await sha256HexOf(bodyBytes)) !== header.bodySha256) {
      // A whole JSON file whose body disagrees with its header: sync clients do not make these, but a
      // damaged or tampered copy does. Retried like a file still arriving, never used.
      return { status: 'incomplete', reason: 'the body does not match the length and hash its header gives' };
    }
    if (!(await verifyBytes(header.publicKey, signature, signedBytesOf(header)))) {
      return refused('$.signature', 'The signature does not verify with the key the file names: the file was changed or forged');
    }
    let bodyValue: unknown;
    try {
      bodyValue = JSON.parse(body);
    } catch {
      return refused('$.body', 'The body is not JSON');
    }
    if (header.kind === 'register') {
      const parsed = registerBodySchema.safeParse(bodyValue);
      if (!parsed.success) return { status: 'refused', problems: bodyProblems(body, bodyValue, parsed.error.issues) };
      return { status: 'opened', file: { kind: 'register', header, body: parsed.data, signature } };
    }
    if (header.kind === 'publication') {
      const parsed = publicationBodySchema.safeParse(bodyValue);
      if (!parsed.success) return { status: 'refused', problems: bodyProblems(body, bodyValue, parsed.error.issues) };
      // Exempt material leaves only as the clerk marks it: a file marked exempt only under a confidential header.
      const index = parsed.data.files.findIndex((file) => file.exempt);
      if (index >= 0 && !header.confidential) {
        return refused(`$.body.files[${index}].exempt`, 'The publication carries an exempt file but its header is not marked confidential');
      }
      return { status: 'opened', file: { kind: 'publication', header, body: parsed.data, signature } };
    }
    if (header.kind === 'draft-record') {
      const parsed = draftRecordBodySchema.safeParse(bodyValue);
      if (!parsed.success) return { status: 'refused', problems: bodyProblems(body, bodyValue, parsed.error.issues) };
      const { meeting } = parsed.data.bundle;
      if (meeting.status !== 'draft' || meeting.approval !== null)
        return refused('$.body.bundle.meeting.status', 'Only a draft record is shared this way: approved minutes go as a decision file');
      if (parsed.data.bundle.records.some((record) => record.meetingId !== meeting.id)) {
        return refused('$.body.bundle.records', 'The draft record holds records of another meeting');
      }
      // A meeting with exempt items carries exempt material: only under a confidential header.
      if (meeting.agenda.some((item) => item.isExempt) && !header.confidential) {
        return refused('$.header.confidential', 'The draft record has exempt items but its header is not marked confidential');
      }
      return { status: 'opened', file: { kind: 'draft-record', header, body: parsed.data, signature } };
    }
    const parsed = segmentBodySchema.safeParse(bodyValue);
    if (!parsed.success) return { status: 'refused', problems: bodyProblems(body, bodyValue, parsed.error.issues) };
    const content = checkSegmentContent(header, parsed.data.annotations);
    if (content.length > 0) return { status: 'refused', problems: content };
    return { status: 'opened', file: { kind: header.kind === 'snapshot' ? 'snapshot' : 'segment', header, body: parsed.data, signature } };
  } catch {
    return refused('$', 'Oversight could not finish checking this file');
  }
}

// A device speaks only for its own member, and each annotation appears once.
function checkSegmentContent(header: BoardHeader, annotations: readonly AnnotationEntry[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  annotations.forEach((entry, index) => {
    if (entry.authorId !== header.memberId) {
      problems.push({
        path: `$.body.annotations[${index}].authorId`,
        message: `Annotation "${entry.id}" belongs to member ${entry.authorId}, but the file was written for member ${header.memberId}: a device may carry only its own member's annotations`,
      });
    }
    if (seen.has(entry.id))
      problems.push({ path: `$.body.annotations[${index}].id`, message: `Annotation id "${entry.id}" appears twice` });
    seen.add(entry.id);
  });
  return problems.slice(0, 20);
}

function bodyProblems(body: string, value: unknown, issues: Parameters<typeof locateIssues>[2]): Problem[] {
  return locateIssues(body, value, issues, 20).map((problem) => ({
    path: problem.path.replace(/^\$/, '$.body'),
    message: problem.message,
  }));
}

function refused(path: string, message: string): OpenResult {
  return { status: 'refused', problems: [{ path, message }] };
}
