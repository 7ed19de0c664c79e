// Main's side of the bench's bridge (scripts/bench/page/bytes-bridge.ts is the page's): byte
// arrays from the page arrive either as `{ $bytes: base64 }` (encoded and decoded by native code,
// Node's Buffer here) or, by default for the page's arguments, as `{ $upload: id }`: the bytes
// themselves POSTed to the bench's server beforehand (`receiveUpload`), as Electron's IPC moves a
// Uint8Array as bytes (a structured clone), not as text. Replies to the page go as base64.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBackupService } from '../../electron/backup/backup-service';
import { createHandlers, type HandlerContext } from '../../electron/ipc/handlers';
import type { Result } from '../../shared/result';

type Base64Bytes = { $bytes: string };
type UploadedBytes = { $upload: string };

/** Bytes the page has sent, by id, until the call that names them is decoded. */
const uploads = new Map<string, Uint8Array>();
/** The most bytes the page may have sent ahead of its calls (a few frames of at most 32 MiB). */
const MAX_WAITING_BYTES = 256 * 2 ** 20;
let waitingBytes = 0;

/** The server's route for `POST /__bytes/ID`: keeps the request's body as the bytes of that id. */
export function receiveUpload(request: IncomingMessage, response: ServerResponse, id: string): void {
  const parts: Buffer[] = [];
  let size = 0;
  request.on('data', (part: Buffer) => {
    parts.push(part);
    size += part.length;
  });
  request.on('end', () => {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id) || uploads.has(id) || waitingBytes + size > MAX_WAITING_BYTES) {
      response.writeHead(400).end();
      return;
    }
    const bytes = Buffer.concat(parts, size);
    uploads.set(id, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    waitingBytes += size;
    response.writeHead(204).end();
  });
  request.on('error', () => response.writeHead(400).end());
}

/** An argument from the page with its `{ $bytes }` and `{ $upload }` as byte arrays. */
export function bytesFromPage(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'object' && value !== null && typeof (value as Base64Bytes).$bytes === 'string') {
    const buffer = Buffer.from((value as Base64Bytes).$bytes, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  if (typeof value === 'object' && value !== null && typeof (value as UploadedBytes).$upload === 'string') {
    const id = (value as UploadedBytes).$upload;
    const bytes = uploads.get(id);
    // Unknown ids stay as they are, and fail the contract's parse like any other malformed argument.
    if (!bytes) return value;
    uploads.delete(id);
    waitingBytes -= bytes.length;
    return bytes;
  }
  if (Array.isArray(value)) return value.map(bytesFromPage);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bytesFromPage(item)]));
  return value;
}

/** A reply for the page with its byte arrays as base64. */
export function bytesToPage(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(bytesToPage);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bytesToPage(item)]));
  return value;
}

/** Main's real backup service over `dataFolder`, and its handlers as main registers them (only the backup channels are bound). */
export function backupHandlers(dataFolder: string): {
  service: ReturnType<typeof createBackupService>;
  handlers: Record<string, (argument: unknown) => Promise<Result<unknown>>>;
} {
  const service = createBackupService({ dataFolder, app: { name: 'Oversight', version: 'bench' } });
  const handlers = createHandlers({ backups: service } as unknown as HandlerContext) as unknown as Record<
    string,
    (argument: unknown) => Promise<Result<unknown>>
  >;
  return { service, handlers };
}
