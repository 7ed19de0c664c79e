import type { PaperRecord, PaperTextRecord } from './types';

// A paper's pages as search documents. Its own module (it reads no table) so that the app-wide
// search index (search/paper-documents.ts), which the pack repository updates, does not import
// paper-search.ts, which reads through the pack repository.

/** One page of a paper as a search document: what the app-wide index needs to find and open it. */
export type PaperSearchDocument = {
  /** `meetingId \u0001 paper \u0001 paperId \u0001 page`: unique across meetings. */
  id: string;
  meetingId: string;
  paperId: string;
  page: number;
  /** e.g. "Performance dashboard, page 3" (with the paper's own page label where it has one). */
  label: string;
  text: string;
  snippet: string;
  /** Exempt papers' text must not leave in a shared export of search results. */
  isExempt: boolean;
};

const SNIPPET_LENGTH = 200;

/** The search documents of one paper, a page each (pages without text are left out). */
export function paperSearchDocuments(
  paper: Pick<PaperRecord, 'meetingId' | 'paperId' | 'title' | 'isExempt'>,
  text: Pick<PaperTextRecord, 'status' | 'pages' | 'pageLabels'>,
): PaperSearchDocument[] {
  if (text.status !== 'ready') return [];
  return text.pages.flatMap((pageText, index) => {
    const clean = pageText.replace(/\s+/g, ' ').trim();
    if (clean === '') return [];
    const label = text.pageLabels?.[index] ?? String(index + 1);
    return [
      {
        id: `${paper.meetingId}\u0001paper\u0001${paper.paperId}\u0001${index + 1}`,
        meetingId: paper.meetingId,
        paperId: paper.paperId,
        page: index + 1,
        label: `${paper.title}, page ${label}`,
        text: clean,
        snippet: clean.length > SNIPPET_LENGTH ? `${clean.slice(0, SNIPPET_LENGTH)}…` : clean,
        isExempt: paper.isExempt,
      },
    ];
  });
}
