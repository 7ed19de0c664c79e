import { createCipheriv, createDecipheriv, createHash, pbkdf2, randomBytes, type Hash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  GCM_TAG_BYTES,
  HEADER_BLOCK_BYTES,
  MAX_FRAME_BYTES,
  chunkAad,
  chunkNonce,
  decodeFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  type BackupHeader,
  type BackupHolds,
  type BackupReason,
} from '../../shared/backup/format';

// Writing and reading backup files (docs/formats/backup-v1.md). Frames arrive one at a time and
// are encrypted and appended to a temporary file as they come, and read back one chunk at a
// time, so a store of hundreds of megabytes never sits whole in memory.

/** The largest chunk a reader accepts: a frame, its tag, and room to spare. */
const MAX_CHUNK_BYTES = MAX_FRAME_BYTES + GCM_TAG_BYTES + 1024;

/** Derives the 256-bit key from a passphrase: PBKDF2-HMAC-SHA-256. */
export function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    pbkdf2(passphrase.normalize('NFC'), salt, iterations, 32, 'sha256', (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export type KeyMaterial = { key: Uint8Array; salt: Uint8Array; iterations: number };

export type BackupWriter = {
  /** Encrypts one frame and appends it, after every frame appended before it (calls may overlap). */
  append(frame: Uint8Array): Promise<void>;
  /** Appends the closing frame, writes the header and renames the file into place; returns its path. */
  finish(endFrame: Uint8Array, holds: BackupHolds): Promise<string>;
  /** Removes the temporary file. */
  abort(): Promise<void>;
  /** Closes the file and leaves it where it is, as a killed app would (the next backup removes it). */
  release(): Promise<void>;
  /** The temporary file's path, while the backup is being written. */
  tempPath: string;
};

/** A temporary file a backup writer makes (removed if the app stopped half way through one). */
export const TEMP_FILE_PATTERN = /^\.oversight-.*\.oversight-backup\.[0-9a-f]{12}\.tmp$/;

/** Starts a backup file in `folder`: nothing appears under `fileName` until `finish` renames it. */
export async function createBackupWriter(options: {
  folder: string;
  fileName: string;
  keys: KeyMaterial;
  app: { name: string; version: string };
  schemaVersion: number;
  reason: BackupReason;
  now: () => Date;
}): Promise<BackupWriter> {
  await fs.mkdir(options.folder, { recursive: true });
  const target = path.join(options.folder, options.fileName);
  const temp = path.join(options.folder, `.${options.fileName}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  // The header block is reserved now and written at the end, when the hash and counts are known.
  await handle.write(new Uint8Array(HEADER_BLOCK_BYTES), 0, HEADER_BLOCK_BYTES, 0);
  const noncePrefix = randomBytes(8);
  const hash: Hash = createHash('sha256');
  let position = HEADER_BLOCK_BYTES;
  let index = 0;
  let isClosed = false;
  // Appends may overlap (the renderer keeps several in flight, so its reading and main's writing
  // overlap): each waits for the one before it, so chunks are numbered and written in the order
  // the frames arrived. After a failure every later append and the finish fail too, so a file
  // with a gap in its chunks is never finished.
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = queue.then(() => {
      if (failure !== null) throw failure;
      return work();
    });
    queue = turn.then(
      () => undefined,
      (error: unknown) => {
        failure ??= error;
      },
    );
    return turn;
  }

  async function writeChunk(plain: Uint8Array, isFinal: boolean): Promise<void> {
    if (plain.length > MAX_FRAME_BYTES) throw new Error('A backup frame is larger than the format allows.');
    const cipher = createCipheriv('aes-256-gcm', options.keys.key, chunkNonce(noncePrefix, index), { authTagLength: GCM_TAG_BYTES });
    cipher.setAAD(chunkAad(index, isFinal));
    const encrypted = cipher.update(plain);
    const final = cipher.final();
    const tag = cipher.getAuthTag();
    const length = Buffer.alloc(4);
    length.writeUInt32BE(encrypted.length + final.length + tag.length, 0);
    // Written as its parts: no copy of the frame is made to join them.
    const parts = [length, encrypted, final, tag];
    let bytes = 0;
    for (const part of parts) {
      hash.update(part);
      bytes += part.length;
    }
    const { bytesWritten } = await handle.writev(parts, position);
    if (bytesWritten !== bytes) throw new Error(`Only ${bytesWritten} of a chunk's ${bytes} bytes were written.`);
    position += bytes;
    index += 1;
  }

  async function abort(): Promise<void> {
    if (!isClosed) {
      isClosed = true;
      await handle.close().catch(() => undefined);
    }
    await fs.rm(temp, { force: true });
  }

  return {
    append: (frame) => inTurn(() => writeChunk(frame, false)),
    async release() {
      if (isClosed) return;
      isClosed = true;
      await handle.close().catch(() => undefined);
    },
    async finish(endFrame, holds) {
      // Once every frame appended before it is written; never after one that failed.
      await inTurn(async () => undefined).catch(async (error: unknown) => {
        await abort();
        throw error;
      });
      try {
        await writeChunk(endFrame, true);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          createdAt: options.now().toISOString(),
          app: options.app,
          schemaVersion: options.schemaVersion,
          reason: options.reason,
          holds,
          encryption: {
            cipher: 'AES-256-GCM',
            kdf: 'PBKDF2-SHA-256',
            iterations: options.keys.iterations,
            salt: Buffer.from(options.keys.salt).toString('base64'),
            noncePrefix: noncePrefix.toString('base64'),
          },
          body: { chunks: index, bytes: position - HEADER_BLOCK_BYTES, sha256: hash.digest('hex') },
        };
        await handle.write(encodeHeaderBlock(header), 0, HEADER_BLOCK_BYTES, 0);
        await handle.sync();
        await handle.close();
        isClosed = true;
        // Never replaces a file: each backup's name carries the second it was made.
        if (
          await fs.stat(target).then(
            () => true,
            () => false,
          )
        )
          throw new Error(`${options.fileName} already exists.`);
        await fs.rename(temp, target);
        return target;
      } catch (error) {
        await abort();
        throw error;
      }
    },
    abort,
    tempPath: temp,
  };
}

export type ChunkEntry = { offset: number; length: number };

export type OpenedBackup =
  | { ok: true; header: BackupHeader; chunks: ChunkEntry[]; size: number }
  | { ok: false; code: 'unreadable' | 'not-backup' | 'newer' | 'invalid' | 'truncated' | 'damaged'; message: string };

/**
 * Reads a backup's header and walks its chunks, hashing the body as stored: the structure and
 * integrity check that needs no passphrase.
 */
export async function openBackupFile(filePath: string): Promise<OpenedBackup> {
  let handle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (error) {
    return {
      ok: false,
      code: 'unreadable',
      message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  try {
    const { size } = await handle.stat();
    const block = new Uint8Array(Math.min(HEADER_BLOCK_BYTES, size));
    await handle.read(block, 0, block.length, 0);
    const reading = decodeHeaderBlock(block);
    if (!reading.ok)
      return {
        ok: false,
        code: size < HEADER_BLOCK_BYTES && reading.code === 'invalid' ? 'truncated' : reading.code,
        message: reading.message,
      };
    const { header } = reading;
    const hash = createHash('sha256');
    const chunks: ChunkEntry[] = [];
    const lengthBytes = Buffer.alloc(4);
    const buffer = Buffer.alloc(1024 * 1024);
    let position = HEADER_BLOCK_BYTES;
    while (position < size) {
      const index = chunks.length;
      if (size - position < 4) return truncated(index, header);
      await handle.read(lengthBytes, 0, 4, position);
      const length = lengthBytes.readUInt32BE(0);
      if (length < GCM_TAG_BYTES || length > MAX_CHUNK_BYTES) {
        return {
          ok: false,
          code: 'damaged',
          message: `body, chunk ${index} (byte ${position}): a length of ${length} bytes is outside the format's bounds.`,
        };
      }
      if (position + 4 + length > size) return truncated(index, header);
      hash.update(lengthBytes);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - done), position + 4 + done);
        hash.update(buffer.subarray(0, bytesRead));
        done += bytesRead;
      }
      chunks.push({ offset: position + 4, length });
      position += 4 + length;
    }
    if (chunks.length < header.body.chunks) return truncated(chunks.length, header);
    if (chunks.length > header.body.chunks || size - HEADER_BLOCK_BYTES !== header.body.bytes) {
      return {
        ok: false,
        code: 'damaged',
        message: `body: ${chunks.length} chunks and ${size - HEADER_BLOCK_BYTES} bytes where the header promises ${header.body.chunks} and ${header.body.bytes}.`,
      };
    }
    if (hash.digest('hex') !== header.body.sha256) {
      return {
        ok: false,
        code: 'damaged',
        message: 'body: its SHA-256 differs from the header’s: the file has been changed or damaged since it was written.',
      };
    }
    return { ok: true, header, chunks, size };
  } finally {
    await handle.close();
  }
}

