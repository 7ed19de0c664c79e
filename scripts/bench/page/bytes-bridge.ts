// The bench's page side of its bridge to main: every Uint8Array in a call's argument or reply
// crosses as `{ $bytes: base64 }`, encoded and decoded by the browser's native base64 (Chromium
// has `toBase64` / `fromBase64`). Left to Playwright, a Uint8Array is turned into base64 in Node
// one byte at a time in JavaScript, which cost half of a restore's time (docs/benchmarks.md).
// Every byte still crosses the bridge; only the encoding is native.

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
