import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { examineFile } from '../../../electron/sync/examine';
import { isPdf } from '../../../electron/sync/pack-read';
import { createMappingStore } from '../../../electron/sync/mapping-store';
import { createSyncService } from '../../../electron/sync/service';
import type { ImportOutcome } from '../../../shared/ipc/contract';
import {
  makeZip,
  makePapers,
  manifestFor,
  packZipEntries,
  paperSpec,
  sha256,
  tempFolder,
  writeFolderPack,
  type TestPaper,
} from './fixtures';

// Reading meeting packs in main: a folder, a .pack.json or a .zip. A good pack comes back with
// every paper checked; a bad one is refused with a message a clerk can act on, whatever is wrong.

let folder: string;
let papers: TestPaper[];

beforeEach(async () => {
  folder = await tempFolder();
  papers = await makePapers([
    { id: 'p4', file: 'papers/dashboard.pdf', spec: paperSpec('Performance dashboard', ['Timeliness rose to 41%.'], { minimumPages: 3 }) },
    {
      id: 'p7',
      file: 'papers/placements.pdf',
      spec: paperSpec('Placements', ['Commercially sensitive.']),
      exempt: true,
      agendaItem: 'item-7',
    },
  ]);
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function examine(target: string): Promise<ImportOutcome> {
  const result = await examineFile(target);
  if (result.status !== 'examined') throw new Error(`not examined: ${JSON.stringify(result)}`);
  return result.outcome;
}

function messages(outcome: ImportOutcome): string {
  return outcome.status === 'invalid' ? outcome.errors.map((problem) => problem.message).join('\n') : `(${outcome.status})`;
}

describe('reading a pack', () => {
  it('reads a folder pack from its .pack.json or from the folder itself', async () => {
    const manifestPath = await writeFolderPack(folder, await manifestFor(papers), papers);
    for (const target of [manifestPath, folder]) {
      const outcome = await examine(target);
      expect(outcome.status).toBe('pack');
      if (outcome.status !== 'pack') continue;
      expect(outcome.pack.meeting.id).toBe('board-2026-11-12');
      expect(outcome.papers).toEqual([
        { id: 'p4', sha256: sha256(papers[0]?.bytes ?? new Uint8Array()), size: papers[0]?.bytes.length, pageCount: 3 },
        { id: 'p7', sha256: sha256(papers[1]?.bytes ?? new Uint8Array()), size: papers[1]?.bytes.length, pageCount: 1 },
      ]);
    }
  });

  it('reads a zipped pack, with the pack in a folder inside the zip', async () => {
    const zip = path.join(folder, 'board.zip');
    await fs.writeFile(zip, makeZip(packZipEntries(await manifestFor(papers), papers)));
    const outcome = await examine(zip);
    expect(outcome.status).toBe('pack');
  });

  it('refuses a folder with no manifest, or two', async () => {
    const empty = await examineFile(folder);
    expect(empty).toMatchObject({ status: 'unreadable', message: expect.stringContaining('no .pack.json') });
    await writeFolderPack(folder, await manifestFor(papers), papers, 'one.pack.json');
    await writeFolderPack(folder, await manifestFor(papers), papers, 'two.pack.json');
    expect(await examineFile(folder)).toMatchObject({ status: 'unreadable', message: expect.stringContaining('2 .pack.json files') });
  });
});

describe('refusing a bad pack', () => {
  it('refuses a missing paper', async () => {
    const manifestPath = await writeFolderPack(folder, await manifestFor(papers), papers);
    await fs.rm(path.join(folder, 'papers', 'placements.pdf'));
    expect(messages(await examine(manifestPath))).toContain('Paper "p7" (papers/placements.pdf) is missing');
  });

  it('refuses a paper changed after the pack was made', async () => {
    const manifestPath = await writeFolderPack(folder, await manifestFor(papers), papers);
    const altered = Buffer.from(papers[0]?.bytes ?? new Uint8Array());
    altered[altered.length - 20] = 0x41;
    await fs.writeFile(path.join(folder, 'papers', 'dashboard.pdf'), altered);
    expect(messages(await examine(manifestPath))).toContain('is not the file the pack lists: its SHA-256 differs');
  });

  it('refuses a PDF that is not a PDF, even with the right hash', async () => {
    const fake: TestPaper = {
      id: 'p4',
      title: 'Dashboard',
      file: 'papers/dashboard.pdf',
      bytes: new TextEncoder().encode('PK\u0003\u0004 a Word file renamed'),
    };
    const manifest = await manifestFor([papers[1] ?? fake], {});
    (manifest.papers as unknown[]).unshift({
      id: 'p4',
      title: 'Dashboard',
      agendaItem: 'item-4',
      file: fake.file,
      sha256: sha256(fake.bytes),
      pageCount: 1,
      exempt: false,
    });
    const manifestPath = await writeFolderPack(folder, manifest, [fake, papers[1] ?? fake]);
    expect(messages(await examine(manifestPath))).toContain('is not a PDF');
  });

  it('refuses an HTML page that only mentions %PDF- near its start, and a PDF whose pages cannot be read', async () => {
    const polyglot: TestPaper = {
      id: 'p4',
      title: 'Dashboard',
      file: 'papers/dashboard.pdf',
      bytes: new TextEncoder().encode('<html><!-- %PDF-1.7 --><script>alert(1)</script></html>'),
    };
    const pageless: TestPaper = {
      id: 'p7',
      title: 'Placements',
      file: 'papers/placements.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7\n% not a document at all, no objects, no trailer\n'),
    };
    const manifest = await manifestFor(papers, {});
    (manifest.papers as unknown[]).splice(
      0,
      2,
      ...[polyglot, pageless].map((paper) => ({
        id: paper.id,
        title: paper.title,
        agendaItem: 'item-4',
        file: paper.file,
        sha256: sha256(paper.bytes),
        pageCount: 1,
        exempt: false,
      })),
    );
    const manifestPath = await writeFolderPack(folder, manifest, [polyglot, pageless]);
    const found = await examine(manifestPath);
    expect(found.status).toBe('invalid');
    expect(messages(found)).toContain('Paper "p4" (papers/dashboard.pdf) is not a PDF');
    expect(messages(found)).toContain('Paper "p7" (papers/placements.pdf) is damaged: its pages could not be read');
    // The strict header, with leading whitespace allowed, is still a PDF.
    expect(isPdf(new TextEncoder().encode('\r\n %PDF-1.4\n'))).toBe(true);
    expect(isPdf(new TextEncoder().encode('junk %PDF-1.4\n'))).toBe(false);
  });

  it('refuses a page count that does not match the paper', async () => {
    const manifestPath = await writeFolderPack(folder, await manifestFor(papers, { pageCounts: { p4: 12 } }), papers);
    expect(messages(await examine(manifestPath))).toContain('has 3 pages, but the pack says 12');
  });

  it('refuses paths with "..", absolute paths and shortcuts out of the folder', async () => {
    const outside = await tempFolder();
    try {
      const manifest = await manifestFor(papers);
      (manifest.papers as Array<{ file: string }>)[0] = {
        ...(manifest.papers as Array<{ file: string }>)[0],
        file: '../dashboard.pdf',
      } as never;
      (manifest.papers as Array<{ file: string }>)[1] = {
        ...(manifest.papers as Array<{ file: string }>)[1],
        file: '/etc/placements.pdf',
      } as never;
      const manifestPath = await writeFolderPack(folder, manifest, []);
      const refused = messages(await examine(manifestPath));
      expect(refused).toContain('outside the pack');
      expect(refused).toContain('absolute path');

      // A symlink inside the folder to a PDF outside it, with the right hash: refused all the same.
      const linked = await tempFolder();
      await fs.writeFile(path.join(outside, 'secret.pdf'), papers[0]?.bytes ?? new Uint8Array());
      await fs.mkdir(path.join(linked, 'papers'));
      await fs.symlink(path.join(outside, 'secret.pdf'), path.join(linked, 'papers', 'dashboard.pdf'));
      const linkedManifest = await writeFolderPack(linked, await manifestFor([papers[0] as TestPaper]), []);
      expect(messages(await examine(linkedManifest))).toContain('shortcut to a file outside');
      await fs.rm(linked, { recursive: true, force: true });
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses a zip entry that escapes its folder', async () => {
    const zip = path.join(folder, 'board.zip');
    const entries = packZipEntries(await manifestFor(papers), papers, '');
    entries.push({ name: '../../evil.pdf', bytes: papers[0]?.bytes ?? new Uint8Array() });
    await fs.writeFile(zip, makeZip(entries));
    expect(messages(await examine(zip))).toContain('would point outside the pack; it was refused as unsafe');
  });

  it('refuses a zip bomb, declared or disguised', async () => {
    const zip = path.join(folder, 'bomb.zip');
    const huge = new Uint8Array(20 * 1024 * 1024);
    const entries = packZipEntries(await manifestFor(papers), papers, '');
    await fs.writeFile(zip, makeZip([...entries, { name: 'padding.bin', bytes: huge, deflate: true }]));
    expect(messages(await examine(zip))).toContain('zip bombs');

    // A paper whose directory entry claims less than it inflates to is stopped at the claim.
    const liar = path.join(folder, 'liar.zip');
    const lying = packZipEntries(await manifestFor(papers), papers, '').map((entry) =>
      entry.name === 'papers/dashboard.pdf' ? { ...entry, declaredSize: 100 } : entry,
    );
    await fs.writeFile(liar, makeZip(lying));
    expect(messages(await examine(liar))).toMatch(/zip bombs|not the size its zip directory says/);
  });

  it('refuses a zip with no manifest, and a file that is not a zip', async () => {
    const zip = path.join(folder, 'papers.zip');
    await fs.writeFile(zip, makeZip([{ name: 'a.pdf', bytes: papers[0]?.bytes ?? new Uint8Array() }]));
    expect(messages(await examine(zip))).toContain('holds no .pack.json');
    const notZip = path.join(folder, 'fake.zip');
    await fs.writeFile(notZip, 'hello');
    expect(messages(await examine(notZip))).toContain('is not a zip file');
  });
});

describe('handing papers to the renderer', () => {
  it('reads each paper again by the candidate token, checked against its hash', async () => {
    await writeFolderPack(folder, await manifestFor(papers), papers);
    const zipPath = path.join(folder, '..', `${path.basename(folder)}.zip`);
    await fs.writeFile(zipPath, makeZip(packZipEntries(await manifestFor(papers), papers)));
    const sync = createSyncService({
      sampleFolder: folder,
      mappings: createMappingStore(folder),
      emit: () => undefined,
      watchInbox: false,
    });
    try {
      const [fromFolder, fromZip] = await sync.candidatesFor([folder, zipPath], 'drop', []);
      for (const candidate of [fromFolder, fromZip]) {
        if (!candidate) throw new Error('no candidate');
        const read = await sync.readPaper(candidate.token, 'p7');
        expect(read.ok && sha256(read.bytes)).toBe(sha256(papers[1]?.bytes ?? new Uint8Array()));
        expect(await sync.readPaper(candidate.token, 'nope')).toMatchObject({ ok: false });
      }
      expect(await sync.readPaper('unknown-token', 'p7')).toMatchObject({
        ok: false,
        message: expect.stringContaining('import the pack again'),
      });
      // Changed on disk after it was checked: refused, never handed over.
      await fs.writeFile(path.join(folder, 'papers', 'placements.pdf'), papers[0]?.bytes ?? new Uint8Array());
      expect(await sync.readPaper(fromFolder?.token ?? '', 'p7')).toMatchObject({
        ok: false,
        message: expect.stringContaining('changed since'),
      });
    } finally {
      await sync.stop();
      await fs.rm(zipPath, { force: true });
    }
  });
});

describe('oversight-cli validate on packs', () => {
  it('checks a folder, a .pack.json and a zip, with the plan files’ exit codes and JSON shape', async () => {
    const manifestPath = await writeFolderPack(folder, await manifestFor(papers), papers);
    const zip = path.join(folder, 'board.zip');
    await fs.writeFile(zip, makeZip(packZipEntries(await manifestFor(papers), papers)));
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(['validate', folder, manifestPath, zip], io)).toBe(0);
    expect(out.join('\n')).toContain('valid meeting pack (2 papers, 4 pages)');

    out.length = 0;
    expect(await runCli(['validate', zip, '--json'], io)).toBe(0);
    const [report] = JSON.parse(out.join('')) as Array<Record<string, unknown>>;
    expect(Object.keys(report ?? {})).toEqual(['file', 'valid', 'errors', 'warnings', 'counts']);
    expect(report?.counts).toMatchObject({ areas: 0, actions: 0, papers: 2, pages: 4 });

    await fs.rm(path.join(folder, 'papers', 'dashboard.pdf'));
    out.length = 0;
    expect(await runCli(['validate', manifestPath, '--json'], io)).toBe(1);
    expect(JSON.parse(out.join(''))[0]).toMatchObject({
      valid: false,
      errors: [{ path: '$.papers[0]', message: expect.stringContaining('missing') }],
    });
    expect(await runCli(['validate', path.join(folder, 'nothing.zip')], io)).toBe(2);
  });
});

describe('packs in the inbox', () => {
  it('offers a zipped pack saved into the inbox', async () => {
    const inbox = path.join(folder, 'Inbox');
    await fs.mkdir(inbox);
    await fs.writeFile(path.join(inbox, 'board.zip'), makeZip(packZipEntries(await manifestFor(papers), papers)));
    const sync = createSyncService({
      sampleFolder: folder,
      mappings: createMappingStore(folder),
      emit: () => undefined,
      watchInbox: false,
      stableForMs: 0,
    });
    try {
      const candidates = await sync.scanInbox(inbox, []);
      expect(candidates.map((candidate) => [candidate.fileName, candidate.source, candidate.outcome.status])).toEqual([
        ['board.zip', 'inbox', 'pack'],
      ]);
      expect(await sync.scanInbox(inbox, [candidates[0]?.sha256 ?? ''])).toEqual([]);
    } finally {
      await sync.stop();
    }
  });
});
