import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  ParseSpeeds,
  type PDFObject,
} from 'pdf-lib';
import type { Problem } from '../../shared/plan/validate';
import {
  checkDraft,
  compareAgendaNumbers,
  makeManifest,
  missingParagraphMessage,
  parsePaperName,
  type DraftItem,
  type DraftPaper,
  type PackDraft,
  type PlacedPaper,
} from '../../shared/pack/make';
import { PACK_LIMITS, type PackManifest } from '../../shared/pack/schema';
import { formatSize } from '../../shared/files/zip-directory';
import { describeWriteError } from '../fs/atomic-write';
import { encryptionOf } from './pdf-encryption';
import type { ExamineResult } from '../sync/examine';
import { isIgnoredName } from '../../shared/files/file-kinds';
import { examinePack, isPdf } from '../sync/pack-read';
import { readFileForImport } from '../sync/read-file';
import { makeZipArchive } from './zip-write';

// Making a pack from the PDFs a clerk already has: a folder with one PDF per paper, or one
// combined "agenda reports pack" split at its top-level bookmarks. The pages of a combined pack
// are copied with pdf-lib (copyPages), never re-rendered, so text, links and fonts stay as they
// were. The names and the manifest are shared/pack/make.ts; this file reads, splits and writes.
// Nothing is written until every source has been read and checked, and the zip is checked as
// `oversight-cli validate` would check it before it takes its final name.

/** What a source gave: the agenda rows (with their papers), the front sheet, and each paper's bytes by SHA-256. */
export type ReadSource = {
  ok: true;
  kind: 'folder' | 'combined';
  items: DraftItem[];
  frontSheet?: DraftPaper;
  bytes: Map<string, Uint8Array>;
  warnings: Problem[];
};

export type SourceFailure = { ok: false; errors: Problem[]; warnings: Problem[] };

/** Reads a pack's source: a folder of PDFs, or one combined PDF with bookmarks. */
export async function readPackSource(source: string): Promise<ReadSource | SourceFailure> {
  const stats = await fs.stat(source).catch(() => null);
  const name = path.basename(source);
  if (stats === null) return failed(source, `${name} could not be found.`);
  if (stats.isDirectory()) return readFolder(source);
  if (!name.toLowerCase().endsWith('.pdf')) {
    return failed(source, `${name} is neither a folder of PDFs nor a PDF. Give the folder of papers, or the combined agenda pack PDF.`);
  }
  return readCombined(source);
}

/** Reads several PDFs chosen one by one (the app's file dialog, or a drop), one paper each, as a folder would be. */
export async function readPackFiles(files: readonly string[]): Promise<ReadSource | SourceFailure> {
  return readPdfFiles(
    files.map((file) => ({ name: path.basename(file), file })),
    [],
  );
}

function failed(where: string, message: string, warnings: Problem[] = []): SourceFailure {
  return { ok: false, errors: [{ path: where, message }], warnings };
}

async function readFolder(folder: string): Promise<ReadSource | SourceFailure> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => null);
  if (entries === null) return failed(folder, `The folder ${path.basename(folder)} could not be read.`);
  const warnings: Problem[] = [];
  const pdfs: Array<{ name: string; file: string }> = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
    if (isIgnoredName(entry.name)) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      warnings.push({ path: file, message: `The folder "${entry.name}" was left out: papers are read from the top of the folder only.` });
    } else if (!entry.name.toLowerCase().endsWith('.pdf')) {
      warnings.push({ path: file, message: `"${entry.name}" was left out: it is not a PDF. Save it as PDF to include it.` });
    } else pdfs.push({ name: entry.name, file });
  }
  if (pdfs.length === 0) return failed(folder, `The folder ${path.basename(folder)} holds no PDFs to make papers from.`, warnings);
  return readPdfFiles(pdfs, warnings);
}

