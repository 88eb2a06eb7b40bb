import type { DataSource } from 'typeorm';
import { ACTIVE_STAGES, EXIT_REASONS, STAGES } from '../../src/modules/candidates/stages.js';
import type { Link, ProfileNode, Rating } from '../../src/modules/competencies/profile.js';
import { computeProfile } from '../../src/modules/competencies/profile.js';
import { GENDERS, RACE_ETHNICITIES } from '../../src/modules/educators/educator.entity.js';
import { NOMINATOR_KINDS } from '../../src/modules/nominations/nomination.entity.js';
import { OPPORTUNITY_TYPES } from '../../src/modules/opportunities/opportunity.entity.js';

/**
 * The dashboard figures recomputed in plain JavaScript over the raw rows (plain SELECTs, no joins that
 * decide anything), from the definitions in docs/metrics.md.
 */

/** Calendar days (UTC) from one moment to a later one: a stay's length as the dashboard counts it. */
const calendarDays = (from: number, to: number) => Math.floor(to / 86_400_000) - Math.floor(from / 86_400_000);

export interface Raw {
  today: string;
  candidates: { id: string; educator_id: string; role_id: string; stage: string; readiness: string }[];
  educators: {
    id: string;
    school_id: string | null;
    status: string;
    years_in_education: number | null;
    gender: string | null;
    race_ethnicity: string | null;
    first_name: string;
    last_name: string;
    job_title: string;
    retirement_eligible_year: number | null;
  }[];
  roles: { id: string; title: string; level: string }[];
  schools: { id: string; name: string }[];
  transitions: {
    id: string;
    candidate_id: string;
    to_stage: string;
    exit_reason: string | null;
    created_at: Date;
  }[];
  positions: {
    role_id: string;
    school_id: string | null;
    status: string;
    projected: string | null;
    incumbent_educator_id: string | null;
  }[];
  nominations: {
    educator_id: string;
    target_role_id: string;
    nominator_kind: string;
    status: string;
    created_at: Date;
  }[];
  evidence: (Rating & { candidateId: string })[];
  nodes: (ProfileNode & { code: string; title: string; short_name: string; position: number })[];
  links: Link[];
  targets: { role_id: string; competency_id: string; target_level: number }[];
  opportunities: {
    id: string;
    type: string;
    level: string;
    seats: number;
    seats_taken: number;
    starts_on: string | null;
    created_on: string;
  }[];
  oppComps: { opportunity_id: string; competency_id: string }[];
  assignments: { opportunity_id: string; candidate_id: string; status: string; hours_logged: string }[];
}

export async function loadRaw(db: DataSource, d: string): Promise<Raw> {
  const q = <T>(sql: string, params: unknown[] = [d]) => db.query(sql, params) as Promise<T>;
  return {
    today: ((await q(`SELECT to_char(current_date, 'YYYY-MM-DD') AS t`, [])) as { t: string }[])[0]!.t,
    candidates: await q(`SELECT id, educator_id, role_id, stage, readiness FROM candidates WHERE district_id = $1`),
    educators: await q(
      `SELECT id, school_id, status, years_in_education, gender, race_ethnicity, first_name, last_name, job_title,
              retirement_eligible_year FROM educators WHERE district_id = $1`,
    ),
    roles: await q(`SELECT id, title, level FROM leadership_roles WHERE district_id = $1`),
    schools: await q(`SELECT id, name FROM schools WHERE district_id = $1`),
    transitions: await q(
      `SELECT id, candidate_id, to_stage, exit_reason, created_at FROM stage_transitions WHERE district_id = $1`,
    ),
    positions: await q(
      `SELECT role_id, school_id, status, to_char(projected_vacancy_on, 'YYYY-MM-DD') AS projected, incumbent_educator_id
         FROM positions WHERE district_id = $1`,
    ),
    nominations: await q(
      `SELECT educator_id, target_role_id, nominator_kind, status, created_at FROM nominations WHERE district_id = $1`,
    ),
    evidence: await q(
      `SELECT id, candidate_id AS "candidateId", competency_id AS "competencyId", level,
              to_char(observed_on, 'YYYY-MM-DD') AS "observedOn", source FROM evidence WHERE district_id = $1`,
    ),
    nodes: await q(
      `SELECT c.id, c.parent_id AS "parentId", jsonb_array_length(f.rubric) AS scale, c.code, c.title,
              f.short_name, c.position
         FROM competencies c, competency_frameworks f
        WHERE f.id = c.framework_id AND (f.district_id IS NULL OR f.district_id = $1)`,
    ),
    links: await q(
      `SELECT from_id AS "fromId", to_id AS "toId", kind FROM crosswalk_links WHERE district_id IS NULL OR district_id = $1`,
    ),
    targets: await q(`SELECT role_id, competency_id, target_level FROM role_targets`, []),
    opportunities: await q(
      `SELECT id, type, level, seats, seats_taken, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS created_on
         FROM development_opportunities WHERE district_id = $1`,
    ),
    oppComps: await q(`SELECT opportunity_id, competency_id FROM opportunity_competencies`, []),
    assignments: await q(
      `SELECT opportunity_id, candidate_id, status, hours_logged FROM assignments WHERE district_id = $1`,
    ),
  };
}

