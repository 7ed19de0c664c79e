import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../../shared/annotations/hlc';

describe('hybrid logical clock', () => {
  it('encodes stamps that sort as the clock orders them, and decodes them back', () => {
    const a = { wall: 1_700_000_000_000, counter: 2, device: 'b' };
    const b = { wall: 1_700_000_000_000, counter: 10, device: 'a' };
    const c = { wall: 1_700_000_000_001, counter: 0, device: 'a' };
    expect(compareHlc(encodeHlc(a), encodeHlc(b))).toBeLessThan(0);
    expect(compareHlc(encodeHlc(b), encodeHlc(c))).toBeLessThan(0);
    expect(decodeHlc(encodeHlc(a))).toEqual(a);
    expect(decodeHlc('not a stamp')).toBeNull();
  });

  it('never runs backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2e12 }), { minLength: 1, maxLength: 50 }), (times) => {
        let clock = null;
        let previous = '';
        for (const now of times) {
          clock = tickHlc(clock, now, 'device');
          const stamp = encodeHlc(clock);
          expect(compareHlc(previous, stamp)).toBeLessThan(0);
          previous = stamp;
        }
      }),
    );
  });

  it('moves past a remote stamp it receives, so the next local edit sorts after it', () => {
    const local = tickHlc(null, 1_000, 'mine');
    const remote = { wall: 5_000, counter: 7, device: 'theirs' };
    const received = receiveHlc(local, remote, 2_000, 'mine');
    expect(compareHlc(encodeHlc(received), encodeHlc(remote))).toBeGreaterThan(0);
    const next = tickHlc(received, 2_100, 'mine');
    expect(compareHlc(encodeHlc(next), encodeHlc(remote))).toBeGreaterThan(0);
  });

  it('breaks ties between devices by device id, the same way on every laptop', () => {
    const one = encodeHlc({ wall: 10, counter: 0, device: 'aaa' });
    const two = encodeHlc({ wall: 10, counter: 0, device: 'bbb' });
    expect(compareHlc(one, two)).toBe(-compareHlc(two, one));
    expect(compareHlc(one, two)).not.toBe(0);
  });
});
