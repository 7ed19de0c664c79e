import type { OversightDatabase } from '../db/database';
import { findInPages } from './find';
import { currentPapers, papersOfMeeting } from './pack-repository';
import type { PaperRecord, PaperTextRecord } from './types';

// Words inside papers. The text is extracted once, after import (text-extraction.ts); here it
// is searched, and turned into documents for the app-wide search index, one per page.

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

/** A page of a paper where the words were found, with the words in context. */
export type PaperSearchResult = {
  paperId: string;
  title: string;
  isExempt: boolean;
  page: number;
  pageLabel: string;
  before: string;
  match: string;
  after: string;
};

const CONTEXT = 60;

/** Finds words in the current papers of a meeting: a result per page (at most 200). */
export async function searchPapers(db: OversightDatabase, meetingId: string, query: string): Promise<PaperSearchResult[]> {
  if (query.trim().length < 2) return [];
  const papers = currentPapers(await papersOfMeeting(db, meetingId)).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const texts = await db.paperTexts.bulkGet(papers.map((paper) => paper.id));
  const results: PaperSearchResult[] = [];
  papers.forEach((paper, index) => {
    const text = texts[index];
    if (!text || text.status !== 'ready') return;
    const seenPages = new Set<number>();
    for (const match of findInPages(text.pages, query)) {
      if (seenPages.has(match.page) || results.length >= 200) continue;
      seenPages.add(match.page);
      const pageText = text.pages[match.page - 1] ?? '';
      results.push({
        paperId: paper.paperId,
        title: paper.title,
        isExempt: paper.isExempt,
        page: match.page,
        pageLabel: text.pageLabels?.[match.page - 1] ?? String(match.page),
        before: pageText.slice(Math.max(0, match.start - CONTEXT), match.start).replace(/\s+/g, ' '),
        match: pageText.slice(match.start, match.end).replace(/\s+/g, ' '),
        after: pageText.slice(match.end, match.end + CONTEXT).replace(/\s+/g, ' '),
      });
    }
  });
  return results;
}
