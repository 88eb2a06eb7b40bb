import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bruteForceRounding } from '../../../test/dashboard/brute-force.js';
import { divide, mean, percentileOfCounts, ratio, round } from './metric-math.js';

// Each case as PostgreSQL gives it: round(x::numeric, d), round(a::numeric / b, d).
const ROUND: [number, number, number][] = [
  [-0.125, 2, -0.13],
  [0.125, 2, 0.13],
  [1.005, 2, 1.01], // stored as 1.00499999999999989…
  [2.675, 2, 2.68], // stored as 2.67499999999999982…
  [-2.675, 2, -2.68],
  [1.45, 1, 1.5], // stored as 1.44999999999999995…
  [-1.45, 1, -1.5],
  [0.1 + 0.2, 1, 0.3],
  [0.05, 1, 0.1],
  [-0.05, 1, -0.1],
  [2.5, 0, 3],
  [-2.5, 0, -3],
  [0.0625, 3, 0.063],
  [0.0005, 3, 0.001],
  [0.0004999, 3, 0],
  [0.00049, 2, 0],
  [123456.785, 2, 123456.79],
  [40, 1, 40],
  [45.25, 1, 45.3],
  [1e21, 2, 1e21],
  [0, 2, 0],
];

const RATIO: [number, number, number | null][] = [
  [1, 8, 0.125],
  [-1, 8, -0.125],
  [1, -8, -0.125],
  [1, 16, 0.063], // 0.0625
  [-1, 16, -0.063],
  [1, 2000, 0.001], // 0.0005
  [-1, 2000, -0.001],
  [1, 2001, 0],
  [2, 3, 0.667],
  [1, 3, 0.333],
  [3, 4, 0.75],
  [5, 5, 1],
  [7, 2, 3.5],
  [0, 5, 0],
  [1, 0, null],
];

const MEAN: [number, number, number | null][] = [
  [-1, 8, -0.13], // −0.125
  [1, 8, 0.13],
  [-3, 8, -0.38], // −0.375
  [1, 200, 0.01], // 0.005
  [-1, 200, -0.01],
  [7, 2, 3.5],
  [10, 3, 3.33],
  [0, 4, 0],
  [5, 0, null],
];

const implementations = [
  ['metric-math', { round, ratio, mean }],
  ['the brute-force recount (test/dashboard/brute-force.ts)', bruteForceRounding],
] as const;

describe.each(implementations)('rounding: %s', (_name, m) => {
  it.each(ROUND)('rounds %p to %p decimals as %p (half away from zero, on the decimal value)', (x, d, want) => {
    expect(m.round(x, d)).toBe(want);
  });

  it.each(RATIO)('ratio(%p, %p) = %p', (a, b, want) => {
    expect(m.ratio(a, b)).toBe(want);
  });

  it.each(MEAN)('mean(%p, %p) = %p', (sum, n, want) => {
    expect(m.mean(sum, n)).toBe(want);
  });

  it('never gives −0', () => {
    expect(m.round(-0.001, 2)).toBe(0);
    expect(m.round(-0, 1)).toBe(0);
    expect(m.ratio(0, -3)).toBe(0);
    expect(m.ratio(-1, 3000)).toBe(0);
    expect(m.mean(-1, 300)).toBe(0);
  });
});

describe('metric-math and the brute-force recount', () => {
  it('agree on every ratio and mean of integers', () => {
    const int = fc.integer({ min: -1_000_000, max: 1_000_000 });
    const nonZero = int.filter((n) => n !== 0);
    fc.assert(
      fc.property(int, nonZero, (a, b) => {
        expect(ratio(a, b)).toBe(bruteForceRounding.ratio(a, b));
        expect(mean(a, b)).toBe(bruteForceRounding.mean(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('agree on any double, and on exact halves built from integers', () => {
    const decimals = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), decimals, (x, d) => {
        expect(round(x, d)).toBe(bruteForceRounding.round(x, d));
      }),
      { numRuns: 5000 },
    );
    // n + 0.5 units at the last place: always away from zero.
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 4 }), (n, d) => {
        const half = Number(`${n}5e-${d + 1}`);
        const away = (Math.abs(n) + 1) * (Math.sign(n) || 1);
        expect(round(half, d)).toBe(Number(`${away}e-${d}`));
        expect(bruteForceRounding.round(half, d)).toBe(Number(`${away}e-${d}`));
      }),
      { numRuns: 5000 },
    );
  });

  it('divides non-integers through round()', () => {
    expect(divide(0.5, 4, 2)).toBe(0.13);
    expect(divide(-0.5, 4, 2)).toBe(-0.13);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });
});

describe('percentileOfCounts', () => {
  const expand = (counts: { value: number; n: number }[]) => counts.flatMap((c) => Array<number>(c.n).fill(c.value));
  /** percentile_cont on the expanded list, as PostgreSQL defines it. */
  const direct = (values: number[], p: number) => {
    if (!values.length) return null;
    const s = [...values].sort((a, b) => a - b);
    const rank = p * (s.length - 1);
    const lo = Math.floor(rank);
    return s[lo]! + (rank - lo) * ((s[Math.ceil(rank)] ?? s[lo]!) - s[lo]!);
  };

  it('is null for no values and the value itself for one', () => {
    expect(percentileOfCounts([], 0.5)).toBeNull();
    expect(percentileOfCounts([{ value: 3, n: 0 }], 0.5)).toBeNull();
    expect(percentileOfCounts([{ value: 7, n: 1 }], 0.75)).toBe(7);
  });

  it('interpolates across a boundary between two counts', () => {
    // 10, 10, 20, 20: rank 1.5 lies between the last 10 and the first 20.
    expect(
      percentileOfCounts(
        [
          { value: 20, n: 2 },
          { value: 10, n: 2 },
        ],
        0.5,
      ),
    ).toBe(15);
    // 10, 10, 10, 40: p75 at rank 2.25 → 10 + 0.25 × 30.
    expect(
      percentileOfCounts(
        [
          { value: 10, n: 3 },
          { value: 40, n: 1 },
        ],
        0.75,
      ),
    ).toBe(17.5);
  });

  it('equals percentile_cont on the expanded values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 0, max: 3000 }), n: fc.integer({ min: 0, max: 6 }) }), {
          maxLength: 12,
        }),
        fc.constantFrom(0, 0.25, 0.5, 0.75, 0.9, 1),
        (counts, p) => {
          // Whole days: sums of a handful of products, exact in a double either way.
          const want = direct(expand(counts), p);
          if (want === null) expect(percentileOfCounts(counts, p)).toBeNull();
          else expect(percentileOfCounts(counts, p)).toBeCloseTo(want, 9);
        },
      ),
    );
  });
});
