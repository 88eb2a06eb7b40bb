import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Slates for seats (issue #18 part 3) and the first part of an educator's career profile (issue #19 part 1):
 * whether and where they would move, which a slate reads as willingness. A slate row exists once hr decides
 * something about the seat's candidates; without one the slate is computed as it stands.
 */
export class AddSlatesAndCareerProfiles1797200000000 implements MigrationInterface {
  name = 'AddSlatesAndCareerProfiles1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "career_move_willingness" AS ENUM ('anywhere', 'listed', 'not_now')`);
    await queryRunner.query(`CREATE TABLE "career_profiles" (
      "educator_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "open_to_nomination" boolean NOT NULL DEFAULT false,
      "move_willingness" "career_move_willingness",
      "move_grade_bands" "school_grade_band"[] NOT NULL DEFAULT '{}',
      "updated_at" timestamptz NOT NULL DEFAULT now(), "updated_by_user_id" uuid,
      CONSTRAINT "pk_career_profiles" PRIMARY KEY ("educator_id"),
      CONSTRAINT "fk_career_profiles_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_profiles_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_profiles_updated_by" FOREIGN KEY ("updated_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE TABLE "career_profile_schools" (
      "educator_id" uuid NOT NULL, "school_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      CONSTRAINT "pk_career_profile_schools" PRIMARY KEY ("educator_id", "school_id"),
      CONSTRAINT "fk_career_profile_schools_profile" FOREIGN KEY ("educator_id") REFERENCES "career_profiles" ("educator_id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_profile_schools_school" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      'CREATE INDEX "ix_career_profile_schools_school" ON "career_profile_schools" ("school_id", "educator_id")',
    );

    // frozen_entries: the ranked slate as it stood when hr froze it, kept as the record of that decision.
    await queryRunner.query(`CREATE TABLE "slates" (
      "position_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "frozen_at" timestamptz, "frozen_by_user_id" uuid, "frozen_entries" jsonb,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_slates" PRIMARY KEY ("position_id"),
      CONSTRAINT "ck_slates_frozen" CHECK (("frozen_at" IS NULL) = ("frozen_entries" IS NULL)),
      CONSTRAINT "fk_slates_position" FOREIGN KEY ("position_id") REFERENCES "positions" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_slates_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_slates_frozen_by" FOREIGN KEY ("frozen_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE TABLE "slate_decisions" (
      "position_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "decision" text NOT NULL, "reason" text,
      "decided_by_user_id" uuid, "decided_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_slate_decisions" PRIMARY KEY ("position_id", "candidate_id"),
      CONSTRAINT "ck_slate_decisions_decision" CHECK ("decision" IN ('pinned', 'excluded')),
      CONSTRAINT "ck_slate_decisions_reason" CHECK ("decision" = 'pinned' OR length(btrim(coalesce("reason", ''))) > 0),
      CONSTRAINT "fk_slate_decisions_slate" FOREIGN KEY ("position_id") REFERENCES "slates" ("position_id") ON DELETE CASCADE,
      CONSTRAINT "fk_slate_decisions_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_slate_decisions_decided_by" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query('CREATE INDEX "ix_slate_decisions_candidate" ON "slate_decisions" ("candidate_id")');

    await addAuditTriggers(queryRunner, 'career_profiles', 'educator_id');
    await addAuditTriggers(queryRunner, 'career_profile_schools', 'educator_id,school_id');
    await addAuditTriggers(queryRunner, 'slates', 'position_id');
    await addAuditTriggers(queryRunner, 'slate_decisions', 'position_id,candidate_id');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['slate_decisions', 'slates', 'career_profile_schools', 'career_profiles']) {
      await dropAuditTriggers(queryRunner, table);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query('DROP TYPE "career_move_willingness"');
  }
}
