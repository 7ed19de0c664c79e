import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  PUBLICATION_LIMITS,
  PUBLISHED_SUFFIXES,
  openBoardFile,
  type OpenedBoardFile,
  type PublishedFile,
  type PublishedKind,
} from '../../shared/board/file';
import { publicationFolder } from '../../shared/board/names';
import { describeWriteError } from '../fs/atomic-write';

// The clerk's publications in the board folder (docs/formats/board-folder-v1.md, "Publications"):
// the files (a pack's zip can be hundreds of megabytes) are streamed from where the clerk chose
// them into published/<member>/<device>/<n>/, each to a temporary name, flushed, then renamed,
// hashed as they stream; the signed manifest that lists their sizes and hashes is written last
// by the renderer (it holds the key), so a reader never finds a manifest before its files.

/** A file the clerk chose to publish, with its kind and whether it carries exempt material. */
export type PublishSource = { path: string; kind: PublishedKind; exempt: boolean };

export type CopyResult = { ok: true; sequence: number; files: PublishedFile[] } | { ok: false; code: string; message: string };

/** The kind a chosen file is published as, from its name; null for a file the board folder does not carry. */
export function publishedKindOf(fileName: string): PublishedKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.decisions.json')) return 'decisions';
  if (lower.endsWith('.plan.json')) return 'plan';
  if (lower.endsWith('.answers.xlsx')) return 'answers';
  if (lower.endsWith('.zip')) return 'pack';
  return null;
}

/** A short, lower-case ASCII name a sync client and Windows keep as it is, ending as its kind must. */
export function publishedName(fileName: string, kind: PublishedKind, index: number): string {
  const suffix = PUBLISHED_SUFFIXES[kind];
  const stem = fileName
    .slice(0, fileName.length - suffix.length)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${String(index + 1).padStart(2, '0')}-${stem || kind}${suffix}`;
}

/** The next publication number of this device: one past any manifest or folder already there (a copy that stopped half-way included). */
export async function nextPublicationSequence(root: string, memberId: string, deviceId: string): Promise<number> {
  const folder = path.join(root, 'published', memberId, deviceId);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  let highest = 0;
  for (const name of names) {
    const match = /^(\d{6,16})(\.json)?$/.exec(name);
    if (match?.[1]) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

/** Streams the chosen files into a new publication folder of this device. Nothing is overwritten. */
export async function copyForPublication(
  root: string,
  memberId: string,
  deviceId: string,
  sources: readonly PublishSource[],
): Promise<CopyResult> {
  if (sources.length === 0) return { ok: false, code: 'invalid-argument', message: 'Choose at least one file to publish.' };
  if (sources.length > PUBLICATION_LIMITS.maxFiles) {
    return { ok: false, code: 'invalid-argument', message: `A publication carries at most ${PUBLICATION_LIMITS.maxFiles} files.` };
  }
  const sequence = await nextPublicationSequence(root, memberId, deviceId);
  const folder = path.join(root, ...publicationFolder(memberId, deviceId, sequence).split('/'));
  const files: PublishedFile[] = [];
  try {
    await fs.mkdir(folder, { recursive: true });
    for (const [index, source] of sources.entries()) {
      const name = publishedName(path.basename(source.path), source.kind, index);
      const stat = await fs.stat(source.path);
      if (!stat.isFile() || stat.size === 0)
        return { ok: false, code: 'invalid-argument', message: `${path.basename(source.path)} is empty or not a file.` };
      if (stat.size > PUBLICATION_LIMITS.maxFileBytes) {
        return { ok: false, code: 'too-large', message: `${path.basename(source.path)} is larger than a board folder carries (2 GB).` };
      }
      const copied = await streamCopy(source.path, path.join(folder, name));
      files.push({ name, kind: source.kind, bytes: copied.bytes, sha256: copied.sha256, exempt: source.exempt });
    }
  } catch (error) {
    const described = describeWriteError(error, folder);
    return { ok: false, code: described.code, message: described.message };
  }
  return { ok: true, sequence, files };
}

// One file: streamed through SHA-256 into a temporary name beside the target, flushed, renamed.
async function streamCopy(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  const temp = path.join(path.dirname(to), `.${path.basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await fs.open(temp, 'wx');
  try {
    for await (const chunk of createReadStream(from)) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      await handle.write(buffer);
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    // A file of ours is written once: an existing one is never replaced.
    await fs.link(temp, to);
  } finally {
    await fs.rm(temp, { force: true });
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A publication whose manifest verified and whose every file is whole and hashes as it says. */
export type CheckedPublication =
  | { status: 'ready'; file: Extract<OpenedBoardFile, { kind: 'publication' }>; paths: Array<{ file: PublishedFile; path: string }> }
  /** A file not all there yet (or not what the manifest promises): read again at the next sync, never half-imported. */
  | { status: 'incomplete'; reason: string }
  | { status: 'refused'; message: string };

/**
 * Checks a publication before anything of it is imported: the manifest at `manifestPath` is whole,
 * signed and the one the renderer admitted (`bodySha256`), and each file it lists is there, as
 * long as it says and hashing to its SHA-256 (read as a stream: packs are large).
 */
export async function checkPublication(root: string, manifestPath: string, bodySha256: string): Promise<CheckedPublication> {
  if (!/^published(\/[a-z0-9][a-z0-9-]{0,63}){2}\/[^/\\:]{1,200}\.json$/.test(manifestPath)) {
    return { status: 'refused', message: `"${manifestPath}" is not a publication in the board folder` };
  }
  const bytes = await fs.readFile(path.join(root, ...manifestPath.split('/'))).catch(() => null);
  if (!bytes) return { status: 'incomplete', reason: 'the publication’s manifest cannot be read now' };
  const opened = await openBoardFile(new Uint8Array(bytes));
  if (opened.status === 'incomplete') return { status: 'incomplete', reason: opened.reason };
  if (opened.status !== 'opened' || opened.file.kind !== 'publication' || opened.file.header.bodySha256 !== bodySha256) {
    return { status: 'refused', message: 'The publication’s manifest is not the one this laptop accepted' };
  }
  const { header } = opened.file;
  // The files sit beside the manifest's own number, whatever a sync client named the manifest.
  const folder = publicationFolder(header.memberId, header.deviceId, header.sequence);
  const paths: Array<{ file: PublishedFile; path: string }> = [];
  for (const file of opened.file.body.files) {
    const full = path.join(root, ...folder.split('/'), file.name);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) return { status: 'incomplete', reason: `${file.name} has not arrived yet` };
    if (stat.size !== file.bytes) return { status: 'incomplete', reason: `${file.name} is ${stat.size} bytes of ${file.bytes} so far` };
    const sha256 = await hashFile(full).catch(() => null);
    if (sha256 !== file.sha256) return { status: 'incomplete', reason: `${file.name} does not hash to what the clerk published yet` };
    paths.push({ file, path: full });
  }
  return { status: 'ready', file: opened.file, paths };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
