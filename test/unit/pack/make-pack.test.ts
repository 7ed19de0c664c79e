import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackSource, readTopLevelBookmarks, writePack, type ReadSource } from '../../../electron/pack/make-pack';
import { examinePack, openPackZip } from '../../../electron/sync/pack-read';
import type { PackDraft } from '../../../shared/pack/make';
import { pdfPageTexts } from '../../e2e/pdf-text';
import { tempFolder } from './fixtures';
import { combinedPdf, encryptedPdf, labelledPdf, passwordPdf } from './make-fixtures';

let folder: string;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const MEETING = { id: 'sob-2027-01-14', title: 'Northmoor SEND Oversight Board', date: '2027-01-14', time: '14:00' };

function draftOf(source: ReadSource, extra: Partial<PackDraft> = {}): PackDraft {
  return {
    meeting: MEETING,
    issuedAt: '2027-01-06T09:00:00Z',
    items: source.items,
    ...(source.frontSheet ? { frontSheet: source.frontSheet } : {}),
    ...extra,
  };
}

async function writeFiles(files: Record<string, Uint8Array | string>): Promise<string> {
  const source = path.join(folder, 'source');
  await fs.mkdir(source, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(source, name), bytes);
  return source;
}

async function entriesOf(zipPath: string): Promise<Map<string, Uint8Array>> {
  const opened = openPackZip(new Uint8Array(await fs.readFile(zipPath)), 'pack.zip');
  if (!opened.ok) throw new Error('not a pack zip');
  const result = new Map<string, Uint8Array>();
  for (const [name, entry] of opened.entries) {
    const read = opened.read(entry);
    if (read.ok) result.set(name, read.bytes);
  }
  return result;
}

