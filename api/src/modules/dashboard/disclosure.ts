/**
 * Disclosure control for counts of people by a demographic group (docs/metrics.md, "Disclosure control").
 * Pure functions: the equity service feeds them true counts and key sums; the adversarial test replays them.
 *
 * Each educator carries a fixed random key (table `disclosure_keys`, never returned). A cell's random draw
 * is a hash of the cell's people (their number and key sum) and its column's people, so the same people
 * get the same answer by every path, and any other set of people a fresh one (the cell-key method).
 *
 * - `rounded` (the district-wide table, no filter): unbiased random rounding to a multiple of 3, so a
 *   published count is within ±2 of the truth and a change of one person is never certain from two answers.
 * - `noisy` (any filter): the count plus two-sided geometric noise, whose spread has no bound a filter
 *   combination could corner.
 *
 * Then, in both: a count below the threshold is withheld (in `rounded`, also one whose truth is below it); so is a group holding all but fewer than the
 * threshold of its column (the attribute rule: the rest would be named by the column's list); and in
 * `rounded` a withheld count that the published ones and the column's exact total would still pin down
 * gets a published neighbour withheld too.
 */
import { createHash } from 'node:crypto';

export type Method = 'rounded' | 'noisy';

export interface TrueCell {
  /** The group (a value of the dimension): part of the cell's identity. */
  group: string;
  /** Distinct people in the cell. */
  n: number;
  /** Σ of their disclosure keys. */
  keySum: number;
}

export interface PublishedCount {
  /** Null when withheld. */
  count: number | null;
  suppressed: boolean;
  /** False when the count was altered (every published count of a protected table). */
  exact?: boolean;
}

/** Why a count was withheld, as an attacker who knew it could use it (see `bounds`). */
export type CellClass = 'published' | 'small' | 'dominant' | 'complementary';

/** Base of the random rounding: the largest whose error stays within ±2. */
export const ROUNDING_BASE = 3;
/** Noise parameter: P(e) ∝ α^|e| (ε = ln 2 per cell in differential-privacy terms). */
export const NOISE_ALPHA = 0.5;
const UNIFORM_BITS = 52;
/** The largest noise the 52-bit uniform can produce: the attacker's only hard bound in `noisy`. */
export const MAX_NOISE = 1 + Math.floor(Math.log(2 ** -UNIFORM_BITS) / Math.log(NOISE_ALPHA));

/** Two independent uniforms in [0, 1) from a cell's identity. */
export function cellUniforms(identity: string): [number, number] {
  const h = createHash('sha256').update(identity).digest();
  const u = (offset: number) => (h.readUIntBE(offset, 6) * 16 + (h[offset + 6]! >> 4)) / 2 ** UNIFORM_BITS;
  return [u(0), u(8)];
}

/** Unbiased random rounding of x to a multiple of 3: up with probability (x mod 3) ÷ 3. */
export function randomRound(x: number, u: number): number {
  const r = x % ROUNDING_BASE;
  return x - r + (u < r / ROUNDING_BASE ? ROUNDING_BASE : 0);
}

/** Two-sided geometric noise, P(e) = (1 − α)/(1 + α) · α^|e|, by inverse transform of two uniforms. */
export function geometricNoise(u: number, signU: number): number {
  const p0 = (1 - NOISE_ALPHA) / (1 + NOISE_ALPHA);
  if (u < p0) return 0;
  const v = (u - p0) / (1 - p0);
  const m = 1 + Math.floor(Math.log(1 - v) / Math.log(NOISE_ALPHA));
  return signU < 0.5 ? -m : m;
}

export interface ColumnOptions {
  threshold: number;
  method: Method;
  /** What identifies the table beyond its people: method and dimension (never a filter value). */
  salt: string;
  /** For the planted-leak test only: skip the attribute rule and the pinning check. */
  unsafe?: boolean;
}

/** The largest count `rounded` withholds as small, plus the rounding error: a small cell's attacker bound. */
export function smallCeiling(threshold: number): number {
  return ROUNDING_BASE * Math.floor((threshold - 1) / ROUNDING_BASE) + ROUNDING_BASE - 1;
}

/**
 * What an attacker who knows the method, the column's exact total and why each count was withheld can say
 * of each count: [low, high] before combining with the total.
 */
export function bounds(
  cls: CellClass,
  published: number | null,
  total: number,
  opts: Pick<ColumnOptions, 'threshold' | 'method'>,
): [number, number] {
  const t = opts.threshold;
  const err = opts.method === 'rounded' ? ROUNDING_BASE - 1 : MAX_NOISE;
  const clamp = (lo: number, hi: number): [number, number] => [Math.max(0, lo), Math.min(total, hi)];
  switch (cls) {
    case 'published':
      // `rounded` publishes only counts of at least the threshold (the district's minimum n).
      return clamp(Math.max(published! - err, opts.method === 'rounded' ? t : 0), published! + err);
    case 'small':
      return clamp(0, opts.method === 'rounded' ? smallCeiling(t) : t - 1 + err);
    case 'dominant':
      return clamp(Math.max(t, total - t + 1) - err, total);
    case 'complementary':
      return clamp(t - err, total - t + err);
  }
}