function truncated(index: number, header: BackupHeader): OpenedBackup {
  return {
    ok: false,
    code: 'truncated',
    message: `body: the file ends at chunk ${index + 1} of ${header.body.chunks}: it is truncated (perhaps copied before it was complete).`,
  };
}

/** Decrypts chunk `index` of an opened backup; throws `WrongKeyError` when its tag does not match. */
export async function decryptChunk(
  filePath: string,
  opened: Extract<OpenedBackup, { ok: true }>,
  key: Uint8Array,
  index: number,
): Promise<Uint8Array> {
  const entry = opened.chunks[index];
  if (!entry) throw new Error(`body: there is no chunk ${index}.`);
  const handle = await fs.open(filePath, 'r');
  let body: Buffer;
  try {
    body = Buffer.alloc(entry.length);
    await handle.read(body, 0, entry.length, entry.offset);
  } finally {
    await handle.close();
  }
  const { encryption } = opened.header;
  const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(Buffer.from(encryption.noncePrefix, 'base64'), index), {
    authTagLength: GCM_TAG_BYTES,
  });
  decipher.setAAD(chunkAad(index, index === opened.chunks.length - 1));
  decipher.setAuthTag(body.subarray(body.length - GCM_TAG_BYTES));
  try {
    // A fresh Uint8Array of its own: a small Buffer is a view into Node's shared pool, which some
    // bridges (Playwright's, in the end-to-end harness) would copy whole.
    return new Uint8Array(Buffer.concat([decipher.update(body.subarray(0, body.length - GCM_TAG_BYTES)), decipher.final()]));
  } catch {
    throw new WrongKeyError(index);
  }
}

