import { MigrationInterface, QueryRunner } from 'typeorm';
import { STAGE_STAYS_RECOUNT } from './1795740000001-AddStageStays.js';
import { DAYS_SQL as DAYS, SCHOOL_YEAR_SQL as SCHOOL_YEAR } from './kept-sql.js';

/**
 * The time-in-stage dashboard as counts: completed stays per stage, school year they ended in, and length in
 * days; open stays per stage and day they began. Median and 75th percentile come exactly from cumulative
 * counts, so the district-wide figures read a few thousand rows instead of a big district's 300,000 stays.
 * Stays in exited are not stays in the pipeline. The set-based definitions; the triggers keep the tables equal
 * to them, and the scale generator rebuilds them with these and checks them.
 */
export const STAY_DURATIONS_SELECT = `
  SELECT district_id, stage, ${SCHOOL_YEAR('left_at')} AS school_year, ${DAYS('entered_at', 'left_at')} AS days,
         count(*)::int AS n
    FROM stage_stays WHERE left_at IS NOT NULL AND stage <> 'exited'
   GROUP BY 1, 2, 3, 4`;

export const OPEN_STAYS_SELECT = `
  SELECT district_id, stage, (entered_at AT TIME ZONE 'UTC')::date AS entered_on, count(*)::int AS n
    FROM stage_stays WHERE left_at IS NULL AND stage <> 'exited'
   GROUP BY 1, 2, 3`;

/** The stay columns of a set `x` (stage_stays rows) as the keys of each count, with a sign. */
const durationKeys = (sign: number) =>
  `SELECT x.district_id, x.stage, ${SCHOOL_YEAR('x.left_at')} AS school_year,
          ${DAYS('x.entered_at', 'x.left_at')} AS days, ${sign} AS n
     FROM unnest(${sign < 0 ? 'gone' : 'came'}) x WHERE x.left_at IS NOT NULL AND x.stage <> 'exited'`;
const openKeys = (sign: number) =>
  `SELECT x.district_id, x.stage, (x.entered_at AT TIME ZONE 'UTC')::date AS entered_on, ${sign} AS n
     FROM unnest(${sign < 0 ? 'gone' : 'came'}) x WHERE x.left_at IS NULL AND x.stage <> 'exited'`;

// The candidacy's stays before and after the recount give the change to each count; the unchanged stays
// cancel out. Counts are written in key order so that concurrent moves in one district queue rather than
// deadlock; a count that reaches 0 is removed.
const RECOUNT = `
CREATE OR REPLACE FUNCTION stage_stays_recount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cands uuid[];
  gone stage_stays[];
  came stage_stays[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT c) INTO cands
      FROM (SELECT candidate_id AS c FROM old_rows UNION SELECT candidate_id FROM new_rows) x;
  END IF;
  SELECT array_agg(s) INTO gone FROM stage_stays s WHERE s.candidate_id = ANY (cands);
  DELETE FROM stage_stays WHERE candidate_id = ANY (cands);
  INSERT INTO stage_stays (transition_id, district_id, candidate_id, stage, entered_at, left_at)
  SELECT id, district_id, candidate_id, to_stage, created_at,
         lead(created_at) OVER (PARTITION BY candidate_id ORDER BY created_at, id)
    FROM stage_transitions WHERE candidate_id = ANY (cands);
  SELECT array_agg(s) INTO came FROM stage_stays s WHERE s.candidate_id = ANY (cands);

  INSERT INTO stay_durations AS t (district_id, stage, school_year, days, n)
  SELECT district_id, stage, school_year, days, sum(n)
    FROM (${durationKeys(-1)} UNION ALL ${durationKeys(1)}) d
   GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (district_id, stage, school_year, days) DO UPDATE SET n = t.n + EXCLUDED.n;
  DELETE FROM stay_durations t USING (${durationKeys(-1)}) d
   WHERE t.n = 0 AND (t.district_id, t.stage, t.school_year, t.days) = (d.district_id, d.stage, d.school_year, d.days);

  INSERT INTO open_stays AS t (district_id, stage, entered_on, n)
  SELECT district_id, stage, entered_on, sum(n)
    FROM (${openKeys(-1)} UNION ALL ${openKeys(1)}) d
   GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (district_id, stage, entered_on) DO UPDATE SET n = t.n + EXCLUDED.n;
  DELETE FROM open_stays t USING (${openKeys(-1)}) d
   WHERE t.n = 0 AND (t.district_id, t.stage, t.entered_on) = (d.district_id, d.stage, d.entered_on);
  RETURN NULL;
END $$;`;

export class AddStayDurations1796900000000 implements MigrationInterface {
  name = 'AddStayDurations1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stay_durations" ("district_id" uuid NOT NULL, "stage" "public"."candidate_stage" NOT NULL,
        "school_year" integer NOT NULL, "days" integer NOT NULL, "n" integer NOT NULL,
        CONSTRAINT "pk_stay_durations" PRIMARY KEY ("district_id", "stage", "school_year", "days"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open_stays" ("district_id" uuid NOT NULL, "stage" "public"."candidate_stage" NOT NULL,
        "entered_on" date NOT NULL, "n" integer NOT NULL,
        CONSTRAINT "pk_open_stays" PRIMARY KEY ("district_id", "stage", "entered_on"))`,
    );
    await queryRunner.query(RECOUNT);
    await queryRunner.query(
      `INSERT INTO "stay_durations" (district_id, stage, school_year, days, n) ${STAY_DURATIONS_SELECT}`,
    );
    await queryRunner.query(`INSERT INTO "open_stays" (district_id, stage, entered_on, n) ${OPEN_STAYS_SELECT}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(STAGE_STAYS_RECOUNT.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await queryRunner.query('DROP TABLE "open_stays"');
    await queryRunner.query('DROP TABLE "stay_durations"');
  }
}
