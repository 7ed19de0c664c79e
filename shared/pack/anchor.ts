// Anchoring highlights in a paper's text, after the W3C Web Annotation selectors: a text-quote
// selector (the exact words with a little context either side) and a text-position selector
// (character offsets), plus the page. The quote is what finds the passage again in a reissued
// paper, where the offsets have moved; the offsets and the context choose between several
// places the same words appear. A passage that cannot be found is orphaned, never guessed.

/** The exact words, with up to CONTEXT_LENGTH characters before and after them. */
export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
/** Character offsets in the paper's text: start inclusive, end exclusive. */
export type TextPositionSelector = { start: number; end: number };
/** Where a highlight sits in a paper. `page` is 1-based (the PDF's page index, not its label). */
export type PaperAnchor = { quote: TextQuoteSelector; position: TextPositionSelector; page: number };

/** How the text of consecutive pages is joined into the paper's text. */
export const PAGE_SEPARATOR = '\n\n';
/** Characters of context kept either side of a quote. */
export const CONTEXT_LENGTH = 32;
/** The longest quote kept: a highlight is a passage, not a chapter. */
export const MAX_QUOTE_LENGTH = 2000;

/** A paper's text as the anchoring sees it: its pages joined, and where each page starts. */
export type PaperTextModel = { text: string; pageStarts: number[] };

/** Joins a paper's page texts into one text, remembering where each page starts. */
export function paperTextModel(pages: readonly string[]): PaperTextModel {
  const pageStarts: number[] = [];
  let text = '';
  pages.forEach((page, index) => {
    if (index > 0) text += PAGE_SEPARATOR;
    pageStarts.push(text.length);
    text += page;
  });
  return { text, pageStarts };
}

/** The 1-based page an offset of the paper's text falls on. */
export function pageOfOffset(model: Pick<PaperTextModel, 'pageStarts'>, offset: number): number {
  let low = 0;
  let high = model.pageStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((model.pageStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/**
 * The anchor of a passage the member selected, from offsets in the paper's text. Whitespace at
 * either end of the selection is left out; null when nothing but whitespace was selected.
 */
export function describePassage(model: PaperTextModel, start: number, end: number): PaperAnchor | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(model.text.length, Math.max(start, end));
  while (from < to && /\s/.test(model.text[from] ?? '')) from += 1;
  while (to > from && /\s/.test(model.text[to - 1] ?? '')) to -= 1;
  if (from >= to) return null;
  to = Math.min(to, from + MAX_QUOTE_LENGTH);
  return {
    quote: {
      exact: model.text.slice(from, to),
      prefix: model.text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
      suffix: model.text.slice(to, to + CONTEXT_LENGTH),
    },
    position: { start: from, end: to },
    page: pageOfOffset(model, from),
  };
}

/**
 * Where an anchor lands in a paper's text: `same` where the offsets still hold the quote,
 * `moved` where the quote was found elsewhere, `loose` where it was found only once case,
 * punctuation and spacing were set aside, `orphaned` where the words are gone.
 */
export type AnchorMatch = { status: 'same' | 'moved' | 'loose'; start: number; end: number; page: number } | { status: 'orphaned' };

type Folded = { text: string; origin: number[] };

// ASCII is decided by character code; anything else by the Unicode regexes. Opening a paper
// folds its whole text twice, and a regex test per character made that about 200 ms of the
// window's time for a 300-page paper, ahead of its first page being drawn.
function isSpace(code: number, character: string): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(character);
}

function isWordCharacter(code: number, character: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(character);
}

// A text with runs of whitespace collapsed to one space (`loose` also drops everything but
// letters and digits, and lower-cases them), and for each character kept its offset in the original.
function fold(text: string, isLoose: boolean): Folded {
  let folded = '';
  const origin: number[] = [];
  let wasSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const character = code < 128 ? '' : text.charAt(index);
    if (isSpace(code, character)) {
      if (!isLoose && !wasSpace && folded !== '') {
        folded += ' ';
        origin.push(index);
      }
      wasSpace = true;
      continue;
    }
    wasSpace = false;
    if (isLoose) {
      if (!isWordCharacter(code, character)) continue;
      folded += code < 128 ? String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code) : character.toLowerCase();
    } else folded += code < 128 ? String.fromCharCode(code) : character;
    origin.push(index);
  }
  return { text: folded, origin };
}

function foldedQuote(text: string, isLoose: boolean): string {
  return fold(text, isLoose).text.trim();
}

// How many characters two texts share, counting from the end of `a` and the start of `b`
// (`fromEnd`), or from the start of both.
function sharedLength(a: string, b: string, fromEnd: boolean): number {
  const limit = Math.min(a.length, b.length);
  let count = 0;
  while (count < limit) {
    const left = fromEnd ? a[a.length - 1 - count] : a[count];
    const right = fromEnd ? b[b.length - 1 - count] : b[count];
    if (left !== right) break;
    count += 1;
  }
  return count;
}

/** Models of a paper's text folded for matching, made once and reused for every anchor on it. */
export type PreparedText = PaperTextModel & { folded: Folded; loose: Folded };

/** Prepares a paper's text for anchoring many highlights in it. */
export function prepareText(model: PaperTextModel): PreparedText {
  return { ...model, folded: fold(model.text, false), loose: fold(model.text, true) };
}

/** Finds an anchor's passage in a (possibly reissued) paper's text. */
export function anchorPassage(prepared: PreparedText, anchor: PaperAnchor): AnchorMatch {
  const { exact } = anchor.quote;
  if (exact.trim() === '') return { status: 'orphaned' };
  const { start, end } = anchor.position;
  if (prepared.text.slice(start, end) === exact) return { status: 'same', start, end, page: pageOfOffset(prepared, start) };
  for (const isLoose of [false, true]) {
    const found = bestOccurrence(prepared, isLoose ? prepared.loose : prepared.folded, anchor, isLoose);
    if (found) {
      const status = isLoose ? 'loose' : found.start === start && found.end === end ? 'same' : 'moved';
      return { status, ...found, page: pageOfOffset(prepared, found.start) };
    }
  }
  return { status: 'orphaned' };
}

function bestOccurrence(
  prepared: PreparedText,
  folded: Folded,
  anchor: PaperAnchor,
  isLoose: boolean,
): { start: number; end: number } | null {
  const needle = foldedQuote(anchor.quote.exact, isLoose);
  // Loose matching of a few characters would find them anywhere: only words long enough to mean something.
  if (needle === '' || (isLoose && needle.length < 8)) return null;
  const prefix = foldedQuote(anchor.quote.prefix, isLoose);
  const suffix = foldedQuote(anchor.quote.suffix, isLoose);
  const total = Math.max(prepared.text.length, 1);
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
    const start = folded.origin[at] ?? 0;
    const end = (folded.origin[at + needle.length - 1] ?? start) + 1;
    const before = folded.text.slice(Math.max(0, at - prefix.length - 1), at).trimEnd();
    const after = folded.text.slice(at + needle.length, at + needle.length + suffix.length + 1).trimStart();
    // Matching context dominates; nearness to the old offset only breaks ties.
    const nearness = 1 - Math.min(1, Math.abs(start - anchor.position.start) / total);
    const score = sharedLength(before, prefix, true) + sharedLength(after, suffix, false) + nearness;
    if (!best || score > best.score) best = { start, end, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}
