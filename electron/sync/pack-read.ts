import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { ImportOutcome, Problem } from '../../shared/ipc/contract';
import { PACK_LIMITS, PACK_MANIFEST_SUFFIX, type PackManifest, type PackPaper } from '../../shared/pack/schema';
import { validatePackBytes } from '../../shared/pack/validate';
import { entryDataOffset, formatSize, hasZipSignature, readZipDirectory, type ZipEntry } from '../../shared/files/zip-directory';
import type { ExaminedFile, ExamineResult, PackLocation } from './examine-types';
import { isIgnoredName } from '../../shared/files/file-kinds';
import { readFileForImport } from './read-file';

// Reads a meeting pack: a folder (or a .pack.json in it) or a .zip holding a .pack.json and the
// papers. Everything is treated as hostile: paths are checked before they are joined, zip
// entries are listed and size-checked before any is inflated (and inflated with a hard cap),
// and every paper must start like a PDF, match the SHA-256 the manifest gives and have the
// pages it says. One bad paper refuses the whole pack: a member must never read a pack with a
// paper silently missing.

export type { PackLocation } from './examine-types';

/** A paper as main checked it. */
export type CheckedPaper = { id: string; sha256: string; size: number; pageCount: number };

type Progress = (progress: { phase: 'reading' | 'validating' | 'done'; loaded: number; total: number }) => void;

// A paper must begin with the PDF header (after optional whitespace). Acrobat accepts the header
// anywhere in the first kilobyte, but so does an HTML page that only mentions "%PDF-" (a
// polyglot a browser would run): Oversight asks for the strict form.
const PDF_HEADER = /^[\t\n\f\r \0]*%PDF-\d\.\d/;
const HEADER_WINDOW = 1024;

const ZIP_LIMITS = {
  maxUncompressedBytes: PACK_LIMITS.maxPackBytes,
  maxEntries: 2000,
  maxRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
};

/**
 * Reads and checks a whole pack from a path: a folder, a `.pack.json` or a `.zip`. The app's
 * sync and the CLI both come here, so the CLI says exactly what the app would.
 */
export async function examinePack(
  filePath: string,
  options: { isKnown?: (sha256: string) => boolean | Promise<boolean>; onProgress?: Progress } = {},
): Promise<ExamineResult> {
  const name = path.basename(filePath);
  const stats = await fs.stat(filePath).catch(() => null);
  if (stats === null)
    return { status: 'unreadable', code: 'not-found', message: `${name} could not be found; it may have been moved or deleted` };

  if (stats.isDirectory()) {
    const found = await manifestInFolder(filePath);
    if (!found.ok) return { status: 'unreadable', code: 'not-a-pack', message: found.message };
    return examineManifestFile(found.manifestPath, name, options);
  }
  if (name.toLowerCase().endsWith('.zip')) return examineZip(filePath, name, options);
  return examineManifestFile(filePath, name, options);
}

/** The one `.pack.json` directly inside a folder. */
export async function manifestInFolder(folder: string): Promise<{ ok: true; manifestPath: string } | { ok: false; message: string }> {
  const name = path.basename(folder);
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => null);
  if (entries === null) return { ok: false, message: `The folder ${name} could not be read` };
  const manifests = entries.filter(
    (entry) => entry.isFile() && !isIgnoredName(entry.name) && entry.name.toLowerCase().endsWith(PACK_MANIFEST_SUFFIX),
  );
  if (manifests.length === 0) {
    return { ok: false, message: `The folder ${name} is not a meeting pack: it has no ${PACK_MANIFEST_SUFFIX} file listing the papers` };
  }
  if (manifests.length > 1) {
    return {
      ok: false,
      message: `The folder ${name} holds ${manifests.length} ${PACK_MANIFEST_SUFFIX} files (${manifests.map((entry) => entry.name).join(', ')}); a pack folder holds one`,
    };
  }
  return { ok: true, manifestPath: path.join(folder, manifests[0]?.name ?? '') };
}

