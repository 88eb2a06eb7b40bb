import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDevelopmentAndPositions1795700120614 implements MigrationInterface {
  name = 'AddDevelopmentAndPositions1795700120614';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"opportunity_type\" AS ENUM('residency', 'mentorship', 'shadowing', 'project', 'committee', 'coursework', 'cohort_session')",
    );
    await queryRunner.query(
      'CREATE TABLE "development_opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "type" "public"."opportunity_type" NOT NULL, "level" "public"."leadership_level" NOT NULL, "host_school_id" uuid, "seats" integer NOT NULL, "seats_taken" integer NOT NULL DEFAULT \'0\', "starts_on" date, "ends_on" date, "hours" integer NOT NULL DEFAULT \'0\', "description" text NOT NULL DEFAULT \'\', CONSTRAINT "ck_development_opportunities_dates" CHECK ("ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "ck_development_opportunities_seats" CHECK ("seats" >= 1 AND "seats_taken" >= 0 AND "seats_taken" <= "seats"), CONSTRAINT "PK_1c61f29b06242f360142c9bf39c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_development_opportunities_host_school" ON "development_opportunities"  ("host_school_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_development_opportunities_district_starts" ON "development_opportunities"  ("district_id", "starts_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "opportunity_competencies" ("opportunity_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT \'0\', CONSTRAINT "pk_opportunity_competencies" PRIMARY KEY ("opportunity_id", "competency_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_opportunity_competencies_competency" ON "opportunity_competencies"  ("competency_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"assignment_status\" AS ENUM('assigned', 'in_progress', 'completed', 'withdrawn')",
    );
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "status" "public"."assignment_status" NOT NULL DEFAULT \'assigned\', "due_on" date, "hours_logged" numeric(6,1) NOT NULL DEFAULT \'0\', "reflection" text NOT NULL DEFAULT \'\', "outcome_note" text NOT NULL DEFAULT \'\', "assigned_by_user_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_assignments_hours" CHECK ("hours_logged" >= 0), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_assignments_district_status_due" ON "assignments"  ("district_id", "status", "due_on") ',
    );
    await queryRunner.query('CREATE INDEX "ix_assignments_candidate" ON "assignments"  ("candidate_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_assignments_live_candidate_opportunity" ON "assignments"  ("opportunity_id", "candidate_id") WHERE "status" <> \'withdrawn\'',
    );
    await queryRunner.query('CREATE TYPE "public"."position_status" AS ENUM(\'filled\', \'vacant\')');
    await queryRunner.query(
      'CREATE TABLE "positions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "school_id" uuid, "role_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "incumbent_educator_id" uuid, "status" "public"."position_status" NOT NULL DEFAULT \'vacant\', "projected_vacancy_on" date, "placed_candidate_id" uuid, "filled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_17e4e62ccd5749b289ae3fae6f3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_positions_incumbent" ON "positions"  ("incumbent_educator_id") ');
    await queryRunner.query('CREATE INDEX "ix_positions_school" ON "positions"  ("school_id") ');
    await queryRunner.query('CREATE INDEX "ix_positions_district_role" ON "positions"  ("district_id", "role_id") ');
    await queryRunner.query(
      'CREATE TABLE "readiness_assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "suggested_band" "public"."readiness_band" NOT NULL, "suggested_reasons" jsonb NOT NULL, "band" "public"."readiness_band" NOT NULL, "rationale" text NOT NULL, "confirmed_by_user_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b810209c85179a9193017f90463" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_readiness_assessments_district" ON "readiness_assessments"  ("district_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_readiness_assessments_candidate_time" ON "readiness_assessments"  ("candidate_id", "confirmed_at") ',
    );
    await queryRunner.query('ALTER TABLE "candidates" ADD "readiness_confirmed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "evidence" ADD "assignment_id" uuid');
    await queryRunner.query('CREATE INDEX "ix_evidence_assignment" ON "evidence"  ("assignment_id") ');
    await queryRunner.query(
      'ALTER TABLE "development_opportunities" ADD CONSTRAINT "fk_development_opportunities_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "development_opportunities" ADD CONSTRAINT "fk_development_opportunities_host_school" FOREIGN KEY ("host_school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_competencies" ADD CONSTRAINT "fk_opportunity_competencies_opportunity" FOREIGN KEY ("opportunity_id") REFERENCES "development_opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_competencies" ADD CONSTRAINT "fk_opportunity_competencies_competency" FOREIGN KEY ("competency_id") REFERENCES "competencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_opportunity" FOREIGN KEY ("opportunity_id") REFERENCES "development_opportunities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_assigned_by" FOREIGN KEY ("assigned_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "positions" ADD CONSTRAINT "fk_positions_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "positions" ADD CONSTRAINT "fk_positions_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "positions" ADD CONSTRAINT "fk_positions_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "positions" ADD CONSTRAINT "fk_positions_incumbent" FOREIGN KEY ("incumbent_educator_id") REFERENCES "educators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "positions" ADD CONSTRAINT "fk_positions_placed_candidate" FOREIGN KEY ("placed_candidate_id") REFERENCES "candidates"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "readiness_assessments" ADD CONSTRAINT "fk_readiness_assessments_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "readiness_assessments" ADD CONSTRAINT "fk_readiness_assessments_user" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "readiness_assessments" DROP CONSTRAINT "fk_readiness_assessments_user"');
    await queryRunner.query('ALTER TABLE "readiness_assessments" DROP CONSTRAINT "fk_readiness_assessments_candidate"');
    await queryRunner.query('ALTER TABLE "positions" DROP CONSTRAINT "fk_positions_placed_candidate"');
    await queryRunner.query('ALTER TABLE "positions" DROP CONSTRAINT "fk_positions_incumbent"');
    await queryRunner.query('ALTER TABLE "positions" DROP CONSTRAINT "fk_positions_role"');
    await queryRunner.query('ALTER TABLE "positions" DROP CONSTRAINT "fk_positions_school"');
    await queryRunner.query('ALTER TABLE "positions" DROP CONSTRAINT "fk_positions_district"');
    await queryRunner.query('ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_assignment"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "fk_assignments_assigned_by"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "fk_assignments_candidate"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "fk_assignments_opportunity"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "fk_assignments_district"');
    await queryRunner.query(
      'ALTER TABLE "opportunity_competencies" DROP CONSTRAINT "fk_opportunity_competencies_competency"',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_competencies" DROP CONSTRAINT "fk_opportunity_competencies_opportunity"',
    );
    await queryRunner.query(
      'ALTER TABLE "development_opportunities" DROP CONSTRAINT "fk_development_opportunities_host_school"',
    );
    await queryRunner.query(
      'ALTER TABLE "development_opportunities" DROP CONSTRAINT "fk_development_opportunities_district"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_evidence_assignment"');
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "assignment_id"');
    await queryRunner.query('ALTER TABLE "candidates" DROP COLUMN "readiness_confirmed_at"');
    await queryRunner.query('DROP INDEX "public"."ix_readiness_assessments_candidate_time"');
    await queryRunner.query('DROP INDEX "public"."ix_readiness_assessments_district"');
    await queryRunner.query('DROP TABLE "readiness_assessments"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_district_role"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_school"');
    await queryRunner.query('DROP INDEX "public"."ix_positions_incumbent"');
    await queryRunner.query('DROP TABLE "positions"');
    await queryRunner.query('DROP TYPE "public"."position_status"');
    await queryRunner.query('DROP INDEX "public"."uq_assignments_live_candidate_opportunity"');
    await queryRunner.query('DROP INDEX "public"."ix_assignments_candidate"');
    await queryRunner.query('DROP INDEX "public"."ix_assignments_district_status_due"');
    await queryRunner.query('DROP TABLE "assignments"');
    await queryRunner.query('DROP TYPE "public"."assignment_status"');
    await queryRunner.query('DROP INDEX "public"."ix_opportunity_competencies_competency"');
    await queryRunner.query('DROP TABLE "opportunity_competencies"');
    await queryRunner.query('DROP INDEX "public"."ix_development_opportunities_district_starts"');
    await queryRunner.query('DROP INDEX "public"."ix_development_opportunities_host_school"');
    await queryRunner.query('DROP TABLE "development_opportunities"');
    await queryRunner.query('DROP TYPE "public"."opportunity_type"');
  }
}
