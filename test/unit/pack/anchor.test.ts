import { describe, expect, it } from 'vitest';
import { anchorPassage, describePassage, pageOfOffset, paperTextModel, prepareText, type PaperAnchor } from '../../../shared/pack/anchor';

// Highlights found again in a reissued paper by their quote and context: moved to another page,
// changed around, re-flowed, reworded slightly, or gone (orphaned, never guessed).

const SENTENCE = 'Only 34% of parent carers rated the information available to them as good or better.';
const PAGES = [
  'Deep dive: the Local Offer\nThis deep dive responds to the inspection finding.',
  `What parents told us\n${SENTENCE}\nMany said they learned about support from other parents.`,
  'What has changed\nThe relaunched website has fewer, clearer pages.',
];

function anchorOf(pages: readonly string[], exact: string): PaperAnchor {
  const model = paperTextModel(pages);
  const start = model.text.indexOf(exact);
  const anchor = describePassage(model, start, start + exact.length);
  if (!anchor) throw new Error('no anchor');
  return anchor;
}

function find(pages: readonly string[], anchor: PaperAnchor) {
  const match = anchorPassage(prepareText(paperTextModel(pages)), anchor);
  const text = paperTextModel(pages).text;
  return { match, found: match.status === 'orphaned' ? null : text.slice(match.start, match.end) };
}

describe('describing a passage', () => {
  it('keeps the exact words, 32 characters of context either side, the offsets and the page', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    expect(anchor.quote.exact).toBe(SENTENCE);
    expect(anchor.quote.prefix).toHaveLength(32);
    expect(anchor.quote.prefix.endsWith('What parents told us\n')).toBe(true);
    expect(anchor.quote.suffix.startsWith('\nMany said')).toBe(true);
    expect(anchor.page).toBe(2);
  });

  it('leaves out whitespace at the ends, and refuses a selection of nothing but whitespace', () => {
    const model = paperTextModel(['one  two   three']);
    expect(describePassage(model, 3, 9)?.quote.exact).toBe('two');
    expect(describePassage(model, 3, 5)).toBeNull();
  });

  it('knows which page an offset is on', () => {
    const model = paperTextModel(PAGES);
    expect(pageOfOffset(model, 0)).toBe(1);
    expect(pageOfOffset(model, model.pageStarts[1] ?? 0)).toBe(2);
    expect(pageOfOffset(model, model.text.length - 1)).toBe(3);
  });
});

