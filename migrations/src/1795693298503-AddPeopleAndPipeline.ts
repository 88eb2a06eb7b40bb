import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPeopleAndPipeline1795693298503 implements MigrationInterface {
  name = 'AddPeopleAndPipeline1795693298503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"leadership_level\" AS ENUM('classroom', 'school', 'district')");
    await queryRunner.query('CREATE TYPE "public"."educator_status" AS ENUM(\'active\', \'inactive\')');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"gender\" AS ENUM('female', 'male', 'nonbinary', 'prefer_not_to_say')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"race_ethnicity\" AS ENUM('american_indian_alaska_native', 'asian', 'black_african_american', 'hispanic_latino', 'native_hawaiian_pacific_islander', 'white', 'two_or_more', 'prefer_not_to_say')",
    );
    await queryRunner.query(
      'CREATE TABLE "educators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "employee_number" character varying(40) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "email" character varying(254), "school_id" uuid, "job_title" character varying(120) NOT NULL, "leadership_level" "public"."leadership_level", "years_in_education" integer, "status" "public"."educator_status" NOT NULL DEFAULT \'active\', "retirement_eligible_year" integer, "gender" "public"."gender", "race_ethnicity" "public"."race_ethnicity", CONSTRAINT "uq_educators_district_employee_number" UNIQUE ("district_id", "employee_number"), CONSTRAINT "ck_educators_years" CHECK ("years_in_education" IS NULL OR "years_in_education" BETWEEN 0 AND 70), CONSTRAINT "PK_08856464474dbbfe3f86c19b730" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_educators_school" ON "educators"  ("school_id", "last_name") ');
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_name" ON "educators"  ("district_id", "last_name", "first_name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "leadership_roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "level" "public"."leadership_level" NOT NULL, "description" text NOT NULL DEFAULT \'\', CONSTRAINT "uq_leadership_roles_district_title" UNIQUE ("district_id", "title"), CONSTRAINT "PK_af0f65ac3c280d55399f07f6da5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"candidate_stage\" AS ENUM('identified', 'engaged', 'developing', 'ready', 'placed', 'supported', 'paused', 'exited')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"active_stage\" AS ENUM('identified', 'engaged', 'developing', 'ready', 'placed', 'supported')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"exit_reason\" AS ENUM('completed', 'declined', 'withdrew', 'not_selected', 'left_district', 'other')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"readiness_band\" AS ENUM('ready_now', 'ready_1_2_years', 'ready_3_plus_years', 'not_assessed')",
    );
    await queryRunner.query(
      'CREATE TABLE "candidates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "educator_id" uuid NOT NULL, "role_id" uuid NOT NULL, "stage" "public"."candidate_stage" NOT NULL DEFAULT \'identified\', "paused_from" "public"."active_stage", "exit_reason" "public"."exit_reason", "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mentor_educator_id" uuid, "notes" text NOT NULL DEFAULT \'\', "readiness" "public"."readiness_band" NOT NULL DEFAULT \'not_assessed\', "readiness_shared" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_140681296bf033ab1eb95288abb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_candidates_mentor" ON "candidates"  ("mentor_educator_id") ');
    await queryRunner.query('CREATE INDEX "ix_candidates_role" ON "candidates"  ("role_id") ');
    await queryRunner.query('CREATE INDEX "ix_candidates_district_stage" ON "candidates"  ("district_id", "stage") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_candidates_active_educator_role" ON "candidates"  ("educator_id", "role_id") WHERE "stage" <> \'exited\'',
    );
    await queryRunner.query(
      'CREATE TABLE "stage_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "from_stage" "public"."candidate_stage", "to_stage" "public"."candidate_stage" NOT NULL, "actor_user_id" uuid, "reason" text, "exit_reason" "public"."exit_reason", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_faf253f34705dae8d5e187ddb62" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_stage_transitions_district_time" ON "stage_transitions"  ("district_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_stage_transitions_candidate_time" ON "stage_transitions"  ("candidate_id", "created_at") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"nominator_kind\" AS ENUM('hr', 'principal', 'peer', 'self')");
    await queryRunner.query(
      "CREATE TYPE \"public\".\"nomination_status\" AS ENUM('submitted', 'approved', 'declined', 'withdrawn')",
    );
    await queryRunner.query(
      'CREATE TABLE "nominations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "educator_id" uuid NOT NULL, "target_role_id" uuid NOT NULL, "nominator_user_id" uuid NOT NULL, "nominator_kind" "public"."nominator_kind" NOT NULL, "rationale" text NOT NULL, "private_note" text, "competency_ids" uuid array NOT NULL DEFAULT \'{}\', "status" "public"."nomination_status" NOT NULL DEFAULT \'submitted\', "decision_reason" text, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "candidate_id" uuid, CONSTRAINT "PK_94d2a23f18ea8e3b22d1ec6e972" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_nominations_nominator" ON "nominations"  ("nominator_user_id") ');
    await queryRunner.query('CREATE INDEX "ix_nominations_educator" ON "nominations"  ("educator_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_nominations_district_status" ON "nominations"  ("district_id", "status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_nominations_open_educator_role" ON "nominations"  ("educator_id", "target_role_id") WHERE "status" = \'submitted\'',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "UQ_f1343930f2dbe4ec8c665c6358a" UNIQUE ("educator_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "educators" ADD CONSTRAINT "fk_educators_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "educators" ADD CONSTRAINT "fk_educators_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "fk_users_educator" FOREIGN KEY ("educator_id") REFERENCES "educators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "leadership_roles" ADD CONSTRAINT "fk_leadership_roles_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidates" ADD CONSTRAINT "fk_candidates_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidates" ADD CONSTRAINT "fk_candidates_educator" FOREIGN KEY ("educator_id") REFERENCES "educators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidates" ADD CONSTRAINT "fk_candidates_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidates" ADD CONSTRAINT "fk_candidates_mentor" FOREIGN KEY ("mentor_educator_id") REFERENCES "educators"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stage_transitions" ADD CONSTRAINT "fk_stage_transitions_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stage_transitions" ADD CONSTRAINT "fk_stage_transitions_actor" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_educator" FOREIGN KEY ("educator_id") REFERENCES "educators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_target_role" FOREIGN KEY ("target_role_id") REFERENCES "leadership_roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_nominator" FOREIGN KEY ("nominator_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_decided_by" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_candidate"');
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_decided_by"');
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_nominator"');
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_target_role"');
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_educator"');
    await queryRunner.query('ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_district"');
    await queryRunner.query('ALTER TABLE "stage_transitions" DROP CONSTRAINT "fk_stage_transitions_actor"');
    await queryRunner.query('ALTER TABLE "stage_transitions" DROP CONSTRAINT "fk_stage_transitions_candidate"');
    await queryRunner.query('ALTER TABLE "candidates" DROP CONSTRAINT "fk_candidates_mentor"');
    await queryRunner.query('ALTER TABLE "candidates" DROP CONSTRAINT "fk_candidates_role"');
    await queryRunner.query('ALTER TABLE "candidates" DROP CONSTRAINT "fk_candidates_educator"');
    await queryRunner.query('ALTER TABLE "candidates" DROP CONSTRAINT "fk_candidates_district"');
    await queryRunner.query('ALTER TABLE "leadership_roles" DROP CONSTRAINT "fk_leadership_roles_district"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "fk_users_educator"');
    await queryRunner.query('ALTER TABLE "educators" DROP CONSTRAINT "fk_educators_school"');
    await queryRunner.query('ALTER TABLE "educators" DROP CONSTRAINT "fk_educators_district"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "UQ_f1343930f2dbe4ec8c665c6358a"');
    await queryRunner.query('DROP INDEX "public"."uq_nominations_open_educator_role"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_district_status"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_educator"');
    await queryRunner.query('DROP INDEX "public"."ix_nominations_nominator"');
    await queryRunner.query('DROP TABLE "nominations"');
    await queryRunner.query('DROP TYPE "public"."nomination_status"');
    await queryRunner.query('DROP TYPE "public"."nominator_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_stage_transitions_candidate_time"');
    await queryRunner.query('DROP INDEX "public"."ix_stage_transitions_district_time"');
    await queryRunner.query('DROP TABLE "stage_transitions"');
    await queryRunner.query('DROP TYPE "public"."exit_reason"');
    await queryRunner.query('DROP TYPE "public"."candidate_stage"');
    await queryRunner.query('DROP INDEX "public"."uq_candidates_active_educator_role"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_district_stage"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_role"');
    await queryRunner.query('DROP INDEX "public"."ix_candidates_mentor"');
    await queryRunner.query('DROP TABLE "candidates"');
    await queryRunner.query('DROP TYPE "public"."readiness_band"');
    await queryRunner.query('DROP TYPE "public"."active_stage"');
    await queryRunner.query('DROP TABLE "leadership_roles"');
    await queryRunner.query('DROP TYPE "public"."leadership_level"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_district_name"');
    await queryRunner.query('DROP INDEX "public"."ix_educators_school"');
    await queryRunner.query('DROP TABLE "educators"');
    await queryRunner.query('DROP TYPE "public"."race_ethnicity"');
    await queryRunner.query('DROP TYPE "public"."gender"');
    await queryRunner.query('DROP TYPE "public"."educator_status"');
  }
}
