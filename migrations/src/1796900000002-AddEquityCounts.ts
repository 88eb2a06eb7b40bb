import { MigrationInterface, QueryRunner } from 'typeorm';

import {
  ACTIVE_STAGES_SQL as ACTIVE,
  type CellSource,
  ELIGIBLE_SQL,
  recountOnChange,
  SCHOOL_YEAR_SQL as SCHOOL_YEAR,
  STATEMENT_OPS,
} from './kept-sql.js';

/**
 * What each educator counts toward the equity dashboard (docs/metrics.md), one row per cell they are in:
 * eligible now (`eligible`), in an active stage now (`stage:<stage>`), nominated (`nominated`) and entered an
 * active stage (`entered:<stage>`) in a school year and in all history (school year 0), with both of their
 * groups and their disclosure key. `who(column)` narrows the educators.
 */
const FACTS = (who: (column: string) => string) => `
  SELECT f.educator_id, f.district_id, f.school_year, f.col,
         COALESCE(e.gender::text, 'not_recorded') AS gender,
         COALESCE(e.race_ethnicity::text, 'not_recorded') AS race_ethnicity,
         COALESCE(k.key, 0) AS key
    FROM (
      SELECT e.id AS educator_id, e.district_id, 0 AS school_year, 'eligible' AS col
        FROM educators e WHERE ${ELIGIBLE_SQL('e')} AND ${who('e.id')}
      UNION
      SELECT c.educator_id, c.district_id, 0, 'stage:' || c.stage
        FROM candidates c WHERE c.stage IN (${ACTIVE}) AND ${who('c.educator_id')}
      UNION
      SELECT n.educator_id, n.district_id, y.school_year, 'nominated'
        FROM nominations n CROSS JOIN LATERAL (VALUES (${SCHOOL_YEAR('n.created_at')}), (0)) y (school_year)
       WHERE ${who('n.educator_id')}
      UNION
      SELECT c.educator_id, t.district_id, y.school_year, 'entered:' || t.to_stage
        FROM stage_transitions t JOIN candidates c ON c.id = t.candidate_id
       CROSS JOIN LATERAL (VALUES (${SCHOOL_YEAR('t.created_at')}), (0)) y (school_year)
       WHERE t.to_stage IN (${ACTIVE}) AND ${who('c.educator_id')}) f
    JOIN educators e ON e.id = f.educator_id
    LEFT JOIN disclosure_keys k ON k.educator_id = f.educator_id`;

/** Every educator's cells: the set-based definition of `equity_facts`. */
export const EQUITY_FACTS_SELECT = FACTS(() => 'true');

/** The cells' counts and key sums per district, dimension, school year, column and group: `equity_counts`. */
export const EQUITY_COUNTS_SELECT = `
  SELECT f.district_id, d.dimension, f.school_year, f.col, d.grp, count(*)::int AS n, sum(f.key)::bigint AS ks
    FROM equity_facts f
   CROSS JOIN LATERAL (VALUES ('gender', f.gender), ('raceEthnicity', f.race_ethnicity)) d (dimension, grp)
   GROUP BY 1, 2, 3, 4, 5`;

// The educators' cells are rewritten whole; the difference between before and after goes to the counts, in
// key order so that concurrent writers in one district queue instead of deadlocking. A count at 0 goes.
const RECOUNT = `
CREATE FUNCTION equity_recount(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gone equity_facts[];
  came equity_facts[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  SELECT array_agg(f) INTO gone FROM equity_facts f WHERE f.educator_id = ANY (ids);
  DELETE FROM equity_facts WHERE educator_id = ANY (ids);
  INSERT INTO equity_facts (educator_id, district_id, school_year, col, gender, race_ethnicity, key)
  ${FACTS((column) => `${column} = ANY (ids)`)};
  SELECT array_agg(f) INTO came FROM equity_facts f WHERE f.educator_id = ANY (ids);
  INSERT INTO equity_counts AS t (district_id, dimension, school_year, col, grp, n, ks)
  SELECT x.district_id, d.dimension, x.school_year, x.col, d.grp, sum(x.s), sum(x.s * x.key)
    FROM (SELECT *, -1 AS s FROM unnest(gone) UNION ALL SELECT *, 1 FROM unnest(came)) x
   CROSS JOIN LATERAL (VALUES ('gender', x.gender), ('raceEthnicity', x.race_ethnicity)) d (dimension, grp)
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.s) <> 0 OR sum(x.s * x.key) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (district_id, dimension, school_year, col, grp)
  DO UPDATE SET n = t.n + EXCLUDED.n, ks = t.ks + EXCLUDED.ks;
  DELETE FROM equity_counts t
   WHERE t.n = 0 AND t.district_id IN (SELECT district_id FROM unnest(gone));
END $$;`;