async function filesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('a pack from a folder of PDFs', () => {
  it('makes one paper per PDF, numbered and titled from the names, sorted by number, and the zip validates', async () => {
    const source = await writeFiles({
      '10 Any other business.pdf': await labelledPdf('AOB', 1),
      '03 Highlight report.pdf': await labelledPdf('Highlight', 2),
      'Item 7 - Independent placements (exempt).pdf': await labelledPdf('Placements', 3),
      '7a. Supplement.pdf': await labelledPdf('Supplement', 1),
      '.DS_Store': 'junk',
    });
    const read = await readPackSource(source);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.kind).toBe('folder');
    expect(read.items.map((item) => [item.number, item.title, item.isExempt, item.paper?.pageCount])).toEqual([
      ['3', 'Highlight report', false, 2],
      ['7', 'Independent placements', true, 3],
      ['7a', 'Supplement', false, 1],
      ['10', 'Any other business', false, 1],
    ]);
    expect(read.warnings.map((warning) => warning.message)).toEqual([
      'Item 7 is exempt, but no Schedule 12A paragraph is given; add it in the agenda table, or write "(exempt 3)" in the name.',
    ]);
    const target = path.join(folder, 'pack.zip');
    const written = await writePack(target, draftOf(read, { summary: 'Agenda pack' }), read.bytes);
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    expect([written.papers, written.pages]).toEqual([4, 7]);
    const checked = await examinePack(target);
    expect(checked.status === 'examined' && checked.outcome.status).toBe('pack');
    // The papers are the clerk's files byte for byte.
    const entries = await entriesOf(target);
    const original = await fs.readFile(path.join(source, '03 Highlight report.pdf'));
    expect(Buffer.from(entries.get('papers/03-highlight-report.pdf') ?? []).equals(original)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(entries.get('sob-2027-01-14.pack.json')))).toMatchObject({
      summary: 'Agenda pack',
      meeting: MEETING,
      papers: [{ id: 'paper-3' }, { id: 'paper-7', exempt: true }, { id: 'paper-7a' }, { id: 'paper-10' }],
    });
    expect(await filesIn(folder)).toEqual(['pack.zip', 'source']);
  });

  it('leaves out a non-PDF and a sub-folder with a warning, and numbers a name with no number after the others', async () => {
    const source = await writeFiles({
      '02 Minutes.pdf': await labelledPdf('Minutes', 1),
      'Minutes notes.docx': 'PK…',
      'Background paper.pdf': await labelledPdf('Background', 1),
    });
    await fs.mkdir(path.join(source, 'old'));
    const read = await readPackSource(source);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.items.map((item) => [item.number, item.title])).toEqual([
      ['2', 'Minutes'],
      ['3', 'Background paper'],
    ]);
    expect(read.warnings.map((warning) => [path.basename(warning.path), warning.message])).toEqual([
      ['Minutes notes.docx', '"Minutes notes.docx" was left out: it is not a PDF. Save it as PDF to include it.'],
      ['old', 'The folder "old" was left out: papers are read from the top of the folder only.'],
      [
        'Background paper.pdf',
        '"Background paper.pdf" has no agenda number in its name; it was made item 3. Name it "03 Background paper.pdf" to choose.',
      ],
    ]);
  });

  it('refuses two files with the same agenda number, naming both, and writes nothing', async () => {
    const source = await writeFiles({
      '03 Highlight report.pdf': await labelledPdf('Highlight', 1),
      '3 Dashboard.pdf': await labelledPdf('Dashboard', 1),
    });
    const read = await readPackSource(source);
    if (!read.ok) throw new Error('should read');
    const written = await writePack(path.join(folder, 'pack.zip'), draftOf(read), read.bytes);
    expect(written.ok).toBe(false);
    expect(!written.ok && written.errors[0]?.message).toBe(
      '"3 Dashboard.pdf" and "03 Highlight report.pdf" both have agenda number 3; give one another number (such as 3a).',
    );
    expect(await filesIn(folder)).toEqual(['source']);
  });

  it('names a PDF that is password-protected, damaged, truncated or not a PDF at all', async () => {
    const good = await labelledPdf('Good', 2);
    const source = await writeFiles({
      '01 Good.pdf': good,
      '02 Locked.pdf': await encryptedPdf(),
      '03 Word file.pdf': 'PK\u0003\u0004 this is a docx',
      '04 Broken.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF',
      '05 Cut short.pdf': good.subarray(0, 40),
    });
    const read = await readPackSource(source);
    expect(read.ok).toBe(false);
    const messages = read.ok ? [] : read.errors.map((error) => [path.basename(error.path), error.message.split(':')[0]]);
    expect(messages).toEqual([
      ['02 Locked.pdf', '"02 Locked.pdf" is password-protected (encrypted)'],
      ['03 Word file.pdf', '"03 Word file.pdf" is not a PDF'],
      ['04 Broken.pdf', expect.stringMatching(/^"04 Broken.pdf" is damaged/)],
      ['05 Cut short.pdf', expect.stringMatching(/^"05 Cut short.pdf" is damaged/)],
    ]);
  });

  it('takes a PDF with only an owner password (restrictions) as it is, and refuses one that needs a password to open', async () => {
    const restricted = await passwordPdf('Restricted', { owner: 'clerk-secret' });
    const source = await writeFiles({
      '03 Restricted report.pdf': restricted,
      '04 Locked report.pdf': await passwordPdf('Locked', { owner: 'clerk-secret', user: 'open-sesame' }),
    });
    const refused = await readPackSource(source);
    expect(refused.ok ? [] : refused.errors).toEqual([
      {
        path: path.join(source, '04 Locked report.pdf'),
        message:
          '"04 Locked report.pdf" is password-protected (encrypted): it needs a password to open, which members will not have. Save a copy without a password or restrictions (in Acrobat: File › Properties › Security › No Security) and try again.',
      },
    ]);

    await fs.rm(path.join(source, '04 Locked report.pdf'));
    const read = await readPackSource(source);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.items.map((item) => [item.number, item.title, item.paper?.pageCount])).toEqual([['3', 'Restricted report', 2]]);
    expect(read.warnings).toEqual([
      {
        path: path.join(source, '03 Restricted report.pdf'),
        message:
          '"03 Restricted report.pdf" has restrictions set with an owner password; it opens without a password, so it was added as it is.',
      },
    ]);
    const target = path.join(folder, 'pack.zip');
    const written = await writePack(target, draftOf(read), read.bytes);
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    const checked = await examinePack(target);
    expect(checked.status === 'examined' && checked.outcome.status).toBe('pack');
    // The clerk's file byte for byte, which members' pdf.js opens and reads without a password.
    const paper = (await entriesOf(target)).get('papers/03-restricted-report.pdf') ?? new Uint8Array();
    expect(Buffer.from(paper).equals(Buffer.from(restricted))).toBe(true);
    expect(await pdfPageTexts(paper)).toEqual(['Restricted page 1', 'Restricted page 2']);
  });

  it('refuses a combined pack with an owner password, whose pages cannot be cut without it, saying what to do', async () => {
    const source = path.join(folder, 'Agenda reports pack.pdf');
    await fs.writeFile(source, await passwordPdf('Combined', { owner: 'clerk-secret' }));
    const read = await readPackSource(source);
    expect(read.ok ? [] : read.errors).toEqual([
      {
        path: source,
        message:
          '"Agenda reports pack.pdf" has restrictions set with an owner password (it is encrypted), so its pages cannot be cut into separate papers. Save a copy without restrictions (in Acrobat: File › Properties › Security › No Security), or give the folder of separate report PDFs.',
      },
    ]);
    expect(await filesIn(folder)).toEqual(['Agenda reports pack.pdf']);
  });

  it('says so when the folder has no PDFs, or is missing', async () => {
    const empty = await writeFiles({ 'notes.txt': 'x' });
    const read = await readPackSource(empty);
    expect(!read.ok && read.errors[0]?.message).toBe('The folder source holds no PDFs to make papers from.');
    const missing = await readPackSource(path.join(folder, 'nowhere'));
    expect(!missing.ok && missing.errors[0]?.message).toBe('nowhere could not be found.');
  });
});

