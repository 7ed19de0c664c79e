import { anchorPassage, pageOfOffset, type AnchorMatch, type PreparedText } from '../../shared/pack/anchor';
import type { AnnotationRecord } from '../../shared/annotations/types';
import type { PageHighlight } from './pdf-viewer';

// Where each highlight on a paper (or on an earlier version it reissues) lands in the paper now.

/** An annotation on a paper with where its passage was found. */
export type AnchoredAnnotation = { record: AnnotationRecord; match: AnchorMatch; isFromEarlierVersion: boolean };

/** Anchors every highlight in the paper's text; those whose words are gone come back orphaned, never dropped. */
export function anchorAnnotations(
  records: readonly AnnotationRecord[],
  prepared: PreparedText | null,
  paperId: string,
): AnchoredAnnotation[] {
  return records.flatMap((record) => {
    const { target } = record;
    if (target.kind !== 'paper') return [];
    const isFromEarlierVersion = target.paperId !== paperId;
    // Until the text is ready, a highlight on this very paper is trusted where it was made.
    const match: AnchorMatch = prepared
      ? anchorPassage(prepared, target.anchor)
      : isFromEarlierVersion
        ? { status: 'orphaned' }
        : { status: 'same', start: target.anchor.position.start, end: target.anchor.position.end, page: target.anchor.page };
    return [{ record, match, isFromEarlierVersion }];
  });
}

/** The page-by-page pieces of a passage, by offsets within each page's text, for painting. */
export function pageHighlights(anchored: readonly AnchoredAnnotation[], prepared: PreparedText | null): PageHighlight[] {
  if (!prepared) return [];
  return anchored.flatMap(({ record, match }) => {
    if (match.status === 'orphaned') return [];
    const pieces: PageHighlight[] = [];
    const firstPage = pageOfOffset(prepared, match.start);
    const lastPage = pageOfOffset(prepared, Math.max(match.start, match.end - 1));
    for (let page = firstPage; page <= lastPage; page += 1) {
      const pageStart = prepared.pageStarts[page - 1] ?? 0;
      const nextStart = prepared.pageStarts[page] ?? prepared.text.length;
      const start = Math.max(match.start, pageStart) - pageStart;
      const end = Math.min(match.end, nextStart) - pageStart;
      if (end > start) pieces.push({ id: record.id, page, start, end });
    }
    return pieces;
  });
}
