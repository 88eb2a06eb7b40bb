import { DAYS_SQL } from '@emerge/migrations';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seesRetirementData } from '../educators/educator-mapper.js';
import { BENCH_STAGES, KNOWN_OPENING_SQL, OPENING_SQL } from '../positions/position.dto.js';
import type { MetricContext } from './metric-sql.js';
import { MetricQuery, sqlList } from './metric-sql.js';

export interface FunnelRow {
  snapshot: Record<string, number>;
  entered: Record<string, number>;
  exits: Record<string, number>;
}

/** Stays of one stage, open or completed, that lasted (or have lasted so far) `days` calendar days. */
export interface StayCount {
  stage: string;
  open: boolean;
  days: number;
  n: number;
}

export interface BenchRow {
  roleId: string;
  title: string;
  level: string;
  positions: number;
  vacant: number;
  o12: number;
  o24: number;
  o36: number;
  inYear: number | null;
  readyNow: number;
  ready12: number;
  ready3: number;
  notAssessed: number;
  today: string;
}

/** Funnel, time in stage and bench: one statement each, over the candidates, transitions and positions tables. */
@Injectable()
export class PipelineMetricsRepository {
  constructor(private readonly db: DataSource) {}

  funnel(ctx: MetricContext): Promise<FunnelRow> {
    const q = new MetricQuery(this.db, ctx);
    const sc = q.candidates(['c.id AS id', 'c.stage AS stage']);
    const inPeriod = ctx.period
      ? ` AND t.created_at >= ${q.bind('from', ctx.period.from)} AND t.created_at < ${q.bind('to', ctx.period.to)}`
      : '';
    const moves = `FROM stage_transitions t JOIN sc ON sc.id = t.candidate_id WHERE t.district_id = :districtId${inPeriod}`;
    // Distinct (stage, candidacy) pairs by hashing, then a count per stage (count(DISTINCT) would sort).
    return q.run<FunnelRow>(`
      WITH sc AS (${sc}),
      snap AS (SELECT stage, count(*)::int AS n FROM sc GROUP BY stage),
      entered AS (
        SELECT to_stage, count(*)::int AS n FROM (SELECT DISTINCT t.to_stage, t.candidate_id ${moves}) x GROUP BY to_stage),
      exits AS (
        SELECT reason, count(*)::int AS n FROM (
          SELECT DISTINCT COALESCE(t.exit_reason::text, 'other') AS reason, t.candidate_id ${moves} AND t.to_stage = 'exited') x
         GROUP BY reason)
      SELECT (SELECT COALESCE(json_object_agg(stage, n), '{}') FROM snap) AS snapshot,
             (SELECT COALESCE(json_object_agg(to_stage, n), '{}') FROM entered) AS entered,
             (SELECT COALESCE(json_object_agg(reason, n), '{}') FROM exits) AS exits`);
  }

  /**
   * The same figures for the whole district: the snapshot from the candidacies, entries and exits from the
   * counts kept with the history (migration AddFunnelCounts; school year 0 is all history).
   */
  funnelOfDistrict(districtId: string, schoolYear: number | null): Promise<FunnelRow> {
    return this.db
      .query(
        `WITH snap AS (SELECT stage, count(*)::int AS n FROM candidates WHERE district_id = $1 GROUP BY stage),
         kept AS (SELECT kind, key, n FROM funnel_counts WHERE district_id = $1 AND school_year = $2)
         SELECT (SELECT COALESCE(json_object_agg(stage, n), '{}') FROM snap) AS snapshot,
                (SELECT COALESCE(json_object_agg(key, n), '{}') FROM kept WHERE kind = 'entered') AS entered,
                (SELECT COALESCE(json_object_agg(key, n), '{}') FROM kept WHERE kind = 'exit') AS exits`,
        [districtId, schoolYear ?? 0],
      )
      .then((rows: FunnelRow[]) => rows[0]!);
  }

  /**
   * A stay starts with a transition row and ends with the candidacy's next one (stage_stays, kept with the
   * history; see its migration). As of a past day, a stay that ended later is still open. Completed stays
   * are those that ended in [period start, asOf); open stays are each candidacy's last stay begun before
   * asOf. Stays in exited are not stays in the pipeline. Lengths are calendar days (UTC), counted per length.
   */
  stayCounts(ctx: MetricContext, asOf: Date): Promise<StayCount[]> {
    const q = new MetricQuery(this.db, ctx);
    const sc = q.candidates(['c.id AS id']);
    q.bind('asOf', asOf);
    const ended = ctx.period ? `s.left_at >= ${q.bind('from', ctx.period.from)}` : 'true';
    return q.rows(`
      WITH sc AS (${sc}),
      cut AS (
        SELECT s.stage, s.entered_at, CASE WHEN s.left_at < CAST(:asOf AS timestamptz) THEN s.left_at END AS left_at
          FROM stage_stays s JOIN sc ON sc.id = s.candidate_id
         WHERE s.district_id = :districtId AND s.entered_at < CAST(:asOf AS timestamptz) AND s.stage <> 'exited')
      SELECT s.stage::text AS stage, s.left_at IS NULL AS open,
             ${DAYS_SQL('s.entered_at', 'COALESCE(s.left_at, CAST(:asOf AS timestamptz))')} AS days, count(*)::int AS n
        FROM cut s WHERE s.left_at IS NULL OR ${ended}
       GROUP BY 1, 2, 3`);
  }

