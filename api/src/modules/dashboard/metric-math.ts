/**
 * Rounding and ratios shared by every dashboard figure, so a test can recompute them exactly.
 *
 * The rule is PostgreSQL's `round(numeric, d)`: half away from zero, on the decimal value (−0.125 → −0.13,
 * 0.125 → 0.13, 1.005 → 1.01). `Math.round(v * 10 ** d) / 10 ** d` is not that: it rounds halves up
 * (−0.125 → −0.12), and the binary double behind a decimal is often just below its half (1.005 is stored
 * as 1.00499999999999989…, so 1.005 → 1.0).
 */

function places(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15)
    throw new RangeError(`decimals must be an integer from 0 to 15, not ${decimals}`);
  return decimals;
}

/** The double nearest to ±digits × 10^−decimals; never −0. */
function fromScaled(negative: boolean, digits: bigint, decimals: number): number {
  if (digits === 0n) return 0;
  const value = Number(`${digits}e${-decimals}`);
  return negative ? -value : value;
}

/**
 * `value` to `decimals` places, half away from zero, as PostgreSQL's `round(value::numeric, decimals)`:
 * the value is first read as the 15 significant digits a float8 keeps when cast to numeric, so the
 * representation error of a binary double (1.005, 2.675, a sum of tenths) never turns a half down.
 */
export function round(value: number, decimals: number): number {
  places(decimals);
  if (!Number.isFinite(value)) return value;
  // d.dddddddddddddde±x: 15 significant digits, correctly rounded from the double.
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // How many of those digits lie before the cut at `decimals` places.
  const keep = Number(exponent) + 1 + decimals;
  if (keep >= digits.length) return fromScaled(value < 0, BigInt(digits), 14 - Number(exponent));
  let kept = keep > 0 ? BigInt(digits.slice(0, keep)) : 0n;
  if (keep >= 0 && digits.charCodeAt(keep) >= 53 /* '5' */) kept += 1n;
  return fromScaled(value < 0, kept, decimals);
}

/**
 * a ÷ b to `decimals` places, half away from zero. For integers (counts, sums of levels) exactly, in
 * integer arithmetic, as PostgreSQL's `round(a::numeric / b, decimals)`; otherwise `round(a / b)`.
 */
export function divide(a: number, b: number, decimals: number): number {
  places(decimals);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return round(a / b, decimals);
  if (b === 0) throw new RangeError('division by zero');
  const n = BigInt(Math.abs(a)) * 10n ** BigInt(decimals);
  const d = BigInt(Math.abs(b));
  const q = n / d;
  return fromScaled(a < 0 !== b < 0, 2n * (n % d) >= d ? q + 1n : q, decimals);
}

/** a ÷ b to three decimals; null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : divide(a, b, 3);
}

/** sum ÷ count to two decimals; null when count is 0. */
export function mean(sum: number, count: number): number | null {
  return count === 0 ? null : divide(sum, count, 2);
}

/** How many times a whole number occurs. */
export interface ValueCount {
  value: number;
  n: number;
}

/**
 * PostgreSQL's `percentile_cont(p)` over the multiset the counts describe (no need to expand it): the value at
 * rank p·(N−1), interpolated between its neighbours; null when the set is empty.
 */
export function percentileOfCounts(counts: readonly ValueCount[], p: number): number | null {
  const sorted = counts.filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, c) => s + c.n, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const at = (index: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (index < seen) return c.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const lo = Math.floor(rank);
  const below = at(lo);
  return rank === lo ? below : below + (rank - lo) * (at(lo + 1) - below);
}
