import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';

// Pieces every DOCX export shares: running headers that mark each page (DRAFT, CONFIDENTIAL),
// a footer with page numbers and, for approved minutes, the chain's final hash, and plain
// paragraphs that keep the user's line breaks. Word's own heading styles, so the navigation
// pane and screen readers see the structure.

const RED = 'B3261E';

/** The one font every DOCX export uses: a sans-serif that Word and LibreOffice both have or substitute metrically. */
export const HOUSE_FONT = 'Arial';

/**
 * House style a clerk need not restyle: one sans-serif font throughout and black headings (Word's
 * built-in heading styles are blue and in another font until overridden here), keeping the
 * Heading 1–3 styles so the navigation pane and screen readers still see the structure.
 */
export const HOUSE_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: HOUSE_FONT, size: 22, color: '000000' } },
    heading1: { run: { font: HOUSE_FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 0, after: 120 } } },
    heading2: { run: { font: HOUSE_FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 100 } } },
    heading3: { run: { font: HOUSE_FONT, size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80 } } },
  },
};

/** A paragraph of text, keeping its line breaks. */
export function textParagraph(text: string, options: { bold?: boolean; italics?: boolean; indent?: boolean } = {}): Paragraph {
  const lines = text.split(/\r?\n/);
  return new Paragraph({
    ...(options.indent ? { indent: { left: 360 } } : {}),
    spacing: { after: 120 },
    children: lines.map(
      (line, index) =>
        new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), bold: options.bold ?? false, italics: options.italics ?? false }),
    ),
  });
}

/** A heading at a Word heading level (1–3). */
export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text, heading: levels[level], keepNext: true });
}

/** A bulleted list, or one line saying there is nothing. */
export function bullets(items: readonly string[], empty: string): Paragraph[] {
  if (items.length === 0) return empty ? [textParagraph(empty, { italics: true })] : [];
  return items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
}

/** A simple table with a bold heading row that repeats on each page; `percents` sets each column's share of the width. */
export function simpleTable(headings: readonly string[], rows: readonly (readonly string[])[], percents?: readonly number[]): Table {
  const cell = (text: string, isHeading: boolean, index: number) =>
    new TableCell({
      ...(percents?.[index] !== undefined ? { width: { size: percents[index], type: WidthType.PERCENTAGE } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text, bold: isHeading })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(percents ? { columnWidths: percents.map((percent) => Math.round(percent * 97)) } : {}),
    rows: [
      new TableRow({ tableHeader: true, children: headings.map((text, index) => cell(text, true, index)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, false, index)) })),
    ],
  });
}

/**
 * A section whose header marks every page: "DRAFT" until the minutes are approved,
 * "CONFIDENTIAL" when exempt items are included; the footer numbers the pages and, once
 * approved, carries the chain's final hash.
 */
export function markedSection(
  children: ISectionOptions['children'],
  marks: { isDraft: boolean; isConfidential: boolean; footerText: string; headerTitle?: string },
): ISectionOptions {
  const words = [marks.isConfidential ? 'CONFIDENTIAL' : '', marks.isDraft ? 'DRAFT' : ''].filter(Boolean).join(' · ');
  return {
    properties: { page: { margin: { top: 1200, bottom: 1200, left: 1100, right: 1100 } } },
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: words ? [new TextRun({ text: words, bold: true, color: RED, size: 24 })] : [],
          }),
          // The board's name heads every page, as council minutes do; a separate paragraph so the marks stay on their own.
          ...(marks.headerTitle ? [new Paragraph({ children: [new TextRun({ text: marks.headerTitle, size: 18 })] })] : []),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            border: { top: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } },
            children: [new TextRun({ text: marks.footerText, size: 14 })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })],
          }),
        ],
      }),
    },
    children,
  };
}
