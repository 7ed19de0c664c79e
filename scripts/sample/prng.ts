// A tiny seeded generator, so the sample and bench plans are byte-identical on every machine.
// Math.random cannot be seeded, and anything that read the clock would make the committed sample drift.

/** A seeded source of pseudo-random values. */
export type Rng = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both ends included. */
  int: (min: number, max: number) => number;
  /** A float in [min, max). */
  between: (min: number, max: number) => number;
  /** True with the given probability. */
  chance: (probability: number) => boolean;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  /** A standard normal deviate (mean 0, standard deviation 1). */
  normal: () => number;
  /** An element chosen by weight; weights need not sum to 1. */
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
};

/** Mixes several integers into one 32-bit seed, so sub-streams (per revision, per measure) stay independent. */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part | 0), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return hash >>> 0;
}

/** Creates a mulberry32 generator: fast, 32-bit state, good enough for invented data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list.');
    return item;
  };
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    normal: () => {
      // Sum of six uniforms (Irwin–Hall) rather than Box–Muller: only + and *, whose results IEEE 754
      // fixes exactly, where Math.log and Math.cos may differ in the last bit between engines.
      let sum = 0;
      for (let i = 0; i < 6; i += 1) sum += next();
      return (sum - 3) * Math.SQRT2;
    },
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new RangeError('Cannot choose from an empty list.');
      return last[0];
    },
  };
}
