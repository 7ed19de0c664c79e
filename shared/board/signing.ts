// Ed25519 and SHA-256 through Web Crypto, which Node 20, Chromium and Electron all have, so the
// board folder needs no cryptography library and main, renderer and CLI check with the same code.
// shared/ sees no DOM types: the few calls used are typed here, narrowly.

/** A Web Crypto key, opaque to shared/ (a DOM CryptoKey is one). */
export type SigningKey = { readonly type: string; readonly extractable: boolean };

/** A device's key pair: the private key is made non-extractable, so it can never be exported. */
export type DeviceKeyPair = { publicKey: SigningKey; privateKey: SigningKey };

type Ed25519 = { name: 'Ed25519' };

type Subtle = {
  generateKey(algorithm: Ed25519, extractable: boolean, usages: string[]): Promise<DeviceKeyPair>;
  exportKey(format: 'raw', key: SigningKey): Promise<ArrayBuffer>;
  importKey(format: 'raw', data: Uint8Array, algorithm: Ed25519, extractable: boolean, usages: string[]): Promise<SigningKey>;
  sign(algorithm: Ed25519, key: SigningKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: Ed25519, key: SigningKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
};

const ED25519: Ed25519 = { name: 'Ed25519' };

function subtle(): Subtle {
  const crypto: unknown = Reflect.get(globalThis, 'crypto');
  const value: unknown = typeof crypto === 'object' && crypto !== null ? Reflect.get(crypto, 'subtle') : undefined;
  if (typeof value !== 'object' || value === null || typeof Reflect.get(value, 'sign') !== 'function') {
    throw new Error('Signatures are not available here: Web Crypto (crypto.subtle) is missing.');
  }
  // Checked above that it is Web Crypto; its full type lives in the DOM and Node libraries shared/ does not see.
  return value as Subtle;
}

/** A new key pair for this device; the private key cannot be exported, only used to sign. */
export function generateDeviceKeys(): Promise<DeviceKeyPair> {
  return subtle().generateKey(ED25519, false, ['sign', 'verify']);
}

/** The 32 raw bytes of a public key, as standard base64 (how the register and headers carry it). */
export async function exportPublicKey(key: SigningKey): Promise<string> {
  return toBase64(new Uint8Array(await subtle().exportKey('raw', key)));
}

/** A public key from its base64 form; null when it is not 32 bytes of an Ed25519 key. */
export async function importPublicKey(base64: string): Promise<SigningKey | null> {
  const bytes = fromBase64(base64);
  if (!bytes || bytes.length !== 32) return null;
  try {
    return await subtle().importKey('raw', bytes, ED25519, true, ['verify']);
  } catch {
    return null;
  }
}

/** Signs bytes with a device's private key; the signature as base64. */
export async function signBytes(privateKey: SigningKey, bytes: Uint8Array): Promise<string> {
  return toBase64(new Uint8Array(await subtle().sign(ED25519, privateKey, bytes)));
}

/** Whether a base64 signature over bytes verifies with a base64 public key; never throws. */
export async function verifyBytes(publicKeyBase64: string, signatureBase64: string, bytes: Uint8Array): Promise<boolean> {
  const key = await importPublicKey(publicKeyBase64);
  const signature = fromBase64(signatureBase64);
  if (!key || !signature || signature.length !== 64) return false;
  try {
    return await subtle().verify(ED25519, key, signature, bytes);
  } catch {
    return false;
  }
}

/** SHA-256 of bytes as 64 lower-case hex digits. */
export async function sha256HexOf(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', bytes)));
}

/**
 * A public key's fingerprint: SHA-256 of its raw bytes in hex (all 64 digits are stored and
 * compared); people read the first 32, grouped in fours (formatFingerprint).
 */
export async function fingerprintOf(publicKeyBase64: string): Promise<string | null> {
  const bytes = fromBase64(publicKeyBase64);
  if (!bytes || bytes.length !== 32) return null;
  return sha256HexOf(bytes);
}

/** A fingerprint as a member reads it out: the first 32 hex digits, upper case, in groups of four. */
export function formatFingerprint(fingerprint: string): string {
  return (
    fingerprint
      .slice(0, 32)
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/** Whether a fingerprint a member typed or confirmed matches a stored one (spaces and case ignored; at least 32 digits). */
export function fingerprintMatches(typed: string, fingerprint: string): boolean {
  const digits = typed.replace(/\s+/g, '').toLowerCase();
  return digits.length >= 32 && /^[0-9a-f]+$/.test(digits) && fingerprint.startsWith(digits);
}

function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (btoa is not part of shared/'s pure environment). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1] ?? 0;
    const c = bytes[index + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    text += ALPHABET[(triple >> 18) & 63];
    text += ALPHABET[(triple >> 12) & 63];
    text += index + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    text += index + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return text;
}

/** Bytes from standard padded base64; null when the text is not exactly that. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const values = [0, 1, 2, 3].map((offset) => {
      const character = text[index + offset] ?? '=';
      return character === '=' ? 0 : ALPHABET.indexOf(character);
    });
    const triple = ((values[0] ?? 0) << 18) | ((values[1] ?? 0) << 12) | ((values[2] ?? 0) << 6) | (values[3] ?? 0);
    if (out < bytes.length) bytes[out++] = (triple >> 16) & 255;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}
