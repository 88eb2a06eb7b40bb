import betaRandom from '@stdlib/random-base-beta';

/**
 * The vacancy forecast (docs/forecast.md), as pure functions of the seats, their history and the incumbents'
 * retirement eligibility. Days are `YYYY-MM-DD`; a school year is named by its first calendar year (2026 for
 * 2026-27, July 1 – June 30).
 */

/** A pension rule: eligible when every part that is set holds (age, years of service, age + years ≥ N). */
export interface PensionRule {
  minAge?: number | null;
  minYears?: number | null;
  ruleOfN?: number | null;
}

/** Normal retirement at 65 with 5 years of service, or the "rule of 85" from 55: a common shape, editable. */
export const DEFAULT_PENSION_RULES: PensionRule[] = [
  { minAge: 65, minYears: 5 },
  { minAge: 55, ruleOfN: 85 },
];

/** What drives a seat's chance of opening in a year: a new incumbent, a settled one, or one who may retire. */
export const SEAT_STATES = ['new', 'settled', 'eligible'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

/** Years in the seat before an incumbent counts as settled. */
export const NEW_YEARS = 2;
/** How many seat-years of evidence the public base rate is worth. */
export const PRIOR_STRENGTH = 10;
/** The added yearly chance that a retirement-eligible incumbent leaves (they also leave for other reasons). */
export const RETIREMENT_EXTRA = 0.2;
/** Fills of a role in the history below which chain shares come from the role's bench instead. */
export const MIN_FILLS_FOR_CHAINS = 5;
/** A move between seats: the old tenure ends within this many days of the new one's start. */
export const CHAIN_DAYS = 60;
export const HORIZON = 5;
export const SIMULATIONS = 1000;

export const schoolYearOfDay = (day: string): number => {
  const y = Number(day.slice(0, 4));
  return day.slice(5) >= '07-01' ? y : y - 1;
};
export const firstDay = (schoolYear: number) => `${schoolYear}-07-01`;
export const lastDay = (schoolYear: number) => `${schoolYear + 1}-06-30`;
export const schoolYearName = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Whole years from one day to another, by calendar dates (0 when `to` is earlier). */
export function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
  return Math.max(0, years);
}

/**
 * The first school year at whose end (June 30) the person meets one of the rules: age as reached in that
 * calendar year (the birthday is not on the roster), whole years of service since the service start.
 */
export function eligibleSchoolYear(birthYear: number, serviceStartOn: string, rules: PensionRule[]): number | null {
  const from = Math.min(schoolYearOfDay(serviceStartOn), birthYear + 15);
  for (let y = from; y <= birthYear + 90; y++) {
    const age = y + 1 - birthYear;
    const service = wholeYears(serviceStartOn, lastDay(y));
    const met = (r: PensionRule) =>
      (r.minAge == null || age >= r.minAge) &&
      (r.minYears == null || service >= r.minYears) &&
      (r.ruleOfN == null || age + service >= r.ruleOfN);
    if (rules.some(met)) return y;
  }
  return null;
}

/** The state of a seat's incumbent in a school year. */
export function seatState(tenureYears: number, eligibleYear: number | null, schoolYear: number): SeatState {
  if (eligibleYear !== null && schoolYear >= eligibleYear) return 'eligible';
  return tenureYears < NEW_YEARS ? 'new' : 'settled';
}

/** The public base rate a role starts from (docs/forecast.md, Priors). */
export function baseRate(title: string): { rate: number; source: string } {
  if (/\b(assistant|vice)[\s-]+principal/i.test(title))
    return { rate: 0.27, source: 'assistant principals: 25–28 % change role each year' };
  if (/principal/i.test(title))
    return { rate: 0.17, source: 'principals: about 11 % leave the principalship and 6 % move schools each year' };
  return { rate: 0.17, source: 'no public rate for this role: the principals’ 17 %' };
}

export const priorOf = (base: number, state: SeatState) =>
  state === 'eligible' ? Math.min(0.9, base + RETIREMENT_EXTRA) : base;

