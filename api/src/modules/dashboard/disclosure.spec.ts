import { describe, expect, it } from '@jest/globals';
import type { CellClass, ColumnOptions, TrueCell } from './disclosure.js';
import {
  bounds,
  cellUniforms,
  classifyColumn,
  geometricNoise,
  MAX_NOISE,
  measureUtility,
  protectColumn,
  randomRound,
  ROUNDING_BASE,
  tighten,
} from './disclosure.js';

/** A tiny deterministic generator for the property checks. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const column = (counts: number[], seed = 1): TrueCell[] => {
  const r = rng(seed);
  return counts.map((n, i) => ({
    group: `g${i}`,
    n,
    keySum: Array.from({ length: n }, () => Math.floor(r() * 2 ** 31)).reduce((a, b) => a + b, 0),
  }));
};

/** Every integer completion an attacker must still consider: counts within each bound, summing to the total. */
function completions(boxes: [number, number][], total: number): number[][] {
  const out: number[][] = [];
  const walk = (i: number, left: number, acc: number[]) => {
    if (i === boxes.length - 1) {
      if (left >= boxes[i]![0] && left <= boxes[i]![1]) out.push([...acc, left]);
      return;
    }
    for (let v = boxes[i]![0]; v <= Math.min(boxes[i]![1], left); v++) walk(i + 1, left - v, [...acc, v]);
  };
  walk(0, total, []);
  return out;
}

