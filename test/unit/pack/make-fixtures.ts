import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, StandardFonts, type PDFRef } from 'pdf-lib';
import { fileKeyR2to4, rc4, userEntryR2to4 } from '../../../electron/pack/pdf-encryption';

// PDFs for the pack-making tests, made here with pdf-lib: papers with words on each page, a
// combined agenda pack with top-level bookmarks (written as low-level outline objects, as
// committee systems write them), and an encrypted one.

/** A PDF of `pages` pages, each saying "<label> page N". */
export async function labelledPdf(label: string, pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index += 1) {
    const page = document.addPage([595.28, 841.89]);
    page.drawText(`${label} page ${index + 1}`, { x: 64, y: 760, size: 14, font });
  }
  return document.save();
}

/** How a bookmark opens its page: a /Dest array, a /GoTo action, or a named destination. */
export type BookmarkStyle = 'dest' | 'goto' | 'named';

export type CombinedSection = { bookmark: string | null; label: string; pages: number; style?: BookmarkStyle; children?: string[] };

/**
 * A combined agenda pack: the sections one after another, a top-level bookmark at the first page
 * of each section that has one (a section with `bookmark: null`, first, is the front sheet).
 */
export async function combinedPdf(
  sections: readonly CombinedSection[],
  options: { bookmarkAt?: Record<string, number> } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  const firstPages: number[] = [];
  for (const section of sections) {
    firstPages.push(document.getPageCount());
    for (let index = 0; index < section.pages; index += 1) {
      const page = document.addPage([595.28, 841.89]);
      page.drawText(`${section.label} page ${index + 1}`, { x: 64, y: 760, size: 14, font });
    }
  }
  const starts: Array<{ section: CombinedSection; page: PDFRef }> = [];
  sections.forEach((section, index) => {
    if (section.bookmark === null) return;
    const at = options.bookmarkAt?.[section.bookmark] ?? firstPages[index] ?? 0;
    starts.push({ section, page: document.getPage(at).ref });
  });
  addOutline(document, starts);
  return document.save();
}

function addOutline(document: PDFDocument, entries: ReadonlyArray<{ section: CombinedSection; page: PDFRef }>) {
  if (entries.length === 0) return;
  const { context } = document;
  const outlinesRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  const names: Array<PDFString | PDFRef> = [];
  entries.forEach(({ section, page }, index) => {
    const ref = refs[index] as PDFRef;
    const style = section.style ?? 'dest';
    const destination = context.obj([page, 'XYZ', null, null, null]);
    const item = context.obj({ Title: PDFHexString.fromText(section.bookmark ?? ''), Parent: outlinesRef });
    if (style === 'dest') item.set(PDFName.of('Dest'), destination);
    if (style === 'goto') item.set(PDFName.of('A'), context.obj({ S: 'GoTo', D: destination }));
    if (style === 'named') {
      const name = `item${index}`;
      item.set(PDFName.of('Dest'), PDFString.of(name));
      names.push(PDFString.of(name), context.register(context.obj({ D: destination })));
    }
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    // Sub-bookmarks (sections of a report) are not papers: they must be ignored.
    const children = section.children ?? [];
    if (children.length > 0) {
      const childDicts = children.map((title) => context.obj({ Title: PDFHexString.fromText(title), Parent: ref, Dest: destination }));
      const childRefs = childDicts.map(() => context.nextRef());
      childDicts.forEach((child, childIndex) => {
        const nextChild = childRefs[childIndex + 1];
        if (nextChild) child.set(PDFName.of('Next'), nextChild);
        context.assign(childRefs[childIndex] as PDFRef, child);
      });
      item.set(PDFName.of('First'), childRefs[0] as PDFRef);
      item.set(PDFName.of('Last'), childRefs.at(-1) as PDFRef);
      item.set(PDFName.of('Count'), context.obj(children.length));
    }
    context.assign(ref, item);
  });
  context.assign(
    outlinesRef,
    context.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs.at(-1) as PDFRef, Count: entries.length }),
  );
  document.catalog.set(PDFName.of('Outlines'), outlinesRef);
  if (names.length > 0) {
    document.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.obj({ Names: names }) }));
  }
}

/** A PDF that claims to be encrypted (an /Encrypt entry in its trailer), as a password-protected PDF does. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage();
  document.context.trailerInfo.Encrypt = document.context.register(
    document.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: PDFString.of('x'), U: PDFString.of('y') }),
  );
  return document.save({ useObjectStreams: false });
}

/**
 * A PDF truly encrypted by the standard security handler (revision 3, 128-bit RC4), as Acrobat
 * saves one with restrictions: an owner password always, and a user password only if given (an
 * empty one opens it in any reader without asking).
 */