describe('a pack from one combined agenda pack PDF', () => {
  it('splits at the top-level bookmarks, front sheet first, pages copied with their text', async () => {
    const bytes = await combinedPdf([
      { bookmark: null, label: 'Front sheet', pages: 2 },
      { bookmark: '3 Minutes of the last meeting', label: 'Minutes', pages: 3, children: ['Attendance', 'Actions'] },
      { bookmark: '4 Local Offer review', label: 'Local Offer', pages: 4, style: 'goto' },
      { bookmark: '7 Independent placements (exempt 3)', label: 'Placements', pages: 2, style: 'named' },
    ]);
    const file = path.join(folder, 'Agenda reports pack.pdf');
    await fs.writeFile(file, bytes);
    const read = await readPackSource(file);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.kind).toBe('combined');
    expect(read.frontSheet?.pageCount).toBe(2);
    expect(read.items.map((item) => [item.number, item.title, item.isExempt, item.exemptParagraph, item.paper?.pageCount])).toEqual([
      ['3', 'Minutes of the last meeting', false, undefined, 3],
      ['4', 'Local Offer review', false, undefined, 4],
      ['7', 'Independent placements', true, 3, 2],
    ]);
    expect(read.warnings).toEqual([]);
    const target = path.join(folder, 'pack.zip');
    const written = await writePack(target, draftOf(read), read.bytes);
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    expect([written.papers, written.pages]).toEqual([4, 11]);
    const entries = await entriesOf(target);
    expect(await pdfPageTexts(entries.get('papers/04-local-offer-review.pdf') ?? new Uint8Array())).toEqual([
      'Local Offer page 1',
      'Local Offer page 2',
      'Local Offer page 3',
      'Local Offer page 4',
    ]);
    expect(await pdfPageTexts(entries.get('papers/00-agenda-front-sheet.pdf') ?? new Uint8Array())).toEqual([
      'Front sheet page 1',
      'Front sheet page 2',
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('sob-2027-01-14.pack.json'))) as {
      agenda: unknown[];
      papers: unknown[];
    };
    expect(manifest.agenda).toContainEqual(expect.objectContaining({ id: 'item-7', exempt: true, exemptParagraph: 3 }));
    expect(manifest.papers[0]).toMatchObject({ id: 'paper-front-sheet', agendaItem: null, pageCount: 2 });
  });

  it('refuses a PDF with no bookmarks, saying what to do instead', async () => {
    const file = path.join(folder, 'pack.pdf');
    await fs.writeFile(file, await labelledPdf('Pack', 5));
    const read = await readPackSource(file);
    expect(!read.ok && read.errors).toEqual([
      {
        path: file,
        message:
          '"pack.pdf" has no bookmarks, so Oversight cannot tell where one paper ends and the next begins. Give the folder of separate report PDFs instead, or add a bookmark at the first page of each item.',
      },
    ]);
  });

  it('makes an item with no paper of a bookmark sharing its page with the next, and numbers an unnumbered one', async () => {
    const bytes = await combinedPdf(
      [
        { bookmark: '1 Apologies', label: 'Agenda', pages: 1 },
        { bookmark: '2 Declarations of interest', label: 'Declarations', pages: 1 },
        { bookmark: 'Performance dashboard', label: 'Dashboard', pages: 2 },
      ],
      { bookmarkAt: { '1 Apologies': 1 } },
    );
    const file = path.join(folder, 'pack.pdf');
    await fs.writeFile(file, bytes);
    const read = await readPackSource(file);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.frontSheet?.pageCount).toBe(1);
    expect(read.items.map((item) => [item.number, item.title, item.paper?.pageCount])).toEqual([
      ['1', 'Apologies', undefined],
      ['2', 'Declarations of interest', 1],
      ['3', 'Performance dashboard', 2],
    ]);
    expect(read.warnings.map((warning) => warning.message)).toEqual([
      'The bookmark "1 Apologies" starts on the same page as the next; it was made an agenda item with no paper.',
      'The bookmark "Performance dashboard" has no agenda number; it was made item 3.',
    ]);
  });

  it('splits a 2,000-page combined pack', async () => {
    const bytes = await combinedPdf([
      { bookmark: '1 Front', label: 'A', pages: 1000 },
      { bookmark: '2 Back', label: 'B', pages: 1000 },
    ]);
    const file = path.join(folder, 'big.pdf');
    await fs.writeFile(file, bytes);
    const read = await readPackSource(file);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.items.map((item) => item.paper?.pageCount)).toEqual([1000, 1000]);
  }, 60_000);

  it('reads only top-level bookmarks, and survives an outline that loops', async () => {
    const bytes = await combinedPdf([
      { bookmark: '1 One', label: 'One', pages: 1, children: ['Child'] },
      { bookmark: '2 Two', label: 'Two', pages: 1 },
    ]);
    const document = await PDFDocument.load(bytes);
    expect(readTopLevelBookmarks(document)).toEqual([
      { title: '1 One', pageIndex: 0 },
      { title: '2 Two', pageIndex: 1 },
    ]);
    // A hostile outline: the last entry's /Next points back at the first.
    const outlines = document.context.lookup(document.catalog.get(PDFName.of('Outlines')), PDFDict);
    const first = outlines.get(PDFName.of('First'));
    const last = document.context.lookup(outlines.get(PDFName.of('Last')), PDFDict);
    if (!(first instanceof PDFRef)) throw new Error('no first bookmark');
    last.set(PDFName.of('Next'), first);
    expect(readTopLevelBookmarks(document)).toHaveLength(2);
  });
});

