import { z } from 'zod';

// The backup file's layout (docs/formats/backup-v1.md), shared by main (which encrypts, writes,
// reads and checks files) and the renderer (which turns the store into frames and back). Pure:
// the cryptography itself is main's (electron/backup/backup-file.ts).

/** The header block's fixed size: rewritten in place when a streamed backup is finished. */
export const HEADER_BLOCK_BYTES = 16_384;
export const BACKUP_FORMAT = 'oversight-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** PBKDF2-SHA-256 iterations for new keys (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
export const DEFAULT_ITERATIONS = 600_000;
/** Readers refuse headers outside these bounds: too few is no protection, too many a way to hang a reader. */
export const MIN_ITERATIONS = 1_000;
export const MAX_ITERATIONS = 10_000_000;
/** The largest frame a writer makes (a page of records or a slice of a paper). */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;
/** A paper's bytes go into frames of this size, so no frame holds a whole paper. */
export const BLOB_SLICE_BYTES = 1024 * 1024;
export const GCM_TAG_BYTES = 16;
export const BACKUP_EXTENSION = '.oversight-backup';

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const backupReasonSchema = z.enum(['manual', 'daily', 'before-import', 'before-approval', 'before-restore', 'before-wipe']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/** What a backup holds: records per table, and its papers' count and bytes. No names, no text. */
export const backupHoldsSchema = z.object({
  tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.number().int().nonnegative()),
  papers: z.number().int().nonnegative(),
  paperBytes: z.number().int().nonnegative(),
});
export type BackupHolds = z.infer<typeof backupHoldsSchema>;

/** Read first and only for `version`, so a newer file is refused by name rather than by a schema error. */
export const headerVersionSchema = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().positive() });