export interface Filters {
  level?: string;
  schoolId?: string;
  roleId?: string;
  schoolYear?: string;
}

/** Who asks: hr, superintendent and coordinator see the district; a principal their schools. */
export interface Viewer {
  role: 'hr' | 'superintendent' | 'coordinator' | 'principal';
  schoolIds?: string[];
}

/**
 * ±num/den to d places, half away from zero, as an exact fraction: floor((2·num·10^d + den) ÷ 2·den).
 * Written apart from metric-math on purpose; its unit test holds both to PostgreSQL's round(numeric).
 */
function roundFraction(negative: boolean, num: bigint, den: bigint, d: number): number {
  const q = (2n * num * 10n ** BigInt(d) + den) / (2n * den);
  if (q === 0n) return 0;
  return (negative ? -1 : 1) * Number(`${q}e-${d}`);
}

/** round(v::numeric, d) in PostgreSQL: v as the 15 significant digits the cast keeps, then half away from zero. */
function roundHalfAway(v: number, d: number): number {
  const [coefficient, exponent = '0'] = Math.abs(v).toPrecision(15).split('e') as [string, string?];
  const [whole, fraction = ''] = coefficient.split('.') as [string, string?];
  const power = Number(exponent) - fraction.length; // |v| = digits × 10^power
  const digits = BigInt(whole + fraction);
  return power >= 0
    ? roundFraction(v < 0, digits * 10n ** BigInt(power), 1n, d)
    : roundFraction(v < 0, digits, 10n ** BigInt(-power), d);
}

const r1 = (v: number) => roundHalfAway(v, 1);
/** Counts and integer sums: the exact fraction a/b. */
const ratio = (a: number, b: number) =>
  b === 0 ? null : roundFraction(a < 0 !== b < 0, BigInt(Math.abs(a)), BigInt(Math.abs(b)), 3);
const mean2 = (sum: number, n: number) =>
  n === 0 ? null : roundFraction(sum < 0 !== n < 0, BigInt(Math.abs(sum)), BigInt(Math.abs(n)), 2);

/** The recount's rounding, for the unit test that holds it to the same rule as metric-math. */
export const bruteForceRounding = { round: roundHalfAway, ratio, mean: mean2 };

function period(f: Filters) {
  if (!f.schoolYear) return null;
  const y = Number(f.schoolYear.slice(0, 4));
  return {
    from: Date.UTC(y, 6, 1),
    to: Date.UTC(y + 1, 6, 1),
    firstDay: `${y}-07-01`,
    lastDay: `${y + 1}-06-30`,
    dto: { schoolYear: f.schoolYear, firstDay: `${y}-07-01`, lastDay: `${y + 1}-06-30` },
  };
}
const periodDto = (f: Filters) => period(f)?.dto ?? { schoolYear: null, firstDay: null, lastDay: null };

