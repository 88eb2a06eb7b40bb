import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import type { MetricContext } from './metric-sql.js';
import { MetricQuery, sqlList } from './metric-sql.js';

/** Integer sums per group; the service turns them into means. */
export interface HeatmapRow {
  competencyId: string;
  /** Null on the per-competency row (all levels and stages). */
  level: string | null;
  stage: string | null;
  candidates: number;
  rated: number;
  levelSum: number;
  targetSum: number;
  gapSum: number;
  meeting: number;
}

export interface HeatmapCompetencyRow {
  competencyId: string;
  code: string;
  title: string;
  frameworkShortName: string;
  scale: number;
}

export interface OpportunitySums {
  opportunities: number;
  seats: number;
  seatsTaken: number;
  seatsFilled: number;
  completions: number;
  hoursLogged: number;
}

@Injectable()
export class DevelopmentMetricsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The current level of each active candidacy on each competency its role targets, by the rule of
   * competencies/profile.ts in SQL: ratings on the node or any descendant, and on any node linked to it
   * `exact` (and its descendants), rescaled to the target's rubric; the latest observed wins, ties the
   * higher. Grouped by competency × role level × stage, and by competency alone. Now, the levels are the kept
   * ones (target_levels: one row per candidacy and rated target, migration AddTargetLevels). For a past school
   * year they are computed from latest_ratings (each candidate's latest per node): a node whose latest is after
   * the year's end falls back to that node's evidence up to then (one index probe each).
   */
  heatmap(ctx: MetricContext): Promise<{ cells: HeatmapRow[]; competencies: HeatmapCompetencyRow[] }> {
    const q = new MetricQuery(this.db, ctx);
    const cand = q.candidates(
      ['c.id AS id', 'c.role_id AS role_id', 'c.stage AS stage', 'r.level AS level'],
      `c.stage IN (${sqlList(ACTIVE_STAGES)})`,
    );
    const lastDay = ctx.period ? `CAST(${q.bind('lastDay', ctx.period.lastDay)} AS date)` : null;
    const rescaled = `CASE WHEN tr.source_scale = tr.target_scale THEN v.level
      ELSE GREATEST(1, floor(v.level::numeric * tr.target_scale / tr.source_scale))::int END`;
    // Now: the kept levels (target_levels, by the same rule). A past year: each node's latest up to its end.
    const latest = !lastDay
      ? `latest AS (
          SELECT l.candidate_id, l.competency_id AS target_id, l.level AS current
            FROM target_levels l JOIN cand c ON c.id = l.candidate_id
           WHERE l.district_id = :districtId)`
      : `src AS (
          SELECT DISTINCT target_id, target_id AS source_id, scale AS source_scale, scale AS target_scale FROM tgt
          UNION
          SELECT DISTINCT t.target_id, o.id, jsonb_array_length(f.rubric), t.scale
            FROM tgt t
            JOIN crosswalk_links l ON l.kind = 'exact' AND (l.from_id = t.target_id OR l.to_id = t.target_id)
                 AND (l.district_id IS NULL OR l.district_id = :districtId)
            JOIN competencies o ON o.id = CASE WHEN l.from_id = t.target_id THEN l.to_id ELSE l.from_id END
            JOIN competency_frameworks f ON f.id = o.framework_id AND (f.district_id IS NULL OR f.district_id = :districtId)),
        tree (target_id, source_scale, target_scale, node_id) AS (
          SELECT target_id, source_scale, target_scale, source_id FROM src
          UNION
          SELECT tr.target_id, tr.source_scale, tr.target_scale, n.id
            FROM tree tr JOIN competencies n ON n.parent_id = tr.node_id),
        latest AS (
          SELECT DISTINCT ON (c.id, tr.target_id) c.id AS candidate_id, tr.target_id, ${rescaled} AS current
            FROM cand c
            JOIN tgt t ON t.role_id = c.role_id
            JOIN tree tr ON tr.target_id = t.target_id
            JOIN latest_ratings lr ON lr.district_id = :districtId AND lr.candidate_id = c.id AND lr.competency_id = tr.node_id
            CROSS JOIN LATERAL (
              SELECT lr.observed_on, lr.level WHERE lr.observed_on <= ${lastDay}
              UNION ALL
              (SELECT e.observed_on, e.level FROM evidence e
                WHERE lr.observed_on > ${lastDay} AND e.candidate_id = lr.candidate_id
                  AND e.competency_id = lr.competency_id AND e.observed_on <= ${lastDay}
                ORDER BY e.observed_on DESC, e.level DESC LIMIT 1)) v
           ORDER BY c.id, tr.target_id, v.observed_on DESC, ${rescaled} DESC)`;
    return q.run(`
      WITH RECURSIVE cand AS (${cand}),
      tgt AS (
        SELECT rt.role_id, rt.competency_id AS target_id, rt.target_level, jsonb_array_length(f.rubric) AS scale
          FROM role_targets rt
          JOIN leadership_roles r ON r.id = rt.role_id
          JOIN competencies n ON n.id = rt.competency_id
          JOIN competency_frameworks f ON f.id = n.framework_id
         WHERE r.district_id = :districtId${q.roleCondition('r')}),
      ${latest},
      fig AS (
        SELECT t.target_id, c.level, c.stage, t.target_level, l.current
          FROM cand c
          JOIN tgt t ON t.role_id = c.role_id
          LEFT JOIN latest l ON l.candidate_id = c.id AND l.target_id = t.target_id),
      cells AS (
        SELECT target_id AS "competencyId", level::text AS level, stage::text AS stage,
               count(*)::int AS candidates, count(current)::int AS rated,
               COALESCE(sum(current), 0)::int AS "levelSum", sum(target_level)::int AS "targetSum",
               COALESCE(sum(target_level - current), 0)::int AS "gapSum",
               (count(*) FILTER (WHERE current >= target_level))::int AS meeting
          FROM fig GROUP BY GROUPING SETS ((target_id, level, stage), (target_id))),
      comps AS (
        SELECT n.id AS "competencyId", n.code, n.title, f.short_name AS "frameworkShortName",
               jsonb_array_length(f.rubric) AS scale
          FROM competencies n JOIN competency_frameworks f ON f.id = n.framework_id
         WHERE n.id IN (SELECT target_id FROM tgt)
         ORDER BY f.short_name, n.position, n.code)
      SELECT (SELECT COALESCE(json_agg(cells), '[]') FROM cells) AS cells,
             (SELECT COALESCE(json_agg(comps), '[]') FROM comps) AS competencies`);
  }

  /**
   * The catalog (by the opportunity's own level and school year) and the participation of the caller's
   * scoped candidacies in it; grouped by type and by developed competency.
   */
  opportunities(ctx: MetricContext): Promise<{
    totals: OpportunitySums;
    byType: (OpportunitySums & { type: string })[];
    byCompetency: (OpportunitySums & HeatmapCompetencyRow)[];
  }> {
    const q = new MetricQuery(this.db, ctx);
    const sa = q.base(
      this.db
        .createQueryBuilder()
        .select(['a.opportunity_id AS opportunity_id', 'a.status AS status', 'a.hours_logged AS hours_logged'])
        .from('assignments', 'a')
        .innerJoin('candidates', 'c', 'c.id = a.candidate_id')
        .innerJoin('educators', 'e', 'e.id = c.educator_id'),
      { district: 'a.district_id', school: 'e.school_id' },
      { school: 'e.school_id', role: 'c.role_id' },
    );
    const catalog: string[] = [];
    if (ctx.level) catalog.push(`o.level = ${q.bind('fLevel', ctx.level)}`);
    if (ctx.period)
      catalog.push(
        `COALESCE(o.starts_on, (o.created_at AT TIME ZONE 'UTC')::date) BETWEEN CAST(${q.bind('firstDay', ctx.period.firstDay)} AS date) AND CAST(${q.bind('lastDay', ctx.period.lastDay)} AS date)`,
      );
    const sums = `count(*)::int AS opportunities, COALESCE(sum(seats), 0)::int AS seats,
      COALESCE(sum(seats_taken), 0)::int AS "seatsTaken", COALESCE(sum(filled), 0)::int AS "seatsFilled",
      COALESCE(sum(completions), 0)::int AS completions, COALESCE(sum(hours), 0)::float8 AS "hoursLogged"`;
    return q.run(`
      WITH so AS (
        SELECT o.id, o.type::text AS type, o.seats, o.seats_taken FROM development_opportunities o
         WHERE o.district_id = :districtId${catalog.map((c) => ` AND ${c}`).join('')}),
      sa AS (${sa}),
      per AS (
        SELECT so.id, so.type, so.seats, so.seats_taken,
               count(sa.opportunity_id) FILTER (WHERE sa.status <> 'withdrawn') AS filled,
               count(sa.opportunity_id) FILTER (WHERE sa.status = 'completed') AS completions,
               COALESCE(sum(sa.hours_logged), 0) AS hours
          FROM so LEFT JOIN sa ON sa.opportunity_id = so.id
         GROUP BY so.id, so.type, so.seats, so.seats_taken)
      SELECT (SELECT row_to_json(x) FROM (SELECT ${sums} FROM per) x) AS totals,
             (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT type, ${sums} FROM per GROUP BY type) x) AS "byType",
             (SELECT COALESCE(json_agg(x ORDER BY x."frameworkShortName", x.position, x.code), '[]') FROM (
                SELECT n.id AS "competencyId", n.code, n.title, f.short_name AS "frameworkShortName", n.position, ${sums}
                  FROM per JOIN opportunity_competencies oc ON oc.opportunity_id = per.id
                  JOIN competencies n ON n.id = oc.competency_id
                  JOIN competency_frameworks f ON f.id = n.framework_id
                 GROUP BY n.id, n.code, n.title, f.short_name, n.position) x) AS "byCompetency"`);
  }
}
