import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Mentors (issue #19 part 3). hr marks an educator as a mentor with a capacity; `taken` counts their active
 * mentorships and a CHECK keeps it within the capacity, so that two acceptances at once cannot both take the
 * last place (the accepting UPDATE is conditional, the CHECK is the backstop). A candidacy has at most one
 * open (requested or active) mentorship. Sessions are the hours either side logs.
 */
export class AddMentors1797600000000 implements MigrationInterface {
  name = 'AddMentors1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mentors" (
      "educator_id" uuid NOT NULL, "district_id" uuid NOT NULL, "capacity" int NOT NULL, "taken" int NOT NULL DEFAULT 0,
      "active" boolean NOT NULL DEFAULT true, "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(), "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_mentors" PRIMARY KEY ("educator_id"),
      CONSTRAINT "ck_mentors_capacity" CHECK ("capacity" BETWEEN 0 AND 20),
      CONSTRAINT "ck_mentors_taken" CHECK ("taken" >= 0 AND "taken" <= "capacity"),
      CONSTRAINT "fk_mentors_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_mentors_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE)`);
    await queryRunner.query('CREATE INDEX "ix_mentors_district" ON "mentors" ("district_id")');
    await queryRunner.query(
      `CREATE TYPE "mentorship_status" AS ENUM ('requested', 'active', 'declined', 'withdrawn', 'ended')`,
    );
    await queryRunner.query(`CREATE TABLE "mentorships" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "candidate_id" uuid NOT NULL,
      "mentor_educator_id" uuid NOT NULL, "status" "mentorship_status" NOT NULL DEFAULT 'requested',
      "message" varchar(1000) NOT NULL DEFAULT '', "requested_by_user_id" uuid,
      "requested_at" timestamptz NOT NULL DEFAULT now(), "answered_at" timestamptz, "answer" varchar(1000),
      "ended_at" timestamptz, "ended_by_user_id" uuid, "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(), "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_mentorships" PRIMARY KEY ("id"),
      CONSTRAINT "fk_mentorships_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_mentorships_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_mentorships_mentor" FOREIGN KEY ("mentor_educator_id") REFERENCES "mentors" ("educator_id") ON DELETE RESTRICT,
      CONSTRAINT "fk_mentorships_requested_by" FOREIGN KEY ("requested_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_mentorships_ended_by" FOREIGN KEY ("ended_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    // One open request or mentorship per candidacy, whatever two requests do at once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_mentorships_open" ON "mentorships" ("candidate_id") WHERE "status" IN ('requested', 'active')`,
    );
    await queryRunner.query('CREATE INDEX "ix_mentorships_mentor" ON "mentorships" ("mentor_educator_id", "status")');
    await queryRunner.query('CREATE INDEX "ix_mentorships_district" ON "mentorships" ("district_id", "requested_at")');
    await queryRunner.query(`CREATE TABLE "mentoring_sessions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "held_on" date NOT NULL, "minutes" int NOT NULL, "topic" varchar(500) NOT NULL DEFAULT '',
      "logged_by_user_id" uuid, "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_mentoring_sessions" PRIMARY KEY ("id"),
      CONSTRAINT "ck_mentoring_sessions_minutes" CHECK ("minutes" BETWEEN 5 AND 720),
      CONSTRAINT "fk_mentoring_sessions_mentorship" FOREIGN KEY ("mentorship_id") REFERENCES "mentorships" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_mentoring_sessions_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_mentoring_sessions_logged_by" FOREIGN KEY ("logged_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_mentoring_sessions_mentorship" ON "mentoring_sessions" ("mentorship_id", "held_on")',
    );
    await addAuditTriggers(queryRunner, 'mentors', 'educator_id');
    await addAuditTriggers(queryRunner, 'mentorships');
    await addAuditTriggers(queryRunner, 'mentoring_sessions');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['mentoring_sessions', 'mentorships', 'mentors']) {
      await dropAuditTriggers(queryRunner, table);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query('DROP TYPE "mentorship_status"');
  }
}
