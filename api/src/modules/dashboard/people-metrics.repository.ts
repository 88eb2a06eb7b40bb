import { ELIGIBLE_SQL, OFFICE_KEY } from '@emerge/migrations';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import type { EquityDimension } from './dashboard-query.dto.js';
import type { MetricContext } from './metric-sql.js';
import { MetricQuery, sqlList } from './metric-sql.js';

/** Eligible for a nomination (docs/metrics.md): active on the roster with at least 3 years in education. */
export const ELIGIBLE = ELIGIBLE_SQL('e');
export const ELIGIBLE_LIST_LIMIT = 1000;

/** District-office staff have no school: a hashable key for "same school or both none". */
const KEY = (col: string) => `COALESCE(${col}, '${OFFICE_KEY}'::uuid)`;

const DIMENSION_COLUMNS: Record<EquityDimension, string> = { gender: 'e.gender', raceEthnicity: 'e.race_ethnicity' };

export interface NominationMetricsRow {
  byKind: { kind: string; status: string; n: number }[];
  bySchool: {
    schoolId: string | null;
    schoolName: string | null;
    nominations: number;
    approved: number;
    lastAt: string | null;
    recent: boolean;
    eligible: number;
    never: number;
  }[];
  neverTotal: number;
  educators:
    | {
        educatorId: string;
        firstName: string;
        lastName: string;
        schoolId: string | null;
        schoolName: string | null;
        jobTitle: string;
        yearsInEducation: number;
      }[]
    | null;
}

export interface GroupCount {
  col: string;
  grp: string;
  n: number;
  /** Σ of the disclosure keys of the cell's people (bigint, as JSON number: below 2^53 for any district). */
  ks: number;
}

@Injectable()
export class PeopleMetricsRepository {
  constructor(private readonly db: DataSource) {}

  nominations(ctx: MetricContext, withList: boolean): Promise<NominationMetricsRow> {
    const q = new MetricQuery(this.db, ctx);
    const sn = q.nominations([
      'n.nominator_kind AS kind',
      'n.status AS status',
      'n.created_at AS created_at',
      'e.school_id AS school_id',
    ]);
    const se = q.educators(['e.id AS id', 'e.school_id AS school_id'], ELIGIBLE);
    const schools = q.base(
      this.db.createQueryBuilder().select(['s.id AS id', 's.name AS name']).from('schools', 's'),
      { district: 's.district_id', school: 's.id' },
      { school: 's.id' },
    );
    // District-office staff (no school) form a row of their own for district-wide callers without a school filter.
    const office = ctx.auth.scope.kind === 'district' && !ctx.schoolId;
    const inPeriod = ctx.period
      ? `created_at >= ${q.bind('from', ctx.period.from)} AND created_at < ${q.bind('to', ctx.period.to)}`
      : 'true';
    const list = withList
      ? `(SELECT COALESCE(json_agg(x), '[]') FROM (
           SELECT e.id AS "educatorId", e.first_name AS "firstName", e.last_name AS "lastName",
                  e.school_id AS "schoolId", s.name AS "schoolName", e.job_title AS "jobTitle",
                  e.years_in_education AS "yearsInEducation"
             FROM never nv JOIN educators e ON e.id = nv.id LEFT JOIN schools s ON s.id = e.school_id
            ORDER BY s.name NULLS LAST, e.last_name, e.first_name, e.id
            LIMIT ${ELIGIBLE_LIST_LIMIT}) x)`
      : 'NULL';
    return q.run(`
      WITH sn AS (${sn}), se AS (${se}), places AS (${schools}${office ? ' UNION ALL SELECT NULL, NULL' : ''}),
      never AS (
        SELECT se.* FROM se
         WHERE NOT EXISTS (
                 SELECT 1 FROM nominations n2 JOIN leadership_roles r2 ON r2.id = n2.target_role_id
                  WHERE n2.educator_id = se.id${q.roleCondition('r2')})
           AND NOT EXISTS (
                 SELECT 1 FROM candidates c2 JOIN leadership_roles r2 ON r2.id = c2.role_id
                  WHERE c2.educator_id = se.id AND c2.district_id = :districtId${q.roleCondition('r2')})),
      kinds AS (SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM sn WHERE ${inPeriod} GROUP BY kind, status),
      nom_school AS (
        SELECT school_id, (count(*) FILTER (WHERE ${inPeriod}))::int AS nominations,
               (count(*) FILTER (WHERE ${inPeriod} AND status = 'approved'))::int AS approved, max(created_at) AS last_at
          FROM sn GROUP BY school_id),
      elig_school AS (SELECT school_id, count(*)::int AS eligible FROM se GROUP BY school_id),
      never_school AS (SELECT school_id, count(*)::int AS never FROM never GROUP BY school_id),
      per_school AS (
        SELECT p.id AS "schoolId", p.name AS "schoolName", COALESCE(ns.nominations, 0) AS nominations,
               COALESCE(ns.approved, 0) AS approved, ns.last_at AS "lastAt",
               COALESCE(ns.last_at >= now() - interval '12 months', false) AS recent,
               COALESCE(es.eligible, 0) AS eligible, COALESCE(nv.never, 0) AS never
          FROM places p
          LEFT JOIN nom_school ns ON ${KEY('ns.school_id')} = ${KEY('p.id')}
          LEFT JOIN elig_school es ON ${KEY('es.school_id')} = ${KEY('p.id')}
          LEFT JOIN never_school nv ON ${KEY('nv.school_id')} = ${KEY('p.id')}
         ORDER BY p.name NULLS LAST, p.id)
      SELECT (SELECT COALESCE(json_agg(kinds), '[]') FROM kinds) AS "byKind",
             (SELECT COALESCE(json_agg(per_school), '[]') FROM per_school) AS "bySchool",
             (SELECT count(*)::int FROM never) AS "neverTotal",
             ${list} AS educators`);
  }