/** One incumbency of a seat. `vacated` is false when the tenure ended because the seat itself went. */
export interface Tenure {
  seatId: string;
  roleId: string;
  educatorId: string | null;
  startedOn: string;
  endedOn: string | null;
  vacated: boolean;
}

export interface Exposure {
  events: number;
  exposure: number;
}

const cellKey = (roleId: string, state: SeatState) => `${roleId}|${state}`;

/**
 * Seat-years of the history: each tenure active on July 1 of a school year in [fromYear, toYear) is one
 * seat-year in its role and state, and an event when it was vacated by June 30. A tenure ended by the seat's
 * removal in that year is left out (censored); a tenure begun after July 1 counts from the next year.
 */
export function observe(
  tenures: Tenure[],
  eligibleYearOf: (educatorId: string | null) => number | null,
  fromYear: number,
  toYear: number,
): Map<string, Exposure> {
  const cells = new Map<string, Exposure>();
  for (const t of tenures) {
    const start = Math.max(
      fromYear,
      schoolYearOfDay(t.startedOn) + (t.startedOn > firstDay(schoolYearOfDay(t.startedOn)) ? 1 : 0),
    );
    const eligible = eligibleYearOf(t.educatorId);
    for (let y = start; y < toYear; y++) {
      if (t.endedOn !== null && t.endedOn < firstDay(y)) break;
      const ended = t.endedOn !== null && t.endedOn <= lastDay(y);
      if (ended && !t.vacated) break;
      const key = cellKey(t.roleId, seatState(wholeYears(t.startedOn, firstDay(y)), eligible, y));
      const cell = cells.get(key) ?? { events: 0, exposure: 0 };
      cell.exposure++;
      if (ended) cell.events++;
      cells.set(key, cell);
      if (ended) break;
    }
  }
  return cells;
}

/** A Beta posterior: the prior worth `PRIOR_STRENGTH` seat-years at the base rate, plus the district's own. */
export interface RateEstimate extends Exposure {
  prior: number;
  alpha: number;
  beta: number;
  rate: number;
}

export function estimate(prior: number, seen: Exposure | undefined, k = PRIOR_STRENGTH): RateEstimate {
  const events = seen?.events ?? 0;
  const exposure = seen?.exposure ?? 0;
  const alpha = k * prior + events;
  const beta = k * (1 - prior) + exposure - events;
  return { prior, events, exposure, alpha, beta, rate: alpha / (alpha + beta) };
}

export type RoleRates = Record<SeatState, number>;

/** A seat as of the forecast's day. */
export interface Seat {
  seatId: string;
  roleId: string;
  /** The current tenure's start; null for a vacant seat. */
  tenureStartedOn: string | null;
  eligibleYear: number | null;
  /** A departure hr knows of: the seat opens that school year (or this one, if the day has passed). */
  knownDepartureOn: string | null;
}

/** The share of the school year `asOf` falls in that is still to come (1 on July 1). */
export function remainingShare(asOf: string): number {
  const y = schoolYearOfDay(asOf);
  const total = dayNumber(firstDay(y + 1)) - dayNumber(firstDay(y));
  return (dayNumber(firstDay(y + 1)) - dayNumber(asOf)) / total;
}

const partial = (h: number, share: number) => (share >= 1 ? h : 1 - Math.pow(1 - h, share));

/**
 * What decides the current incumbent's chance of leaving in each school year of the horizon: their state, or
 * a certain 0 or 1 around a departure hr knows of.
 */
export function incumbentPlan(seat: Seat, asOf: string, horizon: number): (SeatState | 0 | 1)[] {
  const y0 = schoolYearOfDay(asOf);
  const known = seat.knownDepartureOn === null ? null : Math.max(y0, schoolYearOfDay(seat.knownDepartureOn));
  return Array.from({ length: horizon }, (_, t) => {
    const y = y0 + t;
    if (known !== null) return y < known ? 0 : 1;
    // The state on July 1, as the history's seat-years are counted (a seat filled since then is new).
    const start = seat.tenureStartedOn! > firstDay(y) ? seat.tenureStartedOn! : firstDay(y);
    return seatState(wholeYears(seat.tenureStartedOn!, start), seat.eligibleYear, y);
  });
}

