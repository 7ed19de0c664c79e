import type { Problem } from '../plan/problem';

// An .xlsx file is a zip. Before any zip library inflates it, its central directory (the
// index at the end of the file) is read here and checked against limits, so a crafted file
// cannot make the app inflate gigabytes ("zip bomb") or carry entries named outside the
// archive. Only the directory is read; nothing is decompressed.

/** One entry of a zip's central directory. */
export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header from the start of the file. */
  localHeaderOffset: number;
};

/** Limits a zip must keep within to be opened. */
export type ZipLimits = {
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Compressed-to-uncompressed ratio allowed for entries larger than `ratioCheckFromBytes`. */
  maxRatio: number;
  ratioCheckFromBytes: number;
};

/** The limits used when the caller sets none: 100 MB in all, 10,000 entries, 100:1 for entries over 1 MB. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Whether bytes start like a zip (a local header, or the end record of an empty zip). */
export function hasZipSignature(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

/** Whether bytes start like an OLE compound file: an encrypted (password-protected) workbook or an old .xls. */
export function hasCompoundFileSignature(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && signature.every((byte, index) => bytes[index] === byte);
}

function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  let latin = '';
  for (const byte of bytes) latin += String.fromCharCode(byte);
  if (!isUtf8) return latin;
  try {
    // Percent-encoding each byte lets decodeURIComponent do strict UTF-8 decoding without TextDecoder.
    let encoded = '';
    for (const byte of bytes) encoded += `%${byte.toString(16).padStart(2, '0')}`;
    return decodeURIComponent(encoded);
  } catch {
    return latin;
  }
}

/** Why an entry name is unsafe (absolute, a drive letter, `..`, a NUL), or undefined when it is safe. */
export function unsafeEntryNameProblem(name: string): string | undefined {
  if (name.includes('\u0000')) return 'contains a NUL character';
  if (name.startsWith('/') || name.startsWith('\\')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.split(/[\\/]/).some((segment) => segment === '..')) return 'contains ".." and would point outside the workbook';
  return undefined;
}

/** A size as people read it: "812 bytes", "34 KB", "4,096 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 100 ? Math.round(megabytes).toLocaleString('en-GB') : megabytes.toFixed(1)} MB`;
}

/**
 * Reads and checks a zip's central directory: the entries, or the problems that make the file
 * unsafe or not a zip. `file` names the file in messages.
 */
export function readZipDirectory(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { ok: true; entries: ZipEntry[] } | { ok: false; errors: Problem[] } {
  const refuse = (message: string) => ({ ok: false as const, errors: [{ path: file, message }] });
  const notXlsx =
    'This is not an Excel .xlsx file (it is not a zip archive). Save the tracker from Excel as "Excel Workbook (.xlsx)" or as CSV.';
  if (bytes.length < END_RECORD_SIZE) return refuse(notXlsx);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KB.
  let end = -1;
  const earliest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let offset = bytes.length - END_RECORD_SIZE; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) {
    return refuse(
      hasZipSignature(bytes)
        ? 'The workbook is incomplete or damaged (the end of the zip archive is missing); it may have been cut short while copying.'
        : notXlsx,
    );
  }

  const diskNumber = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    return refuse('The workbook is split across several files (a multi-part zip), which cannot be read.');
  }
  // Saturated fields mean a ZIP64 archive: only needed beyond 4 GB or 65,535 entries, both far past any tracker.
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return refuse('The workbook is too large to open (it uses ZIP64, meant for archives over 4 GB or 65,535 files).');
  }
  if (entryCount > limits.maxEntries) {
    return refuse(
      `The workbook holds ${entryCount.toLocaleString('en-GB')} files, more than the ${limits.maxEntries.toLocaleString('en-GB')} allowed; it is not a normal tracker.`,
    );
  }
  if (entryCount === 0) return refuse('The workbook is empty (its zip archive holds no files).');
  if (directoryOffset + directorySize > end) {
    return refuse('The workbook is damaged: its zip directory points outside the file.');
  }

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== DIRECTORY_ENTRY) {
      return refuse(`The workbook is damaged: entry ${index + 1} of its zip directory cannot be read.`);
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > end) return refuse(`The workbook is damaged: entry ${index + 1} of its zip directory is cut short.`);
    const name = decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength), (flags & 0x0800) !== 0);
    offset += 46 + nameLength + extraLength + commentLength;

    const shownName = JSON.stringify(name.length > 80 ? `${name.slice(0, 77)}…` : name);
    const nameProblem = unsafeEntryNameProblem(name);
    if (nameProblem !== undefined)
      return refuse(`The workbook contains a file named ${shownName}, which ${nameProblem}; it was refused as unsafe.`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      return refuse(`The workbook's file ${shownName} is too large to open (ZIP64).`);
    }
    if ((flags & 0x0001) !== 0)
      return refuse('The workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook) and save it again.');
    if (method !== 0 && method !== 8) {
      return refuse(`The workbook's file ${shownName} uses a compression method (${method}) that Excel does not write; it was refused.`);
    }
    if (localHeaderOffset + 30 > directoryOffset || view.getUint32(localHeaderOffset, true) !== LOCAL_HEADER) {
      return refuse(`The workbook is damaged: the file ${shownName} is not where its zip directory says.`);
    }
    if (method === 0 && compressedSize !== uncompressedSize) {
      return refuse(`The workbook is damaged: the stored file ${shownName} has two different sizes.`);
    }
    if (uncompressedSize > limits.ratioCheckFromBytes && uncompressedSize / Math.max(compressedSize, 1) > limits.maxRatio) {
      return refuse(
        `The workbook's file ${shownName} would expand from ${formatSize(compressedSize)} to ${formatSize(uncompressedSize)} (over ${limits.maxRatio} to 1). That is how "zip bombs" are built, so it was refused.`,
      );
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      return refuse(
        `The workbook would expand to more than ${formatSize(limits.maxUncompressedBytes)}, which is far more than a tracker needs; it was refused.`,
      );
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return { ok: true, entries };
}

/** Where an entry's compressed data starts (after its local header), or -1 when the header is damaged. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return -1;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize > bytes.length ? -1 : start;
}
