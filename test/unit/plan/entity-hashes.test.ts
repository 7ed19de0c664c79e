import { describe, expect, it } from 'vitest';
import {
  decodeEntityHashesSteps,
  encodeEntityHashesSteps,
  entityHash,
  hashText,
  type EntityHashes,
} from '../../../shared/plan/entity-hashes';
import type { EntityData } from '../../../shared/plan/diff';
import { runToEnd } from '../../../shared/sliced';

// The per-entity hashes: every character of an entity's JSON moves its hash, and the one-record
// encoding reads back exactly, whatever its ids hold, or says where it is malformed.

describe('entity hashes', () => {
  it('move with any one character of the text, nested fields included', () => {
    const base = { id: 'act-1', updates: [{ period: '2026-09', narrative: 'On track' }] } as unknown as EntityData;
    const nested = { id: 'act-1', updates: [{ period: '2026-09', narrative: 'On track.' }] } as unknown as EntityData;
    expect(entityHash(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(entityHash(nested)).not.toBe(entityHash(base));
    expect(entityHash(structuredClone(base))).toBe(entityHash(base));
    const seen = new Set<string>();
    for (let code = 0; code < 2000; code += 1) seen.add(hashText(`narrative ${String.fromCharCode(code)}`));
    expect(seen.size).toBe(2000);
  });

  it('encode as one record and decode back exactly, ids with colons, digits and separators too', () => {
    const hashes: EntityHashes = new Map([
      ['action\u0000A:1', { hash: hashText('a'), isArchived: false }],
      ['action\u000012:34', { hash: hashText('b'), isArchived: true }],
      ['risk\u0000r\u0000x', { hash: hashText('c'), isArchived: false }],
      ['owner\u0000ünïcode “quotes”', { hash: hashText('d'), isArchived: true }],
    ]);
    const record = runToEnd(encodeEntityHashesSteps('plan', 4, hashes));
    expect(record).toMatchObject({ planId: 'plan', revision: 4, count: 4, archived: '0101' });
    expect(typeof record.keys).toBe('string');
    expect(runToEnd(decodeEntityHashesSteps(JSON.parse(JSON.stringify(record))))).toEqual(hashes);
  });

  it('refuse a malformed record with a message naming the plan and what is wrong', () => {
    const record = runToEnd(encodeEntityHashesSteps('plan', 4, new Map([['action\u0000A', { hash: hashText('a'), isArchived: false }]])));
    expect(() => runToEnd(decodeEntityHashesSteps({ ...record, keys: 'x' + record.keys }))).toThrow(
      'entity hashes of plan: key 0 is malformed.',
    );
    expect(() => runToEnd(decodeEntityHashesSteps({ ...record, hashes: record.hashes.slice(1) }))).toThrow(
      "entity hashes of plan: the record's lengths disagree with its count.",
    );
    expect(() => runToEnd(decodeEntityHashesSteps({ ...record, count: 2 }))).toThrow('entity hashes of plan: key 1 is malformed.');
  });
});