export async function passwordPdf(label: string, passwords: { owner: string; user?: string }): Promise<Uint8Array> {
  const plain = await PDFDocument.load(await labelledPdf(label, 2), { updateMetadata: false });
  const { context } = plain;
  const md5 = (...parts: Uint8Array[]) => {
    const hash = createHash('md5');
    for (const part of parts) hash.update(part);
    return new Uint8Array(hash.digest());
  };
  const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
  const padding = Uint8Array.from(Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex'));
  const pad = (password: Uint8Array) => {
    const out = new Uint8Array(32);
    out.set(password.subarray(0, 32));
    out.set(padding.subarray(0, Math.max(0, 32 - password.length)), Math.min(32, password.length));
    return out;
  };
  // Algorithm 3: the /O entry, from the owner password.
  let ownerHash = md5(pad(latin1(passwords.owner)));
  for (let round = 0; round < 50; round += 1) ownerHash = md5(ownerHash);
  let owner = rc4(ownerHash, pad(latin1(passwords.user ?? '')));
  for (let round = 1; round <= 19; round += 1)
    owner = rc4(
      ownerHash.map((byte) => byte ^ round),
      owner,
    );
  const firstId = md5(latin1(label));
  const permissions = -3904;
  const key = fileKeyR2to4({
    password: latin1(passwords.user ?? ''),
    owner,
    permissions,
    firstId,
    revision: 3,
    lengthBytes: 16,
    encryptMetadata: true,
  });
  const user = new Uint8Array(32);
  user.set(userEntryR2to4(key, 3, firstId));
  // Every stream encrypted with its object's key (the fixture's PDFs hold no strings).
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const objectKey = new Uint8Array(21);
    objectKey.set(key);
    objectKey.set([ref.objectNumber & 0xff, (ref.objectNumber >> 8) & 0xff, (ref.objectNumber >> 16) & 0xff, 0, 0], 16);
    context.assign(ref, PDFRawStream.of(object.dict, rc4(md5(objectKey).subarray(0, 16), object.contents)));
  }
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 2,
      R: 3,
      Length: 128,
      P: permissions,
      O: PDFHexString.of(Buffer.from(owner).toString('hex')),
      U: PDFHexString.of(Buffer.from(user).toString('hex')),
    }),
  );
  const id = PDFHexString.of(Buffer.from(firstId).toString('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
  return plain.save({ useObjectStreams: false });
}

// ISO 32000-2 algorithm 2.B, written here apart from the app's check so the one tests the other.
function hashR6ForTest(password: Uint8Array, salt: Uint8Array, userData: Uint8Array): Uint8Array {
  let key: Uint8Array = createHash('sha256').update(password).update(salt).update(userData).digest();
  let round = 0;
  let last = 0;
  while (round < 64 || last > round - 32) {
    const once = Buffer.concat([password, key, userData]);
    const cipher = createCipheriv('aes-128-cbc', key.subarray(0, 16), key.subarray(16, 32)).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(Buffer.concat(Array.from({ length: 64 }, () => once))), cipher.final()]);
    const remainder = encrypted.subarray(0, 16).reduce((sum, byte) => sum + byte, 0) % 3;
    key = createHash(['sha256', 'sha384', 'sha512'][remainder] ?? 'sha256')
      .update(encrypted)
      .digest();
    last = encrypted[encrypted.length - 1] ?? 0;
    round += 1;
  }
  return key.subarray(0, 32);
}

/** A PDF encrypted as Acrobat does today (revision 6, AES-256), with or without a user password. */
export async function aes256PasswordPdf(label: string, passwords: { owner: string; user?: string }): Promise<Uint8Array> {
  const plain = await PDFDocument.load(await labelledPdf(label, 2), { updateMetadata: false });
  const { context } = plain;
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
  const fileKey = randomBytes(32);
  const aes = (key: Uint8Array, data: Uint8Array) => {
    const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  };
  const userPassword = utf8(passwords.user ?? '');
  const [userValidation, userKeySalt] = [randomBytes(8), randomBytes(8)];
  const user = Buffer.concat([hashR6ForTest(userPassword, userValidation, new Uint8Array()), userValidation, userKeySalt]);
  const userKey = aes(hashR6ForTest(userPassword, userKeySalt, new Uint8Array()), fileKey);
  const ownerPassword = utf8(passwords.owner);
  const [ownerValidation, ownerKeySalt] = [randomBytes(8), randomBytes(8)];
  const owner = Buffer.concat([hashR6ForTest(ownerPassword, ownerValidation, user), ownerValidation, ownerKeySalt]);
  const ownerKey = aes(hashR6ForTest(ownerPassword, ownerKeySalt, user), fileKey);
  const permissions = -3904;
  const permsPlain = Buffer.alloc(16);
  permsPlain.writeInt32LE(permissions, 0);
  permsPlain.writeInt32LE(-1, 4);
  permsPlain.write('Tadb', 8, 'latin1');
  const permsCipher = createCipheriv('aes-256-ecb', fileKey, null).setAutoPadding(false);
  const perms = Buffer.concat([permsCipher.update(permsPlain), permsCipher.final()]);
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', fileKey, iv);
    context.assign(ref, PDFRawStream.of(object.dict, Buffer.concat([iv, cipher.update(object.contents), cipher.final()])));
  }
  const hex = (bytes: Uint8Array) => PDFHexString.of(Buffer.from(bytes).toString('hex'));
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 5,
      R: 6,
      Length: 256,
      CF: { StdCF: { CFM: 'AESV3', AuthEvent: 'DocOpen', Length: 32 } },
      StmF: 'StdCF',
      StrF: 'StdCF',
      P: permissions,
      O: hex(owner),
      U: hex(user),
      OE: hex(ownerKey),
      UE: hex(userKey),
      Perms: hex(perms),
    }),
  );
  const id = hex(randomBytes(16));
  context.trailerInfo.ID = context.obj([id, id]);
  return plain.save({ useObjectStreams: false });
}
