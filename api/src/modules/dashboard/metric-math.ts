/** Rounding and ratios shared by every dashboard figure, so a test can recompute them exactly. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** a ÷ b to three decimals; null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : round(a / b, 3);
}

/** sum ÷ count to two decimals; null when count is 0. */
export function mean(sum: number, count: number): number | null {
  return count === 0 ? null : round(sum / count, 2);
}
