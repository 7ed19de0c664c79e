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

/**
 * Collects the JSON in parts of about `partChars` characters (a part ends at the first entry
 * boundary past that size), so that no part is ever one huge string: IndexedDB copies each
 * stored record in one task on the window's thread, and one shard of a 100 MB plan as a single
 * string cost 190–250 ms to store.
 */
function partsWriter(partChars: number): { write(text: string): void; end(): string[] } {
  const parts: string[] = [];
  let current = '';
  return {
    write(text) {
      current += text;
      if (current.length >= partChars) {
        parts.push(current);
        current = '';
      }
    },
    end() {
      if (current.length > 0 || parts.length === 0) parts.push(current);
      return parts;
    },
  };
}

function* objectOf<V>(
  out: { write(text: string): void },
  entries: Iterable<[number, V]>,
  write: (value: V) => string,
): Generator<void, void, void> {
  out.write('{');
  let count = 0;
  for (const [key, value] of entries) {
    out.write(`${count === 0 ? '' : ','}${JSON.stringify(String(key))}:${write(value)}`);
    count += 1;
    if (count % STEP === 0) yield;
  }
  out.write('}');
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

/**
 * The index as JSON that MiniSearch.loadJSON reads once the parts are joined, in parts of about
 * `partChars` characters (see {@link partsWriter}), built in steps (see {@link Sliced}).
 */
export function* serialiseIndexPartsSteps<T>(index: MiniSearch<T>, partChars = Infinity): Sliced<string[]> {
  const inside = index as unknown as Internals;
  const out = partsWriter(partChars);
  out.write(`{"documentCount":${inside._documentCount},"nextId":${inside._nextId},"documentIds":`);
  yield* objectOf(out, inside._documentIds, (value) => JSON.stringify(value));
  out.write(`,"fieldIds":${JSON.stringify(inside._fieldIds)},"fieldLength":`);
  yield* objectOf(out, inside._fieldLength, (value) => JSON.stringify(value));
  out.write(`,"averageFieldLength":${JSON.stringify(inside._avgFieldLength)},"storedFields":`);
  yield* objectOf(out, inside._storedFields, (value) => JSON.stringify(value));
  out.write(`,"dirtCount":${inside._dirtCount},"index":[`);
  let count = 0;
  for (const [term, fieldIndex] of inside._index) {
    out.write(`${count === 0 ? '' : ','}[${JSON.stringify(term)},${termData(fieldIndex)}]`);
    count += 1;
    if (count % STEP === 0) yield;
  }
  out.write('],"serializationVersion":2}');
  return out.end();
}

/** The index as JSON that MiniSearch.loadJSON reads, built in steps (see {@link Sliced}). */
export function* serialiseIndexSteps<T>(index: MiniSearch<T>): Sliced<string> {
  const parts = yield* serialiseIndexPartsSteps(index);
  return parts.join('');
}