describe('writing the pack', () => {
  it('never replaces an existing file, and leaves no temporary file behind', async () => {
    const source = await writeFiles({ '01 Report.pdf': await labelledPdf('Report', 1) });
    const read = await readPackSource(source);
    if (!read.ok) throw new Error('should read');
    const target = path.join(folder, 'pack.zip');
    await fs.writeFile(target, 'earlier');
    const written = await writePack(target, draftOf(read), read.bytes);
    expect(!written.ok && written.code).toBe('exists');
    expect(await fs.readFile(target, 'utf8')).toBe('earlier');
    expect(await filesIn(folder)).toEqual(['pack.zip', 'source']);
  });

  it('refuses a pack that would not validate (a bad meeting date) and writes nothing', async () => {
    const source = await writeFiles({ '01 Report.pdf': await labelledPdf('Report', 1) });
    const read = await readPackSource(source);
    if (!read.ok) throw new Error('should read');
    const written = await writePack(
      path.join(folder, 'pack.zip'),
      draftOf(read, { meeting: { ...MEETING, date: '14/01/2027' } }),
      read.bytes,
    );
    expect(!written.ok && written.code).toBe('check');
    expect(!written.ok && written.errors[0]).toMatchObject({ path: '$.meeting.date' });
    expect(await filesIn(folder)).toEqual(['source']);
  });

  it('says plainly when the folder to write to does not exist', async () => {
    const source = await writeFiles({ '01 Report.pdf': await labelledPdf('Report', 1) });
    const read = await readPackSource(source);
    if (!read.ok) throw new Error('should read');
    const written = await writePack(path.join(folder, 'missing', 'pack.zip'), draftOf(read), read.bytes);
    expect(!written.ok && written.code).toBe('write');
    expect(!written.ok && written.errors[0]?.message).toContain('does not exist. Nothing was written.');
  });
});