async function examineManifestFile(
  manifestPath: string,
  shownName: string,
  options: { isKnown?: (sha256: string) => boolean | Promise<boolean>; onProgress?: Progress },
): Promise<ExamineResult> {
  const read = await readFileForImport(manifestPath, { maxBytes: PACK_LIMITS.maxManifestBytes });
  if (!read.ok) return { status: 'unreadable', code: read.error.code, message: read.error.message };
  const file: ExaminedFile = { name: shownName, sha256: read.sha256, size: read.size, modifiedAt: read.modifiedAt };
  if (await options.isKnown?.(read.sha256)) return { status: 'known', file };
  const location: PackLocation = { kind: 'folder', manifestPath };
  const outcome = await checkPack(read.bytes, read.sha256, location, undefined, options.onProgress);
  options.onProgress?.({ phase: 'done', loaded: 1, total: 1 });
  return { status: 'examined', file, outcome, location };
}

async function examineZip(
  zipPath: string,
  shownName: string,
  options: { isKnown?: (sha256: string) => boolean | Promise<boolean>; onProgress?: Progress },
): Promise<ExamineResult> {
  const read = await readFileForImport(zipPath, {
    maxBytes: PACK_LIMITS.maxPackBytes,
    onProgress: (progress) => options.onProgress?.({ phase: 'reading', ...progress }),
  });
  if (!read.ok) return { status: 'unreadable', code: read.error.code, message: read.error.message };
  const file: ExaminedFile = { name: shownName, sha256: read.sha256, size: read.size, modifiedAt: read.modifiedAt };
  if (await options.isKnown?.(read.sha256)) return { status: 'known', file };
  const finish = (outcome: ImportOutcome, location?: PackLocation) => {
    options.onProgress?.({ phase: 'done', loaded: read.size, total: read.size });
    return location ? { status: 'examined' as const, file, outcome, location } : { status: 'examined' as const, file, outcome };
  };

  const zip = openPackZip(read.bytes, shownName);
  if (!zip.ok) return finish(invalid(zip.errors));
  const manifest = zip.read(zip.manifestEntry);
  if (!manifest.ok) return finish(invalid([{ path: zip.manifestEntry.name, message: manifest.message }]));
  const location: PackLocation = { kind: 'zip', zipPath, manifestEntry: zip.manifestEntry.name };
  const manifestSha = createHash('sha256').update(manifest.bytes).digest('hex');
  return finish(await checkPack(manifest.bytes, manifestSha, location, zip, options.onProgress), location);
}

type OpenZip = {
  ok: true;
  manifestEntry: ZipEntry;
  /** The folder inside the zip the manifest sits in ('' at the top), with a trailing "/". */
  base: string;
  entries: ReadonlyMap<string, ZipEntry>;
  read(entry: ZipEntry): { ok: true; bytes: Uint8Array } | { ok: false; message: string };
};

/** Lists a pack zip's entries (checked against the bomb and path guards) and finds its one manifest. */
export function openPackZip(bytes: Uint8Array, shownName: string): OpenZip | { ok: false; errors: Problem[] } {
  if (!hasZipSignature(bytes))
    return { ok: false, errors: [{ path: shownName, message: `${shownName} is not a zip file; it may be damaged or renamed` }] };
  const directory = readZipDirectory(bytes, shownName, ZIP_LIMITS);
  if (!directory.ok)
    return { ok: false, errors: directory.errors.map((problem) => ({ ...problem, message: inPackWords(problem.message) })) };
  const files = directory.entries.filter((entry) => !entry.name.endsWith('/'));
  const manifests = files.filter((entry) => {
    const last = entry.name.split('/').pop() ?? '';
    // macOS adds __MACOSX/ copies with "._" names to zips it makes: they are not the pack.
    return !entry.name.startsWith('__MACOSX/') && !isIgnoredName(last) && last.toLowerCase().endsWith(PACK_MANIFEST_SUFFIX);
  });
  if (manifests.length !== 1) {
    return {
      ok: false,
      errors: [
        {
          path: shownName,
          message:
            manifests.length === 0
              ? `${shownName} is not a meeting pack: it holds no ${PACK_MANIFEST_SUFFIX} file listing the papers`
              : `${shownName} holds ${manifests.length} ${PACK_MANIFEST_SUFFIX} files; a pack holds one`,
        },
      ],
    };
  }
  const manifestEntry = manifests[0] as ZipEntry;
  const slash = manifestEntry.name.lastIndexOf('/');
  return {
    ok: true,
    manifestEntry,
    base: slash < 0 ? '' : manifestEntry.name.slice(0, slash + 1),
    entries: new Map(files.map((entry) => [entry.name, entry])),
    read: (entry) => inflateEntry(bytes, entry),
  };
}

