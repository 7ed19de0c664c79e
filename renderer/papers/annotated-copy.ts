import type { PageTextItem, PdfRect } from '../../shared/pack/annotated-copy';
import type { PreparedText } from '../../shared/pack/anchor';
import { formatDate } from '../format';
import { pageHighlights, type AnchoredAnnotation } from './anchoring';
import { openPdf } from './pdf';
import type { PaperRecord } from './types';

// Builds "Save a copy with my notes" in the renderer, where the paper and the member's
// annotations are: the highlights' offsets become rectangles on the page with pdf.js's text
// positions (the same items the text was extracted from), and pdf-lib draws them
// (shared/pack/annotated-copy.ts). Only the member's own annotations go in: their private notes
// belong in their own copy alone.

export const EXEMPT_MARKING = 'EXEMPT: NOT FOR PUBLICATION (Local Government Act 1972, Schedule 12A)';

/** The copy's bytes and a file name for it. */
export async function buildAnnotatedCopy(input: {
  paper: PaperRecord;
  meetingTitle: string;
  memberId: string;
  memberName: string;
  anchored: readonly AnchoredAnnotation[];
  prepared: PreparedText | null;
  now?: Date;
}): Promise<{ bytes: Uint8Array; fileName: string }> {
  const own = input.anchored.filter(({ record }) => record.authorId === input.memberId && !record.deleted);
  const bytes = new Uint8Array(await input.paper.pdf.arrayBuffer());
  const pieces = pageHighlights(own, input.prepared);
  const highlights: Array<{ page: number; rects: PdfRect[] }> = [];
  if (pieces.length > 0) {
    const { highlightRects } = await import('../../shared/pack/annotated-copy');
    // pdf.js takes over the bytes it is given: it gets a copy.
    const pdf = await openPdf(bytes.slice(), 'background');
    try {
      const itemsOf = new Map<number, PageTextItem[]>();
      for (const piece of pieces) {
        let items = itemsOf.get(piece.page);
        if (!items) {
          const content = await (await pdf.getPage(piece.page)).getTextContent();
          items = content.items.flatMap((item) =>
            'str' in item
              ? [{ str: item.str, hasEOL: item.hasEOL, transform: item.transform as number[], width: item.width, height: item.height }]
              : [],
          );
          itemsOf.set(piece.page, items);
        }
        highlights.push({ page: piece.page, rects: highlightRects(items, piece.start, piece.end) });
      }
    } finally {
      await pdf.destroy();
    }
  }
  const { makeAnnotatedCopy } = await import('../../shared/pack/annotated-copy');
  const copy = await makeAnnotatedCopy(bytes, {
    paperTitle: input.paper.title,
    meetingTitle: input.meetingTitle,
    memberName: input.memberName,
    isExempt: input.paper.isExempt,
    exemptMarking: EXEMPT_MARKING,
    highlights,
    notes: own.flatMap(({ record, match }) =>
      record.target.kind === 'paper'
        ? [
            {
              page: match.status === 'orphaned' ? record.target.anchor.page : match.page,
              quote: record.target.anchor.quote.exact,
              note: record.text,
              isPrivate: record.visibility === 'private',
              isOrphaned: match.status === 'orphaned',
            },
          ]
        : [],
    ),
    madeOn: formatDate((input.now ?? new Date()).toISOString()),
  });
  return { bytes: copy, fileName: `${input.paper.title} with my notes.pdf` };
}
