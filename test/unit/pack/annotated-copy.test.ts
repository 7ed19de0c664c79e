import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { highlightRects, makeAnnotatedCopy, type PageTextItem } from '../../../shared/pack/annotated-copy';
import { makePaperPdf } from '../../../scripts/sample/paper-pdf';
import { pdfPageTexts } from '../../e2e/pdf-text';
import { paperSpec } from './fixtures';

const SENTENCE = 'The audit sample of thirty plans was too small to give the board assurance.';

async function pageItems(bytes: Uint8Array, page: number): Promise<PageTextItem[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await document.getPage(page)).getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item
      ? [{ str: item.str, hasEOL: item.hasEOL, transform: item.transform as number[], width: item.width, height: item.height }]
      : [],
  );
  await document.destroy();
  return items;
}

const BASE = {
  paperTitle: 'Highlight report',
  meetingTitle: 'Northmoor SEND Oversight Board, 14 January 2027',
  memberName: 'Cllr Shah',
  isExempt: false,
  exemptMarking: 'EXEMPT: NOT FOR PUBLICATION',
  madeOn: '6 January 2027',
};

describe('highlightRects', () => {
  it('covers the characters of the passage, item by item, as the app builds the page text', () => {
    const items: PageTextItem[] = [
      { str: 'Hello world', hasEOL: true, transform: [10, 0, 0, 10, 100, 700], width: 110, height: 10 },
      { str: 'Second line', hasEOL: false, transform: [10, 0, 0, 10, 100, 685], width: 110, height: 10 },
    ];
    // "world\nSecond": offsets 6–18 in "Hello world\nSecond line".
    expect(highlightRects(items, 6, 18)).toEqual([
      { x: 160, y: 697.5, width: 50, height: 12 },
      { x: 100, y: 682.5, width: 60, height: 12 },
    ]);
    expect(highlightRects(items, 11, 12)).toEqual([]);
  });
});

describe('makeAnnotatedCopy', () => {
  it('keeps the pages and their text, draws the highlight, and lists the notes on added pages marked private', async () => {
    const original = await makePaperPdf(paperSpec('Highlight report', ['Recruitment is complete.', `Quality assurance. ${SENTENCE}`]));
    const pageText = (await pdfPageTexts(original))[0] ?? '';
    expect(pageText).toContain('The audit sample');
    const items = await pageItems(original, 1);
    const built = items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
    const start = built.indexOf('The audit sample');
    const rects = highlightRects(items, start, start + 'The audit sample'.length);
    expect(rects.length).toBeGreaterThan(0);

    const copy = await makeAnnotatedCopy(original, {
      ...BASE,
      highlights: [{ page: 1, rects }],
      notes: [
        { page: 1, quote: 'The audit sample', note: 'Ask for the size of the spring audit.', isPrivate: true },
        { page: 1, quote: 'Recruitment is complete', note: 'Good news to share.', isPrivate: false },
      ],
    });
    const before = await PDFDocument.load(original);
    const after = await PDFDocument.load(copy);
    expect(after.getPageCount()).toBe(before.getPageCount() + 1);
    expect(after.getSubject()).toBe('Cllr Shah’s own copy: it contains private notes. Do not share it.');
    const texts = await pdfPageTexts(copy);
    expect(texts[0]).toContain(SENTENCE.slice(0, 30));
    const notes = texts.at(-1) ?? '';
    expect(notes).toContain('Notes on “Highlight report”');
    expect(notes).toContain('Page 1 · Private');
    expect(notes).toContain('Ask for the size of the spring audit.');
    expect(notes).toContain('Good news to share.');
    expect(notes).toContain('Cllr Shah’s own copy: it contains private notes. Do not share it.');
  });

  it('marks every page of an exempt paper, its notes pages too, and says a copy without private notes is not private', async () => {
    const original = await makePaperPdf(paperSpec('Placements', ['Fees of named providers.'], { minimumPages: 2 }));
    const copy = await makeAnnotatedCopy(original, {
      ...BASE,
      paperTitle: 'Placements',
      isExempt: true,
      highlights: [],
      notes: [{ page: 2, quote: 'Fees', note: 'Emoji 🙂 and Ω survive as ?', isPrivate: false }],
    });
    const texts = await pdfPageTexts(copy);
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text).toContain('EXEMPT: NOT FOR PUBLICATION');
    expect(texts[2]).toContain('Cllr Shah’s copy, with their notes.');
    expect(texts[2]).not.toContain('private');
    expect(texts[2]).toContain('Emoji ? and ? survive as ?');
  });
});