/** The header, readable without the passphrase. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  app: z.object({ name: z.string().max(100), version: z.string().max(50) }),
  /** The Dexie schema version the records were read from. */
  schemaVersion: z.number().int().positive(),
  reason: backupReasonSchema,
  holds: backupHoldsSchema,
  encryption: z.object({
    cipher: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    /** 16 random bytes, base64. */
    salt: base64Schema.length(24),
    /** 8 random bytes, base64: the first 8 bytes of every chunk's 12-byte nonce. */
    noncePrefix: base64Schema.length(12),
  }),
  body: z.object({
    chunks: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
    /** SHA-256 (lower-case hex) of the body exactly as stored: every byte after the header block. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Lays a header out as its fixed-size block: UTF-8 JSON, spaces, a final newline. */
export function encodeHeaderBlock(header: BackupHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > HEADER_BLOCK_BYTES - 1) throw new Error('The backup header is too large.');
  const block = new Uint8Array(HEADER_BLOCK_BYTES).fill(0x20);
  block.set(json, 0);
  block[HEADER_BLOCK_BYTES - 1] = 0x0a;
  return block;
}

export type HeaderReading = { ok: true; header: BackupHeader } | { ok: false; code: 'not-backup' | 'newer' | 'invalid'; message: string };

/** Reads a header block; every refusal says where and why. */
export function decodeHeaderBlock(block: Uint8Array): HeaderReading {
  if (block.length < HEADER_BLOCK_BYTES) {
    return {
      ok: false,
      code: 'invalid',
      message: `The file ends inside its header (${block.length} of ${HEADER_BLOCK_BYTES} bytes): it is truncated.`,
    };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(block.subarray(0, HEADER_BLOCK_BYTES));
  if (!text.startsWith(`{"format":"${BACKUP_FORMAT}"`))
    return { ok: false, code: 'not-backup', message: 'This is not an Oversight backup.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, code: 'invalid', message: 'header: the header block is not JSON followed by spaces.' };
  }
  const version = headerVersionSchema.safeParse(raw);
  if (!version.success) return { ok: false, code: 'invalid', message: 'header.version: missing or not a positive whole number.' };
  if (version.data.version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      code: 'newer',
      message: `This backup was made by a newer version of Oversight (backup format ${version.data.version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update Oversight to restore it.`,
    };
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'invalid', message: `header.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, header: parsed.data };
}

/** The nonce of chunk `index`: the file's 8-byte prefix, then the index as a big-endian 32-bit number. */
export function chunkNonce(noncePrefix: Uint8Array, index: number): Uint8Array {
  const nonce = new Uint8Array(12);
  nonce.set(noncePrefix.subarray(0, 8), 0);
  new DataView(nonce.buffer).setUint32(8, index, false);
  return nonce;
}

const AAD_LABEL = new TextEncoder().encode('oversight-backup-v1');

/**
 * The additional authenticated data of chunk `index`: a label, the index and whether it is the
 * last chunk. Chunks cannot be reordered, dropped or cut off at a chunk boundary unnoticed.
 */
export function chunkAad(index: number, isFinal: boolean): Uint8Array {
  const aad = new Uint8Array(AAD_LABEL.length + 5);
  aad.set(AAD_LABEL, 0);
  const view = new DataView(aad.buffer);
  view.setUint32(AAD_LABEL.length, index, false);
  view.setUint8(AAD_LABEL.length + 4, isFinal ? 1 : 0);
  return aad;
}

// Frames: the plaintext of one chunk. The first byte says what it is.
export const FRAME_RECORDS = 1;
export const FRAME_BLOB = 2;
export const FRAME_END = 3;

/** A placeholder for a Blob inside a record; its bytes follow in blob frames. */
export type BlobPlaceholder = { $blob: number; type: string; size: number };

export function isBlobPlaceholder(value: unknown): value is BlobPlaceholder {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BlobPlaceholder).$blob === 'number' &&
    typeof (value as BlobPlaceholder).type === 'string' &&
    typeof (value as BlobPlaceholder).size === 'number'
  );
}

export type Frame =
  | { kind: 'records'; table: string; records: unknown[] }
  | { kind: 'blob'; blob: number; bytes: Uint8Array }
  | { kind: 'end'; holds: BackupHolds };

/** Encodes a frame's plaintext. */
export function encodeFrame(frame: Frame): Uint8Array {
  if (frame.kind === 'blob') {
    const out = new Uint8Array(5 + frame.bytes.length);
    out[0] = FRAME_BLOB;
    new DataView(out.buffer).setUint32(1, frame.blob, false);
    out.set(frame.bytes, 5);
    return out;
  }
  // The kind's byte is below 0x80, so as a character it encodes to itself: one encoding into one
  // array, with no copy of a frame of many MiB behind a byte.
  const kind = String.fromCharCode(frame.kind === 'records' ? FRAME_RECORDS : FRAME_END);
  return new TextEncoder().encode(
    kind + JSON.stringify(frame.kind === 'records' ? { table: frame.table, records: frame.records } : { holds: frame.holds }),
  );
}

const recordsFrameSchema = z.object({ table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), records: z.array(z.unknown()) });
const endFrameSchema = z.object({ holds: backupHoldsSchema });

/** Decodes a frame's plaintext; throws a located message on anything malformed. */
export function decodeFrame(bytes: Uint8Array, index: number): Frame {
  const kind = bytes[0];
  if (kind === FRAME_BLOB) {
    if (bytes.length < 5) throw new Error(`chunk ${index}: a blob frame shorter than its header.`);
    return {
      kind: 'blob',
      blob: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1, false),
      bytes: bytes.subarray(5),
    };
  }
  if (kind !== FRAME_RECORDS && kind !== FRAME_END) throw new Error(`chunk ${index}: unknown frame kind ${String(kind)}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(1)));
  } catch {
    throw new Error(`chunk ${index}: the frame is not UTF-8 JSON.`);
  }
  if (kind === FRAME_RECORDS) {
    const parsed = recordsFrameSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`chunk ${index}: not a page of records (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    return { kind: 'records', table: parsed.data.table, records: parsed.data.records };
  }
  const parsed = endFrameSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`chunk ${index}: not the closing frame (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return { kind: 'end', holds: parsed.data.holds };
}

/** The file name of a backup made at `date`: sortable, and recognised by the retention rule. */
export function backupFileName(date: Date, reason: BackupReason): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `oversight-${stamp}-${reason}${BACKUP_EXTENSION}`;
}

const FILE_NAME_PATTERN = /^oversight-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-([a-z-]+)\.oversight-backup$/;

/** The date and reason in a backup's file name, or null for any other file (which retention never touches). */
export function parseBackupFileName(name: string): { createdAt: Date; reason: BackupReason } | null {
  const match = FILE_NAME_PATTERN.exec(name);
  if (!match) return null;
  const reason = backupReasonSchema.safeParse(match[5]);
  const createdAt = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  if (!reason.success || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, reason: reason.data };
}
