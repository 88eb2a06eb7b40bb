/**
 * Random access randomness: every attribute of row i is a pure function of (seed, stream, i), so any table
 * can be regenerated row by row (the audit rows re-derive the rows they describe) without holding them.
 */
export function mix(seed: number, stream: number, i: number): number {
  let h = (seed ^ Math.imul(stream, 0x9e3779b1) ^ Math.imul(i, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  // A second round over the high part of i keeps indexes above 2^32 apart.
  h = Math.imul(h ^ Math.floor(i / 4294967296), 0x27d4eb2d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Uniform in [0, 1). */
export function unit(seed: number, stream: number, i: number): number {
  return mix(seed, stream, i) / 4294967296;
}

export function below(seed: number, stream: number, i: number, n: number): number {
  return Math.floor(unit(seed, stream, i) * n);
}

/** Picks by cumulative weights `[[value, weight], …]`. */
export function weighted<T>(seed: number, stream: number, i: number, choices: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of choices) total += w;
  let x = unit(seed, stream, i) * total;
  for (const [v, w] of choices) {
    if (x < w) return v;
    x -= w;
  }
  return choices[choices.length - 1]![0];
}

/**
 * Deterministic UUIDs that grow with the row number, so primary-key inserts append to the index. The
 * version nibble is 8 ("custom", RFC 9562): no clash with the random v4 ids the app creates.
 */
const PREFIXES = Array.from({ length: 32 }, (_, t) => `${t.toString(16).padStart(8, '0')}-5ca1-8000-8000-`);
const ZEROS = '000000000000';

export function uuid(table: number, n: number): string {
  const c = n.toString(16);
  return PREFIXES[table]! + ZEROS.slice(c.length) + c;
}
