import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each candidate's latest rating per competency node, by the rule the profile and the competencies
 * dashboard apply: the latest `observed_on` wins, ties the higher level. Rescaling to a target's rubric is
 * monotonic, so the node's own latest is all a target needs of that node. A big district has ~14 evidence
 * rows per (candidate, node): the heatmap reads this table instead of the evidence.
 *
 * The set-based definition; the triggers keep the table equal to it, and the scale generator (which loads
 * with triggers off) rebuilds it with this and checks it.
 */
export const LATEST_RATINGS_SELECT = `
  SELECT DISTINCT ON (candidate_id, competency_id) candidate_id, competency_id, district_id, observed_on, level
    FROM evidence
   ORDER BY candidate_id, competency_id, observed_on DESC, level DESC`;

const FUNCTIONS = `
CREATE FUNCTION latest_ratings_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO latest_ratings AS l (candidate_id, competency_id, district_id, observed_on, level)
  SELECT DISTINCT ON (candidate_id, competency_id) candidate_id, competency_id, district_id, observed_on, level
    FROM new_rows
   ORDER BY candidate_id, competency_id, observed_on DESC, level DESC
  ON CONFLICT (candidate_id, competency_id) DO UPDATE
     SET observed_on = EXCLUDED.observed_on, level = EXCLUDED.level, district_id = EXCLUDED.district_id
   WHERE (EXCLUDED.observed_on, EXCLUDED.level) > (l.observed_on, l.level);
  RETURN NULL;
END $$;

-- An update or delete can lower a pair's latest: recount the pairs it touched from the evidence. The lock
-- makes a concurrent insert's upsert wait for this recount (else it could read a snapshot without that
-- insert and overwrite it). Evidence is append-only through the API, so this path is rare.
CREATE FUNCTION latest_ratings_recount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cands uuid[];
  comps uuid[];
BEGIN
  LOCK TABLE latest_ratings IN SHARE ROW EXCLUSIVE MODE;
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(candidate_id), array_agg(competency_id) INTO cands, comps
      FROM (SELECT candidate_id, competency_id FROM old_rows UNION SELECT candidate_id, competency_id FROM new_rows) p;
  ELSE
    SELECT array_agg(candidate_id), array_agg(competency_id) INTO cands, comps
      FROM (SELECT DISTINCT candidate_id, competency_id FROM old_rows) p;
  END IF;
  DELETE FROM latest_ratings l
   WHERE (l.candidate_id, l.competency_id) IN (SELECT * FROM unnest(cands, comps));
  INSERT INTO latest_ratings (candidate_id, competency_id, district_id, observed_on, level)
  SELECT DISTINCT ON (e.candidate_id, e.competency_id) e.candidate_id, e.competency_id, e.district_id, e.observed_on, e.level
    FROM evidence e
   WHERE (e.candidate_id, e.competency_id) IN (SELECT * FROM unnest(cands, comps))
   ORDER BY e.candidate_id, e.competency_id, e.observed_on DESC, e.level DESC;
  RETURN NULL;
END $$;`;

export class AddLatestRatings1795740000000 implements MigrationInterface {
  name = 'AddLatestRatings1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "latest_ratings" ("candidate_id" uuid NOT NULL, "competency_id" uuid NOT NULL,
        "district_id" uuid NOT NULL, "observed_on" date NOT NULL, "level" integer NOT NULL,
        CONSTRAINT "pk_latest_ratings" PRIMARY KEY ("candidate_id", "competency_id"))`,
    );
    // A district's ratings, read index-only by the heatmap.
    await queryRunner.query(
      'CREATE INDEX "ix_latest_ratings_district" ON "latest_ratings" ("district_id", "candidate_id", "competency_id") INCLUDE ("observed_on", "level")',
    );
    await queryRunner.query(FUNCTIONS);
    await queryRunner.query(
      'CREATE TRIGGER latest_ratings_insert AFTER INSERT ON "evidence" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_ratings_add()',
    );
    await queryRunner.query(
      'CREATE TRIGGER latest_ratings_update AFTER UPDATE ON "evidence" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_ratings_recount()',
    );
    await queryRunner.query(
      'CREATE TRIGGER latest_ratings_delete AFTER DELETE ON "evidence" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_ratings_recount()',
    );
    await queryRunner.query(
      `INSERT INTO "latest_ratings" (candidate_id, competency_id, district_id, observed_on, level) ${LATEST_RATINGS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER latest_ratings_delete ON "evidence"');
    await queryRunner.query('DROP TRIGGER latest_ratings_update ON "evidence"');
    await queryRunner.query('DROP TRIGGER latest_ratings_insert ON "evidence"');
    await queryRunner.query('DROP FUNCTION latest_ratings_recount()');
    await queryRunner.query('DROP FUNCTION latest_ratings_add()');
    await queryRunner.query('DROP INDEX "public"."ix_latest_ratings_district"');
    await queryRunner.query('DROP TABLE "latest_ratings"');
  }
}
