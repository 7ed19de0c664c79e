// The words beside the page box. The box itself shows the page's printed label ("i", "3"), so
// the words after it must read on from that label: "Page [2] of 3", but "Page [i] (1 of 3)",
// never "Page [i] 1 of 3", which reads as if the label and the number were one thing.

/** What follows the page box, given the page's label, its number (from 1) and the page count. */
export function pageBoxWords(label: string, page: number, pageCount: number): string {
  if (pageCount <= 0) return '';
  return label === String(page) ? `of ${pageCount}` : `(${page} of ${pageCount})`;
}