/** A chunk whose tag does not match: the wrong passphrase, or (for a later chunk) a changed file. */
export class WrongKeyError extends Error {
  constructor(readonly chunk: number) {
    super(
      chunk === 0 ? 'The passphrase does not open this backup.' : `body, chunk ${chunk}: it does not decrypt (the file has been changed).`,
    );
  }
}

/** Derives the key a backup was made with from the passphrase typed for it. */
export function keyForBackup(header: BackupHeader, passphrase: string): Promise<Buffer> {
  return deriveKey(passphrase, Buffer.from(header.encryption.salt, 'base64'), header.encryption.iterations);
}

/** Decrypts every chunk and checks every frame and the closing counts: what `validate --passphrase-file` runs. */
export async function checkBackupDecrypts(
  filePath: string,
  opened: Extract<OpenedBackup, { ok: true }>,
  key: Uint8Array,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const counted: Record<string, number> = {};
  let last: BackupHolds | null = null;
  try {
    for (let index = 0; index < opened.chunks.length; index += 1) {
      const frame = decodeFrame(await decryptChunk(filePath, opened, key, index), index);
      const isFinal = index === opened.chunks.length - 1;
      if ((frame.kind === 'end') !== isFinal) throw new Error(`chunk ${index}: the closing frame must be the last chunk, and only it.`);
      if (frame.kind === 'records') counted[frame.table] = (counted[frame.table] ?? 0) + frame.records.length;
      if (frame.kind === 'end') last = frame.holds;
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const holds = last ?? opened.header.holds;
  for (const [table, count] of Object.entries(opened.header.holds.tables)) {
    if ((counted[table] ?? 0) !== count || holds.tables[table] !== count) {
      return {
        ok: false,
        message: `header.holds.tables.${table}: the header counts ${count} records, the body holds ${counted[table] ?? 0}.`,
      };
    }
  }
  return { ok: true };
}
