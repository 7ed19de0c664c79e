import MiniSearch from 'minisearch';
import type { SearchKind } from '../../shared/plan-review/search-documents';

// MiniSearch's own `search` builds a result object (stored fields copied in, a `match` map) for
// every matching document and sorts them all: a common word matches tens of thousands of
// documents across the shards, and that cost 60–340 ms a query, though the search page shows
// eight per kind. This scores the same way (BM25 with MiniSearch's defaults, the same prefix
// and typo weights, every word required) straight from MiniSearch's postings into reused typed
// arrays, keeps only the best few per kind as it goes, and builds result objects for those
// alone. MiniSearch has no public access to its postings, so this reads the fields its own
// search reads (minisearch is pinned; the search tests compare with MiniSearch's answers).

type FieldTermData = Map<number, Map<number, number>>;

type Internals = {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _documentIds: Map<number, string>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
};

/**
 * What scoring reads of every matching document, laid out once per shard as typed arrays (the
 * shard's maps cost several lookups a match): whether the document is live, its kind, and each
 * field's length. Rebuilt when the shard changes (MiniSearch's counters tell).
 */
type Postings = {
  signature: string;
  isLive: Uint8Array;
  kind: Int8Array;
  fieldLength: Float64Array[];
};

const postingsOf = new WeakMap<object, Postings>();

/** One word of the query: whether it may match as a prefix, and how many typos it allows. */
export type TermSpec = { term: string; prefix: boolean; fuzzy: number | false };

export type RankOptions = {
  /** Fields searched, with their boosts (MiniSearch's `boost`, 1 if not given). */
  fieldBoosts: ReadonlyArray<readonly [field: string, boost: number]>;
  limitPerKind: number;
  /**
   * Which documents may be answered, from their stored fields (e.g. only the open board's): a
   * document refused is neither counted nor kept, so a limit never hides an accepted match
   * behind refused ones.
   */
  accept?: (storedFields: Readonly<Record<string, unknown>>) => boolean;
};

function signatureOf(inside: Internals): string {
  return `${inside._nextId}:${inside._documentCount}:${inside._dirtCount}`;
}

function postingsFor(index: object, kinds: readonly SearchKind[]): Postings {
  const inside = index as unknown as Internals;
  const signature = signatureOf(inside);
  const known = postingsOf.get(index);
  if (known?.signature === signature) return known;
  const size = inside._nextId + 1;
  const fields = Object.values(inside._fieldIds);
  const postings: Postings = {
    signature,
    isLive: new Uint8Array(size),
    kind: new Int8Array(size).fill(-1),
    fieldLength: Array.from({ length: Math.max(0, ...fields) + 1 }, () => new Float64Array(size)),
  };
  inside._documentIds.forEach((_, docId) => {
    postings.isLive[docId] = 1;
  });
  inside._storedFields.forEach((stored, docId) => {
    postings.kind[docId] = kinds.indexOf(stored?.kind as SearchKind);
  });
  inside._fieldLength.forEach((lengths, docId) => {
    for (const fieldId of fields) {
      const array = postings.fieldLength[fieldId];
      if (array) array[docId] = lengths[fieldId] ?? 0;
    }
  });
  postingsOf.set(index, postings);
  return postings;
}

/** A document among the best of its kind, before its result object is built. */
type Candidate = { index: object; specs: DerivedTerms[]; docId: number; score: number };
type DerivedTerms = Array<[term: string, data: FieldTermData]>;

// MiniSearch's defaults (defaultSearchOptions): BM25 parameters and the weights of prefix and
// typo matches.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

const KINDS: readonly SearchKind[] = ['action', 'update', 'measure', 'area', 'risk', 'annotation', 'paper'];
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

// Scratch space reused by every query, grown to the largest shard: no big array per query.
let scores = new Float64Array(1024);
let matched = new Uint16Array(1024);
let touched = new Int32Array(1024);

function ensureScratch(size: number): void {
  if (scores.length >= size) return;
  const length = Math.max(size, scores.length * 2);
  scores = new Float64Array(length);
  matched = new Uint16Array(length);
  touched = new Int32Array(length);
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The query's words as the index holds them (tokenised and processed as MiniSearch does). */
export function queryTerms(query: string, processTerm: (term: string) => string | null): string[] {
  return tokenize(query)
    .map((term) => processTerm(term))
    .filter((term): term is string => typeof term === 'string' && term.length > 0);
}

/** The index's words a query word matches, with their weights: as typed, by prefix, with typos. */
function derivedTerms(inside: Internals, spec: TermSpec): Array<[string, FieldTermData, number]> {
  const terms: Array<[string, FieldTermData, number]> = [];
  const exact = inside._index.get(spec.term);
  if (exact) terms.push([spec.term, exact, 1]);
  const fuzzy = spec.fuzzy ? inside._index.fuzzyGet(spec.term, spec.fuzzy) : undefined;
  if (spec.prefix) {
    for (const [term, data] of inside._index.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length;
      if (distance === 0) continue;
      // A word matched by prefix is scored as a prefix match, never as a typo too.
      fuzzy?.delete(term);
      terms.push([term, data, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance)]);
    }
  }
  if (fuzzy) {
    for (const [term, [data, distance]] of fuzzy) {
      if (distance === 0) continue;
      terms.push([term, data, (FUZZY_WEIGHT * term.length) / (term.length + distance)]);
    }
  }
  return terms;
}

/**
 * Scores one shard's documents matching every query word, and offers each to the best of its
 * kind (`best`, kept sorted, at most `limitPerKind` each); `totals` counts every match per kind.
 */
