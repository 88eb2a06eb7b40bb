import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Talent review sessions (issue #18 part 4): hr or the superintendent convenes one for a role and/or a group of
 * schools, invites reviewers, and records a decision per candidate (readiness, a stage move, a development
 * action). Every change keeps its before and after with who and why; closing applies the decisions at once.
 */
export class AddTalentReviewSessions1797300000000 implements MigrationInterface {
  name = 'AddTalentReviewSessions1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "review_session_status" AS ENUM ('open', 'closed')`);
    await queryRunner.query(`CREATE TABLE "review_sessions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL,
      "title" text NOT NULL, "role_id" uuid, "meets_on" date,
      "status" "review_session_status" NOT NULL DEFAULT 'open',
      "convened_by_user_id" uuid, "closed_by_user_id" uuid, "closed_at" timestamptz, "applied" jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "pk_review_sessions" PRIMARY KEY ("id"),
      CONSTRAINT "ck_review_sessions_title" CHECK (length(btrim("title")) > 0),
      CONSTRAINT "ck_review_sessions_closed" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)),
      CONSTRAINT "fk_review_sessions_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_sessions_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles" ("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_review_sessions_convened_by" FOREIGN KEY ("convened_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_review_sessions_closed_by" FOREIGN KEY ("closed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_review_sessions_district" ON "review_sessions" ("district_id", "created_at" DESC, "id")',
    );
    await queryRunner.query(`CREATE TABLE "review_session_schools" (
      "session_id" uuid NOT NULL, "school_id" uuid NOT NULL,
      CONSTRAINT "pk_review_session_schools" PRIMARY KEY ("session_id", "school_id"),
      CONSTRAINT "fk_review_session_schools_session" FOREIGN KEY ("session_id") REFERENCES "review_sessions" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_schools_school" FOREIGN KEY ("school_id") REFERENCES "schools" ("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE TABLE "review_session_reviewers" (
      "session_id" uuid NOT NULL, "user_id" uuid NOT NULL,
      CONSTRAINT "pk_review_session_reviewers" PRIMARY KEY ("session_id", "user_id"),
      CONSTRAINT "fk_review_session_reviewers_session" FOREIGN KEY ("session_id") REFERENCES "review_sessions" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_reviewers_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      'CREATE INDEX "ix_review_session_reviewers_user" ON "review_session_reviewers" ("user_id", "session_id")',
    );
    // The session's standing decision per candidate; null fields: nothing decided on that count. from_stage: the
    // candidate's stage when it was decided (a move decided from one stage is not applied from another).
    await queryRunner.query(`CREATE TABLE "review_session_decisions" (
      "session_id" uuid NOT NULL, "candidate_id" uuid NOT NULL,
      "readiness" "readiness_band", "stage" "candidate_stage", "opportunity_id" uuid, "rationale" text NOT NULL,
      "from_stage" "candidate_stage" NOT NULL,
      "decided_by_user_id" uuid, "decided_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_review_session_decisions" PRIMARY KEY ("session_id", "candidate_id"),
      CONSTRAINT "ck_review_session_decisions_some" CHECK (num_nonnulls("readiness", "stage", "opportunity_id") > 0),
      CONSTRAINT "fk_review_session_decisions_session" FOREIGN KEY ("session_id") REFERENCES "review_sessions" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_decisions_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_decisions_opportunity" FOREIGN KEY ("opportunity_id") REFERENCES "development_opportunities" ("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_review_session_decisions_by" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    // Every change to a decision, never updated: the session's record of before, after, who and why.
    await queryRunner.query(`CREATE TABLE "review_session_changes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "candidate_id" uuid NOT NULL,
      "before" jsonb NOT NULL, "after" jsonb NOT NULL, "rationale" text NOT NULL,
      "changed_by_user_id" uuid, "changed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "pk_review_session_changes" PRIMARY KEY ("id"),
      CONSTRAINT "fk_review_session_changes_session" FOREIGN KEY ("session_id") REFERENCES "review_sessions" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_changes_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_review_session_changes_by" FOREIGN KEY ("changed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_review_session_changes_session" ON "review_session_changes" ("session_id", "changed_at")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_review_session_decisions_candidate" ON "review_session_decisions" ("candidate_id")',
    );

    await addAuditTriggers(queryRunner, 'review_sessions');
    await addAuditTriggers(queryRunner, 'review_session_schools', 'session_id,school_id');
    await addAuditTriggers(queryRunner, 'review_session_reviewers', 'session_id,user_id');
    await addAuditTriggers(queryRunner, 'review_session_decisions', 'session_id,candidate_id');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "review_session_changes"');
    for (const table of [
      'review_session_decisions',
      'review_session_reviewers',
      'review_session_schools',
      'review_sessions',
    ]) {
      await dropAuditTriggers(queryRunner, table);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query('DROP TYPE "review_session_status"');
  }
}