  /**
   * The same counts for the whole district as of now, from the counts kept with the history (migration
   * AddStayDurations): completed stays of the school year (or all), open stays by the day they began.
   */
  stayCountsNow(districtId: string, schoolYear: number | null, asOf: Date): Promise<StayCount[]> {
    return this.db.query(
      `SELECT stage::text AS stage, false AS open, days, sum(n)::int AS n FROM stay_durations
        WHERE district_id = $1 AND ($2::int IS NULL OR school_year = $2) GROUP BY stage, days
       UNION ALL
       SELECT stage::text, true, ($3::timestamptz AT TIME ZONE 'UTC')::date - entered_on, n
         FROM open_stays WHERE district_id = $1`,
      [districtId, schoolYear, asOf],
    );
  }

  /** Per role: seats (scoped by the seat's school) and bench candidacies (by the educator's school). */
  bench(ctx: MetricContext): Promise<BenchRow[]> {
    const q = new MetricQuery(this.db, ctx);
    const seats = q.base(
      this.db
        .createQueryBuilder()
        // Openings from retirement years are hr's and the superintendent's: others count known departures.
        .select([
          'p.role_id AS role_id',
          'p.status AS status',
          `${seesRetirementData(ctx.auth) ? OPENING_SQL : KNOWN_OPENING_SQL} AS opens_on`,
        ])
        .from('positions', 'p'),
      { district: 'p.district_id', school: 'p.school_id' },
      { school: 'p.school_id' },
    );
    const bench = q.candidates(
      ['c.role_id AS role_id', 'c.readiness AS readiness'],
      `c.stage IN (${sqlList(BENCH_STAGES)})`,
    );
    const within = (months: number) =>
      `(count(*) FILTER (WHERE opens_on <= current_date + make_interval(months => ${months})))::int`;
    const inYear = ctx.period
      ? `(count(*) FILTER (WHERE opens_on BETWEEN CAST(${q.bind('firstDay', ctx.period.firstDay)} AS date) AND CAST(${q.bind('lastDay', ctx.period.lastDay)} AS date)))::int`
      : 'NULL::int';
    return q.rows<BenchRow>(`
      WITH seats AS (${seats}), bench AS (${bench}),
      seat_counts AS (
        SELECT role_id, count(*)::int AS positions, (count(*) FILTER (WHERE status = 'vacant'))::int AS vacant,
               ${within(12)} AS o12, ${within(24)} AS o24, ${within(36)} AS o36, ${inYear} AS in_year
          FROM seats GROUP BY role_id),
      band_counts AS (
        SELECT role_id,
               (count(*) FILTER (WHERE readiness = 'ready_now'))::int AS ready_now,
               (count(*) FILTER (WHERE readiness = 'ready_1_2_years'))::int AS ready12,
               (count(*) FILTER (WHERE readiness = 'ready_3_plus_years'))::int AS ready3,
               (count(*) FILTER (WHERE readiness = 'not_assessed'))::int AS not_assessed
          FROM bench GROUP BY role_id)
      SELECT r.id AS "roleId", r.title, r.level::text AS level,
             COALESCE(s.positions, 0) AS positions, COALESCE(s.vacant, 0) AS vacant,
             COALESCE(s.o12, 0) AS o12, COALESCE(s.o24, 0) AS o24, COALESCE(s.o36, 0) AS o36,
             ${ctx.period ? 'COALESCE(s.in_year, 0)' : 'NULL::int'} AS "inYear",
             COALESCE(b.ready_now, 0) AS "readyNow", COALESCE(b.ready12, 0) AS ready12,
             COALESCE(b.ready3, 0) AS ready3, COALESCE(b.not_assessed, 0) AS "notAssessed",
             to_char(current_date, 'YYYY-MM-DD') AS today
        FROM leadership_roles r
        LEFT JOIN seat_counts s ON s.role_id = r.id
        LEFT JOIN band_counts b ON b.role_id = r.id
       WHERE r.district_id = :districtId${q.roleCondition('r')}
       ORDER BY r.level, r.title, r.id`);
  }
}
