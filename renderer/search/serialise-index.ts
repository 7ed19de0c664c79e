import type MiniSearch from 'minisearch';
import type { Sliced } from '../../shared/sliced';

// A MiniSearch index written as the same JSON as `JSON.stringify(index)` (MiniSearch's toJSON,
// serialisationVersion 2, read back by MiniSearch.loadJSON), but a term or a document at a time,
// yielding between: one plan shard of a 100 MB plan took over a second to serialise in one go,
// the longest task of such an import. MiniSearch offers no public way to walk its index, so this
// reads the fields toJSON reads (minisearch is pinned; the round-trip test fails if they change).

type Internals = {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
};

/** Entries between two yields: a few hundred keep each step far under a millisecond. */
const STEP = 256;

function* objectOf<V>(entries: Iterable<[number, V]>, write: (value: V) => string): Generator<void, string, void> {
  let text = '{';
  let count = 0;
  for (const [key, value] of entries) {
    text += `${count === 0 ? '' : ','}${JSON.stringify(String(key))}:${write(value)}`;
    count += 1;
    if (count % STEP === 0) yield;
  }
  return `${text}}`;
}

function termData(fieldIndex: Map<number, Map<number, number>>): string {
  let text = '{';
  let isFirst = true;
  for (const [fieldId, frequencies] of fieldIndex) {
    let inner = '{';
    let isFirstDocument = true;
    for (const [documentId, frequency] of frequencies) {
      inner += `${isFirstDocument ? '' : ','}"${documentId}":${frequency}`;
      isFirstDocument = false;
    }
    text += `${isFirst ? '' : ','}"${fieldId}":${inner}}`;
    isFirst = false;
  }
  return `${text}}`;
}

/** The index as JSON that MiniSearch.loadJSON reads, built in steps (see {@link Sliced}). */
export function* serialiseIndexSteps<T>(index: MiniSearch<T>): Sliced<string> {
  const inside = index as unknown as Internals;
  const documentIds = yield* objectOf(inside._documentIds, (value) => JSON.stringify(value));
  const fieldLength = yield* objectOf(inside._fieldLength, (value) => JSON.stringify(value));
  const storedFields = yield* objectOf(inside._storedFields, (value) => JSON.stringify(value));
  let terms = '[';
  let count = 0;
  for (const [term, fieldIndex] of inside._index) {
    terms += `${count === 0 ? '' : ','}[${JSON.stringify(term)},${termData(fieldIndex)}]`;
    count += 1;
    if (count % STEP === 0) yield;
  }
  terms += ']';
  return (
    `{"documentCount":${inside._documentCount},"nextId":${inside._nextId},"documentIds":${documentIds},` +
    `"fieldIds":${JSON.stringify(inside._fieldIds)},"fieldLength":${fieldLength},` +
    `"averageFieldLength":${JSON.stringify(inside._avgFieldLength)},"storedFields":${storedFields},` +
    `"dirtCount":${inside._dirtCount},"index":${terms},"serializationVersion":2}`
  );
}
