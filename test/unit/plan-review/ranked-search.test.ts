import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { queryTerms, rankedSearch, type TermSpec } from '../../../renderer/search/ranked-search';
import type { SearchKind } from '../../../shared/plan-review/search-documents';

// The ranked search must answer as MiniSearch's own search does (same documents, same scores,
// same matched words), only without building and sorting every match.

type Document = { id: string; kind: string; label: string; text: string };

const WORDS =
  'support families progress recovery tribunal backlog timeliness health advice plans review inclusion transport annual assessment audit officers parent carer forum recruitment specialist placement'.split(
    ' ',
  );

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function corpus(count: number, seed: number): Document[] {
  const random = rng(seed);
  // Skewed: the first words are in most documents (the common-word case).
  const word = () => WORDS[Math.floor(random() ** 2 * WORDS.length)] ?? 'plans';
  const kinds = ['action', 'update', 'annotation'];
  return Array.from({ length: count }, (_, index) => ({
    id: `doc-${seed}-${index}`,
    kind: kinds[index % kinds.length] ?? 'action',
    label: Array.from({ length: 1 + Math.floor(random() * 4) }, word).join(' '),
    text: Array.from({ length: Math.floor(random() * 30) }, word).join(' ') + (index % 7 === 0 ? ' the and of' : ''),
  }));
}

const STOP = new Set(['the', 'and', 'of']);
const processTerm = (term: string): string | null => {
  const lower = term.toLowerCase();
  return lower.length === 0 || STOP.has(lower) ? null : lower;
};

function indexOf(documents: readonly Document[]): MiniSearch<Document> {
  const index = new MiniSearch<Document>({ fields: ['label', 'text'], storeFields: ['kind', 'label'], processTerm });
  index.addAll(documents);
  return index;
}

const FIELD_BOOSTS = [
  ['label', 2],
  ['text', 1],
] as const;

function specsOf(query: string, fuzzy: (term: string) => number | false): TermSpec[] {
  const terms = queryTerms(query, processTerm);
  return terms.map((term, index) => ({ term, prefix: index === terms.length - 1 && term.length >= 4, fuzzy: fuzzy(term) }));
}

/** MiniSearch's own answer, per kind: every match, best first. */
function reference(indexes: readonly MiniSearch<Document>[], specs: readonly TermSpec[]): Map<string, SearchResult[]> {
  const byKind = new Map<string, SearchResult[]>();
  const bySpec = new Map(specs.map((spec) => [spec.term, spec]));
  for (const index of indexes) {
    const results = index.search(specs.map((spec) => spec.term).join(' '), {
      boost: { label: 2 },
      prefix: (term, position, terms) => position === terms.length - 1 && (bySpec.get(term)?.prefix ?? false),
      fuzzy: (term) => bySpec.get(term)?.fuzzy ?? false,
      combineWith: 'AND',
    });
    for (const result of results) {
      const list = byKind.get(String(result.kind)) ?? [];
      list.push(result);
      byKind.set(String(result.kind), list);
    }
  }
  for (const list of byKind.values()) list.sort((a, b) => b.score - a.score);
  return byKind;
}

function expectSameAnswers(
  indexes: readonly MiniSearch<Document>[],
  query: string,
  fuzzy: (term: string) => number | false,
  limit = 8,
): void {
  const specs = specsOf(query, fuzzy);
  const expected = reference(indexes, specs);
  const actual = rankedSearch(indexes, specs, { fieldBoosts: FIELD_BOOSTS, limitPerKind: limit });
  expect([...actual.keys()].sort(), query).toEqual([...expected.keys()].sort());
  for (const [kind, all] of expected) {
    const group = actual.get(kind as SearchKind);
    expect(group?.total, `${query}: ${kind}`).toBe(all.length);
    const hits = group?.hits ?? [];
    expect(hits).toHaveLength(Math.min(limit, all.length));
    // Scores equal (ties may come in either order); each hit's fields and matched words as MiniSearch's.
    for (const [position, hit] of hits.entries()) {
      expect(hit.score as number).toBeCloseTo(all[position]?.score ?? NaN, 9);
      const same = all.find((result) => result.id === hit.id);
      expect(same, `${query}: ${String(hit.id)}`).toBeDefined();
      expect(hit.score as number).toBeCloseTo(same?.score ?? NaN, 9);
      expect(hit.kind).toBe(kind);
      expect(hit.label).toBe(same?.label);
      expect([...(hit.terms as string[])].sort()).toEqual([...(same?.terms ?? [])].sort());
    }
  }
}