function rankShard(index: object, specs: readonly TermSpec[], options: RankOptions, best: Candidate[][], totals: Int32Array): void {
  const inside = index as unknown as Internals;
  if (specs.length === 0 || inside._documentCount === 0) return;
  ensureScratch(inside._nextId + 1);
  const postings = postingsFor(index, KINDS);
  const { isLive, kind: kindOf } = postings;
  const totalCount = inside._documentCount;
  const perSpec: DerivedTerms[] = [];
  let touchedCount = 0;
  let position = 0;
  // Called for every posting of a matched word: kept free of allocation and map lookups.
  let termWeight = 0;
  let fieldBoost = 0;
  let matchingCount = 0;
  let invDocFreq = 0;
  let avgFieldLength = 1;
  let fieldLengths: Float64Array = new Float64Array(0);
  const visit = (termFreq: number, docId: number): void => {
    // A discarded document's postings stay until MiniSearch vacuums: not counted, as there.
    if (isLive[docId] !== 1) {
      matchingCount -= 1;
      invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
      return;
    }
    const seen = matched[docId] ?? 0;
    // Only documents that matched every earlier word can still match them all.
    if (seen < position) return;
    if (seen === position) {
      if (position === 0) touched[touchedCount++] = docId;
      matched[docId] = position + 1;
    }
    const fieldLength = fieldLengths[docId] ?? 0;
    const raw =
      invDocFreq * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / avgFieldLength)));
    scores[docId] = (scores[docId] ?? 0) + termWeight * fieldBoost * raw;
  };
  for (const spec of specs) {
    const terms = derivedTerms(inside, spec);
    // Every word is required: a word matching nothing in this shard leaves nothing to find.
    if (terms.length === 0) {
      for (let at = 0; at < touchedCount; at += 1) {
        const docId = touched[at] ?? 0;
        scores[docId] = 0;
        matched[docId] = 0;
      }
      return;
    }
    perSpec.push(terms.map(([term, data]) => [term, data]));
    for (const [, data, weight] of terms) {
      termWeight = weight;
      for (const [field, boost] of options.fieldBoosts) {
        const fieldId = inside._fieldIds[field];
        if (fieldId === undefined) continue;
        const frequencies = data.get(fieldId);
        if (!frequencies) continue;
        fieldBoost = boost;
        matchingCount = frequencies.size;
        invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
        avgFieldLength = inside._avgFieldLength[fieldId] ?? 1;
        fieldLengths = postings.fieldLength[fieldId] ?? fieldLengths;
        frequencies.forEach(visit);
      }
    }
    position += 1;
  }
  // MiniSearch multiplies a score by the number of distinct query words matched: all of them.
  const quality = new Set(specs.map((spec) => spec.term)).size;
  const limit = options.limitPerKind;
  for (let at = 0; at < touchedCount; at += 1) {
    const docId = touched[at] ?? 0;
    const isMatch = matched[docId] === specs.length;
    const score = (scores[docId] ?? 0) * quality;
    scores[docId] = 0;
    matched[docId] = 0;
    const kind = kindOf[docId] ?? -1;
    if (!isMatch || kind < 0) continue;
    if (options.accept && !options.accept(inside._storedFields.get(docId) ?? {})) continue;
    totals[kind] = (totals[kind] ?? 0) + 1;
    const list = best[kind];
    if (!list || (list.length >= limit && score <= (list[list.length - 1]?.score ?? Infinity))) continue;
    // Insert in place (the list holds a handful): no sort of every match.
    let slot = list.length;
    while (slot > 0 && (list[slot - 1]?.score ?? 0) < score) slot -= 1;
    list.splice(slot, 0, { index, specs: perSpec, docId, score });
    if (list.length > limit) list.pop();
  }
}

/** The result object of a document kept: its id, score, stored fields and the words that matched. */
function resultOf(candidate: Candidate, options: RankOptions): Record<string, unknown> {
  const inside = candidate.index as unknown as Internals;
  const terms: string[] = [];
  for (const derived of candidate.specs) {
    for (const [term, data] of derived) {
      if (terms.includes(term)) continue;
      for (const [field] of options.fieldBoosts) {
        const fieldId = inside._fieldIds[field];
        if (fieldId !== undefined && data.get(fieldId)?.has(candidate.docId)) {
          terms.push(term);
          break;
        }
      }
    }
  }
  return {
    id: inside._documentIds.get(candidate.docId),
    score: candidate.score,
    terms,
    ...inside._storedFields.get(candidate.docId),
  };
}

/**
 * Searches several MiniSearch indexes as one: every query word must match (as typed, by prefix
 * or with typos, as `specs` say). Returns, per kind, the number of matches and the best
 * `limitPerKind` result objects, best first (in the shape of MiniSearch's results).
 */
export function rankedSearch(
  indexes: Iterable<object>,
  specs: readonly TermSpec[],
  options: RankOptions,
): Map<SearchKind, { total: number; hits: Array<Record<string, unknown>> }> {
  const best = KINDS.map((): Candidate[] => []);
  const totals = new Int32Array(KINDS.length);
  for (const index of indexes) rankShard(index, specs, options, best, totals);
  const results = new Map<SearchKind, { total: number; hits: Array<Record<string, unknown>> }>();
  for (const [position, kind] of KINDS.entries()) {
    const total = totals[position] ?? 0;
    if (total > 0) results.set(kind, { total, hits: (best[position] ?? []).map((candidate) => resultOf(candidate, options)) });
  }
  return results;
}