async function readPdfFiles(pdfs: ReadonlyArray<{ name: string; file: string }>, warnings: Problem[]): Promise<ReadSource | SourceFailure> {
  const errors: Problem[] = [];
  const bytes = new Map<string, Uint8Array>();
  const rows: Array<{ parsed: ReturnType<typeof parsePaperName>; paper: DraftPaper; name: string }> = [];
  let total = 0;
  for (const pdf of pdfs) {
    const read = await readPdf(pdf.file, pdf.name, PACK_LIMITS.maxPaperBytes);
    if (!read.ok) {
      errors.push({ path: pdf.file, message: read.message });
      continue;
    }
    total += read.bytes.length;
    if (read.isEncrypted)
      warnings.push({
        path: pdf.file,
        message: `"${pdf.name}" has restrictions set with an owner password; it opens without a password, so it was added as it is.`,
      });
    const parsed = parsePaperName(pdf.name);
    const sha256 = hash(read.bytes);
    bytes.set(sha256, read.bytes);
    rows.push({
      parsed,
      name: pdf.name,
      paper: { source: pdf.name, title: parsed.title, sha256, pageCount: read.document.getPageCount() },
    });
  }
  if (total > PACK_LIMITS.maxPackBytes) {
    errors.push({
      path: pdfs[0]?.file ?? '',
      message: `The papers come to ${formatSize(total)}, more than the ${formatSize(PACK_LIMITS.maxPackBytes)} a pack may be.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  const items = numberRows(
    rows.map((row) => ({ ...row, where: row.name })),
    warnings,
    'file',
  );
  items.sort((a, b) => compareAgendaNumbers(a.number, b.number));
  return { ok: true, kind: 'folder', items, bytes, warnings };
}

// Names with no number keep their place after the numbered ones, numbered on from the highest,
// and the clerk is told, so a pack is never refused for a name alone.
function numberRows(
  rows: ReadonlyArray<{ parsed: ReturnType<typeof parsePaperName>; paper?: DraftPaper; where: string }>,
  warnings: Problem[],
  noun: 'file' | 'bookmark',
): DraftItem[] {
  let next = Math.max(0, ...rows.map((row) => Number.parseInt(row.parsed.number ?? '0', 10) || 0)) + 1;
  return rows.map((row) => {
    let number = row.parsed.number;
    if (number === undefined) {
      number = String(next);
      next += 1;
      warnings.push({
        path: row.where,
        message:
          noun === 'file'
            ? `"${row.where}" has no agenda number in its name; it was made item ${number}. Name it "${number.padStart(2, '0')} ${row.parsed.title}.pdf" to choose.`
            : `The bookmark "${row.where}" has no agenda number; it was made item ${number}.`,
      });
    }
    if (row.parsed.isExempt && row.parsed.exemptParagraph === undefined) {
      warnings.push({
        path: row.where,
        message: missingParagraphMessage(number),
      });
    }
    return {
      number,
      title: row.parsed.title,
      presenter: '',
      decisionRequired: false,
      isExempt: row.parsed.isExempt,
      ...(row.parsed.exemptParagraph !== undefined ? { exemptParagraph: row.parsed.exemptParagraph } : {}),
      links: [],
      ...(row.paper ? { paper: row.paper } : {}),
    };
  });
}

type LoadedPdf = { ok: true; bytes: Uint8Array; document: PDFDocument; isEncrypted: boolean } | { ok: false; message: string };

async function readPdf(file: string, name: string, maxBytes: number): Promise<LoadedPdf> {
  const read = await readFileForImport(file, { maxBytes });
  if (!read.ok) {
    return {
      ok: false,
      message:
        read.error.code === 'too-large'
          ? `"${name}" is larger than the ${formatSize(maxBytes)} Oversight takes.`
          : `"${name}": ${read.error.message}`,
    };
  }
  if (!isPdf(read.bytes))
    return {
      ok: false,
      message: `"${name}" is not a PDF: it does not start like one. It may be another kind of file renamed, or damaged.`,
    };
  const loaded = await loadPdf(read.bytes, name);
  return loaded.ok ? { ok: true, bytes: read.bytes, document: loaded.document, isEncrypted: loaded.isEncrypted } : loaded;
}

async function loadPdf(
  bytes: Uint8Array,
  name: string,
): Promise<{ ok: true; document: PDFDocument; isEncrypted: boolean } | { ok: false; message: string }> {
  let document: PDFDocument;
  let isEncrypted = false;
  const options = { updateMetadata: false, throwOnInvalidObject: true, parseSpeed: ParseSpeeds.Fastest };
  try {
    document = await PDFDocument.load(bytes, options);
  } catch (error) {
    // pdf-lib's errors are compiled to ES5, so instanceof fails on them: its message is the sign.
    if (error instanceof EncryptedPDFError || (error instanceof Error && error.message.includes('is encrypted'))) {
      // Members' copies must open without a password: one with only an owner password (restrictions)
      // does, in every reader and in Oversight; one that needs a user password stays refused.
      const unlocked = await PDFDocument.load(bytes, { ...options, ignoreEncryption: true }).catch(() => null);
      if (!unlocked || encryptionOf(unlocked) !== 'open') {
        return {
          ok: false,
          message: `"${name}" is password-protected (encrypted): it needs a password to open, which members will not have. Save a copy without a password or restrictions (in Acrobat: File › Properties › Security › No Security) and try again.`,
        };
      }
      document = unlocked;
      isEncrypted = true;
    } else
      return {
        ok: false,
        message: `"${name}" is damaged: it could not be read as a PDF (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}).`,
      };
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch {
    pages = 0;
  }
  if (pages === 0) return { ok: false, message: `"${name}" is damaged or empty: no pages could be found in it.` };
  if (pages > PACK_LIMITS.maxPagesPerPaper) {
    return { ok: false, message: `"${name}" has ${pages} pages; a paper may have at most ${PACK_LIMITS.maxPagesPerPaper}.` };
  }
  return { ok: true, document, isEncrypted };
}

/** A top-level bookmark of a combined pack and the page (from 0) it opens, when it opens one. */
export type TopBookmark = { title: string; pageIndex: number | undefined };

/** The top-level entries of a PDF's outline (bookmarks), in order; children are parts of a paper, not papers. */
export function readTopLevelBookmarks(document: PDFDocument): TopBookmark[] {
  const { context, catalog } = document;
  const outlines = context.lookupMaybe(catalog.get(PDFName.of('Outlines')), PDFDict);
  if (!outlines) return [];
  const pageIndex = new Map<string, number>();
  document.getPages().forEach((page, index) => pageIndex.set(page.ref.toString(), index));
  const bookmarks: TopBookmark[] = [];
  const visited = new Set<string>();
  let current = outlines.get(PDFName.of('First'));
  // A hostile outline may loop back on itself; each entry is visited once.
  while (current instanceof PDFRef && !visited.has(current.toString()) && bookmarks.length < 10_000) {
    visited.add(current.toString());
    const item = context.lookupMaybe(current, PDFDict);
    if (!item) break;
    const title = textOf(context.lookup(item.get(PDFName.of('Title'))));
    const target = destinationPage(document, item);
    bookmarks.push({ title: title.trim(), pageIndex: target === undefined ? undefined : pageIndex.get(target.toString()) });
    current = item.get(PDFName.of('Next'));
  }
  return bookmarks;
}

function textOf(value: PDFObject | undefined): string {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return '';
}

// An outline entry opens a page by /Dest (an array, or a name looked up in /Dests or the /Names
// tree) or by a /GoTo action's /D.
function destinationPage(document: PDFDocument, item: PDFDict): PDFRef | undefined {
  const { context } = document;
  let destination = context.lookup(item.get(PDFName.of('Dest')));
  if (destination === undefined) {
    const action = context.lookupMaybe(item.get(PDFName.of('A')), PDFDict);
    if (action && action.get(PDFName.of('S')) === PDFName.of('GoTo')) destination = context.lookup(action.get(PDFName.of('D')));
  }
  if (destination instanceof PDFName || destination instanceof PDFString || destination instanceof PDFHexString) {
    destination = namedDestination(document, destination instanceof PDFName ? destination.decodeText() : destination.decodeText());
  }
  if (destination instanceof PDFDict) destination = context.lookup(destination.get(PDFName.of('D')));
  if (destination instanceof PDFArray) {
    const page = destination.get(0);
    return page instanceof PDFRef ? page : undefined;
  }
  return undefined;
}

function namedDestination(document: PDFDocument, name: string): PDFObject | undefined {
  const { context, catalog } = document;
  const dests = context.lookupMaybe(catalog.get(PDFName.of('Dests')), PDFDict);
  const direct = dests?.get(PDFName.of(name));
  if (direct) return context.lookup(direct);
  const names = context.lookupMaybe(catalog.get(PDFName.of('Names')), PDFDict);
  const tree = context.lookupMaybe(names?.get(PDFName.of('Dests')), PDFDict);
  return tree ? lookupNameTree(document, tree, name, 0) : undefined;
}

function lookupNameTree(document: PDFDocument, node: PDFDict, name: string, depth: number): PDFObject | undefined {
  if (depth > 32) return undefined;
  const { context } = document;
  const names = context.lookupMaybe(node.get(PDFName.of('Names')), PDFArray);
  if (names) {
    for (let index = 0; index + 1 < names.size(); index += 2) {
      if (textOf(context.lookup(names.get(index))) === name) return context.lookup(names.get(index + 1));
    }
  }
  const kids = context.lookupMaybe(node.get(PDFName.of('Kids')), PDFArray);
  for (let index = 0; kids && index < kids.size(); index += 1) {
    const kid = context.lookupMaybe(kids.get(index), PDFDict);
    const found = kid ? lookupNameTree(document, kid, name, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

async function readCombined(file: string): Promise<ReadSource | SourceFailure> {
  const name = path.basename(file);
  const read = await readPdf(file, name, PACK_LIMITS.maxPackBytes);
  if (!read.ok) return failed(file, read.message);
  // pdf-lib copies pages without decrypting them: pages cut from an encrypted pack would be unreadable.
  if (read.isEncrypted)
    return failed(
      file,
      `"${name}" has restrictions set with an owner password (it is encrypted), so its pages cannot be cut into separate papers. Save a copy without restrictions (in Acrobat: File › Properties › Security › No Security), or give the folder of separate report PDFs.`,
    );
  const { document } = read;
  const pageCount = document.getPageCount();
  const warnings: Problem[] = [];
  const bookmarks = readTopLevelBookmarks(document);
  if (bookmarks.length === 0) {
    return failed(
      file,
      `"${name}" has no bookmarks, so Oversight cannot tell where one paper ends and the next begins. Give the folder of separate report PDFs instead, or add a bookmark at the first page of each item.`,
    );
  }
  const placed: Array<{ title: string; pageIndex: number; order: number }> = [];
  bookmarks.forEach((bookmark, order) => {
    if (bookmark.pageIndex === undefined) {
      warnings.push({
        path: `${file}#bookmark ${order + 1}`,
        message: `The bookmark "${bookmark.title}" does not open a page of "${name}"; it was left out.`,
      });
    } else placed.push({ title: bookmark.title, pageIndex: bookmark.pageIndex, order });
  });
  if (placed.length === 0)
    return failed(file, `None of the bookmarks of "${name}" opens a page, so it cannot be split into papers.`, warnings);
  const sorted = [...placed].sort((a, b) => a.pageIndex - b.pageIndex || a.order - b.order);
  if (sorted.some((entry, index) => entry !== placed[index])) {
    warnings.push({ path: file, message: `The bookmarks of "${name}" are not in page order; papers were cut in page order.` });
  }
  const bytes = new Map<string, Uint8Array>();
  const copy = async (from: number, to: number, title: string): Promise<DraftPaper> => {
    const pages = await copyPages(document, from, to, title);
    const sha256 = hash(pages);
    bytes.set(sha256, pages);
    return { source: `pages ${from + 1}–${to} of ${name}`, title, sha256, pageCount: to - from };
  };
  const first = sorted[0]?.pageIndex ?? 0;
  const frontSheet = first > 0 ? await copy(0, first, 'Agenda front sheet') : undefined;
  const rows: Array<{ parsed: ReturnType<typeof parsePaperName>; paper?: DraftPaper; where: string }> = [];
  for (const [index, entry] of sorted.entries()) {
    const end = sorted[index + 1]?.pageIndex ?? pageCount;
    const parsed = parsePaperName(entry.title);
    if (end === entry.pageIndex) {
      // Several bookmarks on one page: items such as "Apologies" have no report of their own.
      warnings.push({
        path: `${file}#bookmark ${entry.order + 1}`,
        message: `The bookmark "${entry.title}" starts on the same page as the next; it was made an agenda item with no paper.`,
      });
      rows.push({ parsed, where: entry.title });
      continue;
    }
    rows.push({ parsed, where: entry.title, paper: await copy(entry.pageIndex, end, parsed.title) });
  }
  const items = numberRows(rows, warnings, 'bookmark');
  return { ok: true, kind: 'combined', items, ...(frontSheet ? { frontSheet } : {}), bytes, warnings };
}