/** The current incumbent's chance of leaving in each school year of the horizon, given they are still there. */
export function incumbentHazards(seat: Seat, rates: RoleRates, asOf: string, horizon: number): number[] {
  const share = remainingShare(asOf);
  return incumbentPlan(seat, asOf, horizon).map((p, t) => {
    const h = typeof p === 'number' ? p : rates[p];
    return t === 0 ? partial(h, share) : h;
  });
}

export interface SeatProjection {
  /** Expected openings of the seat in each school year (its incumbent leaving, then any successor). */
  openings: number[];
  /** Chance the current incumbent has left by the end of each school year (1 for a vacant seat). */
  gone: number[];
}

/**
 * Expected openings per year by a small Markov chain: the incumbent stays or leaves; a successor starts as
 * new (not eligible), is settled after `NEW_YEARS`, and may leave in turn. A vacant seat is filled during the
 * first year by a new incumbent. At most one opening per seat per year.
 */
export function projectSeat(seat: Seat, rates: RoleRates, asOf: string, horizon: number): SeatProjection {
  const share = remainingShare(asOf);
  const hazards = seat.tenureStartedOn === null ? null : incumbentHazards(seat, rates, asOf, horizon);
  let stay = hazards ? 1 : 0;
  // Successors by years in the seat: 0, 1, … NEW_YEARS (and more).
  let successors = new Array<number>(NEW_YEARS + 1).fill(0);
  if (!hazards) successors[0] = 1;
  const openings: number[] = [];
  const gone: number[] = [];
  for (let t = 0; t < horizon; t++) {
    const s = t === 0 ? share : 1;
    const h = hazards ? hazards[t]! : 0;
    const hs = successors.map((_, i) => partial(i < NEW_YEARS ? rates.new : rates.settled, s));
    const leaving = stay * h + successors.reduce((sum, p, i) => sum + p * hs[i]!, 0);
    const next = new Array<number>(NEW_YEARS + 1).fill(0);
    next[0] = leaving;
    successors.forEach((p, i) => (next[Math.min(i + 1, NEW_YEARS)]! += p * (1 - hs[i]!)));
    successors = next;
    stay *= 1 - h;
    openings.push(leaving);
    gone.push(1 - stay);
  }
  return { openings, gone };
}

/** A start in a seat of `roleId`; `fromRoleId`: the role of the seat its person left around then, if any. */
export interface Fill {
  roleId: string;
  fromRoleId: string | null;
}

/**
 * Where a role's seats are filled from: the share of its fills whose person left a seat of another role, from
 * the history when it has `MIN_FILLS_FOR_CHAINS` fills, else from who holds a seat among its active candidates.
 */
export function chainShares(
  fills: Fill[],
  bench: Map<string, { candidates: number; from: Map<string, number> }>,
): Map<string, Map<string, number>> {
  const byRole = new Map<string, Fill[]>();
  for (const f of fills) byRole.set(f.roleId, [...(byRole.get(f.roleId) ?? []), f]);
  const out = new Map<string, Map<string, number>>();
  const roles = new Set([...byRole.keys(), ...bench.keys()]);
  for (const role of roles) {
    const seen = byRole.get(role) ?? [];
    const shares = new Map<string, number>();
    if (seen.length >= MIN_FILLS_FOR_CHAINS) {
      for (const f of seen)
        if (f.fromRoleId) shares.set(f.fromRoleId, (shares.get(f.fromRoleId) ?? 0) + 1 / seen.length);
    } else {
      const b = bench.get(role);
      if (b && b.candidates > 0) for (const [from, n] of b.from) shares.set(from, n / b.candidates);
    }
    out.set(role, shares);
  }
  return out;
}

/** A role's forecast: expected openings per year with an 80 % interval, and the openings chains add. */
export interface RoleYear {
  schoolYear: number;
  expected: number;
  low: number;
  high: number;
  chain: number;
}

