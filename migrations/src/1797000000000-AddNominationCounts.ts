import { MigrationInterface, QueryRunner } from 'typeorm';
import { type CellSource, ELIGIBLE_SQL, recountOnChange, SCHOOL_YEAR_SQL, STATEMENT_OPS } from './kept-sql.js';

/** District-office staff have no school: their key, as in the dashboard's per-school rows. */
export const OFFICE_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * What each educator counts toward the nominations dashboard (docs/metrics.md), by their school now: eligible
 * (`eligible`), eligible and never nominated nor a candidate in their district (`never`), and their nominations
 * per nominator kind and status (`nom:<kind>:<status>`) in each school year and all history (school year 0),
 * with the latest one's time. `who(column)` narrows the educators.
 */
const FACTS = (who: (column: string) => string) => `
  SELECT f.educator_id, e.district_id, COALESCE(e.school_id, '${OFFICE_KEY}'::uuid) AS school_key,
         f.school_year, f.col, f.n, f.last_at
    FROM (
      SELECT e.id AS educator_id, 0 AS school_year, c.col, 1 AS n, NULL::timestamptz AS last_at
        FROM educators e
       CROSS JOIN LATERAL (
         SELECT 'eligible' AS col
         UNION ALL
         SELECT 'never'
          WHERE NOT EXISTS (SELECT 1 FROM nominations n WHERE n.educator_id = e.id)
            AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.educator_id = e.id AND c.district_id = e.district_id)) c
       WHERE ${ELIGIBLE_SQL('e')} AND ${who('e.id')}
      UNION ALL
      SELECT n.educator_id, y.school_year, 'nom:' || n.nominator_kind || ':' || n.status, count(*)::int, max(n.created_at)
        FROM nominations n CROSS JOIN LATERAL (VALUES (${SCHOOL_YEAR_SQL('n.created_at')}), (0)) y (school_year)
       WHERE ${who('n.educator_id')}
       GROUP BY 1, 2, 3) f
    JOIN educators e ON e.id = f.educator_id`;

/** Every educator's cells: the set-based definition of `nomination_facts`. */
export const NOMINATION_FACTS_SELECT = FACTS(() => 'true');

/** The cells' counts and latest times per district, school, school year and column: `nomination_counts`. */
export const NOMINATION_COUNTS_SELECT = `
  SELECT district_id, school_key, school_year, col, sum(n)::int AS n, max(last_at) AS last_at
    FROM nomination_facts GROUP BY 1, 2, 3, 4`;

// As equity_recount: the educators' cells are rewritten whole and the difference goes to the counts in key
// order. A latest time cannot be taken back by a difference, so the touched cells' times are read again from
// the cells (a school's nominations, through the index).
const RECOUNT = `
CREATE FUNCTION nomination_recount(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gone nomination_facts[];
  came nomination_facts[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  SELECT array_agg(f) INTO gone FROM nomination_facts f WHERE f.educator_id = ANY (ids);
  DELETE FROM nomination_facts WHERE educator_id = ANY (ids);
  INSERT INTO nomination_facts (educator_id, district_id, school_key, school_year, col, n, last_at)
  ${FACTS((column) => `${column} = ANY (ids)`)};
  SELECT array_agg(f) INTO came FROM nomination_facts f WHERE f.educator_id = ANY (ids);
  WITH d AS (
    SELECT x.district_id, x.school_key, x.school_year, x.col, sum(x.s * x.n)::int AS n
      FROM (SELECT *, -1 AS s FROM unnest(gone) UNION ALL SELECT *, 1 FROM unnest(came)) x
     GROUP BY 1, 2, 3, 4)
  INSERT INTO nomination_counts AS t (district_id, school_key, school_year, col, n, last_at)
  SELECT d.district_id, d.school_key, d.school_year, d.col, d.n,
         (SELECT max(f.last_at) FROM nomination_facts f
           WHERE f.district_id = d.district_id AND f.school_key = d.school_key AND f.school_year = d.school_year
             AND f.col = d.col)
    FROM d WHERE d.n <> 0 OR d.col LIKE 'nom:%'
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (district_id, school_key, school_year, col)
  DO UPDATE SET n = t.n + EXCLUDED.n, last_at = EXCLUDED.last_at;
  DELETE FROM nomination_counts t
   WHERE t.n = 0 AND t.district_id IN (SELECT district_id FROM unnest(gone));
END $$;`;

/** The tables whose rows decide an educator's cells. */
const SOURCES: CellSource[] = [
  {
    table: 'educators',
    ids: (rows) => `SELECT id FROM ${rows}`,
    changed: ['district_id', 'school_id', 'status', 'years_in_education'],
  },
  { table: 'candidates', ids: (rows) => `SELECT educator_id FROM ${rows}`, changed: ['district_id', 'educator_id'] },
  {
    table: 'nominations',
    ids: (rows) => `SELECT educator_id FROM ${rows}`,
    changed: ['educator_id', 'created_at', 'nominator_kind', 'status'],
  },
];

const functionName = (table: string) => `nomination_changed_${table}`;

/**
 * The nominations dashboard's per-school counts, kept with the data: the whole-district dashboard of a big
 * district read every nomination, eligible educator and candidacy (0.3 s for district-L).
 */
export class AddNominationCounts1797000000000 implements MigrationInterface {
  name = 'AddNominationCounts1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "nomination_facts" ("educator_id" uuid NOT NULL, "district_id" uuid NOT NULL,
        "school_key" uuid NOT NULL, "school_year" integer NOT NULL, "col" text NOT NULL, "n" integer NOT NULL,
        "last_at" timestamptz,
        CONSTRAINT "pk_nomination_facts" PRIMARY KEY ("educator_id", "school_year", "col"))`,
    );
    // The recount's latest times per cell, and hr's list of the never nominated school by school.
    await queryRunner.query(
      `CREATE INDEX "ix_nomination_facts_cell" ON "nomination_facts" ("district_id", "school_key", "school_year", "col") INCLUDE ("last_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_counts" ("district_id" uuid NOT NULL, "school_key" uuid NOT NULL,
        "school_year" integer NOT NULL, "col" text NOT NULL, "n" integer NOT NULL, "last_at" timestamptz,
        CONSTRAINT "pk_nomination_counts" PRIMARY KEY ("district_id", "school_key", "school_year", "col"))`,
    );
    await queryRunner.query(RECOUNT);
    for (const source of SOURCES) {
      await queryRunner.query(recountOnChange(functionName(source.table), 'nomination_recount', source));
      for (const [op, refs] of STATEMENT_OPS)
        await queryRunner.query(
          `CREATE TRIGGER nomination_counts_${op} AFTER ${op.toUpperCase()} ON "${source.table}" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(source.table)}()`,
        );
    }
    await queryRunner.query(
      `INSERT INTO "nomination_facts" (educator_id, district_id, school_key, school_year, col, n, last_at) ${NOMINATION_FACTS_SELECT}`,
    );
    await queryRunner.query(
      `INSERT INTO "nomination_counts" (district_id, school_key, school_year, col, n, last_at) ${NOMINATION_COUNTS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES) {
      for (const [op] of STATEMENT_OPS)
        await queryRunner.query(`DROP TRIGGER IF EXISTS nomination_counts_${op} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${functionName(table)}()`);
    }
    await queryRunner.query('DROP FUNCTION nomination_recount(uuid[])');
    await queryRunner.query('DROP TABLE "nomination_counts"');
    await queryRunner.query('DROP TABLE "nomination_facts"');
  }
}