describe('random rounding', () => {
  it('lands on a multiple of 3 within ±2, and is unbiased', () => {
    const wrong: string[] = [];
    for (let x = 0; x < 60; x++) {
      let sum = 0;
      const steps = 3000;
      for (let k = 0; k < steps; k++) {
        const r = randomRound(x, (k + 0.5) / steps);
        if (r % ROUNDING_BASE !== 0 || Math.abs(r - x) > 2) wrong.push(`${x} → ${r}`);
        sum += r;
      }
      if (Math.abs(sum / steps - x) >= 0.01) wrong.push(`${x}: mean ${sum / steps}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never makes a change of one person certain from two answers', () => {
    // Answers possible for x and for x + 1 (fresh draws each): any pair seen under one is possible under the other.
    const support = (x: number) => new Set([randomRound(x, 0), randomRound(x, 0.999999)]);
    for (let x = 0; x < 40; x++) {
      const pairs = (a: number, b: number) => {
        const s = new Set<string>();
        for (const p of support(a)) for (const q of support(b)) s.add(`${p - q}`);
        return s;
      };
      // The attacker sees a difference p2 − p1; under "unchanged" any x' with both answers; under "+1" x'+1.
      for (const diff of pairs(x + 1, x)) {
        const explained = [x - 2, x - 1, x, x + 1, x + 2].filter((y) => y >= 0).some((y) => pairs(y, y).has(diff));
        expect({ x, diff, explained }).toEqual({ x, diff, explained: true });
      }
    }
  });
});

describe('geometric noise', () => {
  it('has the documented distribution and bound', () => {
    const steps = 30000;
    const seen = new Map<number, number>();
    for (let k = 0; k < steps; k++) {
      const e = geometricNoise((k + 0.5) / steps, k % 2 ? 0.7 : 0.2);
      seen.set(e, (seen.get(e) ?? 0) + 1);
    }
    expect((seen.get(0) ?? 0) / steps).toBeCloseTo(1 / 3, 2);
    expect(((seen.get(1) ?? 0) + (seen.get(-1) ?? 0)) / steps).toBeCloseTo(1 / 3, 2);
    expect(Math.abs(geometricNoise(1 - 2 ** -52, 0.9))).toBeLessThanOrEqual(MAX_NOISE);
    expect(Math.abs(geometricNoise(1 - 2 ** -52, 0.9))).toBeGreaterThan(40);
  });

  it('draws the same uniforms for the same identity, in [0, 1)', () => {
    expect(cellUniforms('a|b')).toEqual(cellUniforms('a|b'));
    expect(cellUniforms('a|b')).not.toEqual(cellUniforms('a|c'));
    for (let i = 0; i < 200; i++) for (const u of cellUniforms(`x${i}`)) expect(u >= 0 && u < 1).toBe(true);
  });
});

describe('protectColumn', () => {
  const rounded: ColumnOptions = { threshold: 10, method: 'rounded', salt: 'rounded|gender' };

  it('withholds zeros and small counts, publishes the rest within ±2, marked inexact', () => {
    const cells = column([0, 3, 40, 25, 9]);
    const out = protectColumn(cells, rounded);
    expect(out[0]).toEqual({ count: null, suppressed: true });
    expect(out[1]).toEqual({ count: null, suppressed: true });
    expect(out[4]).toEqual({ count: null, suppressed: true });
    for (const i of [2, 3])
      if (!out[i]!.suppressed) {
        expect(Math.abs(out[i]!.count! - cells[i]!.n)).toBeLessThanOrEqual(2);
        expect(out[i]!.exact).toBe(false);
      }
  });

  it('never publishes a true count under a threshold that is not a multiple of 3, whatever the draw', () => {
    const atFive: ColumnOptions = { ...rounded, threshold: 5 };
    let roundedUp = 0;
    for (let seed = 0; seed < 60; seed++) {
      const cells = column([40, 4, 30, 4], seed);
      const out = protectColumn(cells, atFive);
      const draws = classifyColumn(cells, atFive).values;
      if (draws[1]! >= 5 || draws[3]! >= 5) roundedUp++;
      expect([out[1], out[3]]).toEqual([
        { count: null, suppressed: true },
        { count: null, suppressed: true },
      ]);
    }
    // A 4 is rounded to 6 one time in three: the rule, not the draw, kept them withheld.
    expect(roundedUp).toBeGreaterThan(10);
  });

  it('withholds a group that holds all but fewer than the threshold of its column (attribute rule)', () => {
    expect(protectColumn(column([30, 0, 0, 0]), rounded).every((c) => c.suppressed)).toBe(true);
    expect(protectColumn(column([45, 4, 0, 0]), rounded).every((c) => c.suppressed)).toBe(true);
    expect(protectColumn(column([8, 7]), rounded).every((c) => c.suppressed)).toBe(true);
  });

  it('gives the same answer for the same people, and a fresh draw when the column changes', () => {
    const a = column([20, 14, 3], 5);
    expect(protectColumn(a, rounded)).toEqual(protectColumn(a, rounded));
    const draws = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const c = column([20, 14, 3], seed);
      draws.add(JSON.stringify(protectColumn(c, rounded)));
    }
    expect(draws.size).toBeGreaterThan(1);
  });

  it('leaves every withheld count at least two values and no group certain, over random columns', () => {
    const r = rng(7);
    let checked = 0;
    for (let k = 0; k < 1500; k++) {
      const groups = 2 + Math.floor(r() * 4);
      const counts = Array.from({ length: groups }, () => {
        const kind = r();
        return kind < 0.3 ? 0 : kind < 0.5 ? 1 + Math.floor(r() * 9) : 10 + Math.floor(r() * 30);
      });
      const cells = column(counts, k);
      const total = counts.reduce((a, b) => a + b, 0);
      if (total === 0 || total > 70) continue;
      const out = protectColumn(cells, rounded);
      // The strongest attacker: knows each withheld count's class (small, dominant or complementary).
      const boxes = out.map((p, i) =>
        p.suppressed ? withheldBox(cells, i, total) : bounds('published', p.count, total, rounded),
      );
      const worlds = completions(boxes, total);
      expect(worlds.some((w) => w.every((v, i) => v === counts[i]))).toBe(true);
      out.forEach((p, i) => {
        if (!p.suppressed) return;
        expect(new Set(worlds.map((w) => w[i])).size).toBeGreaterThan(1);
      });
      counts.forEach((_, i) => expect(worlds.every((w) => w[i] === total)).toBe(false));
      checked++;
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('lets a planted leak through when its rules are off (the check above would fail)', () => {
    // 13 people, all in one group: rounded up to 15, published without the attribute rule: 15 − 2 ≥ 13.
    let leaked = false;
    for (let seed = 0; seed < 50 && !leaked; seed++) {
      const cells = column([13, 0, 0], seed);
      const out = protectColumn(cells, { ...rounded, unsafe: true });
      if (out[0]!.count === 15) {
        const boxes = out.map((p) =>
          p.suppressed ? bounds('small', null, 13, rounded) : bounds('published', p.count, 13, rounded),
        );
        expect(tighten(boxes, 13)[0]).toEqual([13, 13]);
        leaked = true;
      }
    }
    expect(leaked).toBe(true);
  });

  function withheldBox(cells: TrueCell[], i: number, total: number): [number, number] {
    // Replays protectColumn's classification: the class decides the bound the attacker may use.
    const safe = protectColumn(cells, { ...rounded, unsafe: true });
    let cls: CellClass;
    if (safe[i]!.suppressed) cls = 'small';
    else if (safe[i]!.count! > total - rounded.threshold) cls = 'dominant';
    else cls = 'complementary';
    return bounds(cls, null, total, rounded);
  }
});

describe('measureUtility', () => {
  it('counts published cells, errors per method and kept orders, ignoring empty columns', () => {
    const u = measureUtility(
      [
        { method: 'rounded', truth: [20, 12, 3], published: [21, 12, null] },
        { method: 'noisy', truth: [30, 10, 0], published: [27, 14, null] },
        { method: 'noisy', truth: [0, 0, 0], published: [null, null, null] },
      ],
      10,
    );
    expect(u).toEqual({
      cells: 6,
      published: 4,
      large: 4,
      largePublished: 4,
      meanAbsError: { rounded: 0.5, noisy: 3.5 },
      maxAbsError: { rounded: 1, noisy: 4 },
      // 20 vs 12 (gap 8, kept) and 30 vs 10 (gap 20, kept); no pair with a withheld count.
      orderPairs: 2,
      orderKept: 2,
    });
  });
});
