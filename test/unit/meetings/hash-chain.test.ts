import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/meetings/canonical-json';
import {
  chainContents,
  contentHashOf,
  GENESIS_HASH,
  sha256Hex,
  utf8,
  verifyChain,
  type ChainEntry,
} from '../../../shared/meetings/hash-chain';

async function chainOf(contents: unknown[]): Promise<ChainEntry[]> {
  const links = await chainContents(contents);
  return links.map((link, index) => ({ ...link, content: contents[index] }));
}

function flipOneCharacter(text: string): string {
  const index = Math.floor(text.length / 2);
  const flipped = text[index] === 'a' ? 'b' : 'a';
  return `${text.slice(0, index)}${flipped}${text.slice(index + 1)}`;
}

const CONTENTS = [
  { kind: 'meeting', title: 'SEND Oversight Board' },
  { kind: 'attendance', name: 'Cllr Ada Okafor', status: 'present' },
  { kind: 'decision', number: 'SOB/2026/014', text: 'The board resolved to escalate EHC timeliness to the DfE.' },
  { kind: 'action', text: 'Report back in March', owner: 'Head of SEND' },
];

describe('SHA-256 and UTF-8', () => {
  it('matches the standard test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('encodes any text as Node does, and hashes it the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        expect([...utf8(text)]).toEqual([...Buffer.from(text, 'utf8')]);
        expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
    expect([...utf8('\ud800')]).toEqual([...Buffer.from('\ud800', 'utf8')]); // a lone surrogate becomes U+FFFD
  });

  it('hashes the canonical JSON, so key order does not matter', async () => {
    expect(await contentHashOf({ b: 1, a: 2 })).toBe(await contentHashOf({ a: 2, b: 1 }));
    expect(await contentHashOf({ a: 2, b: 1 })).toBe(await sha256Hex('{"a":2,"b":1}'));
  });
});

describe('hash chain', () => {
  it('links each record to the one before, from the genesis hash', async () => {
    const chain = await chainOf(CONTENTS);
    expect(chain.map((entry) => entry.seq)).toEqual([0, 1, 2, 3]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (let index = 1; index < chain.length; index += 1) expect(chain[index]?.prevHash).toBe(chain[index - 1]?.hash);
    expect(chain[2]?.contentHash).toBe(await sha256Hex(canonicalJson(CONTENTS[2])));
    expect(await verifyChain(chain, { count: 4, head: chain[3]?.hash ?? '' })).toEqual({
      status: 'intact',
      count: 4,
      head: chain[3]?.hash,
      withheld: 0,
    });
  });

  it('detects one flipped character in a record’s content and names that record', async () => {
    const chain = await chainOf(CONTENTS);
    const tampered = chain.map((entry) =>
      entry.seq === 2 ? { ...entry, content: { ...CONTENTS[2], text: flipOneCharacter(String(CONTENTS[2]?.text)) } } : entry,
    );
    expect(await verifyChain(tampered)).toMatchObject({ status: 'broken', seq: 2, fault: 'content' });
  });

  it('detects a flipped character in any hash', async () => {
    const chain = await chainOf(CONTENTS);
    for (const field of ['contentHash', 'prevHash', 'hash'] as const) {
      const tampered = chain.map((entry) => (entry.seq === 1 ? { ...entry, [field]: flipOneCharacter(entry[field]) } : entry));
      const verdict = await verifyChain(tampered);
      expect(verdict.status, field).toBe('broken');
      expect(verdict.status === 'broken' ? verdict.seq : -1, field).toBe(1);
    }
  });

  it('detects a record recomputed after a change: the next link breaks', async () => {
    const chain = await chainOf(CONTENTS);
    const changed = { ...CONTENTS[1], status: 'apologies' };
    const [relinked] = await chainContents([changed], { seq: 1, prevHash: chain[0]?.hash ?? '' });
    const tampered = chain.map((entry) => (entry.seq === 1 && relinked ? { ...relinked, content: changed } : entry));
    expect(await verifyChain(tampered)).toMatchObject({ status: 'broken', seq: 2, fault: 'link' });
  });

  it('detects records removed, reordered, cut off the end or added after it', async () => {
    const chain = await chainOf(CONTENTS);
    const head = chain[3]?.hash ?? '';
    expect(await verifyChain([chain[0], chain[2], chain[3]].filter((entry) => entry !== undefined))).toMatchObject({
      status: 'broken',
      seq: 1,
      fault: 'missing',
    });
    const swapped = [chain[0], chain[2], chain[1], chain[3]]
      .filter((entry) => entry !== undefined)
      .map((entry, seq) => ({ ...entry, seq }));
    expect(await verifyChain(swapped)).toMatchObject({ status: 'broken', seq: 1 });
    expect(await verifyChain(chain.slice(0, 3), { count: 4, head })).toMatchObject({ status: 'broken', seq: 2, fault: 'truncated' });
    expect(await verifyChain(chain.slice(0, 3), { head })).toMatchObject({ status: 'broken', seq: 2, fault: 'head' });
    const extra = await chainContents([{ kind: 'note', text: 'slipped in' }], { seq: 4, prevHash: head });
    const longer = [...chain, ...extra.map((link) => ({ ...link, content: { kind: 'note', text: 'slipped in' } }))];
    expect(await verifyChain(longer, { count: 4, head })).toMatchObject({ status: 'broken', seq: 4, fault: 'extra' });
    expect(await verifyChain([])).toMatchObject({ status: 'broken', fault: 'empty' });
  });

  it('checks the place of a withheld record without its content, only where it was sealed as exempt', async () => {
    const links = await chainContents(CONTENTS, undefined, [false, false, true, false]);
    const chain: ChainEntry[] = links.map((link, index) => ({ ...link, content: CONTENTS[index] }));
    expect(chain[2]).toMatchObject({ exempt: true });
    expect(chain[1]).not.toHaveProperty('exempt');
    const withheld = chain.map((entry) => (entry.seq === 2 ? { ...entry, content: null } : entry));
    expect(await verifyChain(withheld)).toMatchObject({ status: 'intact', withheld: 1 });
    // A public record withheld as if exempt: broken, whether or not the seal is forged on.
    const hidden = chain.map((entry) => (entry.seq === 1 ? { ...entry, content: null } : entry));
    expect(await verifyChain(hidden)).toMatchObject({ status: 'broken', seq: 1, fault: 'unsealed' });
    const forgedSeal = chain.map((entry) => (entry.seq === 1 ? { ...entry, exempt: true as const, content: null } : entry));
    expect(await verifyChain(forgedSeal)).toMatchObject({ status: 'broken', seq: 1, fault: 'hash' });
    // Dropping the seal from a withheld record is no way round it either.
    const unsealed = withheld.map(({ exempt: _exempt, ...entry }) => entry);
    expect(await verifyChain(unsealed)).toMatchObject({ status: 'broken', seq: 2, fault: 'unsealed' });
    const forged = withheld.map((entry) => (entry.seq === 2 ? { ...entry, contentHash: flipOneCharacter(entry.contentHash) } : entry));
    expect(await verifyChain(forged)).toMatchObject({ status: 'broken', seq: 2, fault: 'hash' });
  });

  it('reports content that cannot be hashed as a content fault', async () => {
    const chain = await chainOf(CONTENTS);
    const odd = chain.map((entry) => (entry.seq === 3 ? { ...entry, content: { when: new Date(0) } } : entry));
    expect(await verifyChain(odd)).toMatchObject({ status: 'broken', seq: 3, fault: 'content' });
  });
});
