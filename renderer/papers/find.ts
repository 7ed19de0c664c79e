// Find in a paper: every place the words appear, across its pages, whatever the case and however
// the lines were broken in the PDF.

/** One place the words were found: the page (1-based) and offsets in that page's text. */
export type FindMatch = { page: number; start: number; end: number };

const MAX_MATCHES = 2000;

/** Every match of `query` in the pages' texts, in reading order (at most 2,000). */
export function findInPages(pages: readonly string[], query: string): FindMatch[] {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  const matches: FindMatch[] = [];
  pages.forEach((text, index) => {
    for (const found of text.matchAll(pattern)) {
      if (matches.length >= MAX_MATCHES) return;
      if (found[0].length === 0) continue;
      matches.push({ page: index + 1, start: found.index, end: found.index + found[0].length });
    }
  });
  return matches;
}
