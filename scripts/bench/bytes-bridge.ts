// Main's side of the bench's bridge (scripts/bench/page/bytes-bridge.ts is the page's): byte
// arrays cross as `{ $bytes: base64 }`, encoded and decoded by Node's Buffer (native code).

type Base64Bytes = { $bytes: string };

/** An argument from the page with its `{ $bytes }` as byte arrays. */
export function bytesFromPage(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'object' && value !== null && typeof (value as Base64Bytes).$bytes === 'string') {
    const buffer = Buffer.from((value as Base64Bytes).$bytes, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
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
