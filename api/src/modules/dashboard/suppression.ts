/**
 * Small-cell suppression with complementary suppression (PRODUCT.md §4), as a pure function.
 *
 * A response is a set of published counts (`values`) and the sums that tie them together
 * (`equations`: values[total] = Σ values[members]). Every count of people with 0 < n < threshold is
 * suppressed (primary). Then, until nothing changes:
 * 1. an equation with exactly one suppressed count gets a second one: its smallest non-zero published
 *    count (members before the total, as the total is never smaller);
 * 2. the whole system is checked exactly: a suppressed count that the published numbers still determine
 *    (through any combination of equations, e.g. a bridge between two blocks of a table with row and
 *    column totals) gets one more count of an equation it is in suppressed.
 * Zero is never suppressed. The result: no suppressed count is a linear consequence of what is published.
 */
export interface Equation {
  total: number;
  members: number[];
}

export interface SuppressedCount {
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export function suppress(values: readonly number[], equations: readonly Equation[], threshold: number): boolean[] {
  const hidden = values.map((v) => v > 0 && v < threshold);
  const cellsOf = equations.map((e) => [...e.members, e.total]);
  // The smallest published non-zero count among `cells` (ties: the first), or -1.
  const smallest = (cells: number[]) =>
    cells.reduce(
      (best, c) => (!hidden[c] && values[c]! > 0 && (best < 0 || values[c]! < values[best]!) ? c : best),
      -1,
    );
  for (let guard = 0; guard <= values.length; guard++) {
    let changed = false;
    for (const cells of cellsOf) {
      if (cells.filter((c) => hidden[c]).length !== 1) continue;
      const extra = smallest(cells);
      if (extra >= 0) {
        hidden[extra] = true;
        changed = true;
      }
    }
    if (changed) continue;
    const exposed = determined(values.length, equations, hidden);
    if (exposed.length === 0) break;
    const around = cellsOf.filter((cells) => cells.includes(exposed[0]!)).flat();
    let extra = smallest(around);
    // Every count around it is hidden or zero: widen to any equation that holds a suppressed count.
    if (extra < 0) extra = smallest(cellsOf.filter((cells) => cells.some((c) => hidden[c])).flat());
    if (extra < 0) break;
    hidden[extra] = true;
  }
  return hidden;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * The suppressed counts whose value follows from the published ones: e_j lies in the row space of the
 * equations restricted to the suppressed counts. Exact (integer) Gauss-Jordan elimination.
 */
export function determined(size: number, equations: readonly Equation[], hidden: readonly boolean[]): number[] {
  const unknowns = [...Array(size).keys()].filter((i) => hidden[i]);
  const col = new Map(unknowns.map((u, j) => [u, j]));
  const rows = equations
    .map((e) => {
      const row = unknowns.map(() => 0n);
      for (const m of e.members) if (col.has(m)) row[col.get(m)!]! += 1n;
      if (col.has(e.total)) row[col.get(e.total)!]! -= 1n;
      return row;
    })
    .filter((r) => r.some((x) => x !== 0n));
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![c] === 0n) continue;
      const a = rows[i]![c]!;
      const next = rows[i]!.map((x, k) => x * pivot[c]! - pivot[k]! * a);
      const g = next.reduce((acc, x) => gcd(acc, x), 0n) || 1n;
      rows[i] = next.map((x) => x / g);
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  return pivots.filter((p) => rows[p.row]!.filter((x) => x !== 0n).length === 1).map((p) => unknowns[p.col]!);
}

export interface TableOptions {
  /** Publish Σ of each column (over rows). */
  columnTotals?: boolean;
  /** Publish Σ of each row (over columns). */
  rowTotals?: boolean;
  /** Publish the grand total (needs column or row totals to be useful). */
  grandTotal?: boolean;
}

export interface SuppressedTable {
  cells: SuppressedCount[][];
  columnTotals: SuppressedCount[] | null;
  rowTotals: SuppressedCount[] | null;
  grandTotal: SuppressedCount | null;
}

/** A rows × columns table of counts with the totals it publishes, suppressed together. */
export function suppressTable(cells: number[][], threshold: number, opts: TableOptions = {}): SuppressedTable {
  const nRows = cells.length;
  const nCols = cells[0]?.length ?? 0;
  const values: number[] = cells.flat();
  const at = (i: number, j: number) => i * nCols + j;
  const equations: Equation[] = [];
  const colTotal: number[] = [];
  const rowTotal: number[] = [];
  if (opts.columnTotals) {
    for (let j = 0; j < nCols; j++) {
      colTotal.push(values.length);
      values.push(cells.reduce((s, row) => s + row[j]!, 0));
      equations.push({ total: colTotal[j]!, members: cells.map((_, i) => at(i, j)) });
    }
  }
  if (opts.rowTotals) {
    for (let i = 0; i < nRows; i++) {
      rowTotal.push(values.length);
      values.push(cells[i]!.reduce((s, v) => s + v, 0));
      equations.push({ total: rowTotal[i]!, members: cells[i]!.map((_, j) => at(i, j)) });
    }
  }
  let grand = -1;
  if (opts.grandTotal) {
    grand = values.length;
    values.push(cells.flat().reduce((s, v) => s + v, 0));
    if (opts.columnTotals) equations.push({ total: grand, members: colTotal });
    if (opts.rowTotals) equations.push({ total: grand, members: rowTotal });
    if (!opts.columnTotals && !opts.rowTotals)
      equations.push({ total: grand, members: cells.flatMap((row, i) => row.map((_, j) => at(i, j))) });
  }
  const hidden = suppress(values, equations, threshold);
  const out = (k: number): SuppressedCount =>
    hidden[k] ? { count: null, suppressed: true } : { count: values[k]!, suppressed: false };
  return {
    cells: cells.map((row, i) => row.map((_, j) => out(at(i, j)))),
    columnTotals: opts.columnTotals ? colTotal.map(out) : null,
    rowTotals: opts.rowTotals ? rowTotal.map(out) : null,
    grandTotal: grand >= 0 ? out(grand) : null,
  };
}