export interface ForecastInput {
  asOf: string;
  horizon?: number;
  roles: { id: string; title: string }[];
  seats: Seat[];
  /** The history the rates learn from: tenures begun before `asOf`, with their ends as known on `asOf`. */
  tenures: Tenure[];
  eligibleYearOf: (educatorId: string | null) => number | null;
  /** The first school year the district's seat history is complete for. */
  historyFromYear: number;
  fills: Fill[];
  bench?: Map<string, { candidates: number; from: Map<string, number> }>;
  simulations?: number;
  seed?: number;
  /** Groups of roles whose openings are also given together (a pool's interval comes from the same draws). */
  pools?: { id: string; roleIds: string[] }[];
}

export interface RoleForecast {
  roleId: string;
  seats: number;
  vacantNow: number;
  base: { rate: number; source: string };
  rates: Record<SeatState, RateEstimate>;
  years: RoleYear[];
}

export interface SeatForecast {
  seatId: string;
  roleId: string;
  /** Chance the seat is open (its incumbent gone) by the end of each school year of the horizon. */
  gone: number[];
  expected: number[];
}

export interface Forecast {
  asOf: string;
  schoolYears: number[];
  roles: RoleForecast[];
  seats: SeatForecast[];
  pools: { id: string; seats: number; vacantNow: number; years: RoleYear[] }[];
}

