import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../../testing/random.js';
import type { Equation, SuppressedCount, SuppressedTable } from './suppression.js';
import { determined, suppress, suppressTable } from './suppression.js';

/** The published knowledge of a table: cell and total values (null when suppressed) and the sums that tie them. */
function flatten(cells: SuppressedCount[][], t: SuppressedTable, truth: number[][]) {
  const nCols = truth[0]!.length;
  const published: (number | null)[] = cells.flat().map((c) => c.count);
  const actual: number[] = truth.flat();
  const equations: Equation[] = [];
  const at = (i: number, j: number) => i * nCols + j;
  const colIdx: number[] = [];
  const rowIdx: number[] = [];
  t.columnTotals?.forEach((c, j) => {
    colIdx.push(published.length);
    published.push(c.count);
    actual.push(truth.reduce((s, r) => s + r[j]!, 0));
    equations.push({ total: colIdx[j]!, members: truth.map((_, i) => at(i, j)) });
  });
  t.rowTotals?.forEach((c, i) => {
    rowIdx.push(published.length);
    published.push(c.count);
    actual.push(truth[i]!.reduce((s, v) => s + v, 0));
    equations.push({ total: rowIdx[i]!, members: truth[i]!.map((_, j) => at(i, j)) });
  });
  if (t.grandTotal) {
    const g = published.length;
    published.push(t.grandTotal.count);
    actual.push(truth.flat().reduce((s, v) => s + v, 0));
    if (colIdx.length) equations.push({ total: g, members: colIdx });
    if (rowIdx.length) equations.push({ total: g, members: rowIdx });
  }
  return { published, actual, equations };
}

/**
 * Brute force, as an attacker would: look for a non-negative integer completion of the suppressed counts
 * (bounded by the true grand total, which only helps the attacker) that satisfies every published sum and
 * gives `target` a value other than its true one. Values closest to the truth are tried first.
 */
function hasAlternative(
  published: (number | null)[],
  actual: number[],
  equations: Equation[],
  target: number,
  bound: number,
): boolean {
  const unknowns = published.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
  const value = new Map<number, number>();
  const get = (i: number) => (published[i] !== null ? published[i] : value.get(i));
  let budget = 200_000;
  // Checks every equation; returns a forced assignment when one equation has a single unknown left.
  const consistent = (): { ok: boolean; forced?: [number, number] } => {
    for (const e of equations) {
      let known = 0;
      const open: { i: number; sign: number }[] = [];
      for (const [i, sign] of [...e.members.map((m) => [m, 1] as const), [e.total, -1] as const]) {
        const v = get(i);
        if (v === undefined) open.push({ i, sign });
        else known += sign * v;
      }
      if (open.length === 0 && known !== 0) return { ok: false };
      if (open.length === 1) {
        const forced = -known * open[0]!.sign;
        if (forced < 0 || forced > bound) return { ok: false };
        return { ok: true, forced: [open[0]!.i, forced] };
      }
      if (open.every((o) => o.sign > 0) && known > 0) return { ok: false };
      if (open.every((o) => o.sign < 0) && known < 0) return { ok: false };
    }
    return { ok: true };
  };
  const order = (truth: number) =>
    [...Array(bound + 1).keys()].sort((a, b) => Math.abs(a - truth) - Math.abs(b - truth) || a - b);
  const search = (): boolean => {
    if (--budget < 0) return false;
    const state = consistent();
    if (!state.ok) return false;
    if (state.forced) {
      const [i, v] = state.forced;
      if (i === target && v === actual[target]) return false;
      value.set(i, v);
      const found = search();
      value.delete(i);
      return found;
    }
    const next = unknowns.find((u) => !value.has(u));
    if (next === undefined) return true;
    for (const v of order(actual[next]!)) {
      if (next === target && v === actual[target]) continue;
      value.set(next, v);
      const found = search();
      value.delete(next);
      if (found) return true;
    }
    return false;
  };
  // The target first, so the search branches on it straight away.
  unknowns.sort((a, b) => (a === target ? -1 : b === target ? 1 : 0));
  return search();
}

function underivable(truth: number[][], t: SuppressedTable): boolean {
  const { published, actual, equations } = flatten(t.cells, t, truth);
  const bound = truth.flat().reduce((s, v) => s + v, 0);
  return published.every((v, i) => v !== null || hasAlternative(published, actual, equations, i, bound));
}