  /**
   * The same figures for the whole district, from the counts kept with the data (migration
   * AddNominationCounts): kinds and per-school counts in the school year (0: all history), the latest
   * nomination of all history, eligible and never nominated now. hr's list walks the schools in name order
   * and stops at the limit.
   */
  nominationsOfDistrict(
    districtId: string,
    schoolYear: number | null,
    withList: boolean,
  ): Promise<NominationMetricsRow> {
    const places = `SELECT id, name FROM schools WHERE district_id = $1 UNION ALL SELECT '${OFFICE_KEY}'::uuid, NULL`;
    const list = withList
      ? `(SELECT COALESCE(json_agg(x), '[]') FROM (
           SELECT e.id AS "educatorId", e.first_name AS "firstName", e.last_name AS "lastName",
                  e.school_id AS "schoolId", p.name AS "schoolName", e.job_title AS "jobTitle",
                  e.years_in_education AS "yearsInEducation"
             FROM (${places}) p
             JOIN nomination_facts f
               ON f.district_id = $1 AND f.school_key = p.id AND f.school_year = 0 AND f.col = 'never'
             JOIN educators e ON e.id = f.educator_id
            ORDER BY p.name NULLS LAST, e.last_name, e.first_name, e.id
            LIMIT ${ELIGIBLE_LIST_LIMIT}) x)`
      : 'NULL';
    return this.db
      .query(
        `WITH c AS (
           SELECT school_key, school_year, col, n, last_at FROM nomination_counts
            WHERE district_id = $1 AND school_year IN (0, $2)),
         kinds AS (
           SELECT split_part(col, ':', 2) AS kind, split_part(col, ':', 3) AS status, sum(n)::int AS n
             FROM c WHERE school_year = $2 AND col LIKE 'nom:%' GROUP BY 1, 2),
         per AS (
           SELECT school_key,
                  sum(n) FILTER (WHERE school_year = $2 AND col LIKE 'nom:%') AS nominations,
                  sum(n) FILTER (WHERE school_year = $2 AND col LIKE 'nom:%:approved') AS approved,
                  max(last_at) FILTER (WHERE school_year = 0) AS last_at,
                  sum(n) FILTER (WHERE school_year = 0 AND col = 'eligible') AS eligible,
                  sum(n) FILTER (WHERE school_year = 0 AND col = 'never') AS never
             FROM c GROUP BY school_key),
         per_school AS (
           SELECT NULLIF(p.id, '${OFFICE_KEY}'::uuid) AS "schoolId", p.name AS "schoolName",
                  COALESCE(x.nominations, 0)::int AS nominations, COALESCE(x.approved, 0)::int AS approved,
                  x.last_at AS "lastAt", COALESCE(x.last_at >= now() - interval '12 months', false) AS recent,
                  COALESCE(x.eligible, 0)::int AS eligible, COALESCE(x.never, 0)::int AS never
             FROM (${places}) p LEFT JOIN per x ON x.school_key = p.id
            ORDER BY p.name NULLS LAST, p.id)
         SELECT (SELECT COALESCE(json_agg(kinds), '[]') FROM kinds) AS "byKind",
                (SELECT COALESCE(json_agg(per_school), '[]') FROM per_school) AS "bySchool",
                (SELECT COALESCE(sum(never), 0)::int FROM per) AS "neverTotal",
                ${list} AS educators`,
        [districtId, schoolYear ?? 0],
      )
      .then((rows: NominationMetricsRow[]) => rows[0]!);
  }