/** Each count's range once the column's total is used: box bounds tightened by Σ = total. */
export function tighten(boxes: [number, number][], total: number): [number, number][] {
  const lo = boxes.reduce((s, b) => s + b[0], 0);
  const hi = boxes.reduce((s, b) => s + b[1], 0);
  return boxes.map(([l, h]) => [Math.max(l, total - (hi - h)), Math.min(h, total - (lo - l))]);
}

/**
 * Decides one column of a table: the counts of its groups, whose people are the column's (so their sum is
 * the column's total, which lists already tell exactly). `values` are the altered counts; `classes` say
 * which are published and why the others are withheld.
 */
export function classifyColumn(
  cells: readonly TrueCell[],
  opts: ColumnOptions,
): { total: number; values: number[]; classes: CellClass[] } {
  const t = opts.threshold;
  const total = cells.reduce((s, c) => s + c.n, 0);
  const totalKeys = cells.reduce((s, c) => s + c.keySum, 0);
  const values = cells.map((c) => {
    const [u, v] = cellUniforms(`${opts.salt}|${c.group}|${c.n}|${c.keySum}|${total}|${totalKeys}`);
    return opts.method === 'rounded' ? randomRound(c.n, u) : c.n + geometricNoise(u, v);
  });
  // In `rounded` a true count under the threshold stays withheld even when rounded up to it (4 → 6 at 5).
  const classes: CellClass[] = values.map((v, i) =>
    v < t || (opts.method === 'rounded' && cells[i]!.n < t)
      ? 'small'
      : !opts.unsafe && v > total - t
        ? 'dominant'
        : 'published',
  );
  // In `rounded` the error is bounded, so the total can corner a withheld count (all published ones at the
  // edge of their range): withhold the smallest published count with it until nothing is cornered.
  while (opts.method === 'rounded' && !opts.unsafe && total > 0) {
    const range = tighten(
      classes.map((c, i) => bounds(c, values[i]!, total, opts)),
      total,
    );
    const cornered = range.some(([lo, hi], i) => (classes[i] !== 'published' && lo === hi) || lo === total);
    if (!cornered) break;
    let pick = -1;
    classes.forEach((c, i) => {
      if (c === 'published' && (pick < 0 || values[i]! < values[pick]!)) pick = i;
    });
    if (pick < 0) break;
    classes[pick] = 'complementary';
  }
  return { total, values, classes };
}

/** The published form of one column (see classifyColumn). */
export function protectColumn(cells: readonly TrueCell[], opts: ColumnOptions): PublishedCount[] {
  const { values, classes } = classifyColumn(cells, opts);
  return classes.map((c, i) =>
    c === 'published' ? { count: values[i]!, suppressed: false, exact: false } : { count: null, suppressed: true },
  );
}

/** One protected column as measured against its truth (for the bench and the tests, docs/metrics.md "Utility"). */
export interface MeasuredColumn {
  method: Method;
  truth: readonly number[];
  /** Null where withheld. */
  published: readonly (number | null)[];
}

export interface Utility {
  /** Counts in columns with people. */
  cells: number;
  published: number;
  /** Counts of at least `threshold` people, and how many of them were published. */
  large: number;
  largePublished: number;
  /** |published − true| over published counts, per method. */
  meanAbsError: Record<Method, number | null>;
  maxAbsError: Record<Method, number | null>;
  /** Pairs of published counts in one column whose true counts differ by at least 5, and how many keep their order. */
  orderPairs: number;
  orderKept: number;
}

/** What the method costs: how much is published and how far it is from the truth. */
export function measureUtility(columns: readonly MeasuredColumn[], threshold: number): Utility {
  const u: Utility = {
    cells: 0,
    published: 0,
    large: 0,
    largePublished: 0,
    meanAbsError: { rounded: null, noisy: null },
    maxAbsError: { rounded: null, noisy: null },
    orderPairs: 0,
    orderKept: 0,
  };
  const sum: Record<Method, [number, number]> = { rounded: [0, 0], noisy: [0, 0] };
  for (const c of columns) {
    if (c.truth.every((n) => n === 0)) continue;
    c.truth.forEach((n, i) => {
      const p = c.published[i];
      u.cells++;
      if (n >= threshold) u.large++;
      if (p === null || p === undefined) return;
      u.published++;
      if (n >= threshold) u.largePublished++;
      const err = Math.abs(p - n);
      sum[c.method][0] += err;
      sum[c.method][1]++;
      u.maxAbsError[c.method] = Math.max(u.maxAbsError[c.method] ?? 0, err);
      for (let j = i + 1; j < c.truth.length; j++) {
        const q = c.published[j];
        if (q === null || q === undefined || Math.abs(c.truth[j]! - n) < 5) continue;
        u.orderPairs++;
        if (Math.sign(p - q) === Math.sign(n - c.truth[j]!)) u.orderKept++;
      }
    });
  }
  for (const m of ['rounded', 'noisy'] as const) u.meanAbsError[m] = sum[m][1] ? sum[m][0] / sum[m][1] : null;
  return u;
}