/** The k-th smallest of the sorted counts at cumulative share q (the smallest count with F ≥ q). */
const quantile = (sorted: Int32Array, q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;

export function forecast(input: ForecastInput): Forecast {
  const horizon = input.horizon ?? HORIZON;
  const y0 = schoolYearOfDay(input.asOf);
  const observed = observe(input.tenures, input.eligibleYearOf, input.historyFromYear, y0);
  const roles = input.roles.map((r) => {
    const base = baseRate(r.title);
    const rates = Object.fromEntries(
      SEAT_STATES.map((s) => [s, estimate(priorOf(base.rate, s), observed.get(cellKey(r.id, s)))]),
    ) as Record<SeatState, RateEstimate>;
    return { role: r, base, rates };
  });
  const roleIndex = new Map(roles.map((r, i) => [r.role.id, i]));
  const seats = input.seats.filter((s) => roleIndex.has(s.roleId));

  // Expected values and per-seat chances, at the posterior means.
  const meanRates = roles.map((r) => Object.fromEntries(SEAT_STATES.map((s) => [s, r.rates[s].rate])) as RoleRates);
  const expected = roles.map(() => new Array<number>(horizon).fill(0));
  const seatOut: SeatForecast[] = seats.map((seat) => {
    const i = roleIndex.get(seat.roleId)!;
    const p = projectSeat(seat, meanRates[i]!, input.asOf, horizon);
    p.openings.forEach((v, t) => (expected[i]![t]! += v));
    return { seatId: seat.seatId, roleId: seat.roleId, gone: p.gone, expected: p.openings };
  });

  // Intervals: draw each role's rates from their posteriors, then each seat's path, many times.
  const sims = input.simulations ?? SIMULATIONS;
  // One seeded generator for the rates and the paths: the same data gives the same intervals.
  const beta = betaRandom.factory({ seed: input.seed ?? 20_261_207 });
  // The underlying Mersenne Twister gives 32-bit integers.
  const integers = beta.PRNG;
  const uniform = () => integers() / 4_294_967_296;
  const counts = roles.map(() => Array.from({ length: horizon }, () => new Int32Array(sims)));
  const share = remainingShare(input.asOf);
  const bySeatRole = seats.map((s) => roleIndex.get(s.roleId)!);
  // The hot loop reads numbers only: each seat's plan as codes, each draw's chances in a flat table of
  // [role][code][first year or not], codes 0–2 the states, 3 and 4 a certain 0 and 1.
  const CODES = 5;
  const code = (p: SeatState | 0 | 1) => (typeof p === 'number' ? 3 + p : SEAT_STATES.indexOf(p));
  const plans = seats.map((s) =>
    s.tenureStartedOn === null ? null : Int8Array.from(incumbentPlan(s, input.asOf, horizon).map(code)),
  );
  const table = new Float64Array(roles.length * CODES * 2);
  const at = (i: number, c: number, first: number) => (i * CODES + c) * 2 + first;
  const successor = (years: number) => (years < NEW_YEARS ? 0 : 1);
  for (let k = 0; k < sims; k++) {
    roles.forEach((r, i) => {
      SEAT_STATES.forEach((state, c) => {
        const h = beta(r.rates[state].alpha, r.rates[state].beta);
        table[at(i, c, 0)] = h;
        table[at(i, c, 1)] = partial(h, share);
      });
      table[at(i, 4, 0)] = table[at(i, 4, 1)] = 1;
    });
    for (let j = 0; j < seats.length; j++) {
      const i = bySeatRole[j]!;
      const plan = plans[j];
      // -1: the incumbent; otherwise a successor's years in the seat.
      let holder = plan ? -1 : 0;
      for (let t = 0; t < horizon; t++) {
        const c = holder < 0 ? plan![t]! : successor(holder);
        if (uniform() < table[at(i, c, t === 0 ? 1 : 0)]!) {
          counts[i]![t]![k]!++;
          holder = 0;
        } else if (holder >= 0) holder++;
      }
    }
  }

  const chains = chainShares(input.fills, input.bench ?? new Map());
  const chainOf = (roleId: string, t: number) =>
    roles.reduce((sum, r, i) => sum + expected[i]![t]! * (chains.get(r.role.id)?.get(roleId) ?? 0), 0);

  const interval = (sims: Int32Array) => {
    const sorted = sims.slice().sort();
    return { low: quantile(sorted, 0.1), high: quantile(sorted, 0.9) };
  };
  const pools = (input.pools ?? []).map((pool) => {
    const members = pool.roleIds.map((id) => roleIndex.get(id)).filter((i): i is number => i !== undefined);
    const memberSeats = seats.filter((s) => pool.roleIds.includes(s.roleId));
    return {
      id: pool.id,
      seats: memberSeats.length,
      vacantNow: memberSeats.filter((s) => s.tenureStartedOn === null).length,
      years: Array.from({ length: horizon }, (_, t) => {
        const sum = new Int32Array(sims);
        for (const i of members) counts[i]![t]!.forEach((n, k) => (sum[k]! += n));
        return {
          schoolYear: y0 + t,
          expected: members.reduce((a, i) => a + expected[i]![t]!, 0),
          ...interval(sum),
          chain: pool.roleIds.reduce((a, id) => a + chainOf(id, t), 0),
        };
      }),
    };
  });

  return {
    asOf: input.asOf,
    schoolYears: Array.from({ length: horizon }, (_, t) => y0 + t),
    pools,
    roles: roles.map((r, i) => ({
      roleId: r.role.id,
      seats: bySeatRole.filter((x) => x === i).length,
      vacantNow: seats.filter((s, j) => bySeatRole[j] === i && s.tenureStartedOn === null).length,
      base: r.base,
      rates: r.rates,
      years: expected[i]!.map((e, t) => {
        const sorted = counts[i]![t]!.slice().sort();
        return {
          schoolYear: y0 + t,
          expected: e,
          low: quantile(sorted, 0.1),
          high: quantile(sorted, 0.9),
          chain: chainOf(r.role.id, t),
        };
      }),
    })),
    seats: seatOut,
  };
}

/** One role and school year of a backtest: the forecast made on July 1 from what was known then, and what happened. */
export interface BacktestRow extends RoleYear {
  roleId: string;
  seats: number;
  actual: number;
}

export interface BacktestInput {
  roles: { id: string; title: string }[];
  tenures: Tenure[];
  eligibleYearOf: (educatorId: string | null) => number | null;
  historyFromYear: number;
  /** The last school year to test (a complete one). */
  toYear: number;
  simulations?: number;
}

/**
 * Replays the history: for each school year from the first one of the history, the seats on July 1 (a seat whose
 * last tenure was vacated before then is vacant), the tenures as known then, and a one-year forecast, against the
 * seats of each role that opened during the year. Departures hr typed are not kept over time, so none are used.
 */
export function backtest(input: BacktestInput): BacktestRow[] {
  const rows: BacktestRow[] = [];
  const bySeat = new Map<string, Tenure[]>();
  for (const t of input.tenures) bySeat.set(t.seatId, [...(bySeat.get(t.seatId) ?? []), t]);
  for (const list of bySeat.values()) list.sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  for (let y = input.historyFromYear; y <= input.toYear; y++) {
    const day = firstDay(y);
    const known = input.tenures
      .filter((t) => t.startedOn < day)
      .map((t) => (t.endedOn !== null && t.endedOn >= day ? { ...t, endedOn: null } : t));
    const seats: Seat[] = [];
    for (const [seatId, list] of bySeat) {
      // Only what was known on the day: the tenure held then, else the last one before it, vacated (the
      // seat stood empty) or ended with the seat's removal (the seat was gone).
      const holding = list.find((t) => t.startedOn <= day && (t.endedOn === null || t.endedOn >= day));
      const before = list.filter((t) => t.startedOn < day).at(-1);
      if (holding || before?.vacated) {
        seats.push({
          seatId,
          roleId: (holding ?? before)!.roleId,
          tenureStartedOn: holding ? holding.startedOn : null,
          eligibleYear: holding ? input.eligibleYearOf(holding.educatorId) : null,
          knownDepartureOn: null,
        });
      }
    }
    const f = forecast({
      asOf: day,
      horizon: 1,
      roles: input.roles,
      seats,
      tenures: known,
      eligibleYearOf: input.eligibleYearOf,
      historyFromYear: input.historyFromYear,
      fills: fillsOf(known, firstDay(input.historyFromYear)),
      simulations: input.simulations,
    });
    for (const r of f.roles) {
      const opened = new Set(
        seats
          .filter((s) => s.roleId === r.roleId)
          .filter((s) =>
            bySeat
              .get(s.seatId)!
              .some((t) => t.vacated && t.endedOn !== null && t.endedOn >= day && t.endedOn <= lastDay(y)),
          )
          .map((s) => s.seatId),
      );
      if (r.seats > 0) rows.push({ roleId: r.roleId, seats: r.seats, ...r.years[0]!, actual: opened.size });
    }
  }
  return rows;
}

/**
 * Each tenure begun on or after `since` (before it, the history does not say where people came from), with the
 * role of another role's seat its person left (vacated) within `CHAIN_DAYS` of its start.
 */
export function fillsOf(tenures: Tenure[], since: string): Fill[] {
  const byPerson = new Map<string, Tenure[]>();
  for (const t of tenures) if (t.educatorId) byPerson.set(t.educatorId, [...(byPerson.get(t.educatorId) ?? []), t]);
  return tenures
    .filter((t) => t.startedOn >= since)
    .map((t) => {
      const left = t.educatorId
        ? byPerson
            .get(t.educatorId)!
            .find(
              (o) =>
                o !== t &&
                o.seatId !== t.seatId &&
                o.roleId !== t.roleId &&
                o.vacated &&
                o.endedOn !== null &&
                Math.abs(dayNumber(o.endedOn) - dayNumber(t.startedOn)) <= CHAIN_DAYS,
            )
        : undefined;
      return { roleId: t.roleId, fromRoleId: left?.roleId ?? null };
    });
}

/** Mean absolute error and interval coverage of backtest rows. */
export function scoreBacktest(rows: BacktestRow[]): { mae: number; coverage: number; meanActual: number } {
  if (rows.length === 0) return { mae: 0, coverage: 0, meanActual: 0 };
  const mae = rows.reduce((s, r) => s + Math.abs(r.expected - r.actual), 0) / rows.length;
  const coverage = rows.filter((r) => r.actual >= r.low && r.actual <= r.high).length / rows.length;
  const meanActual = rows.reduce((s, r) => s + r.actual, 0) / rows.length;
  return { mae, coverage, meanActual };
}
