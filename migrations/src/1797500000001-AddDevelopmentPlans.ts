import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Individual development plans (issue #19 part 2). A candidacy's plans are numbered; at most one is a draft
 * and at most one is agreed (the one in force). Agreeing a draft needs both the candidate and a coordinator
 * (or hr); it then replaces the plan in force, which is kept as superseded. Actions of an agreed plan are
 * ticked as they are done, by hand or by the completion of the opportunity they name. A revision's actions
 * remember the action they were copied from (`source_action_id`), so that what was done on the plan in force
 * while the revision was discussed is carried over when it is agreed.
 */
export class AddDevelopmentPlans1797500000001 implements MigrationInterface {
  name = 'AddDevelopmentPlans1797500000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "plan_status" AS ENUM ('draft', 'agreed', 'superseded')`);
    await queryRunner.query(
      `CREATE TYPE "plan_action_kind" AS ENUM ('opportunity', 'mentor_conversation', 'reflection', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "plan_action_owner" AS ENUM ('candidate', 'coordinator', 'mentor')`);
    await queryRunner.query(`CREATE TABLE "development_plans" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "number" int NOT NULL, "status" "plan_status" NOT NULL DEFAULT 'draft',
      "candidate_agreed_at" timestamptz, "candidate_agreed_by_user_id" uuid,
      "coordinator_agreed_at" timestamptz, "coordinator_agreed_by_user_id" uuid,
      "agreed_at" timestamptz, "superseded_at" timestamptz,
      "created_by_user_id" uuid, "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(), "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_development_plans" PRIMARY KEY ("id"),
      CONSTRAINT "uq_development_plans_number" UNIQUE ("candidate_id", "number"),
      CONSTRAINT "ck_development_plans_agreed" CHECK ("status" = 'draft' OR ("agreed_at" IS NOT NULL
        AND "candidate_agreed_at" IS NOT NULL AND "coordinator_agreed_at" IS NOT NULL)),
      CONSTRAINT "ck_development_plans_superseded" CHECK (("status" = 'superseded') = ("superseded_at" IS NOT NULL)),
      CONSTRAINT "fk_development_plans_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_development_plans_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_development_plans_candidate_agreed_by" FOREIGN KEY ("candidate_agreed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_development_plans_coordinator_agreed_by" FOREIGN KEY ("coordinator_agreed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_development_plans_created_by" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    // One draft and one plan in force per candidacy, whatever two requests do at once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_development_plans_draft" ON "development_plans" ("candidate_id") WHERE "status" = 'draft'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_development_plans_agreed" ON "development_plans" ("candidate_id") WHERE "status" = 'agreed'`,
    );
    await queryRunner.query(`CREATE TABLE "plan_actions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "position" int NOT NULL, "competency_id" uuid, "kind" "plan_action_kind" NOT NULL,
      "opportunity_id" uuid, "description" varchar(1000) NOT NULL, "owner" "plan_action_owner" NOT NULL,
      "due_on" date, "done_at" timestamptz, "done_by_user_id" uuid, "assignment_id" uuid,
      "source_action_id" uuid,
      CONSTRAINT "pk_plan_actions" PRIMARY KEY ("id"),
      CONSTRAINT "ck_plan_actions_description" CHECK (length(btrim("description")) > 0),
      CONSTRAINT "fk_plan_actions_plan" FOREIGN KEY ("plan_id") REFERENCES "development_plans" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_plan_actions_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_plan_actions_competency" FOREIGN KEY ("competency_id") REFERENCES "competencies" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_plan_actions_opportunity" FOREIGN KEY ("opportunity_id") REFERENCES "development_opportunities" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_plan_actions_done_by" FOREIGN KEY ("done_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_plan_actions_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_plan_actions_source" FOREIGN KEY ("source_action_id") REFERENCES "plan_actions" ("id") ON DELETE SET NULL)`);
    await queryRunner.query('CREATE INDEX "ix_plan_actions_plan" ON "plan_actions" ("plan_id", "position")');
    // The coordinator's list: open actions by due date.
    await queryRunner.query(
      'CREATE INDEX "ix_plan_actions_open_due" ON "plan_actions" ("district_id", "due_on") WHERE "done_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_plan_actions_opportunity" ON "plan_actions" ("opportunity_id") WHERE "opportunity_id" IS NOT NULL',
    );
    await addAuditTriggers(queryRunner, 'development_plans');
    await addAuditTriggers(queryRunner, 'plan_actions');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['plan_actions', 'development_plans']) {
      await dropAuditTriggers(queryRunner, table);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['plan_action_owner', 'plan_action_kind', 'plan_status']) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
  }
}
