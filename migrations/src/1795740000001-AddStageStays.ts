import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each transition as a stay: the stage it entered, when, and when the candidacy's next transition ended it
 * (null while it lasts). The time-in-stage dashboard read this off the history with a window function per
 * request (lead() over a big district's 260,000 transitions); here it is kept as the history is written.
 *
 * The set-based definition; the triggers keep the table equal to it, and the scale generator (which loads
 * with triggers off) rebuilds it with this and checks it.
 */
export const STAGE_STAYS_SELECT = `
  SELECT id AS transition_id, district_id, candidate_id, to_stage AS stage, created_at AS entered_at,
         lead(created_at) OVER (PARTITION BY candidate_id ORDER BY created_at, id) AS left_at
    FROM stage_transitions`;

// A candidacy's stays are recounted whole whenever its history changes: a few rows, written under the
// candidate's row lock that every stage move takes, so concurrent moves of one candidacy queue.
export const STAGE_STAYS_RECOUNT = `
CREATE FUNCTION stage_stays_recount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cands uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT candidate_id) INTO cands FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT c) INTO cands
      FROM (SELECT candidate_id AS c FROM old_rows UNION SELECT candidate_id FROM new_rows) x;
  END IF;
  DELETE FROM stage_stays WHERE candidate_id = ANY (cands);
  INSERT INTO stage_stays (transition_id, district_id, candidate_id, stage, entered_at, left_at)
  SELECT id, district_id, candidate_id, to_stage, created_at,
         lead(created_at) OVER (PARTITION BY candidate_id ORDER BY created_at, id)
    FROM stage_transitions WHERE candidate_id = ANY (cands);
  RETURN NULL;
END $$;`;

export class AddStageStays1795740000001 implements MigrationInterface {
  name = 'AddStageStays1795740000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stage_stays" ("transition_id" uuid NOT NULL, "district_id" uuid NOT NULL,
        "candidate_id" uuid NOT NULL, "stage" "public"."candidate_stage" NOT NULL,
        "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "left_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_stage_stays" PRIMARY KEY ("transition_id"))`,
    );
    // A district's stays joined to its candidacies in scope, read index-only by the dashboard.
    await queryRunner.query(
      'CREATE INDEX "ix_stage_stays_district_candidate" ON "stage_stays" ("district_id", "candidate_id") INCLUDE ("stage", "entered_at", "left_at")',
    );
    await queryRunner.query('CREATE INDEX "ix_stage_stays_candidate" ON "stage_stays" ("candidate_id")');
    await queryRunner.query(STAGE_STAYS_RECOUNT);
    for (const [op, refs] of [
      ['insert', 'NEW TABLE AS new_rows'],
      ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['delete', 'OLD TABLE AS old_rows'],
    ] as const) {
      await queryRunner.query(
        `CREATE TRIGGER stage_stays_${op} AFTER ${op.toUpperCase()} ON "stage_transitions" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION stage_stays_recount()`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "stage_stays" (transition_id, district_id, candidate_id, stage, entered_at, left_at) ${STAGE_STAYS_SELECT}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['delete', 'update', 'insert']) {
      await queryRunner.query(`DROP TRIGGER stage_stays_${op} ON "stage_transitions"`);
    }
    await queryRunner.query('DROP FUNCTION stage_stays_recount()');
    await queryRunner.query('DROP INDEX "public"."ix_stage_stays_candidate"');
    await queryRunner.query('DROP INDEX "public"."ix_stage_stays_district_candidate"');
    await queryRunner.query('DROP TABLE "stage_stays"');
  }
}
