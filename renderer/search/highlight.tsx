import type { ReactNode } from 'react';

/** The text with every word that matched the search marked (`<mark>`), so the match is visible without colour too. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  const wanted = new Set(terms.map((term) => term.toLowerCase()));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const start = match.index;
    if (!wanted.has(word.toLowerCase())) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark key={start}>{word}</mark>);
    last = start + word.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
