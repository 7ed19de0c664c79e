import type { OversightDatabase } from '../db/database';
import { findInPages } from './find';
import { currentPapers, papersOfMeeting } from './pack-repository';

// Words inside papers. The text is extracted once, after import (text-extraction.ts); here it
// is searched, and turned into documents for the app-wide search index, one per page.

export { paperSearchDocuments, type PaperSearchDocument } from './paper-pages';

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
