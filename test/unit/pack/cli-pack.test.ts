import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { openPackZip } from '../../../electron/sync/pack-read';
import { tempFolder } from './fixtures';
import { combinedPdf, labelledPdf } from './make-fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let folder: string;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

async function papersFolder(files: Record<string, Uint8Array | string>): Promise<string> {
  const source = path.join(folder, 'papers');
  await fs.mkdir(source);
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(source, name), bytes);
  return source;
}

async function manifestOf(
  zip: string,
): Promise<{ summary?: string; meeting: Record<string, string>; papers: Array<Record<string, unknown>> }> {
  const opened = openPackZip(new Uint8Array(await fs.readFile(zip)), 'pack.zip');
  if (!opened.ok) throw new Error('not a pack');
  const read = opened.read(opened.manifestEntry);
  if (!read.ok) throw new Error(read.message);
  return JSON.parse(new TextDecoder().decode(read.bytes)) as never;
}

const MEETING = ['--title', 'Northmoor SEND Oversight Board', '--date', '2027-01-14', '--time', '14:00'];

describe('oversight-cli pack', () => {
  it('makes a pack from a folder, which validate then accepts (exit 0)', async () => {
    const source = await papersFolder({
      '03 Highlight report.pdf': await labelledPdf('Highlight', 2),
      'Item 7 - Independent placements (exempt).pdf': await labelledPdf('Placements', 1),
    });
    const out = path.join(folder, 'january.zip');
    const made = await run(
      'pack',
      source,
      ...MEETING,
      '--place',
      'Committee Room 1',
      '--id',
      'sob-2027-01-14',
      '--plan',
      'northmoor-send-app',
      '--out',
      out,
    );
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('january.zip: meeting pack made (2 papers, 3 pages)');
    expect(made.out).toContain('7    Independent placements (exempt), 1 page');
    const manifest = await manifestOf(out);
    expect(manifest.meeting).toEqual({
      id: 'sob-2027-01-14',
      title: 'Northmoor SEND Oversight Board',
      date: '2027-01-14',
      time: '14:00',
      place: 'Committee Room 1',
      planId: 'northmoor-send-app',
    });
    const validated = await run('validate', out);
    expect(validated.code).toBe(0);
    expect(validated.out).toContain('valid meeting pack (2 papers, 3 pages)');
  });

  it('makes a supplement with the same id, and a reissue that names the paper it replaces', async () => {
    const source = await papersFolder({ '4 Performance dashboard (revised).pdf': await labelledPdf('Dashboard v2', 2) });
    const out = path.join(folder, 'supplement.zip');
    const made = await run(
      'pack',
      source,
      ...MEETING,
      '--id',
      'sob-2027-01-14',
      '--summary',
      'Supplement: revised dashboard',
      '--supersedes',
      'paper-4',
      '--out',
      out,
    );
    expect(made.code).toBe(0);
    const manifest = await manifestOf(out);
    expect(manifest.summary).toBe('Supplement: revised dashboard');
    expect(manifest.papers).toEqual([
      expect.objectContaining({ supersedes: 'paper-4', id: expect.stringMatching(/^paper-4-[0-9a-f]{8}$/) }),
    ]);
  });

  it('splits a combined pack given as a PDF', async () => {
    const pack = path.join(folder, 'Agenda reports pack.pdf');
    await fs.writeFile(
      pack,
      await combinedPdf([
        { bookmark: null, label: 'Agenda', pages: 1 },
        { bookmark: '4 Local Offer review', label: 'Local Offer', pages: 3 },
      ]),
    );
    const out = path.join(folder, 'combined.zip');
    const made = await run('pack', pack, ...MEETING, '--out', out);
    expect(made.code).toBe(0);
    expect((await manifestOf(out)).papers.map((paper) => [paper.id, paper.pageCount])).toEqual([
      ['paper-front-sheet', 1],
      ['paper-4', 3],
    ]);
  });

  it('exits 1 naming the file and why for a source problem, and writes nothing', async () => {
    const source = await papersFolder({ '03 Report.pdf': 'not a pdf at all', '04 Good.pdf': await labelledPdf('Good', 1) });
    const made = await run('pack', source, ...MEETING, '--out', path.join(folder, 'x.zip'));
    expect(made.code).toBe(1);
    expect(made.err).toContain('"03 Report.pdf" is not a PDF');
    expect(made.err).toContain(path.join(source, '03 Report.pdf'));
    const noBookmarks = path.join(folder, 'flat.pdf');
    await fs.writeFile(noBookmarks, await labelledPdf('Flat', 3));
    const flat = await run('pack', noBookmarks, ...MEETING, '--out', path.join(folder, 'y.zip'));
    expect(flat.code).toBe(1);
    expect(flat.err).toContain('"flat.pdf" has no bookmarks');
    const superseding = await run(
      'pack',
      path.join(folder, 'papers'),
      ...MEETING,
      '--supersedes',
      'paper-9',
      '--out',
      path.join(folder, 'z.zip'),
    );
    expect(superseding.code).toBe(1);
    expect((await fs.readdir(folder)).sort()).toEqual(['flat.pdf', 'papers']);
  });

  it('exits 2 for usage errors, and for an --out that already exists', async () => {
    const source = await papersFolder({ '01 Report.pdf': await labelledPdf('Report', 1) });
    expect((await run('pack')).code).toBe(2);
    expect((await run('pack', source)).err).toContain('Give --title, --date, --time.');
    expect((await run('pack', source, ...MEETING, '--colour')).code).toBe(2);
    const badDate = await run('pack', source, '--title', 'Board', '--date', '14/01/2027', '--time', '14:00');
    expect([badDate.code, badDate.err.split('\n')[0]]).toEqual([
      2,
      '--date "14/01/2027" is not a date in the form YYYY-MM-DD (such as 2027-01-14).',
    ]);
    expect((await run('pack', source, ...MEETING, '--out', 'pack.json')).code).toBe(2);
    expect((await run('pack', source, ...MEETING, '--supersedes')).code).toBe(2);
    const existing = path.join(folder, 'taken.zip');
    await fs.writeFile(existing, 'keep me');
    const clash = await run('pack', source, ...MEETING, '--out', existing);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('taken.zip already exists; choose another name.');
    expect(await fs.readFile(existing, 'utf8')).toBe('keep me');
  });

  it('works as the installed bin, writing ID.zip in the current folder by default', async () => {
    const source = await papersFolder({ '01 Report.pdf': await labelledPdf('Report', 1) });
    const exec = promisify(execFile);
    const bin = path.join(root, 'scripts', 'oversight-cli.mjs');
    const made = await exec(process.execPath, [bin, 'pack', source, ...MEETING], { cwd: folder });
    expect(made.stdout).toContain('meeting-2027-01-14.zip: meeting pack made (1 paper, 1 page)');
    const again = await exec(process.execPath, [bin, 'pack', source, ...MEETING], { cwd: folder });
    expect(again.stdout).toContain('meeting-2027-01-14-2.zip: meeting pack made');
    const usage = await exec(process.execPath, [bin, 'pack', source]).catch((error: { code: number }) => error);
    expect(usage).toMatchObject({ code: 2 });
  }, 60_000);
});