/** Pages [from, to) of a document as a PDF of their own: copied objects, not re-rendered, so the text stays. */
export async function copyPages(source: PDFDocument, from: number, to: number, title: string): Promise<Uint8Array> {
  const target = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: to - from }, (_, offset) => from + offset);
  const pages = await target.copyPages(source, indices);
  for (const page of pages) target.addPage(page);
  target.setTitle(title);
  return target.save({ updateFieldAppearances: false });
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes of a pack zip: the manifest at the top as `<meeting id>.pack.json`, the papers in papers/. */
export function packZipBytes(manifest: PackManifest, placed: readonly PlacedPaper[], bytes: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const manifestName = `${manifest.meeting.id.replace(/[^A-Za-z0-9._-]+/g, '-')}.pack.json`;
  return makeZipArchive([
    { name: manifestName, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), deflate: true },
    ...placed.map((entry) => ({ name: entry.paper.file, bytes: bytes.get(entry.draft.sha256) ?? new Uint8Array() })),
  ]);
}

export type WrittenPack = {
  ok: true;
  file: string;
  manifest: PackManifest;
  papers: number;
  pages: number;
  size: number;
  warnings: Problem[];
};

export type PackWriteFailure = { ok: false; code: 'draft' | 'check' | 'exists' | 'write'; errors: Problem[]; warnings: Problem[] };

