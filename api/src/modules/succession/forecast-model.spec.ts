import { describe, expect, it } from '@jest/globals';
import { simulateSeatHistory } from '../../testing/seat-history.js';
import {
  backtest,
  DEFAULT_PENSION_RULES,
  eligibleSchoolYear,
  estimate,
  forecast,
  projectSeat,
  remainingShare,
  scoreBacktest,
  type SeatState,
} from './forecast-model.js';

describe('eligibleSchoolYear', () => {
  it('finds the first school year at whose end a rule holds', () => {
    // Born 1962, started 1990-08-15: 55 in 2017 with 27 years (82); the rule of 85 first holds at the end of
    // 2018-19 (age 57, 28 full years by 2019-06-30: 85).
    expect(eligibleSchoolYear(1962, '1990-08-15', DEFAULT_PENSION_RULES)).toBe(2018);
    // Started late: age 65 with 5 years comes first (end of 2026-27: 65 and 5 full years since 2022-06-01).
    expect(eligibleSchoolYear(1962, '2022-06-01', DEFAULT_PENSION_RULES)).toBe(2026);
    expect(eligibleSchoolYear(1962, '2022-06-01', [{ minYears: 30 }])).toBe(2051);
    expect(eligibleSchoolYear(1962, '2022-06-01', [{ minAge: 70, minYears: 80 }])).toBeNull();
  });
});

describe('estimate', () => {
  it('starts at the base rate and moves to the district’s own rate as its history grows', () => {
    expect(estimate(0.17, undefined).rate).toBeCloseTo(0.17, 10);
    expect(estimate(0.17, { events: 2, exposure: 10 }).rate).toBeCloseTo((1.7 + 2) / 20, 10);
    expect(estimate(0.17, { events: 500, exposure: 1000 }).rate).toBeCloseTo(0.495, 2);
  });
});

describe('projectSeat', () => {
  const rates = { new: 0.3, settled: 0.1, eligible: 0.5 };
  it('opens a vacant seat’s successor, and a known departure in its year', () => {
    const known = projectSeat(
      { seatId: 's', roleId: 'r', tenureStartedOn: '2010-08-01', eligibleYear: null, knownDepartureOn: '2028-03-01' },
      rates,
      '2026-07-01',
      3,
    );
    // 2028-03-01 falls in 2027-28, the second school year; a new successor may leave in the third.
    expect(known.gone).toEqual([0, 1, 1]);
    expect(known.openings).toEqual([0, 1, 0.3]);
    const vacant = projectSeat(
      { seatId: 's', roleId: 'r', tenureStartedOn: null, eligibleYear: null, knownDepartureOn: null },
      rates,
      '2026-07-01',
      3,
    );
    // The successor is new for two years, then settled.
    expect(vacant.openings[0]).toBeCloseTo(0.3, 10);
    expect(vacant.openings[1]).toBeCloseTo(0.3 * 0.3 + 0.7 * 0.3, 10);
    expect(vacant.gone).toEqual([1, 1, 1]);
  });

  it('prorates the school year already gone', () => {
    expect(remainingShare('2026-07-01')).toBe(1);
    expect(remainingShare('2027-01-01')).toBeCloseTo(181 / 365, 10);
    const half = projectSeat(
      { seatId: 's', roleId: 'r', tenureStartedOn: '2010-08-01', eligibleYear: 2026, knownDepartureOn: null },
      rates,
      '2027-01-01',
      1,
    );
    expect(half.gone[0]).toBeCloseTo(1 - Math.pow(0.5, 181 / 365), 10);
  });
});

describe('forecast and backtest on generated history with known rates', () => {
  const roles = [
    { id: 'principal', title: 'Principal' },
    { id: 'ap', title: 'Assistant principal' },
    { id: 'director', title: 'Director' },
    { id: 'coach', title: 'Instructional coach' },
  ];
  const size: Record<string, number> = { principal: 250, ap: 300, director: 30, coach: 120 };
  // Deliberately unlike the public base rates, so that the district's own history has to take over.
  const truth: Record<string, Record<SeatState, number>> = {
    principal: { new: 0.2, settled: 0.08, eligible: 0.35 },
    ap: { new: 0.35, settled: 0.2, eligible: 0.45 },
    director: { new: 0.15, settled: 0.1, eligible: 0.3 },
    coach: { new: 0.3, settled: 0.15, eligible: 0.4 },
  };
  const seats = roles.flatMap((r) =>
    Array.from({ length: size[r.id]! }, (_, i) => ({ seatId: `${r.id}-${i}`, roleId: r.id })),
  );
  const history = simulateSeatHistory({
    seats,
    rates: (roleId) => truth[roleId]!,
    chains: (roleId) => (roleId === 'principal' ? [{ fromRoleId: 'ap', share: 0.5 }] : []),
    rules: DEFAULT_PENSION_RULES,
    fromYear: 2019,
    toYear: 2025,
    seed: 7,
    personId: (n) => `p${n}`,
  });
  const eligible = new Map(
    history.people.map((p) => [p.id, eligibleSchoolYear(p.birthYear, p.serviceStartOn, DEFAULT_PENSION_RULES)]),
  );
  const eligibleYearOf = (id: string | null) => (id === null ? null : (eligible.get(id) ?? null));

  it('meets the issue’s targets: MAE ≤ max(2, 20 %) per role, 80 % intervals covering 70–90 %', () => {
    const rows = backtest({ roles, tenures: history.tenures, eligibleYearOf, historyFromYear: 2019, toYear: 2025 });
    expect(rows).toHaveLength(4 * 7);
    for (const r of roles) {
      const score = scoreBacktest(rows.filter((x) => x.roleId === r.id));
      expect({ role: r.id, ok: score.mae <= Math.max(2, 0.2 * score.meanActual) }).toEqual({ role: r.id, ok: true });
    }
    const { coverage } = scoreBacktest(rows);
    expect(coverage).toBeGreaterThanOrEqual(0.7);
    expect(coverage).toBeLessThanOrEqual(0.9);
  });

  it('learns the district’s rates; each year’s expected openings lie inside its 80 % interval', () => {
    const current = history.tenures
      .filter((t) => t.endedOn === null)
      .map((t) => ({
        seatId: t.seatId,
        roleId: t.roleId,
        tenureStartedOn: t.startedOn,
        eligibleYear: eligibleYearOf(t.educatorId),
        knownDepartureOn: null,
      }));
    const f = forecast({
      asOf: '2026-07-01',
      roles,
      seats: current,
      tenures: history.tenures,
      eligibleYearOf,
      historyFromYear: 2019,
      fills: [],
    });
    const rate = (role: string, state: SeatState) => f.roles.find((r) => r.roleId === role)!.rates[state];
    expect(rate('principal', 'settled').rate).toBeCloseTo(0.08, 1);
    // Assistant principals also leave when they move up into principal seats (about 0.5 × 0.1 × 250 / 300 a year).
    expect(rate('ap', 'settled').rate).toBeGreaterThan(0.2);
    for (const r of f.roles) {
      expect(r.seats).toBe(size[r.roleId]);
      for (const y of r.years)
        expect([r.roleId, y.low <= y.expected && y.expected <= y.high]).toEqual([r.roleId, true]);
    }
    // Wider further out: the successors' rates and the incumbents' add up.
    const principal = f.roles.find((r) => r.roleId === 'principal')!;
    expect(principal.years[4]!.high - principal.years[4]!.low).toBeGreaterThan(0);
  });
});
