import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHOOL_YEAR_SQL } from './kept-sql.js';

/**
 * What each set of transitions `rows` counts toward the funnel: the candidacy entered `to_stage` (kind
 * 'entered'), and left the pipeline for its exit reason (kind 'exit'), in the school year of the move and in
 * all history (school year 0). Each pair once per candidacy, however often it moved there.
 */
const KEYS = (rows: string) => `
  SELECT DISTINCT r.district_id, r.candidate_id, y.school_year, k.kind, k.key
    FROM ${rows} r
   CROSS JOIN LATERAL (VALUES
     (${SCHOOL_YEAR_SQL('r.created_at')}), (0)) y (school_year)
   CROSS JOIN LATERAL (
     SELECT 'entered' AS kind, r.to_stage::text AS key
     UNION ALL
     SELECT 'exit', COALESCE(r.exit_reason::text, 'other') WHERE r.to_stage = 'exited') k`;

/**
 * The funnel's entries and exits as counts of candidacies per district, school year, stage or exit reason:
 * the district-wide funnel reads a few hundred rows instead of distinct pairs over all its transitions. The
 * set-based definition; the triggers keep the table equal to it, and the scale generator rebuilds it with this
 * and checks it.
 */
export const FUNNEL_COUNTS_SELECT = `
  SELECT district_id, school_year, kind, key, count(*)::int AS n
    FROM (${KEYS('stage_transitions')}) x
   GROUP BY 1, 2, 3, 4`;

/** The change from the candidacies' transitions before (`before`) to after (`after`), written in key order. */
const APPLY = (before: string, after: string) => `
  INSERT INTO funnel_counts AS f (district_id, school_year, kind, key, n)
  SELECT district_id, school_year, kind, key, sum(n)
    FROM (SELECT district_id, school_year, kind, key, 1 AS n FROM (${KEYS(`(${after})`)}) a
          UNION ALL
          SELECT district_id, school_year, kind, key, -1 FROM (${KEYS(`(${before})`)}) b) d
   GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (district_id, school_year, kind, key) DO UPDATE SET n = f.n + EXCLUDED.n;
  DELETE FROM funnel_counts WHERE n = 0 AND district_id IN (SELECT district_id FROM (${after}) a UNION SELECT district_id FROM (${before}) b);`;

const COLUMNS = 'id, district_id, candidate_id, to_stage, exit_reason, created_at';
const CURRENT = `SELECT ${COLUMNS} FROM stage_transitions WHERE candidate_id = ANY (cands)`;

// Recounts the candidacies a statement touched, from their whole history before and after it.
const FUNCTION = `
CREATE FUNCTION funnel_counts_recount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cands uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM new_rows;
    ${APPLY(`${CURRENT} AND id NOT IN (SELECT id FROM new_rows)`, CURRENT)}
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM old_rows;
    ${APPLY(`${CURRENT} UNION ALL SELECT ${COLUMNS} FROM old_rows`, CURRENT)}
  ELSE
    SELECT array_agg(DISTINCT c) INTO cands
      FROM (SELECT candidate_id AS c FROM old_rows UNION SELECT candidate_id FROM new_rows) x;
    ${APPLY(`${CURRENT} AND id NOT IN (SELECT id FROM new_rows) UNION ALL SELECT ${COLUMNS} FROM old_rows`, CURRENT)}
  END IF;
  RETURN NULL;
END $$;`;

const OPS = [
  ['insert', 'NEW TABLE AS new_rows'],
  ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'OLD TABLE AS old_rows'],
] as const;

export class AddFunnelCounts1796900000001 implements MigrationInterface {
  name = 'AddFunnelCounts1796900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "funnel_counts" ("district_id" uuid NOT NULL, "school_year" integer NOT NULL,
        "kind" text NOT NULL, "key" text NOT NULL, "n" integer NOT NULL,
        CONSTRAINT "pk_funnel_counts" PRIMARY KEY ("district_id", "school_year", "kind", "key"))`,
    );
    await queryRunner.query(FUNCTION);
    for (const [op, refs] of OPS) {
      await queryRunner.query(
        `CREATE TRIGGER funnel_counts_${op} AFTER ${op.toUpperCase()} ON "stage_transitions" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION funnel_counts_recount()`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "funnel_counts" (district_id, school_year, kind, key, n) ${FUNNEL_COUNTS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [op] of OPS) await queryRunner.query(`DROP TRIGGER funnel_counts_${op} ON "stage_transitions"`);
    await queryRunner.query('DROP FUNCTION funnel_counts_recount()');
    await queryRunner.query('DROP TABLE "funnel_counts"');
  }
}
