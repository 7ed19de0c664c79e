import { createCipheriv, createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

// Whether an encrypted PDF opens without a password. Council systems often save report PDFs with
// only an owner password (restrictions on printing or editing) and an empty user password: every
// reader opens those without asking, so a member's Oversight can too. A PDF that needs a user
// password cannot be opened by members, so it stays refused. The check is the standard security
// handler's own test of the empty user password (ISO 32000-1 §7.6.3.4 algorithms 2, 4, 5 and
// ISO 32000-2 §7.6.4.3.3–4), made on the /Encrypt dictionary pdf-lib reads with ignoreEncryption.

/** The padding string of the standard security handler (ISO 32000-1, 7.6.3.3, algorithm 2). */
const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e,
  0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** RC4, which Node's OpenSSL no longer offers by default; PDFs of revisions 2–4 use it. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const state = Uint8Array.from({ length: 256 }, (_, index) => index);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + (state[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [state[i], state[j]] = [state[j] ?? 0, state[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let at = 0; at < data.length; at += 1) {
    i = (i + 1) & 0xff;
    j = (j + (state[i] ?? 0)) & 0xff;
    [state[i], state[j]] = [state[j] ?? 0, state[i] ?? 0];
    out[at] = (data[at] ?? 0) ^ (state[((state[i] ?? 0) + (state[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/** The file key of revisions 2–4 for a user password (algorithm 2). */
export function fileKeyR2to4(input: {
  password: Uint8Array;
  owner: Uint8Array;
  permissions: number;
  firstId: Uint8Array;
  revision: number;
  lengthBytes: number;
  encryptMetadata: boolean;
}): Uint8Array {
  const padded = new Uint8Array(32);
  padded.set(input.password.subarray(0, 32));
  padded.set(PADDING.subarray(0, Math.max(0, 32 - input.password.length)), Math.min(32, input.password.length));
  const permissions = new Uint8Array(4);
  new DataView(permissions.buffer).setInt32(0, input.permissions, true);
  const parts = [padded, input.owner.subarray(0, 32), permissions, input.firstId];
  if (input.revision >= 4 && !input.encryptMetadata) parts.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff]));
  let hash = md5(...parts);
  const length = input.revision >= 3 ? input.lengthBytes : 5;
  if (input.revision >= 3) for (let round = 0; round < 50; round += 1) hash = md5(hash.subarray(0, length));
  return hash.subarray(0, length);
}

/** The /U value revisions 2–4 expect for a file key (algorithms 4 and 5). */
export function userEntryR2to4(key: Uint8Array, revision: number, firstId: Uint8Array): Uint8Array {
  if (revision === 2) return rc4(key, PADDING);
  let value = rc4(key, md5(PADDING, firstId));
  for (let round = 1; round <= 19; round += 1)
    value = rc4(
      key.map((byte) => byte ^ round),
      value,
    );
  return value;
}

// Revision 6's hash (ISO 32000-2, algorithm 2.B), for the empty user password (no /U data).
function hashR6(password: Uint8Array, salt: Uint8Array): Uint8Array {
  let key = new Uint8Array(createHash('sha256').update(password).update(salt).digest());
  for (let round = 0; ; round += 1) {
    const once = new Uint8Array(password.length + key.length);
    once.set(password);
    once.set(key, password.length);
    const repeated = new Uint8Array(once.length * 64);
    for (let copy = 0; copy < 64; copy += 1) repeated.set(once, copy * once.length);
    const cipher = createCipheriv('aes-128-cbc', key.subarray(0, 16), key.subarray(16, 32)).setAutoPadding(false);
    const encrypted = new Uint8Array(Buffer.concat([cipher.update(repeated), cipher.final()]));
    let sum = 0;
    for (let at = 0; at < 16; at += 1) sum += encrypted[at] ?? 0;
    const algorithm = ['sha256', 'sha384', 'sha512'][sum % 3] ?? 'sha256';
    key = new Uint8Array(createHash(algorithm).update(encrypted).digest());
    if (round >= 63 && (encrypted[encrypted.length - 1] ?? 0) <= round - 31) break;
  }
  return key.subarray(0, 32);
}

const bytesOf = (object: PDFObject | undefined): Uint8Array | undefined =>
  object instanceof PDFString || object instanceof PDFHexString ? object.asBytes() : undefined;

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

/**
 * Whether a PDF loaded with pdf-lib's `ignoreEncryption` opens with the empty user password:
 * 'open' (only an owner password, or none), 'password' (a user password is needed) or
 * 'unsupported' (a security handler other than the standard one, such as certificates).
 */
export function encryptionOf(document: PDFDocument): 'none' | 'open' | 'password' | 'unsupported' {
  const { context } = document;
  const encrypt = context.lookupMaybe(context.trailerInfo.Encrypt, PDFDict);
  if (!context.trailerInfo.Encrypt) return 'none';
  if (!encrypt) return 'unsupported';
  const name = (key: string) => encrypt.lookupMaybe(PDFName.of(key), PDFName)?.asString();
  const number = (key: string) => encrypt.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber();
  if (name('Filter') !== '/Standard') return 'unsupported';
  const revision = number('R') ?? 0;
  const user = bytesOf(encrypt.lookup(PDFName.of('U')));
  if (!user) return 'unsupported';
  if (revision >= 5) {
    if (user.length < 48) return 'unsupported';
    const salt = user.subarray(32, 40);
    const hash =
      revision === 5 ? new Uint8Array(createHash('sha256').update(salt).digest()) : revision === 6 ? hashR6(new Uint8Array(), salt) : null;
    if (!hash) return 'unsupported';
    return equal(hash, user.subarray(0, 32)) ? 'open' : 'password';
  }
  if (revision < 2) return 'unsupported';
  const owner = bytesOf(encrypt.lookup(PDFName.of('O')));
  const permissions = number('P');
  const ids = context.lookupMaybe(context.trailerInfo.ID, PDFArray);
  const firstId = bytesOf(ids?.lookup(0)) ?? new Uint8Array();
  if (!owner || permissions === undefined) return 'unsupported';
  const lengthBits = number('Length') ?? 40;
  const encryptMetadata = encrypt.lookup(PDFName.of('EncryptMetadata'))?.toString() !== 'false';
  const key = fileKeyR2to4({
    password: new Uint8Array(),
    owner,
    permissions,
    firstId,
    revision,
    lengthBytes: Math.min(16, Math.max(5, Math.floor(lengthBits / 8))),
    encryptMetadata,
  });
  const expected = userEntryR2to4(key, revision, firstId);
  const compared = revision === 2 ? 32 : 16;
  return equal(expected.subarray(0, compared), user.subarray(0, compared)) ? 'open' : 'password';
}