describe('ranked search', () => {
  const shards = [indexOf(corpus(600, 1)), indexOf(corpus(400, 2)), indexOf([])];
  const typos = (term: string): number | false => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false);

  it('answers common words, prefixes, typos and several words as MiniSearch does, keeping only the best per kind', () => {
    for (const query of [
      'support',
      'plans',
      'supp',
      'prog',
      'famlies',
      'tribnual',
      'support families',
      'families supp',
      'health advice timeliness',
    ]) {
      expectSameAnswers(shards, query, typos);
    }
    expectSameAnswers(shards, 'support', typos, 1);
    expectSameAnswers(shards, 'support', typos, 1000);
  });

  it('finds nothing when one word matches nothing, and nothing for stop words alone', () => {
    expect(
      rankedSearch(
        shards,
        specsOf('support zzzzqqq', () => false),
        { fieldBoosts: FIELD_BOOSTS, limitPerKind: 8 },
      ).size,
    ).toBe(0);
    expect(rankedSearch(shards, specsOf('the and', typos), { fieldBoosts: FIELD_BOOSTS, limitPerKind: 8 }).size).toBe(0);
    // And the scratch space was left clean: the next query answers as MiniSearch does.
    expectSameAnswers(shards, 'recovery', typos);
  });

  it('leaves out discarded documents whose words MiniSearch has not yet vacuumed', () => {
    const documents = corpus(300, 3);
    const index = new MiniSearch<Document>({
      fields: ['label', 'text'],
      storeFields: ['kind', 'label'],
      processTerm,
      autoVacuum: false,
    });
    index.addAll(documents);
    for (const document of documents.slice(0, 100)) index.discard(document.id);
    const found = rankedSearch([index], specsOf('support', typos), { fieldBoosts: FIELD_BOOSTS, limitPerKind: 1000 });
    const ids = [...found.values()].flatMap((group) => group.hits.map((hit) => String(hit.id)));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => Number(id.split('-')[2]) < 100)).toEqual([]);
    expectSameAnswers([index], 'support', typos);
  });
});

describe('a filter on what may be answered (search per board)', () => {
  it('counts and ranks only accepted documents, so stronger refused ones never hide them behind the limit', () => {
    type Owned = { id: string; kind: string; planId: string; label: string };
    // The other board's documents match the query better (the word twice in the label).
    const documents: Owned[] = [
      ...Array.from({ length: 10 }, (_, index) => ({
        id: `forum-${index}`,
        kind: 'action',
        planId: 'forum-plan',
        label: 'tribunal tribunal',
      })),
      ...Array.from({ length: 3 }, (_, index) => ({
        id: `board-${index}`,
        kind: 'action',
        planId: 'board-plan',
        label: `tribunal appeals ${'x'.repeat(index)}`,
      })),
      { id: 'paper-forum', kind: 'paper', planId: 'forum-meeting', label: 'tribunal' },
    ];
    const index = new MiniSearch<Owned>({ fields: ['label'], storeFields: ['kind', 'planId', 'label'], processTerm });
    index.addAll(documents);
    const specs = specsOf('tribunal', () => false);
    const unfiltered = rankedSearch([index], specs, { fieldBoosts: [['label', 1]], limitPerKind: 2 });
    expect(unfiltered.get('action')?.total).toBe(13);
    expect(unfiltered.get('action')?.hits.map((hit) => hit.planId)).toEqual(['forum-plan', 'forum-plan']);

    const filtered = rankedSearch([index], specs, {
      fieldBoosts: [['label', 1]],
      limitPerKind: 2,
      accept: (stored) => stored.planId === 'board-plan',
    });
    expect([...filtered.keys()]).toEqual(['action']);
    expect(filtered.get('action')?.total).toBe(3);
    expect(filtered.get('action')?.hits.map((hit) => hit.id)).toEqual(['board-0', 'board-1']);
  });
});