// The directory's sizes are only claims: each entry is inflated with a hard ceiling at its
// declared size, so an entry that lies about its size is refused before it fills memory.
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const start = entryDataOffset(bytes, entry);
  if (start < 0) return { ok: false, message: `The pack is damaged: the file "${entry.name}" inside it is cut short.` };
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return { ok: true, bytes: data };
  try {
    const output = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    if (output.length !== entry.uncompressedSize) {
      return { ok: false, message: `The pack is damaged: the file "${entry.name}" inside it is not the size its zip directory says.` };
    }
    return { ok: true, bytes: new Uint8Array(output.buffer, output.byteOffset, output.length) };
  } catch (error) {
    const isTooLarge = error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE');
    return {
      ok: false,
      message: isTooLarge
        ? `The file "${entry.name}" in the pack expands to more than the ${formatSize(entry.uncompressedSize)} its zip directory declares. That is how "zip bombs" are built, so the pack was refused.`
        : `The pack is damaged: the file "${entry.name}" inside it cannot be decompressed.`,
    };
  }
}

// The zip guards were written for spreadsheet trackers; their findings are put in a pack's words.
function inPackWords(message: string): string {
  if (message.includes('password-protected')) return 'The pack’s zip is password-protected; ask the clerk for one without a password.';
  return message
    .replaceAll('The workbook', 'The pack')
    .replaceAll('the workbook', 'the pack')
    .replaceAll('a normal tracker', 'a meeting pack')
    .replaceAll('a tracker needs', 'a meeting pack needs')
    .replaceAll('that Excel does not write', 'that Oversight does not read');
}

async function checkPack(
  manifestBytes: Uint8Array,
  manifestSha256: string,
  location: PackLocation,
  zip: OpenZip | undefined,
  onProgress: Progress | undefined,
): Promise<ImportOutcome> {
  const validation = validatePackBytes(manifestBytes);
  if (!validation.ok) return { status: 'invalid', errors: validation.errors, warnings: validation.warnings };
  const { pack } = validation;
  const errors: Problem[] = [];
  const warnings: Problem[] = [...validation.warnings];
  const papers: CheckedPaper[] = [];
  const total = pack.papers.length;
  for (const [index, paper] of pack.papers.entries()) {
    onProgress?.({ phase: 'validating', loaded: index, total });
    const where = `$.papers[${index}]`;
    const read = await readPaperBytes(location, zip, paper);
    if (!read.ok) {
      errors.push({ path: where, message: read.message });
      continue;
    }
    const checked = await checkPaper(read.bytes, paper, where);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    if (checked.errors.length === 0)
      papers.push({ id: paper.id, sha256: paper.sha256, size: read.bytes.length, pageCount: checked.pageCount });
  }
  if (errors.length > 0) return { status: 'invalid', errors, warnings };
  return { status: 'pack', pack, manifestSha256, papers, warnings };
}

