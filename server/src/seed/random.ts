/**
 * Seeded randomness for the demo generator. This is the only source of chance in the seed
 * code: nothing here may read Math.random or the clock, so a seed fully determines a dataset.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both ends inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1 but must not all be zero. */
  weighted<T>(table: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(table: readonly (readonly [T, number])[]): T {
      const total = table.reduce((sum, [, w]) => sum + w, 0);
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let roll = next() * total;
      for (const [value, w] of table) {
        roll -= w;
        if (roll < 0) return value;
      }
      // Floating-point leftovers land on the last entry with weight.
      return [...table].reverse().find(([, w]) => w > 0)![0];
    },
  };
}

/**
 * A distinct 32-bit seed per concern (FNV-1a over the label, then a murmur finaliser), so that
 * drawing more numbers in one module never shifts the numbers another module sees.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ Math.trunc(seed)) >>> 0;
  // Fold in the high part too, so seeds above 2^32 still differ.
  h = Math.imul(h ^ Math.trunc(seed / 4_294_967_296), 0x01000193);
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function streamFor(seed: number, label: string): Rng {
  return createRng(deriveSeed(seed, label));
}