/**
 * The tables whose rows decide an educator's cells, and which educators a statement's rows concern. Only
 * a change to a column the cells read recounts (a statement trigger cannot name its columns).
 */
const SOURCES: CellSource[] = [
  {
    table: 'educators',
    ids: (rows) => `SELECT id FROM ${rows}`,
    changed: ['district_id', 'status', 'years_in_education', 'gender', 'race_ethnicity'],
  },
  {
    table: 'candidates',
    ids: (rows) => `SELECT educator_id FROM ${rows}`,
    changed: ['district_id', 'educator_id', 'stage'],
  },
  {
    table: 'nominations',
    ids: (rows) => `SELECT educator_id FROM ${rows}`,
    changed: ['district_id', 'educator_id', 'created_at'],
  },
  {
    table: 'stage_transitions',
    ids: (rows) => `SELECT c.educator_id FROM candidates c WHERE c.id IN (SELECT candidate_id FROM ${rows})`,
    changed: ['district_id', 'candidate_id', 'to_stage', 'created_at'],
  },
  // A key is first written by the educators' own insert trigger, which runs before theirs (by name).
  {
    table: 'disclosure_keys',
    ids: (rows) => `SELECT educator_id FROM ${rows}`,
    changed: ['educator_id', 'key'],
    key: 'educator_id',
  },
];

const functionName = (table: string) => `equity_changed_${table}`;

export class AddEquityCounts1796900000002 implements MigrationInterface {
  name = 'AddEquityCounts1796900000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "equity_facts" ("educator_id" uuid NOT NULL, "district_id" uuid NOT NULL,
        "school_year" integer NOT NULL, "col" text NOT NULL, "gender" text NOT NULL, "race_ethnicity" text NOT NULL,
        "key" integer NOT NULL,
        CONSTRAINT "pk_equity_facts" PRIMARY KEY ("educator_id", "district_id", "school_year", "col"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "equity_counts" ("district_id" uuid NOT NULL, "dimension" text NOT NULL,
        "school_year" integer NOT NULL, "col" text NOT NULL, "grp" text NOT NULL, "n" integer NOT NULL,
        "ks" bigint NOT NULL,
        CONSTRAINT "pk_equity_counts" PRIMARY KEY ("district_id", "dimension", "school_year", "col", "grp"))`,
    );
    await queryRunner.query(RECOUNT);
    for (const source of SOURCES) {
      await queryRunner.query(recountOnChange(functionName(source.table), 'equity_recount', source));
      for (const [op, refs] of STATEMENT_OPS) {
        if (source.table === 'disclosure_keys' && op === 'insert') continue;
        await queryRunner.query(
          `CREATE TRIGGER equity_${op} AFTER ${op.toUpperCase()} ON "${source.table}" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(source.table)}()`,
        );
      }
    }
    await queryRunner.query(
      `INSERT INTO "equity_facts" (educator_id, district_id, school_year, col, gender, race_ethnicity, key) ${EQUITY_FACTS_SELECT}`,
    );
    await queryRunner.query(
      `INSERT INTO "equity_counts" (district_id, dimension, school_year, col, grp, n, ks) ${EQUITY_COUNTS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES) {
      for (const [op] of STATEMENT_OPS) await queryRunner.query(`DROP TRIGGER IF EXISTS equity_${op} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${functionName(table)}()`);
    }
    await queryRunner.query('DROP FUNCTION equity_recount(uuid[])');
    await queryRunner.query('DROP TABLE "equity_counts"');
    await queryRunner.query('DROP TABLE "equity_facts"');
  }
}