describe('finding a passage again', () => {
  it('is where it was in the same paper', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    expect(find(PAGES, anchor)).toMatchObject({ match: { status: 'same', page: 2 }, found: SENTENCE });
  });

  it('follows the quote to another page when a paragraph is added before it', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    const reissued = [
      PAGES[0] ?? '',
      'A new paragraph about the survey method, added in the reissue, pushes the findings over the page.',
      PAGES[1] ?? '',
      PAGES[2] ?? '',
    ];
    expect(find(reissued, anchor)).toMatchObject({ match: { status: 'moved', page: 3 }, found: SENTENCE });
  });

  it('still finds it when the text around it changed', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    const reissued = [
      PAGES[0] ?? '',
      `Survey results (revised)\nIn the survey of 412 families, ${SENTENCE} This was lower than last year.`,
      PAGES[2] ?? '',
    ];
    expect(find(reissued, anchor)).toMatchObject({ match: { status: 'moved', page: 2 }, found: SENTENCE });
  });

  it('finds it when the lines were broken differently', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    const reflowed = [
      PAGES[0] ?? '',
      `What parents told us\nOnly 34% of parent carers rated the\ninformation available to them as good or\nbetter.\nMany said…`,
    ];
    const { match, found } = find(reflowed, anchor);
    expect(['same', 'moved']).toContain(match.status);
    expect(found?.replace(/\s+/g, ' ')).toBe(SENTENCE);
  });

  it('finds it loosely when only case and punctuation changed, and says so', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    const reworded = [
      PAGES[0] ?? '',
      'What parents told us\nOnly 34 % of parent-carers rated the information available to them as good, or better!',
    ];
    expect(find(reworded, anchor).match).toMatchObject({ status: 'loose', page: 2 });
  });

  it('chooses between repeated words by their context', () => {
    const pages = ['The board noted the report. Item one.', 'The board noted the report. Item two, on timeliness.'];
    const anchor = anchorOf(pages, 'Item two');
    const full = paperTextModel(pages).text;
    const repeated = full.indexOf('The board noted the report.', 10);
    const described = describePassage(paperTextModel(pages), repeated, repeated + 'The board noted the report.'.length);
    if (!described) throw new Error('no anchor');
    const shuffled = ['Front page.', ...pages];
    expect(find(shuffled, described)).toMatchObject({ match: { page: 3 } });
    expect(find(shuffled, anchor).match).toMatchObject({ page: 3 });
  });

  it('follows the context, not the old offset, when repeated words swap places', () => {
    const first = 'The board noted the report. Item one, on finance.';
    const second = 'The board noted the report. Item two, on timeliness.';
    const model = paperTextModel([first, second]);
    const at = model.text.indexOf('The board noted the report.', 10);
    const anchor = describePassage(model, at, at + 'The board noted the report.'.length);
    if (!anchor) throw new Error('no anchor');
    // In the reissue the other "noted the report" now sits three characters from the old offset:
    // nearness alone would choose it; the context (" Item two…") chooses the right one.
    const swapped = [second, first];
    expect(Math.abs(paperTextModel(swapped).text.indexOf('The board noted the report.', 10) - at)).toBeLessThan(5);
    expect(find(swapped, anchor)).toMatchObject({ match: { status: 'moved', start: 0, page: 1 } });
    // And the same when the words are found only loosely (case and punctuation changed).
    const loose = swapped.map((page) => page.toUpperCase().replace(/\./g, ''));
    expect(find(loose, anchor)).toMatchObject({ match: { status: 'loose', start: 0, page: 1 } });
  });

  it('is orphaned when the words are gone: never guessed', () => {
    const anchor = anchorOf(PAGES, SENTENCE);
    const without = [PAGES[0] ?? '', 'What parents told us\nMany said they learned about support from other parents.', PAGES[2] ?? ''];
    expect(find(without, anchor).match).toEqual({ status: 'orphaned' });
    expect(find([], anchor).match).toEqual({ status: 'orphaned' });
  });
});

// The folding as it was written first (a Unicode regex per character), kept here as the
// reference for the faster one, which decides ASCII by character code.
function referenceFold(text: string, isLoose: boolean): { text: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let wasSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (/\s/.test(character)) {
      if (!isLoose && !wasSpace && folded !== '') {
        folded += ' ';
        origin.push(index);
      }
      wasSpace = true;
      continue;
    }
    wasSpace = false;
    if (isLoose) {
      if (!/[\p{L}\p{N}]/u.test(character)) continue;
      folded += character.toLowerCase();
    } else folded += character;
    origin.push(index);
  }
  return { text: folded, origin };
}

describe('folding a paper’s text for anchoring', () => {
  it('folds every kind of character as the Unicode rules say', () => {
    const awkward = [
      'Tab\there, vertical\u000btab, form\u000cfeed, CR\r\nLF',
      'No\u00a0break, thin\u2009space, line\u2028separator, BOM\ufeff, ideographic\u3000space',
      'ÉCOLE Ärger İstanbul ß ﬁ Ǆ 𝐀𝟏 😀 ½ ² Ⅻ ٣ 漢字 !?@[`{~ _ - 0123456789 AZ az',
      '\ud800 lone surrogates \udc00, and a pair \ud83d\ude00',
    ];
    const everyCode = Array.from({ length: 0x3100 }, (_, code) => String.fromCharCode(code)).join('');
    for (const text of [...awkward, everyCode, PAGES.join('\n')]) {
      const prepared = prepareText(paperTextModel([text]));
      expect(prepared.folded).toEqual(referenceFold(text, false));
      expect(prepared.loose).toEqual(referenceFold(text, true));
    }
  });
});