/**
 * Writes a draft as a pack zip at `target`, atomically: the zip is written beside the target
 * under a temporary name, checked exactly as `oversight-cli validate` checks a pack, and only
 * then renamed. On any problem nothing is left behind and an existing file is never replaced.
 */
export async function writePack(
  target: string,
  draft: PackDraft,
  bytes: ReadonlyMap<string, Uint8Array>,
  options: { overwrite?: boolean; warnings?: Problem[] } = {},
): Promise<WrittenPack | PackWriteFailure> {
  const warnings = [...(options.warnings ?? [])];
  const draftProblems = checkDraft(draft);
  if (draftProblems.length > 0) return { ok: false, code: 'draft', errors: draftProblems, warnings };
  const { manifest, placed } = makeManifest(draft);
  return writeCheckedZip(target, manifest, placed, bytes, { ...options, warnings });
}

/** Writes a made manifest and its papers as a zip, atomically, checked as `validate` checks it (see writePack). */
export async function writeCheckedZip(
  target: string,
  manifest: PackManifest,
  placed: readonly PlacedPaper[],
  bytes: ReadonlyMap<string, Uint8Array>,
  options: { overwrite?: boolean; warnings?: Problem[] } = {},
): Promise<WrittenPack | PackWriteFailure> {
  const warnings = [...(options.warnings ?? [])];
  const zip = packZipBytes(manifest, placed, bytes);
  if (zip.length > PACK_LIMITS.maxPackBytes) {
    return {
      ok: false,
      code: 'draft',
      errors: [
        {
          path: target,
          message: `The pack would be ${formatSize(zip.length)}, more than the ${formatSize(PACK_LIMITS.maxPackBytes)} a pack may be.`,
        },
      ],
      warnings,
    };
  }
  const exists = async () => (await fs.lstat(target).catch(() => null)) !== null;
  if (!options.overwrite && (await exists())) {
    return {
      ok: false,
      code: 'exists',
      errors: [{ path: target, message: `${path.basename(target)} already exists; choose another name.` }],
      warnings,
    };
  }
  // The temporary name ends ".zip" so the check reads it exactly as it will read the pack.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp.zip`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(zip);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const checked = await examinePack(temp);
    const problems = checkProblems(checked, path.basename(target));
    if (problems.errors.length > 0) {
      await fs.rm(temp, { force: true });
      return { ok: false, code: 'check', errors: problems.errors, warnings: [...warnings, ...problems.warnings] };
    }
    if (!options.overwrite && (await exists())) {
      await fs.rm(temp, { force: true });
      return {
        ok: false,
        code: 'exists',
        errors: [{ path: target, message: `${path.basename(target)} already exists; choose another name.` }],
        warnings,
      };
    }
    await fs.rename(temp, target);
    const pages = manifest.papers.reduce((sum, paper) => sum + paper.pageCount, 0);
    return {
      ok: true,
      file: target,
      manifest,
      papers: manifest.papers.length,
      pages,
      size: zip.length,
      warnings: [...warnings, ...problems.warnings],
    };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, code: 'write', errors: [{ path: target, message: describeWriteError(error, target).message }], warnings };
  }
}

function checkProblems(result: ExamineResult, shownName: string): { errors: Problem[]; warnings: Problem[] } {
  if (result.status === 'unreadable') return { errors: [{ path: shownName, message: result.message }], warnings: [] };
  if (result.status === 'known') return { errors: [], warnings: [] };
  const { outcome } = result;
  if (outcome.status === 'pack') return { errors: [], warnings: outcome.warnings };
  if (outcome.status === 'invalid') return { errors: outcome.errors, warnings: outcome.warnings };
  return { errors: [{ path: shownName, message: 'The pack written was not read back as a meeting pack.' }], warnings: [] };
}
