import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/meetings/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ number: 'SOB/2026/014', kind: 'decision' })).toBe(canonicalJson({ kind: 'decision', number: 'SOB/2026/014' }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('round-trips through JSON.parse to an equal text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":2,"a":4,"b":1,"é":3}');
  });

  it('leaves out undefined values in objects, as JSON.stringify does, and writes -0 as 0', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([-0])).toBe('[0]');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson('line\n"quoted" \u2028 \ud800')).toBe(JSON.stringify('line\n"quoted" \u2028 \ud800'));
  });

  it('refuses what JSON cannot carry exactly, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1] is NaN');
    expect(() => canonicalJson({ a: Infinity })).toThrow('$.a is Infinity');
    expect(() => canonicalJson([undefined])).toThrow('$[0] is undefined');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('$.when is not a plain object');
    expect(() => canonicalJson({ big: 1n })).toThrow('$.big is a bigint');
    expect(() => canonicalJson(() => 1)).toThrow('is a function');
  });
});