/** Checks a paper's bytes against the manifest: a PDF, the promised SHA-256, the promised pages. */
export async function checkPaper(
  bytes: Uint8Array,
  paper: Pick<PackPaper, 'id' | 'file' | 'sha256' | 'pageCount' | 'title'>,
  where: string,
): Promise<{ errors: Problem[]; warnings: Problem[]; pageCount: number }> {
  const label = `Paper "${paper.id}" (${paper.file})`;
  if (!isPdf(bytes)) {
    return {
      errors: [
        {
          path: `${where}.file`,
          message: `${label} is not a PDF: the file does not start like one. It may be a Word file renamed, or damaged.`,
        },
      ],
      warnings: [],
      pageCount: 0,
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== paper.sha256) {
    return {
      errors: [
        {
          path: `${where}.sha256`,
          message: `${label} is not the file the pack lists: its SHA-256 differs, so it was changed or swapped after the pack was made. Ask the clerk for the pack again.`,
        },
      ],
      warnings: [],
      pageCount: 0,
    };
  }
  const counted = await countPages(bytes);
  // A file whose pages cannot be counted is damaged or not really a PDF: refused, not passed on.
  if (counted === null || counted < 1) {
    return {
      errors: [
        {
          path: `${where}.pageCount`,
          message: `${label} is damaged: its pages could not be read, so it was not added. Ask the clerk for the paper again.`,
        },
      ],
      warnings: [],
      pageCount: 0,
    };
  }
  if (counted !== paper.pageCount) {
    return {
      errors: [
        {
          path: `${where}.pageCount`,
          message: `${label} has ${counted} page${counted === 1 ? '' : 's'}, but the pack says ${paper.pageCount}: the pack may list the wrong file.`,
        },
      ],
      warnings: [],
      pageCount: counted,
    };
  }
  return { errors: [], warnings: [], pageCount: counted };
}

/** Whether bytes start like a PDF: "%PDF-n.n" at the very start, after optional whitespace. */
export function isPdf(bytes: Uint8Array): boolean {
  return PDF_HEADER.test(String.fromCharCode(...bytes.subarray(0, HEADER_WINDOW)));
}

// pdf-lib parses the whole file; null when it cannot, which the caller refuses.
async function countPages(bytes: Uint8Array): Promise<number | null> {
  try {
    const document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
    return document.getPageCount();
  } catch {
    return null;
  }
}

async function readPaperBytes(
  location: PackLocation,
  zip: OpenZip | undefined,
  paper: Pick<PackPaper, 'id' | 'file'>,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const label = `Paper "${paper.id}" (${paper.file})`;
  if (location.kind === 'zip') {
    if (!zip) return { ok: false, message: `${label} could not be read from the pack` };
    const entry = zip.entries.get(`${zip.base}${paper.file}`);
    if (!entry)
      return {
        ok: false,
        message: `${label} is missing from the pack: the zip has no file "${paper.file}" beside the ${PACK_MANIFEST_SUFFIX}.`,
      };
    if (entry.uncompressedSize > PACK_LIMITS.maxPaperBytes) {
      return {
        ok: false,
        message: `${label} is ${formatSize(entry.uncompressedSize)}, more than the ${formatSize(PACK_LIMITS.maxPaperBytes)} a paper may be.`,
      };
    }
    const read = zip.read(entry);
    return read.ok ? read : { ok: false, message: read.message };
  }
  const folder = path.dirname(location.manifestPath);
  const resolved = path.resolve(folder, ...paper.file.split('/'));
  // The schema already refused "..", absolute paths and drive letters; this is the second lock.
  if (!isInside(folder, resolved)) return { ok: false, message: `${label} points outside the pack's folder, so it was refused.` };
  // A shortcut (symlink) inside the pack must not lead out of it either.
  const [realFolder, realFile] = await Promise.all([fs.realpath(folder).catch(() => folder), fs.realpath(resolved).catch(() => null)]);
  if (realFile === null)
    return { ok: false, message: `${label} is missing: there is no file "${paper.file}" beside the ${PACK_MANIFEST_SUFFIX}.` };
  if (!isInside(realFolder, realFile))
    return { ok: false, message: `${label} is a shortcut to a file outside the pack's folder, so it was refused.` };
  const read = await readFileForImport(resolved, { maxBytes: PACK_LIMITS.maxPaperBytes });
  if (!read.ok) {
    return {
      ok: false,
      message:
        read.error.code === 'not-found'
          ? `${label} is missing: there is no file "${paper.file}" beside the ${PACK_MANIFEST_SUFFIX}.`
          : `${label}: ${read.error.message}`,
    };
  }
  return { ok: true, bytes: read.bytes };
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Reads one paper of a pack examined earlier, for the renderer to store: read again from where
 * it was, and checked against the SHA-256 main validated, so a file changed since is refused.
 */
export async function readPackPaper(
  location: PackLocation,
  paper: Pick<PackPaper, 'id' | 'file' | 'sha256'>,
  zipBytes?: () => Promise<Uint8Array | null>,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  let zip: OpenZip | undefined;
  if (location.kind === 'zip') {
    const bytes = await zipBytes?.();
    if (!bytes) return { ok: false, message: 'The pack is no longer where it was read from; import it again.' };
    const opened = openPackZip(bytes, path.basename(location.zipPath));
    if (!opened.ok) return { ok: false, message: opened.errors[0]?.message ?? 'The pack could not be read again.' };
    zip = opened;
  }
  const read = await readPaperBytes(location, zip, paper);
  if (!read.ok) return read;
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  if (sha256 !== paper.sha256) {
    return { ok: false, message: `Paper "${paper.id}" changed since the pack was checked; import the pack again.` };
  }
  return read;
}

/** Reads a pack's manifest from where it was examined (for fetching papers by id later). */
export function paperById(pack: PackManifest, paperId: string): PackPaper | undefined {
  return pack.papers.find((paper) => paper.id === paperId);
}

function invalid(errors: Problem[]): ImportOutcome {
  return { status: 'invalid', errors, warnings: [] };
}
