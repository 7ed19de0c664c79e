import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encryptionOf } from '../../../electron/pack/pdf-encryption';
import { pdfPageTexts } from '../../e2e/pdf-text';
import { aes256PasswordPdf, encryptedPdf, labelledPdf, passwordPdf } from './make-fixtures';

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });

describe('whether an encrypted PDF opens without a password', () => {
  it('the test PDFs are what they claim: pdf.js reads one with only an owner password, and asks for the other', async () => {
    const restricted = await passwordPdf('Restricted', { owner: 'clerk-secret' });
    expect(await pdfPageTexts(restricted)).toEqual(['Restricted page 1', 'Restricted page 2']);
    const locked = await passwordPdf('Locked', { owner: 'clerk-secret', user: 'open-sesame' });
    await expect(
      getDocument({ data: new Uint8Array(locked), useSystemFonts: false, isEvalSupported: false }).promise,
    ).rejects.toMatchObject({ name: 'PasswordException' });
  });

  it('does the same for AES-256 (revision 6), as Acrobat saves today', async () => {
    const restricted = await aes256PasswordPdf('Restricted', { owner: 'clerk-secret' });
    expect(await pdfPageTexts(restricted)).toEqual(['Restricted page 1', 'Restricted page 2']);
    expect(encryptionOf(await load(restricted))).toBe('open');
    const locked = await aes256PasswordPdf('Locked', { owner: 'clerk-secret', user: 'open-sesame' });
    await expect(
      getDocument({ data: new Uint8Array(locked), useSystemFonts: false, isEvalSupported: false }).promise,
    ).rejects.toMatchObject({ name: 'PasswordException' });
    expect(encryptionOf(await load(locked))).toBe('password');
  });

  it('tells an owner-password-only PDF from one that needs a user password, and a plain one from both', async () => {
    expect(encryptionOf(await load(await passwordPdf('Restricted', { owner: 'clerk-secret' })))).toBe('open');
    expect(encryptionOf(await load(await passwordPdf('Locked', { owner: 'clerk-secret', user: 'open-sesame' })))).toBe('password');
    expect(encryptionOf(await load(await labelledPdf('Plain', 1)))).toBe('none');
    // An /Encrypt entry whose /U matches no password at all is treated as needing one.
    expect(encryptionOf(await load(await encryptedPdf()))).toBe('password');
  });
});
