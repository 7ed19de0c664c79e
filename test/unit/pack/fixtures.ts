import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { makePaperPdf, type PaperSpec } from '../../../scripts/sample/paper-pdf';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../../shared/pack/schema';

// Test packs made on the fly: PDFs generated with pdf-lib (scripts/sample/paper-pdf.ts), folders in
// a temp directory, and zips written here byte by byte (so a test can also write a hostile one).

/** The SHA-256 (hex) of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A short paper: a title and one section per paragraph given. */
export function paperSpec(title: string, paragraphs: string[], extra: Partial<PaperSpec> = {}): PaperSpec {
  return {
    title,
    sections: paragraphs.map((paragraph, index) => ({ heading: `Section ${index + 1}`, paragraphs: [paragraph] })),
    ...extra,
  };
}

export type TestPaper = {
  id: string;
  title: string;
  file: string;
  bytes: Uint8Array;
  agendaItem?: string | null;
  exempt?: boolean;
  supersedes?: string;
};

/** Generates the PDFs of a pack's papers. */
export async function makePapers(
  specs: Array<{ id: string; file: string; spec: PaperSpec; exempt?: boolean; supersedes?: string; agendaItem?: string | null }>,
): Promise<TestPaper[]> {
  return Promise.all(specs.map(async (entry) => ({ ...entry, title: entry.spec.title, bytes: await makePaperPdf(entry.spec) })));
}

/** A manifest for the given papers (each listed with its real hash and page count unless overridden). */
export async function manifestFor(
  papers: readonly TestPaper[],
  overrides: { meetingId?: string; issuedAt?: string; summary?: string; pageCounts?: Record<string, number> } = {},
): Promise<Record<string, unknown>> {
  const { PDFDocument } = await import('pdf-lib');
  const listed = [];
  for (const paper of papers) {
    listed.push({
      id: paper.id,
      title: paper.title,
      agendaItem: paper.agendaItem === undefined ? 'item-4' : paper.agendaItem,
      file: paper.file,
      sha256: sha256(paper.bytes),
      pageCount: overrides.pageCounts?.[paper.id] ?? (await PDFDocument.load(paper.bytes)).getPageCount(),
      exempt: paper.exempt ?? false,
      ...(paper.supersedes ? { supersedes: paper.supersedes } : {}),
    });
  }
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    issuedAt: overrides.issuedAt ?? '2026-11-05T09:00:00Z',
    ...(overrides.summary ? { summary: overrides.summary } : {}),
    meeting: {
      id: overrides.meetingId ?? 'board-2026-11-12',
      title: 'Northmoor SEND Oversight Board',
      date: '2026-11-12',
      time: '14:00',
      place: 'Committee Room 1',
    },
    agenda: [
      { id: 'item-1', number: '1', title: 'Welcome and apologies' },
      {
        id: 'item-4',
        number: '4',
        title: 'Performance dashboard',
        presenter: 'Head of Performance',
        links: [{ kind: 'area', id: 'area-1' }],
      },
      { id: 'item-7', number: '7', title: 'Independent placements', exempt: true, decisionRequired: true },
    ],
    papers: listed,
  };
}

/** A fresh temp folder. */
export function tempFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'oversight-pack-'));
}

/** Writes a folder pack: the manifest as `name` and each paper at its path. */
export async function writeFolderPack(
  folder: string,
  manifest: unknown,
  papers: readonly TestPaper[],
  name = 'board.pack.json',
): Promise<string> {
  for (const paper of papers) {
    const target = path.join(folder, ...paper.file.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, paper.bytes);
  }
  const manifestPath = path.join(folder, name);
  await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return manifestPath;
}

/** One entry of a zip to write; `declaredSize` lets a test lie about the inflated size. */
export type ZipInput = { name: string; bytes: Uint8Array; deflate?: boolean; declaredSize?: number };

/** A zip archive of the entries (stored or deflated), written as any zip tool would. */
export function makeZip(entries: readonly ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.deflate ? deflateRawSync(entry.bytes) : Buffer.from(entry.bytes);
    const size = entry.declaredSize ?? entry.bytes.length;
    const crc = crc32(entry.bytes);
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The entries of a pack as a zip: the manifest at `base` and the papers beside it. */
export function packZipEntries(manifest: unknown, papers: readonly TestPaper[], base = 'Board pack/'): ZipInput[] {
  return [
    { name: `${base}board.pack.json`, bytes: Buffer.from(JSON.stringify(manifest)), deflate: true },
    ...papers.map((paper) => ({ name: `${base}${paper.file}`, bytes: paper.bytes, deflate: true })),
  ];
}
