import { PDFDocument, PDFHexString, PDFName, StandardFonts, rgb, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';

// Generates board papers as real PDFs (text, headings, page labels, an outline) with pdf-lib, for
// the bundled sample pack, the tests and the benchmarks, so no binary fixture is checked in that
// nobody can regenerate. Pure: it returns bytes and touches no file.

/** A section of a generated paper: a heading (also an outline entry) and its paragraphs. */
export type PaperSection = { heading: string; paragraphs: readonly string[]; startsOnNewPage?: boolean };

export type PaperSpec = {
  title: string;
  /** A line under the title, e.g. "Report of the Head of Performance". */
  subtitle?: string;
  sections: readonly PaperSection[];
  /** Printed at the top of every page, e.g. "EXEMPT: NOT FOR PUBLICATION". */
  marking?: string;
  /** Pages numbered i, ii, … for this many front pages, then 1, 2, …; 0 for plain numbers. */
  romanFrontPages?: number;
  /** Add a document outline (bookmarks) with one entry per section. */
  hasOutline?: boolean;
  /** Pad the paper with numbered appendix pages up to this many pages. */
  minimumPages?: number;
  /** Fixed so that the same spec always gives the same bytes. */
  date?: Date;
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const BODY_SIZE = 11;
const LINE = 15;

/** The PDF of a paper described by `spec`: same spec, same bytes. */
export async function makePaperPdf(spec: PaperSpec): Promise<Uint8Array> {
  const date = spec.date ?? new Date('2026-11-05T09:00:00Z');
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(spec.title);
  document.setProducer('Oversight sample generator');
  document.setCreator('Oversight');
  document.setCreationDate(date);
  document.setModificationDate(date);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);

  let page = newPage(document, spec, bold);
  let y = PAGE.height - MARGIN - 24;
  const outline: Array<{ title: string; page: PDFPage }> = [];

  const ensureRoom = (height: number) => {
    if (y - height < MARGIN + 24) {
      page = newPage(document, spec, bold);
      y = PAGE.height - MARGIN - 24;
    }
  };
  const writeLines = (text: string, font: PDFFont, size: number, gap: number) => {
    for (const line of wrap(text, font, size, PAGE.width - 2 * MARGIN)) {
      ensureRoom(gap);
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= gap;
    }
  };

  writeLines(spec.title, bold, 18, 24);
  if (spec.subtitle) writeLines(spec.subtitle, regular, 12, 18);
  y -= 12;
  for (const section of spec.sections) {
    if (section.startsOnNewPage) ensureRoom(Number.POSITIVE_INFINITY);
    ensureRoom(3 * LINE);
    outline.push({ title: section.heading, page });
    writeLines(section.heading, bold, 13, 20);
    for (const paragraph of section.paragraphs) {
      writeLines(paragraph, regular, BODY_SIZE, LINE);
      y -= LINE / 2;
    }
    y -= LINE / 2;
  }
  let appendix = 1;
  while (document.getPageCount() < (spec.minimumPages ?? 0)) {
    page = newPage(document, spec, bold);
    y = PAGE.height - MARGIN - 24;
    writeLines(`Appendix table ${appendix}`, bold, 13, 20);
    writeLines(
      `Locality figures for appendix table ${appendix}: requests for assessment, plans issued within 20 weeks, and annual reviews completed on time, by month.`,
      regular,
      BODY_SIZE,
      LINE,
    );
    appendix += 1;
  }

  numberPages(document, regular, spec.romanFrontPages ?? 0);
  if ((spec.romanFrontPages ?? 0) > 0) addPageLabels(document, spec.romanFrontPages ?? 0);
  if (spec.hasOutline) addOutline(document, outline);
  return document.save({ useObjectStreams: false });
}

function newPage(document: PDFDocument, spec: PaperSpec, bold: PDFFont): PDFPage {
  const page = document.addPage([PAGE.width, PAGE.height]);
  if (spec.marking) {
    page.drawText(spec.marking, { x: MARGIN, y: PAGE.height - 36, size: 10, font: bold, color: rgb(0.6, 0, 0) });
  }
  return page;
}

/** Splits text into lines that fit `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

function numberPages(document: PDFDocument, font: PDFFont, front: number) {
  document.getPages().forEach((page, index) => {
    const label = index < front ? roman(index + 1) : String(index - front + 1);
    page.drawText(label, { x: PAGE.width / 2 - 6, y: 30, size: 9, font, color: rgb(0.3, 0.3, 0.3) });
  });
}

// The /PageLabels number tree: lower-case roman numerals for the front pages, then 1, 2, …
function addPageLabels(document: PDFDocument, front: number) {
  const labels = document.context.obj({
    Nums: [0, { S: 'r' }, front, { S: 'D' }],
  });
  document.catalog.set(PDFName.of('PageLabels'), labels);
}

// A flat /Outlines tree, one entry per section, each opening its page.
function addOutline(document: PDFDocument, entries: ReadonlyArray<{ title: string; page: PDFPage }>) {
  if (entries.length === 0) return;
  const { context } = document;
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  const first = refs[0];
  const last = refs.at(-1);
  if (!first || !last) return;
  entries.forEach((entry, index) => {
    const ref = refs[index];
    if (!ref) return;
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlinesRef,
      Dest: [entry.page.ref, 'XYZ', null, null, null],
    });
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(ref, item);
  });
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: first, Last: last, Count: entries.length }));
  document.catalog.set(PDFName.of('Outlines'), outlinesRef);
}
