import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Forecast, RoleYear } from './forecast-model.js';
import {
  DEFAULT_PENSION_RULES,
  eligibleSchoolYear,
  fillsOf,
  firstDay,
  forecast,
  schoolYearName,
  schoolYearOfDay,
  SEAT_STATES,
  SIMULATIONS,
} from './forecast-model.js';
import type {
  CoverageDto,
  ForecastGroupDto,
  ForecastQueryDto,
  ForecastResponseDto,
  ForecastYearDto,
} from './forecast.dto.js';
import type { ForecastInputs } from './forecast.repository.js';
import { ForecastRepository } from './forecast.repository.js';

const LEVEL_NAMES: Record<string, string> = { classroom: 'Classroom', school: 'School', district: 'District' };
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Computed {
  key: string;
  inputs: ForecastInputs;
  forecast: Forecast;
  eligible: Map<string, number | null>;
}

/** The school years whose first calendar year is the first full one of the history. */
export const historyFromYear = (since: string) =>
  schoolYearOfDay(since) + (since > firstDay(schoolYearOfDay(since)) ? 1 : 0);

/** Each person's retirement-eligible school year: by the pension rules when both dates are known. */
export function eligibleYears(inputs: ForecastInputs): Map<string, number | null> {
  const rules = inputs.district.pensionRules ?? DEFAULT_PENSION_RULES;
  return new Map(
    inputs.people.map((p) => [
      p.id,
      p.birthYear !== null && p.serviceStartOn !== null
        ? eligibleSchoolYear(p.birthYear, p.serviceStartOn, rules)
        : p.retirementEligibleYear,
    ]),
  );
}

/** Runs the model on a district's inputs as of a day. */
export function forecastOf(inputs: ForecastInputs, asOf: string, eligible: Map<string, number | null>): Forecast {
  const eligibleYearOf = (id: string | null) => (id === null ? null : (eligible.get(id) ?? null));
  const fromYear = historyFromYear(inputs.district.seatHistorySince);
  const bench = new Map<string, { candidates: number; from: Map<string, number> }>();
  for (const b of inputs.bench) {
    const entry = bench.get(b.roleId) ?? { candidates: 0, from: new Map<string, number>() };
    entry.candidates += b.n;
    if (b.fromRoleId && b.fromRoleId !== b.roleId) entry.from.set(b.fromRoleId, b.n);
    bench.set(b.roleId, entry);
  }
  const levels = [...new Set(inputs.roles.map((r) => r.level))];
  // The pools coordinators and principals see: per level, the roles with fewer seats than the threshold.
  const seatCount = (roleId: string) => inputs.positions.filter((p) => p.roleId === roleId).length;
  return forecast({
    asOf,
    roles: inputs.roles,
    seats: inputs.positions.map((p) => ({
      seatId: p.id,
      roleId: p.roleId,
      tenureStartedOn: p.incumbentEducatorId === null ? null : (p.tenureStartedOn ?? asOf),
      eligibleYear: eligibleYearOf(p.incumbentEducatorId),
      knownDepartureOn: p.incumbentEducatorId === null ? null : p.knownDepartureOn,
    })),
    tenures: inputs.tenures.filter((t) => t.startedOn <= asOf),
    eligibleYearOf,
    historyFromYear: fromYear,
    fills: fillsOf(inputs.tenures, firstDay(fromYear)),
    bench,
    pools: levels.map((level) => ({
      id: level,
      roleIds: inputs.roles
        .filter((r) => r.level === level && seatCount(r.id) < inputs.district.threshold)
        .map((r) => r.id),
    })),
  });
}

/**
 * The vacancy forecast (docs/forecast.md): computed per district and day, reused while its inputs are
 * unchanged. hr and the superintendent get every role, the rates and each seat; coordinators and principals
 * get counts only, for roles of at least the small-cell threshold's number of seats, the smaller ones pooled
 * by level.
 */
@Injectable()
export class ForecastService {
  private readonly cache = new Map<string, Computed>();

  constructor(private readonly repository: ForecastRepository) {}

  private async computed(districtId: string, asOf: string): Promise<Computed> {
    const key = `${asOf}|${await this.repository.fingerprint(districtId)}`;
    const hit = this.cache.get(districtId);
    if (hit?.key === key) return hit;
    const inputs = await this.repository.inputs(districtId);
    const eligible = eligibleYears(inputs);
    const result = { key, inputs, eligible, forecast: forecastOf(inputs, asOf, eligible) };
    this.cache.set(districtId, result);
    return result;
  }