describe('suppress', () => {
  it('suppresses counts below the threshold and not zero', () => {
    expect(suppress([0, 4, 10, 25], [], 10)).toEqual([false, true, false, false]);
  });

  it('adds the next-smallest count of a column whose total is published', () => {
    const t = suppressTable([[3], [20], [30], [0]], 10, { columnTotals: true });
    expect(t.cells.map((r) => r[0])).toEqual([
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: 30, suppressed: false },
      { count: 0, suppressed: false },
    ]);
    expect(t.columnTotals).toEqual([{ count: 53, suppressed: false }]);
  });

  it('suppresses a total below the threshold with its cells, and leaves a column of zeros alone', () => {
    const t = suppressTable(
      [
        [2, 0],
        [3, 0],
      ],
      10,
      { columnTotals: true },
    );
    expect(t.columnTotals).toEqual([
      { count: null, suppressed: true },
      { count: 0, suppressed: false },
    ]);
    expect(t.cells.flat().map((c) => c.suppressed)).toEqual([true, false, true, false]);
  });

  it('never picks a zero as the complement: it takes the total when the rest of the line is zero', () => {
    // One primary cell, the rest zero: the total equals it and is below the threshold, so it is primary too.
    expect(suppress([4, 0, 0, 4], [{ total: 3, members: [0, 1, 2] }], 10)).toEqual([true, false, false, true]);
  });

  it('finds a cell that a combination of equations determines (a bridge between two blocks)', () => {
    // Rows and columns totals; blocks {r0,r1}×{c0,c1} and {r2,r3}×{c2,c3} hidden, and the bridge (1,2).
    const truth = [
      [2, 3, 50, 50],
      [4, 1, 2, 50],
      [50, 50, 3, 4],
      [50, 50, 2, 1],
    ];
    const hiddenCells = [0, 1, 4, 5, 6, 10, 11, 14, 15];
    const values = truth.flat();
    const equations: Equation[] = [];
    for (let j = 0; j < 4; j++) {
      equations.push({ total: values.length, members: [0, 1, 2, 3].map((i) => i * 4 + j) });
      values.push(truth.reduce((s, r) => s + r[j]!, 0));
    }
    for (let i = 0; i < 4; i++) {
      equations.push({ total: values.length, members: [0, 1, 2, 3].map((j) => i * 4 + j) });
      values.push(truth[i]!.reduce((s, v) => s + v, 0));
    }
    const lineRuleOnly = values.map((_, i) => hiddenCells.includes(i));
    // Every row and column has at least two hidden cells, yet the bridge is exposed:
    expect(determined(values.length, equations, lineRuleOnly)).toEqual([6]);
    const t = suppressTable(truth, 10, { rowTotals: true, columnTotals: true });
    expect(t.cells.flat().filter((c) => c.suppressed).length).toBeGreaterThan(hiddenCells.length);
    expect(underivable(truth, t)).toBe(true);
  });

  it('brute force catches a derivable cell (the checker can fail)', () => {
    const truth = [[3], [20], [30]];
    const naive: SuppressedTable = {
      cells: [
        [{ count: null, suppressed: true }],
        [{ count: 20, suppressed: false }],
        [{ count: 30, suppressed: false }],
      ],
      columnTotals: [{ count: 53, suppressed: false }],
      rowTotals: null,
      grandTotal: null,
    };
    expect(underivable(truth, naive)).toBe(false);
  });

  it.each([
    ['column totals', { columnTotals: true }],
    ['row and column totals', { columnTotals: true, rowTotals: true }],
    ['row, column and grand totals', { columnTotals: true, rowTotals: true, grandTotal: true }],
  ])('leaves no suppressed cell derivable in random tables with %s (brute force)', (_name, opts) => {
    const random = new SeededRandom(42);
    const sizes = [0, 0, 1, 2, 3, 4, 5, 6, 8, 11];
    for (let n = 0; n < 60; n++) {
      const cols = random.int(2, 4);
      const truth = [...Array(random.int(2, 4))].map(() => [...Array(cols)].map(() => random.pick(sizes)));
      const threshold = random.pick([3, 5]);
      const t = suppressTable(truth, threshold, opts);
      const flat = truth.flat();
      t.cells.flat().forEach((c, i) => {
        const v = flat[i]!;
        if (v > 0 && v < threshold) expect(c).toEqual({ count: null, suppressed: true });
        if (v === 0) expect(c).toEqual({ count: 0, suppressed: false });
        if (!c.suppressed) expect(c.count).toBe(v);
      });
      if (!underivable(truth, t)) throw new Error(`derivable: ${JSON.stringify({ truth, threshold, t })}`);
    }
  });
});
