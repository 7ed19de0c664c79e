import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

// "Save a copy with my notes": a board paper as a PDF with the member's own highlights drawn on
// its pages and their notes listed on pages added at the end, for printing or reading elsewhere.
// The original pages are kept (their text stays selectable); highlights are translucent boxes
// drawn over them. Private notes only ever go into the member's own copy, and such a copy says
// so on every added page and in its properties. An exempt paper is marked on every page.

/** A rectangle in PDF user space (origin bottom left). */
export type PdfRect = { x: number; y: number; width: number; height: number };

/** A text item of a page as pdf.js gives it: its string, whether a line ends after it, its transform and size. */
export type PageTextItem = { str: string; hasEOL: boolean; transform: readonly number[]; width: number; height: number };

/**
 * The rectangles covering characters [start, end) of a page's text, where the text is built
 * from `items` exactly as the app builds it (each item's string, then "\n" after a line's end).
 */
export function highlightRects(items: readonly PageTextItem[], start: number, end: number): PdfRect[] {
  const rects: PdfRect[] = [];
  let offset = 0;
  for (const item of items) {
    const itemStart = offset;
    const itemEnd = offset + item.str.length;
    offset = itemEnd + (item.hasEOL ? 1 : 0);
    const from = Math.max(start, itemStart);
    const to = Math.min(end, itemEnd);
    if (to <= from || item.str.length === 0) continue;
    const [, , , , x = 0, y = 0] = item.transform;
    const fontHeight = item.height || Math.abs(item.transform[3] ?? 0) || 10;
    const perCharacter = item.width / item.str.length;
    rects.push({
      x: x + perCharacter * (from - itemStart),
      // From a little below the baseline (descenders) to a little above the capitals.
      y: y - fontHeight * 0.25,
      width: perCharacter * (to - from),
      height: fontHeight * 1.2,
    });
  }
  return rects;
}

export type CopyNote = {
  /** Pages (from 1) the passage is on. */
  page: number;
  quote: string;
  note: string;
  isPrivate: boolean;
  isOrphaned?: boolean;
};

export type AnnotatedCopyInput = {
  paperTitle: string;
  meetingTitle: string;
  memberName: string;
  isExempt: boolean;
  /** What an exempt paper's pages say, e.g. "EXEMPT: NOT FOR PUBLICATION". */
  exemptMarking: string;
  /** Highlights by page (from 1). */
  highlights: ReadonlyArray<{ page: number; rects: readonly PdfRect[] }>;
  notes: readonly CopyNote[];
  /** "6 January 2027", as the member reads dates. */
  madeOn: string;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** The paper's PDF with the highlights drawn and the notes on added pages. */
export async function makeAnnotatedCopy(pdfBytes: Uint8Array, input: AnnotatedCopyInput): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const pages = document.getPages();
  const hasPrivate = input.notes.some((note) => note.isPrivate);

  for (const highlight of input.highlights) {
    const page = pages[highlight.page - 1];
    if (!page) continue;
    for (const rect of highlight.rects) {
      page.drawRectangle({ ...rect, color: rgb(1, 0.86, 0.2), opacity: 0.4, borderWidth: 0 });
    }
  }
  if (input.isExempt) {
    for (const page of pages) stampMarking(page, bold, input.exemptMarking);
  }

  const ownership = hasPrivate
    ? `${input.memberName}’s own copy: it contains private notes. Do not share it.`
    : `${input.memberName}’s copy, with their notes.`;
  const writer = notesWriter(document, font, bold, input, ownership);
  writer.heading(`Notes on “${input.paperTitle}”`);
  writer.line(`${input.meetingTitle}. Made on ${input.madeOn}.`, font, 10);
  writer.line(ownership, bold, 10);
  writer.gap();
  if (input.notes.length === 0) writer.line('No notes on this paper.', font, 11);
  const sorted = [...input.notes].sort((a, b) => a.page - b.page);
  for (const note of sorted) {
    const where = note.isOrphaned ? 'Passage no longer found in this version' : `Page ${note.page}`;
    writer.line(`${where}${note.isPrivate ? ' · Private' : ''}`, bold, 11);
    writer.paragraph(`“${note.quote}”`, font, 10, rgb(0.3, 0.3, 0.3));
    if (note.note.trim()) writer.paragraph(note.note, font, 11, rgb(0, 0, 0));
    writer.gap();
  }

  document.setTitle(`${input.paperTitle}, with ${input.memberName}’s notes`);
  document.setSubject(ownership);
  document.setKeywords(hasPrivate ? ['Oversight', 'private notes', 'own copy'] : ['Oversight', 'notes']);
  document.setProducer('Oversight');
  return document.save();
}

function stampMarking(page: PDFPage, font: PDFFont, marking: string) {
  const { width, height } = page.getSize();
  const size = 9;
  const textWidth = font.widthOfTextAtSize(marking, size);
  page.drawRectangle({
    x: (width - textWidth) / 2 - 6,
    y: height - 22,
    width: textWidth + 12,
    height: 16,
    color: rgb(1, 1, 1),
    opacity: 0.9,
  });
  page.drawText(marking, { x: (width - textWidth) / 2, y: height - 17, size, font, color: rgb(0.7, 0, 0) });
}

// Writes lines down added A4 pages, starting a new page when one is full; every added page
// carries the ownership line (and the exempt marking) so a page printed alone still says whose it is.
function notesWriter(document: PDFDocument, font: PDFFont, bold: PDFFont, input: AnnotatedCopyInput, ownership: string) {
  let page: PDFPage = newPage();
  let y = A4.height - MARGIN - 20;

  function newPage(): PDFPage {
    const added = document.addPage([A4.width, A4.height]);
    added.drawText(ownership, { x: MARGIN, y: 28, size: 8, font, color: rgb(0.3, 0.3, 0.3) });
    if (input.isExempt) stampMarking(added, bold, input.exemptMarking);
    return added;
  }
  function ensure(space: number) {
    if (y - space < MARGIN) {
      page = newPage();
      y = A4.height - MARGIN - 20;
    }
  }
  function line(text: string, withFont: PDFFont, size: number, color = rgb(0, 0, 0)) {
    for (const part of wrap(safeText(text, withFont), withFont, size, A4.width - 2 * MARGIN)) {
      ensure(size * 1.4);
      page.drawText(part, { x: MARGIN, y, size, font: withFont, color });
      y -= size * 1.4;
    }
  }
  return {
    heading: (text: string) => line(text, bold, 15),
    line,
    paragraph: (text: string, withFont: PDFFont, size: number, color: ReturnType<typeof rgb>) => line(text, withFont, size, color),
    gap: () => {
      y -= 8;
    },
  };
}

// The standard fonts encode WinAnsi only: anything else (emoji, other scripts) becomes "?"
// rather than failing the whole copy.
function safeText(text: string, font: PDFFont): string {
  return [...text.replace(/\s+/g, ' ')]
    .map((character) => {
      try {
        font.encodeText(character);
        return character;
      } catch {
        return '?';
      }
    })
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || current === '') current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