  async forecast(auth: AuthContext, query: ForecastQueryDto, now = new Date()): Promise<ForecastResponseDto> {
    const districtId = requireDistrict(auth);
    const asOf = now.toISOString().slice(0, 10);
    const { inputs, forecast: f, eligible } = await this.computed(districtId, asOf);
    if (query.roleId !== undefined && !inputs.roles.some((r) => r.id === query.roleId))
      throw AppError.validation({ roleId: 'roleId must be a leadership role of your district' });
    const full = auth.role === 'hr' || auth.role === 'superintendent';
    const threshold = inputs.district.threshold;
    const years = (ys: RoleYear[], whole: boolean): ForecastYearDto[] =>
      ys.map((y) => ({
        schoolYear: schoolYearName(y.schoolYear),
        expected: whole ? Math.round(y.expected) : round2(y.expected),
        low: y.low,
        high: y.high,
        chainExpected: whole ? Math.round(y.chain) : round2(y.chain),
      }));
    // Ready candidates against the openings; a principal's candidates are their schools' only, so none.
    const withCoverage = auth.scope.kind === 'district';
    const readyOf = (roleIds: string[]) => {
      const count = (band: string) =>
        inputs.ready.filter((x) => roleIds.includes(x.roleId) && x.readiness === band).reduce((a, x) => a + x.n, 0);
      return { readyNow: count('ready_now'), readyIn1To2Years: count('ready_1_2_years') };
    };
    const coverage = (roleIds: string[], ys: RoleYear[], vacantNow: number): CoverageDto | null => {
      if (!withCoverage) return null;
      const ready = readyOf(roleIds);
      let through = vacantNow;
      return {
        ...ready,
        years: ys.map((y, t) => {
          // Whole numbers for those who get counts only, as the openings themselves.
          through += full ? y.expected : Math.round(y.expected);
          const readyBy = ready.readyNow + (t >= 1 ? ready.readyIn1To2Years : 0);
          return {
            schoolYear: schoolYearName(y.schoolYear),
            openingsThrough: round2(through),
            readyBy,
            coverage: through > 0 ? round2(readyBy / through) : null,
          };
        }),
      };
    };
    // Seats likelier than not to open within 2 years, by that chance; those beyond the role's ready people.
    const atRisk = new Set<string>();
    for (const role of inputs.roles) {
      const ready = readyOf([role.id]);
      f.seats
        .filter((x) => x.roleId === role.id && x.gone[1]! >= 0.5)
        .sort((a, b) => b.gone[1]! - a.gone[1]! || a.seatId.localeCompare(b.seatId))
        .forEach((x, k) => {
          if (k >= ready.readyNow + ready.readyIn1To2Years) atRisk.add(x.seatId);
        });
    }
    const roleGroups: ForecastGroupDto[] = [];
    const small = new Set<string>();
    for (const r of f.roles) {
      const role = inputs.roles.find((x) => x.id === r.roleId)!;
      if (!full && r.seats < threshold) {
        small.add(role.id);
        continue;
      }
      roleGroups.push({
        roleId: role.id,
        title: role.title,
        level: role.level,
        seats: r.seats,
        vacantNow: r.vacantNow,
        suppressed: false,
        years: years(r.years, !full),
        coverage: coverage([role.id], r.years, r.vacantNow),
        ...(full
          ? {
              rates: SEAT_STATES.map((state) => ({
                state,
                prior: round2(r.rates[state].prior),
                exposure: r.rates[state].exposure,
                events: r.rates[state].events,
                rate: Math.round(r.rates[state].rate * 1000) / 1000,
              })),
              baseRateSource: r.base.source,
            }
          : {}),
      });
      if (full && roleGroups.at(-1)!.coverage)
        roleGroups.at(-1)!.coverage!.seatsAtRisk = f.seats.filter(
          (x) => x.roleId === role.id && atRisk.has(x.seatId),
        ).length;
    }
    // The small roles of each level, together; the pool's own figures come from the same simulations.
    const pooled: ForecastGroupDto[] = [];
    if (!full) {
      for (const level of ['classroom', 'school', 'district']) {
        const members = inputs.roles.filter((r) => r.level === level && small.has(r.id));
        if (members.length === 0) continue;
        const seats = f.roles.filter((r) => members.some((m) => m.id === r.roleId));
        const total = seats.reduce((s, r) => s + r.seats, 0);
        const pre = f.pools.find((p) => p.id === level);
        pooled.push({
          roleId: null,
          title: `${LEVEL_NAMES[level]}-level roles with fewer than ${threshold} seats`,
          level,
          seats: total,
          vacantNow: total < threshold ? 0 : seats.reduce((s, r) => s + r.vacantNow, 0),
          suppressed: total < threshold,
          years: total < threshold || !pre ? null : years(pre.years, true),
          coverage:
            total < threshold || !pre
              ? null
              : coverage(
                  members.map((m) => m.id),
                  pre.years,
                  pre.vacantNow,
                ),
        });
      }
    }
    let groups = [...roleGroups, ...pooled];
    if (query.roleId !== undefined) {
      const level = inputs.roles.find((r) => r.id === query.roleId)!.level;
      groups = groups.filter(
        (g) => g.roleId === query.roleId || (small.has(query.roleId!) && g.roleId === null && g.level === level),
      );
    }
    const bySeat = new Map(f.seats.map((x) => [x.seatId, x]));
    const seats = full
      ? inputs.positions
          .filter((p) => query.roleId === undefined || p.roleId === query.roleId)
          .map((p) => {
            const s = bySeat.get(p.id)!;
            return {
              positionId: p.id,
              title: p.title,
              roleId: p.roleId,
              schoolId: p.schoolId,
              schoolName: p.schoolName,
              incumbentEducatorId: p.incumbentEducatorId,
              incumbentName: p.incumbentName,
              tenureStartedOn: p.incumbentEducatorId === null ? null : p.tenureStartedOn,
              retirementEligibleYear:
                p.incumbentEducatorId === null ? null : (eligible.get(p.incumbentEducatorId) ?? null),
              knownDepartureOn: p.incumbentEducatorId === null ? null : p.knownDepartureOn,
              within1: round2(s.gone[0]!),
              within2: round2(s.gone[1]!),
              within3: round2(s.gone[2]!),
              within5: round2(s.gone[4]!),
              atRisk: atRisk.has(p.id),
            };
          })
      : null;
    return {
      asOf,
      schoolYears: f.schoolYears.map(schoolYearName),
      historySince: inputs.district.seatHistorySince,
      simulations: SIMULATIONS,
      groups,
      seats,
    };
  }
}
