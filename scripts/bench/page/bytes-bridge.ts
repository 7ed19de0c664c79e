// The bench's page side of its bridge to main: every Uint8Array in a call's argument or reply
// crosses as `{ $bytes: base64 }`, encoded and decoded by the browser's native base64 (Chromium
// has `toBase64` / `fromBase64`). Left to Playwright, a Uint8Array is turned into base64 in Node
// one byte at a time in JavaScript, which cost half of a restore's time (docs/benchmarks.md).
// Or, for a call's argument, as the bytes themselves: POSTed to the bench's server, the call then
// naming them `{ $upload: id }` (`bytesUploaded`). Base64 text through Playwright's binding is
// JSON in a DevTools message, which cost the backup about as much as all of its own work
// (docs/benchmarks.md, "Backup speed, second pass"); Electron's IPC moves the bytes as bytes.
// Every byte still crosses to main either way.

type Base64Bytes = { $bytes: string };
type NativeBase64 = { toBase64?: () => string };
type NativeFromBase64 = { fromBase64?: (text: string) => Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as NativeBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeFromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A call's argument with its byte arrays as base64 (only plain objects are walked). */
export function bytesOut(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) } satisfies Base64Bytes;
  if (Array.isArray(value)) return value.map(bytesOut);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bytesOut(item)]));
  return value;
}

/** A reply with its `{ $bytes }` back as byte arrays. */
export function bytesIn(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'object' && value !== null && typeof (value as Base64Bytes).$bytes === 'string')
    return fromBase64((value as Base64Bytes).$bytes);
  if (Array.isArray(value)) return value.map(bytesIn);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bytesIn(item)]));
  return value;
}

let uploads = 0;

/** A call's argument with each byte array POSTed to the bench's server first and named `{ $upload: id }`. */
export async function bytesUploaded(value: unknown): Promise<unknown> {
  if (value instanceof Uint8Array) {
    uploads += 1;
    const id = `${Date.now().toString(36)}-${uploads}`;
    // A Blob body, not the array itself: Chromium copies a byte-array body into the DevTools
    // event Playwright listens to (as base64 JSON, costing what this bridge exists to avoid); a
    // Blob goes to the browser's blob store and the network as bytes.
    const response = await fetch(`/__bytes/${id}`, { method: 'POST', body: new Blob([value as BlobPart]) });
    if (!response.ok) throw new Error(`The bench's bridge refused ${value.length} bytes (HTTP ${response.status}).`);
    return { $upload: id };
  }
  if (Array.isArray(value)) return Promise.all(value.map(bytesUploaded));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await bytesUploaded(item)])));
  return value;
}
