import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../../../electron/backup/backup-file';
import {
  HEADER_BLOCK_BYTES,
  backupFileName,
  chunkAad,
  chunkNonce,
  decodeFrame,
  decodeHeaderBlock,
  encodeFrame,
  encodeHeaderBlock,
  parseBackupFileName,
  type BackupHeader,
} from '../../../shared/backup/format';

const header: BackupHeader = {
  format: 'oversight-backup',
  version: 1,
  createdAt: '2026-12-01T09:30:00.000Z',
  app: { name: 'Oversight', version: '0.1.0' },
  schemaVersion: 6,
  reason: 'daily',
  holds: { tables: { plans: 2, papers: 1 }, papers: 1, paperBytes: 1234 },
  encryption: {
    cipher: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA-256',
    iterations: 600_000,
    salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
    noncePrefix: 'AAAAAAAAAAA=',
  },
  body: { chunks: 3, bytes: 100, sha256: 'a'.repeat(64) },
};

describe('key derivation', () => {
  it('matches the PBKDF2-HMAC-SHA-256 known-answer vector (RFC 7914, section 11)', async () => {
    const key = await deriveKey('passwd', new TextEncoder().encode('salt'), 1);
    expect(Buffer.from(key).toString('hex')).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('matches the second vector (80,000 iterations)', async () => {
    const key = await deriveKey('Password', new TextEncoder().encode('NaCl'), 80_000);
    expect(Buffer.from(key).toString('hex')).toBe('4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56');
  });

  it('gives the same chunk as WebCrypto, so a third party can implement the page with a browser alone', async () => {
    const salt = new Uint8Array(16).fill(7);
    const key = await deriveKey('a passphrase of the member', salt, 1_000);
    const webKey = await crypto.subtle.importKey(
      'raw',
      await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1_000 },
        await crypto.subtle.importKey('raw', new TextEncoder().encode('a passphrase of the member'), 'PBKDF2', false, ['deriveBits']),
        256,
      ),
      'AES-GCM',
      false,
      ['encrypt'],
    );
    const prefix = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const plain = encodeFrame({ kind: 'records', table: 'meta', records: [{ key: 'k' }] });
    const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(prefix, 5));
    cipher.setAAD(chunkAad(5, false));
    const ours = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const theirs = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: new Uint8Array(chunkNonce(prefix, 5)), additionalData: new Uint8Array(chunkAad(5, false)), tagLength: 128 },
        webKey,
        new Uint8Array(plain),
      ),
    );
    expect(Buffer.from(theirs).toString('hex')).toBe(ours.toString('hex'));
  });
});

describe('nonce and associated data', () => {
  it('puts the prefix first and the chunk index big-endian last', () => {
    expect([...chunkNonce(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]), 258)]).toEqual([9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 1, 2]);
  });
  it('binds the index and the final flag', () => {
    const label = [...new TextEncoder().encode('oversight-backup-v1')];
    expect([...chunkAad(1, true)]).toEqual([...label, 0, 0, 0, 1, 1]);
    expect([...chunkAad(1, false)]).not.toEqual([...chunkAad(1, true)]);
  });
});

describe('header block', () => {
  it('is a fixed 16 KiB of JSON, spaces and a newline, read back unchanged', () => {
    const block = encodeHeaderBlock(header);
    expect(block.length).toBe(HEADER_BLOCK_BYTES);
    expect(block[HEADER_BLOCK_BYTES - 1]).toBe(0x0a);
    expect(JSON.parse(new TextDecoder().decode(block))).toEqual(header);
    expect(decodeHeaderBlock(block)).toEqual({ ok: true, header });
  });

  it('refuses a newer format version by name', () => {
    const block = encodeHeaderBlock({ ...header, version: 1 });
    const text = new TextDecoder().decode(block).replace('"version":1', '"version":2');
    const reading = decodeHeaderBlock(new TextEncoder().encode(text));
    expect(reading).toMatchObject({ ok: false, code: 'newer' });
    expect(reading.ok ? '' : reading.message).toContain('newer version of Oversight (backup format 2');
  });

  it('locates a bad field, refuses absurd iteration counts, and names a truncated or foreign file', () => {
    const hostile = encodeHeaderBlock({ ...header, encryption: { ...header.encryption, iterations: 1_000_000_000 } });
    expect(decodeHeaderBlock(hostile)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('header.encryption.iterations'),
    });
    expect(decodeHeaderBlock(encodeHeaderBlock(header).subarray(0, 100))).toMatchObject({
      ok: false,
      message: expect.stringContaining('truncated'),
    });
    expect(decodeHeaderBlock(new Uint8Array(HEADER_BLOCK_BYTES).fill(0x41))).toMatchObject({ ok: false, code: 'not-backup' });
    const broken = encodeHeaderBlock(header);
    broken[30] = 0x7b;
    expect(decodeHeaderBlock(broken)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('frames', () => {
  it('round-trip records, blob slices and the closing frame', () => {
    const records = encodeFrame({ kind: 'records', table: 'plans', records: [{ id: 'p', title: 'Plan — “SEND”' }] });
    expect(records[0]).toBe(1);
    expect(decodeFrame(records, 0)).toEqual({ kind: 'records', table: 'plans', records: [{ id: 'p', title: 'Plan — “SEND”' }] });
    const blob = decodeFrame(encodeFrame({ kind: 'blob', blob: 70_000, bytes: new Uint8Array([1, 2, 3]) }), 1);
    expect(blob.kind === 'blob' ? [blob.blob, [...blob.bytes]] : null).toEqual([70_000, [1, 2, 3]]);
    const holds = { tables: { plans: 1 }, papers: 0, paperBytes: 0 };
    expect(decodeFrame(encodeFrame({ kind: 'end', holds }), 2)).toEqual({ kind: 'end', holds });
  });

  it('refuses malformed frames with the chunk named', () => {
    expect(() => decodeFrame(new Uint8Array([9, 1]), 4)).toThrow('chunk 4: unknown frame kind 9');
    expect(() => decodeFrame(new Uint8Array([1, 0x7b]), 5)).toThrow('chunk 5: the frame is not UTF-8 JSON');
    expect(() => decodeFrame(new Uint8Array([2, 0]), 6)).toThrow('chunk 6');
    expect(() => decodeFrame(encodeFrame({ kind: 'records', table: '../x', records: [] }), 7)).toThrow('chunk 7: not a page of records');
  });
});

describe('file names', () => {
  it('carry the date and reason and are recognised again; other files are not', () => {
    const name = backupFileName(new Date('2026-12-01T09:30:05.123Z'), 'before-import');
    expect(name).toBe('oversight-2026-12-01T09-30-05Z-before-import.oversight-backup');
    expect(parseBackupFileName(name)).toEqual({ createdAt: new Date('2026-12-01T09:30:05Z'), reason: 'before-import' });
    expect(parseBackupFileName('holiday-photos.zip')).toBeNull();
    expect(parseBackupFileName('oversight-2026-12-01T09-30-05Z-sneaky.oversight-backup')).toBeNull();
  });
});