/** percentile_cont: linear interpolation between the closest ranks. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export class BruteForce {
  private readonly educator: Map<string, Raw['educators'][number]>;
  private readonly role: Map<string, Raw['roles'][number]>;

  constructor(private readonly raw: Raw) {
    this.educator = new Map(raw.educators.map((e) => [e.id, e]));
    this.role = new Map(raw.roles.map((r) => [r.id, r]));
  }

  private schoolVisible(schoolId: string | null, v: Viewer, f: Filters): boolean {
    if (v.role === 'principal' && (schoolId === null || !v.schoolIds!.includes(schoolId))) return false;
    return !f.schoolId || schoolId === f.schoolId;
  }

  private roleMatches(roleId: string, f: Filters): boolean {
    return (!f.level || this.role.get(roleId)!.level === f.level) && (!f.roleId || roleId === f.roleId);
  }

  candidates(v: Viewer, f: Filters) {
    return this.raw.candidates.filter(
      (c) => this.schoolVisible(this.educator.get(c.educator_id)!.school_id, v, f) && this.roleMatches(c.role_id, f),
    );
  }

  private transitionsOf(ids: Set<string>) {
    return this.raw.transitions.filter((t) => ids.has(t.candidate_id));
  }

  private inPeriod(at: Date, f: Filters): boolean {
    const p = period(f);
    return !p || (at.getTime() >= p.from && at.getTime() < p.to);
  }

  funnel(v: Viewer, f: Filters) {
    const cands = this.candidates(v, f);
    const ids = new Set(cands.map((c) => c.id));
    const moves = this.transitionsOf(ids).filter((t) => this.inPeriod(t.created_at, f));
    const entered = (s: string) => new Set(moves.filter((m) => m.to_stage === s).map((m) => m.candidate_id)).size;
    const current = (s: string) => cands.filter((c) => c.stage === s).length;
    return {
      period: periodDto(f),
      stages: STAGES.map((stage) => ({ stage, current: current(stage), entered: entered(stage) })),
      activeTotal: cands.filter((c) => (ACTIVE_STAGES as readonly string[]).includes(c.stage)).length,
      conversions: ACTIVE_STAGES.slice(0, -1).map((from, i) => ({
        from,
        to: ACTIVE_STAGES[i + 1],
        rate: ratio(entered(ACTIVE_STAGES[i + 1]!), entered(from)),
      })),
      exits: EXIT_REASONS.map((reason) => ({
        reason,
        count: new Set(
          moves
            .filter((m) => m.to_stage === 'exited' && (m.exit_reason ?? 'other') === reason)
            .map((m) => m.candidate_id),
        ).size,
      })),
    };
  }

  timeInStage(v: Viewer, f: Filters, asOf: Date) {
    const ids = new Set(this.candidates(v, f).map((c) => c.id));
    const byCandidate = new Map<string, Raw['transitions']>();
    for (const t of this.transitionsOf(ids))
      byCandidate.set(t.candidate_id, [...(byCandidate.get(t.candidate_id) ?? []), t]);
    const done = new Map<string, number[]>();
    const open = new Map<string, number[]>();
    const p = period(f);
    for (const rows of byCandidate.values()) {
      rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1));
      const before = rows.filter((r) => r.created_at.getTime() < asOf.getTime());
      for (let i = 1; i < before.length; i++) {
        const prev = before[i - 1]!;
        const end = before[i]!.created_at.getTime();
        if (prev.to_stage === 'exited' || (p && end < p.from)) continue;
        const list = done.get(prev.to_stage) ?? [];
        list.push(calendarDays(prev.created_at.getTime(), end));
        done.set(prev.to_stage, list);
      }
      const last = before[before.length - 1];
      if (last && last.to_stage !== 'exited') {
        const list = open.get(last.to_stage) ?? [];
        list.push(calendarDays(last.created_at.getTime(), asOf.getTime()));
        open.set(last.to_stage, list);
      }
    }
    const rnd = (x: number | null) => (x === null ? null : r1(x));
    return {
      period: periodDto(f),
      asOf: asOf.toISOString(),
      stages: [...ACTIVE_STAGES, 'paused'].map((stage) => {
        const d = done.get(stage) ?? [];
        const o = open.get(stage) ?? [];
        const p75 = percentile(d, 0.75);
        return {
          stage,
          completed: { count: d.length, medianDays: rnd(percentile(d, 0.5)), p75Days: rnd(p75) },
          open: {
            count: o.length,
            medianAgeDays: rnd(percentile(o, 0.5)),
            stalled: p75 === null ? null : o.filter((a) => a > p75).length,
          },
        };
      }),
    };
  }

  /**
   * July 1 of the retirement year stands for a seat without a projected date, for hr and the superintendent;
   * others count known departures only.
   */
  private opensOn(p: Raw['positions'][number], v: Viewer): string | null {
    if (p.status === 'vacant') return null;
    if (p.projected) return p.projected;
    if (v.role !== 'hr' && v.role !== 'superintendent') return null;
    const year = p.incumbent_educator_id ? this.educator.get(p.incumbent_educator_id)?.retirement_eligible_year : null;
    return year ? `${year}-07-01` : null;
  }

  private addMonths(day: string, months: number): string {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const first = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
      .toISOString()
      .slice(0, 10);
  }

  bench(v: Viewer, f: Filters) {
    const p = period(f);
    const roles = this.raw.roles
      .filter((r) => this.roleMatches(r.id, f))
      .sort(
        (a, b) =>
          ['classroom', 'school', 'district'].indexOf(a.level) - ['classroom', 'school', 'district'].indexOf(b.level) ||
          (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
          (a.id < b.id ? -1 : 1),
      );
    const benchStages = ['identified', 'engaged', 'developing', 'ready'];
    const cands = this.candidates(v, f).filter((c) => benchStages.includes(c.stage));
    const rows = roles.map((r) => {
      const seats = this.raw.positions.filter((s) => s.role_id === r.id && this.schoolVisible(s.school_id, v, f));
      const within = (months: number) => {
        const limit = this.addMonths(this.raw.today, months);
        return seats.filter((s) => (this.opensOn(s, v) ?? '9999') <= limit).length;
      };
      const band = (b: string) => cands.filter((c) => c.role_id === r.id && c.readiness === b).length;
      const figures = {
        positions: seats.length,
        vacantNow: seats.filter((s) => s.status === 'vacant').length,
        opening12Months: within(12),
        opening24Months: within(24),
        opening36Months: within(36),
        openingInSchoolYear: p
          ? seats.filter((s) => {
              const o = this.opensOn(s, v);
              return o !== null && o >= p.firstDay && o <= p.lastDay;
            }).length
          : null,
        candidates: {
          readyNow: band('ready_now'),
          ready1To2Years: band('ready_1_2_years'),
          ready3PlusYears: band('ready_3_plus_years'),
          notAssessed: band('not_assessed'),
        },
      };
      return { roleId: r.id, title: r.title, level: r.level, ...figures };
    });
    const sum = (pick: (x: (typeof rows)[number]) => number) => rows.reduce((s, x) => s + pick(x), 0);
    const totals = {
      positions: sum((x) => x.positions),
      vacantNow: sum((x) => x.vacantNow),
      opening12Months: sum((x) => x.opening12Months),
      opening24Months: sum((x) => x.opening24Months),
      opening36Months: sum((x) => x.opening36Months),
      openingInSchoolYear: p ? sum((x) => x.openingInSchoolYear ?? 0) : null,
      candidates: {
        readyNow: sum((x) => x.candidates.readyNow),
        ready1To2Years: sum((x) => x.candidates.ready1To2Years),
        ready3PlusYears: sum((x) => x.candidates.ready3PlusYears),
        notAssessed: sum((x) => x.candidates.notAssessed),
      },
    };
    const withCoverage = <T extends typeof totals>(x: T) => ({
      ...x,
      coverage: ratio(x.candidates.readyNow, x.vacantNow + x.opening12Months),
    });
    const full = rows.map((x) => ({
      ...withCoverage(x),
      atRisk: x.vacantNow + x.opening12Months > 0 && x.candidates.readyNow === 0,
    }));
    return {
      period: periodDto(f),
      asOf: this.raw.today,
      roles: full,
      totals: withCoverage(totals),
      rolesAtRisk: full.filter((x) => x.atRisk).map((x) => x.roleId),
    };
  }

  competencies(v: Viewer, f: Filters) {
    const p = period(f);
    const nodes = new Map(this.raw.nodes.map((n) => [n.id, n]));
    const cands = this.candidates(v, f).filter((c) => (ACTIVE_STAGES as readonly string[]).includes(c.stage));
    const roleTargets = (roleId: string) => this.raw.targets.filter((t) => t.role_id === roleId);
    const targeted = new Set(
      this.raw.targets
        .filter((t) => this.role.has(t.role_id) && this.roleMatches(t.role_id, f))
        .map((t) => t.competency_id),
    );
    type Acc = {
      candidates: number;
      rated: number;
      levelSum: number;
      targetSum: number;
      gapSum: number;
      meeting: number;
    };
    const acc = new Map<string, Acc>();
    const add = (key: string, target: number, current: number | null) => {
      const a = acc.get(key) ?? { candidates: 0, rated: 0, levelSum: 0, targetSum: 0, gapSum: 0, meeting: 0 };
      a.candidates++;
      a.targetSum += target;
      if (current !== null) {
        a.rated++;
        a.levelSum += current;
        a.gapSum += target - current;
        if (current >= target) a.meeting++;
      }
      acc.set(key, a);
    };
    for (const c of cands) {
      const ratings = this.raw.evidence.filter((e) => e.candidateId === c.id && (!p || e.observedOn <= p.lastDay));
      const targets = roleTargets(c.role_id);
      const profile = computeProfile(
        targets.map((t) => t.competency_id),
        nodes,
        ratings,
        this.raw.links,
      );
      for (const t of targets) {
        const current = profile.get(t.competency_id)!.currentLevel;
        add(`${t.competency_id}|${this.role.get(c.role_id)!.level}|${c.stage}`, t.target_level, current);
        add(t.competency_id, t.target_level, current);
      }
    }
    const heat = (a: Acc) => ({
      candidates: a.candidates,
      rated: a.rated,
      averageLevel: mean2(a.levelSum, a.rated),
      averageTarget: mean2(a.targetSum, a.candidates),
      averageGap: mean2(a.gapSum, a.rated),
      meetingTarget: a.meeting,
    });
    const none = heat({ candidates: 0, rated: 0, levelSum: 0, targetSum: 0, gapSum: 0, meeting: 0 });
    const comps = this.raw.nodes
      .filter((n) => targeted.has(n.id))
      .sort((a, b) => (a.short_name < b.short_name ? -1 : a.short_name > b.short_name ? 1 : a.position - b.position));
    return {
      period: periodDto(f),
      competencies: comps.map((n) => ({
        competencyId: n.id,
        code: n.code,
        title: n.title,
        frameworkShortName: n.short_name,
        scale: n.scale,
        overall: acc.has(n.id) ? heat(acc.get(n.id)!) : none,
      })),
      cells: [...acc.entries()]
        .filter(([k]) => k.includes('|'))
        .map(([k, a]) => {
          const [competencyId, level, stage] = k.split('|') as [string, string, string];
          return { competencyId, level, stage, ...heat(a) };
        })
        .sort(
          (a, b) =>
            comps.findIndex((n) => n.id === a.competencyId) - comps.findIndex((n) => n.id === b.competencyId) ||
            ['classroom', 'school', 'district'].indexOf(a.level) -
              ['classroom', 'school', 'district'].indexOf(b.level) ||
            (ACTIVE_STAGES as readonly string[]).indexOf(a.stage) -
              (ACTIVE_STAGES as readonly string[]).indexOf(b.stage),
        ),
    };
  }

  nominations(v: Viewer, f: Filters) {
    const p = period(f);
    const noms = this.raw.nominations.filter(
      (n) =>
        this.schoolVisible(this.educator.get(n.educator_id)!.school_id, v, f) && this.roleMatches(n.target_role_id, f),
    );
    const inPeriod = noms.filter((n) => this.inPeriod(n.created_at, f));
    const eligible = this.raw.educators.filter(
      (e) =>
        e.status === 'active' &&
        e.years_in_education !== null &&
        e.years_in_education >= 3 &&
        this.schoolVisible(e.school_id, v, f),
    );
    const touched = new Set([
      ...this.raw.nominations.filter((n) => this.roleMatches(n.target_role_id, f)).map((n) => n.educator_id),
      ...this.raw.candidates.filter((c) => this.roleMatches(c.role_id, f)).map((c) => c.educator_id),
    ]);
    const never = eligible.filter((e) => !touched.has(e.id));
    const yearAgo = new Date();
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const places: { id: string | null; name: string | null }[] = this.raw.schools
      .filter((s) => this.schoolVisible(s.id, v, f))
      .map((s) => ({ id: s.id, name: s.name }));
    places.sort((a, b) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : a.id! < b.id! ? -1 : 1));
    if (v.role !== 'principal' && !f.schoolId) places.push({ id: null, name: null });
    const schoolOf = (educatorId: string) => this.educator.get(educatorId)!.school_id;
    const bySchool = places.map((s) => {
      const mine = noms.filter((n) => schoolOf(n.educator_id) === s.id);
      const last = mine.reduce<Date | null>((m, n) => (!m || n.created_at > m ? n.created_at : m), null);
      return {
        schoolId: s.id,
        schoolName: s.name,
        nominations: inPeriod.filter((n) => schoolOf(n.educator_id) === s.id).length,
        approved: inPeriod.filter((n) => schoolOf(n.educator_id) === s.id && n.status === 'approved').length,
        lastNominatedAt: last ? last.toISOString() : null,
        nominatedLast12Months: !!last && last >= yearAgo,
        eligibleEducators: eligible.filter((e) => e.school_id === s.id).length,
        eligibleNeverNominated: never.filter((e) => e.school_id === s.id).length,
      };
    });
    const schoolName = new Map(this.raw.schools.map((s) => [s.id, s.name]));
    const list = [...never]
      .sort((a, b) => {
        const sa = a.school_id ? schoolName.get(a.school_id)! : '\uffff';
        const sb = b.school_id ? schoolName.get(b.school_id)! : '\uffff';
        return sa < sb
          ? -1
          : sa > sb
            ? 1
            : a.last_name < b.last_name
              ? -1
              : a.last_name > b.last_name
                ? 1
                : a.first_name < b.first_name
                  ? -1
                  : a.first_name > b.first_name
                    ? 1
                    : a.id < b.id
                      ? -1
                      : 1;
      })
      .slice(0, 1000)
      .map((e) => ({
        educatorId: e.id,
        firstName: e.first_name,
        lastName: e.last_name,
        schoolId: e.school_id,
        schoolName: e.school_id ? schoolName.get(e.school_id)! : null,
        jobTitle: e.job_title,
        yearsInEducation: e.years_in_education,
      }));
    const count = (kind: string, status?: string) =>
      inPeriod.filter((n) => n.nominator_kind === kind && (!status || n.status === status)).length;
    return {
      period: p?.dto ?? periodDto(f),
      byKind: NOMINATOR_KINDS.map((kind) => ({
        kind,
        total: count(kind),
        submitted: count(kind, 'submitted'),
        approved: count(kind, 'approved'),
        declined: count(kind, 'declined'),
        withdrawn: count(kind, 'withdrawn'),
      })),
      bySchool,
      schoolsWithoutRecentNomination: bySchool
        .filter((s) => s.schoolId && !s.nominatedLast12Months)
        .map((s) => s.schoolId),
      eligibleNeverNominated: {
        total: never.length,
        educators: v.role === 'hr' ? list : null,
        truncated: v.role === 'hr' && never.length > 1000,
      },
    };
  }

  /** True counts of distinct people: [group][column]. */
  equityCounts(v: Viewer, f: Filters, dimension: 'gender' | 'raceEthnicity') {
    const groups = [...(dimension === 'gender' ? GENDERS : RACE_ETHNICITIES), 'not_recorded'];
    const groupOf = (educatorId: string) => {
      const e = this.educator.get(educatorId)!;
      return (dimension === 'gender' ? e.gender : e.race_ethnicity) ?? 'not_recorded';
    };
    const cands = this.candidates(v, f);
    const byId = new Map(cands.map((c) => [c.id, c]));
    const members = (ids: Iterable<string>, g: string) => [...new Set([...ids].filter((id) => groupOf(id) === g))];
    const people = (ids: Iterable<string>, g: string) => members(ids, g).length;
    const eligible = this.raw.educators
      .filter(
        (e) => e.status === 'active' && (e.years_in_education ?? -1) >= 3 && this.schoolVisible(e.school_id, v, f),
      )
      .map((e) => e.id);
    const nominated = this.raw.nominations
      .filter(
        (n) =>
          this.schoolVisible(this.educator.get(n.educator_id)!.school_id, v, f) &&
          this.roleMatches(n.target_role_id, f) &&
          this.inPeriod(n.created_at, f),
      )
      .map((n) => n.educator_id);
    const inStage = (s: string) => cands.filter((c) => c.stage === s).map((c) => c.educator_id);
    const enteredStage = (s: string) =>
      this.raw.transitions
        .filter((t) => byId.has(t.candidate_id) && t.to_stage === s && this.inPeriod(t.created_at, f))
        .map((t) => byId.get(t.candidate_id)!.educator_id);
    return {
      groups,
      representation: groups.map((g) => [
        people(eligible, g),
        people(nominated, g),
        ...ACTIVE_STAGES.map((s) => people(inStage(s), g)),
      ]),
      entered: groups.map((g) => ACTIVE_STAGES.map((s) => people(enteredStage(s), g))),
      /** The people of each cell (educator ids), in the same layout. */
      members: {
        representation: groups.map((g) => [
          members(eligible, g),
          members(nominated, g),
          ...ACTIVE_STAGES.map((s) => members(inStage(s), g)),
        ]),
        entered: groups.map((g) => ACTIVE_STAGES.map((s) => members(enteredStage(s), g))),
      },
    };
  }

  opportunities(v: Viewer, f: Filters) {
    const p = period(f);
    const candidate = new Map(this.raw.candidates.map((c) => [c.id, c]));
    const opps = this.raw.opportunities.filter((o) => {
      if (f.level && o.level !== f.level) return false;
      const day = o.starts_on ?? o.created_on;
      return !p || (day >= p.firstDay && day <= p.lastDay);
    });
    const mine = this.raw.assignments.filter((a) => {
      const c = candidate.get(a.candidate_id)!;
      return (
        this.schoolVisible(this.educator.get(c.educator_id)!.school_id, v, f) && (!f.roleId || c.role_id === f.roleId)
      );
    });
    const figures = (list: typeof opps) => {
      const ids = new Set(list.map((o) => o.id));
      const as = mine.filter((a) => ids.has(a.opportunity_id));
      const seats = list.reduce((s, o) => s + o.seats, 0);
      const taken = list.reduce((s, o) => s + o.seats_taken, 0);
      return {
        opportunities: list.length,
        seats,
        seatsTaken: taken,
        seatsOpen: seats - taken,
        seatsFilled: as.filter((a) => a.status !== 'withdrawn').length,
        completions: as.filter((a) => a.status === 'completed').length,
        hoursLogged: r1(as.reduce((s, a) => s + Number(a.hours_logged), 0)),
      };
    };
    const nodes = new Map(this.raw.nodes.map((n) => [n.id, n]));
    const compIds = [
      ...new Set(
        this.raw.oppComps.filter((oc) => opps.some((o) => o.id === oc.opportunity_id)).map((oc) => oc.competency_id),
      ),
    ];
    return {
      period: periodDto(f),
      totals: figures(opps),
      byType: OPPORTUNITY_TYPES.map((type) => ({ type, ...figures(opps.filter((o) => o.type === type)) })),
      byCompetency: compIds
        .map((id) => nodes.get(id)!)
        .sort((a, b) => (a.short_name < b.short_name ? -1 : a.short_name > b.short_name ? 1 : a.position - b.position))
        .map((n) => ({
          competencyId: n.id,
          code: n.code,
          title: n.title,
          frameworkShortName: n.short_name,
          ...figures(
            opps.filter((o) => this.raw.oppComps.some((oc) => oc.opportunity_id === o.id && oc.competency_id === n.id)),
          ),
        })),
    };
  }
}
