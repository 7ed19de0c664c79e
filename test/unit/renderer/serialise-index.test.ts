import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../shared/sliced';
import { serialiseIndexPartsSteps, serialiseIndexSteps } from '../../../renderer/search/serialise-index';

// The search shards are serialised a few hundred terms at a time (one shard of a 100 MB plan
// was a task of over a second). What is written must be what MiniSearch itself writes, and read
// back to the same index, including after documents were replaced and discarded.

type Doc = { id: string; label: string; text: string; kind: string; isExempt?: boolean };
const OPTIONS = { fields: ['label', 'text'], storeFields: ['label', 'kind', 'isExempt'] };

function indexOf(count: number): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>(OPTIONS);
  for (let n = 0; n < count; n += 1)
    index.add({
      id: `plan\u0001action\u0001A${n}`,
      label: `A${n} “quoted” \\ word${n % 97}`,
      text: `speech therapy ${n} autism ${n * 7}`,
      kind: 'action',
      ...(n % 5 === 0 ? { isExempt: true } : {}),
    });
  index.replace({ id: 'plan\u0001action\u0001A1', label: 'A1 renamed', text: 'occupational therapy', kind: 'action' });
  index.discard('plan\u0001action\u0001A2');
  return index;
}

describe('a search shard serialised in steps', () => {
  it('writes what MiniSearch writes, and reads back to the same answers', () => {
    const index = indexOf(2000);
    let steps = 0;
    const generator = serialiseIndexSteps(index);
    let next = generator.next();
    while (!next.done) {
      steps += 1;
      next = generator.next();
    }
    const json = next.value;
    // Yields in between: many steps for 2,000 documents, so no one step is long.
    expect(steps).toBeGreaterThan(20);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(index)));
    const loaded = MiniSearch.loadJSON<Doc>(json, OPTIONS);
    expect(loaded.documentCount).toBe(1999);
    expect(loaded.has('plan\u0001action\u0001A2')).toBe(false);
    for (const query of ['occupational', 'autism 1407', 'word13', '“quoted”', 'A1999'])
      expect(loaded.search(query)).toEqual(index.search(query));
    expect(loaded.search('renamed')[0]).toMatchObject({ id: 'plan\u0001action\u0001A1', label: 'A1 renamed' });
  });

  it('writes an empty index MiniSearch can read', () => {
    const index = new MiniSearch<Doc>(OPTIONS);
    const json = runToEnd(serialiseIndexSteps(index));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(index)));
    expect(MiniSearch.loadJSON<Doc>(json, OPTIONS).documentCount).toBe(0);
  });
});

describe('a search shard serialised in parts', () => {
  it('cuts the JSON into parts of about the size asked for, which joined are what MiniSearch writes', () => {
    const index = indexOf(2000);
    const parts = runToEnd(serialiseIndexPartsSteps(index, 4096));
    expect(parts.length).toBeGreaterThan(10);
    // A part ends at the first entry boundary past the size: at most one entry (here a common
    // word's postings, about 18,000 characters) past it.
    for (const part of parts) expect(part.length).toBeLessThan(4096 + 20_000);
    expect(parts.filter((part) => part.length > 8192).length).toBeLessThan(parts.length / 2);
    expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(JSON.stringify(index)));
    expect(runToEnd(serialiseIndexPartsSteps(index)).join('')).toBe(runToEnd(serialiseIndexSteps(index)));
  });
});
