/** Row targets per tier (issue #7). Smaller tables follow from these: users, roles, opportunities, … */
export interface Tier {
  name: string;
  districts: number;
  schools: number;
  educators: number;
  nominations: number;
  evidence: number;
  transitions: number;
  positions: number;
  audit: number;
  /** Zipf exponent of district sizes: 0 = all equal; 1 = a few big districts and a long tail of small ones. */
  skew: number;
}

export const TIERS: Record<string, Tier> = {
  small: {
    name: 'small',
    districts: 5,
    schools: 60,
    educators: 3_000,
    nominations: 800,
    evidence: 40_000,
    transitions: 12_000,
    positions: 200,
    audit: 60_000,
    skew: 1,
  },
  'district-L': {
    name: 'district-L',
    districts: 1,
    schools: 1_900,
    educators: 80_000,
    nominations: 20_000,
    evidence: 1_000_000,
    transitions: 300_000,
    positions: 5_000,
    audit: 2_000_000,
    skew: 0,
  },
  state: {
    name: 'state',
    districts: 1_000,
    schools: 9_000,
    educators: 500_000,
    nominations: 100_000,
    evidence: 5_000_000,
    transitions: 2_000_000,
    positions: 25_000,
    audit: 10_000_000,
    skew: 1,
  },
};

/**
 * Splits `total` over `weights` in proportion, each part at least `min`, summing exactly to `total`
 * (largest remainders take the rest).
 */
export function apportion(total: number, weights: number[], min = 0): number[] {
  const n = weights.length;
  const free = total - min * n;
  if (free < 0) throw new Error(`cannot give ${n} parts at least ${min} out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const parts = exact.map((x) => min + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]!++;
  return parts;
}

export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
}