  /**
   * The same counts for the whole district, from the cells kept with the data (migration AddEquityCounts):
   * eligible and active stages now, nominated and entered in the school year (0: all history).
   */
  async equityOfDistrict(
    districtId: string,
    dimension: EquityDimension,
    schoolYear: number | null,
  ): Promise<{ representation: GroupCount[]; entered: GroupCount[] }> {
    const rows: (GroupCount & { entered: boolean })[] = await this.db.query(
      `SELECT regexp_replace(col, '^(stage|entered):', '') AS col, grp, n, ks::float8 AS ks, col LIKE 'entered:%' AS entered
         FROM equity_counts
        WHERE district_id = $1 AND dimension = $2
          AND ((school_year = 0 AND (col = 'eligible' OR col LIKE 'stage:%'))
               OR (school_year = $3 AND (col = 'nominated' OR col LIKE 'entered:%')))`,
      [districtId, dimension, schoolYear ?? 0],
    );
    const plain = ({ col, grp, n, ks }: GroupCount) => ({ col, grp, n, ks });
    return {
      representation: rows.filter((r) => !r.entered).map(plain),
      entered: rows.filter((r) => r.entered).map(plain),
    };
  }

  /**
   * Distinct people per dimension group: the eligible pool, those nominated during the period, those in each
   * active stage now (representation); and those who entered each active stage during the period.
   */
  equity(
    ctx: MetricContext,
    dimension: EquityDimension,
  ): Promise<{ representation: GroupCount[]; entered: GroupCount[] }> {
    const q = new MetricQuery(this.db, ctx);
    const grp = `COALESCE(${DIMENSION_COLUMNS[dimension]}::text, 'not_recorded') AS grp`;
    const sc = q.candidates(['c.id AS id', 'c.educator_id AS educator_id', 'c.stage AS stage', grp]);
    const se = q.educators(['e.id AS id', grp], ELIGIBLE);
    const sn = q.nominations(['n.educator_id AS educator_id', 'n.created_at AS created_at', grp]);
    const period = (col: string) =>
      ctx.period ? ` AND ${col} >= ${q.bind('from', ctx.period.from)} AND ${col} < ${q.bind('to', ctx.period.to)}` : '';
    // Each cell's people also give the sum of their disclosure keys (docs/metrics.md): one join per set of
    // distinct people, on the keys' primary key.
    const keyed = (set: string, cols: string, group: string) =>
      `SELECT ${cols}, count(*)::int AS n, COALESCE(sum(k.key), 0)::bigint AS ks
         FROM (${set}) x LEFT JOIN disclosure_keys k ON k.educator_id = x.educator_id GROUP BY ${group}`;
    return q.run(`
      WITH sc AS (${sc}), se AS (${se}), sn AS (${sn}),
      rep AS (
        ${keyed('SELECT grp, id AS educator_id FROM se', "'eligible' AS col, grp", 'grp')}
        UNION ALL
        ${keyed(`SELECT DISTINCT grp, educator_id FROM sn WHERE true${period('created_at')}`, "'nominated', grp", 'grp')}
        UNION ALL
        ${keyed(
          `SELECT DISTINCT stage, grp, educator_id FROM sc WHERE stage IN (${sqlList(ACTIVE_STAGES)})`,
          'stage::text, grp',
          'stage, grp',
        )}),
      ent AS (
        ${keyed(
          `SELECT DISTINCT t.to_stage, sc.grp, sc.educator_id
             FROM stage_transitions t JOIN sc ON sc.id = t.candidate_id
            WHERE t.district_id = :districtId AND t.to_stage IN (${sqlList(ACTIVE_STAGES)})${period('t.created_at')}`,
          'to_stage::text AS col, grp',
          'to_stage, grp',
        )})
      SELECT (SELECT COALESCE(json_agg(rep), '[]') FROM rep) AS representation,
             (SELECT COALESCE(json_agg(ent), '[]') FROM ent) AS entered`);
  }
}
