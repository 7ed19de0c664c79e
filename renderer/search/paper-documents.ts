import type { SearchDocument } from '../../shared/plan-review/search-documents';
import { paperSearchDocuments } from '../papers/paper-pages';
import type { PaperRecord, PaperTextRecord } from '../papers/types';

// Board papers in the search index: one document per page with text, under the paper's meeting,
// opening the paper at that page. Exempt papers are indexed too (the member may read them) and
// their results say "Exempt".

type PaperFields = Pick<PaperRecord, 'meetingId' | 'paperId' | 'title' | 'isExempt'>;

/** The search document id of one page (from 1) of a paper. */
export function paperPageDocumentId(meetingId: string, paperId: string, page: number): string {
  return `${meetingId}\u0001paper\u0001${paperId}\u0001${page}`;
}

/** The search documents of a paper's extracted text: a page each (none while extraction failed). */
export function paperTextSearchDocuments(
  paper: PaperFields,
  text: Pick<PaperTextRecord, 'status' | 'pages' | 'pageLabels'>,
): SearchDocument[] {
  return paperSearchDocuments(paper, text).map((page) => ({
    id: paperPageDocumentId(page.meetingId, page.paperId, page.page),
    planId: page.meetingId,
    kind: 'paper',
    targetKind: 'paper',
    targetId: page.paperId,
    label: page.label,
    text: page.text,
    snippet: page.snippet,
    page: page.page,
    isExempt: page.isExempt,
  }));
}

/** The ids of every page document a paper may have in the index (ids not there are ignored when removed). */
export function paperDocumentIds(paper: Pick<PaperRecord, 'meetingId' | 'paperId' | 'pageCount'>, pagesWithText = 0): string[] {
  const pages = Math.max(paper.pageCount, pagesWithText);
  return Array.from({ length: pages }, (_, index) => paperPageDocumentId(paper.meetingId, paper.paperId, index + 1));
}

/**
 * What saving a paper's text means for the index: its pages with text added or replaced, and
 * pages of an earlier text that no longer have any removed.
 */
export function paperTextSearchChanges(
  paper: PaperFields & Pick<PaperRecord, 'pageCount'>,
  text: Pick<PaperTextRecord, 'status' | 'pages' | 'pageLabels'>,
  previous?: Pick<PaperTextRecord, 'pages'>,
): { upsert: SearchDocument[]; remove: string[] } {
  const upsert = paperTextSearchDocuments(paper, text);
  // With no earlier text nothing of this paper is in the index yet.
  if (!previous) return { upsert, remove: [] };
  const kept = new Set(upsert.map((document) => document.id));
  const remove = paperDocumentIds(paper, Math.max(text.pages.length, previous.pages.length)).filter((id) => !kept.has(id));
  return { upsert, remove };
}
