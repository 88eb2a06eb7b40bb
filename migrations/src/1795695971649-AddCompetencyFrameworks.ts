import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCompetencyFrameworks1795695971649 implements MigrationInterface {
  name = 'AddCompetencyFrameworks1795695971649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "competency_frameworks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid, "key" character varying(200) NOT NULL, "title" character varying(300) NOT NULL, "short_name" character varying(40) NOT NULL, "source" text NOT NULL DEFAULT \'\', "description" text NOT NULL DEFAULT \'\', "rubric" jsonb NOT NULL, CONSTRAINT "uq_competency_frameworks_key" UNIQUE ("key"), CONSTRAINT "PK_9932b67ed3742f803f71abd89d5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_competency_frameworks_district" ON "competency_frameworks"  ("district_id") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"competency_kind\" AS ENUM('domain', 'competency', 'indicator')");
    await queryRunner.query(
      'CREATE TABLE "competencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "parent_id" uuid, "kind" "public"."competency_kind" NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(400) NOT NULL, "description" text NOT NULL DEFAULT \'\', "position" integer NOT NULL DEFAULT \'0\', "case_identifier" character varying(100), CONSTRAINT "uq_competencies_framework_code" UNIQUE ("framework_id", "code"), CONSTRAINT "ck_competencies_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "PK_0b29ecda233cc61de0d93527813" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_competencies_parent" ON "competencies"  ("parent_id") ');
    await queryRunner.query('CREATE TYPE "public"."crosswalk_kind" AS ENUM(\'exact\', \'related\')');
    await queryRunner.query(
      'CREATE TABLE "crosswalk_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid, "from_id" uuid NOT NULL, "to_id" uuid NOT NULL, "kind" "public"."crosswalk_kind" NOT NULL, CONSTRAINT "uq_crosswalk_links_from_to" UNIQUE ("from_id", "to_id"), CONSTRAINT "ck_crosswalk_links_distinct" CHECK ("from_id" <> "to_id"), CONSTRAINT "PK_0a05621e31786a0ebdd67ab502a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_crosswalk_links_to" ON "crosswalk_links"  ("to_id") ');
    await queryRunner.query(
      'CREATE TABLE "role_targets" ("role_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "target_level" integer NOT NULL, CONSTRAINT "pk_role_targets" PRIMARY KEY ("role_id", "competency_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_role_targets_competency" ON "role_targets"  ("competency_id") ');
    await queryRunner.query(
      'ALTER TABLE "competency_frameworks" ADD CONSTRAINT "fk_competency_frameworks_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "competencies" ADD CONSTRAINT "fk_competencies_framework" FOREIGN KEY ("framework_id") REFERENCES "competency_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "competencies" ADD CONSTRAINT "fk_competencies_parent" FOREIGN KEY ("parent_id") REFERENCES "competencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "crosswalk_links" ADD CONSTRAINT "fk_crosswalk_links_from" FOREIGN KEY ("from_id") REFERENCES "competencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "crosswalk_links" ADD CONSTRAINT "fk_crosswalk_links_to" FOREIGN KEY ("to_id") REFERENCES "competencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_targets" ADD CONSTRAINT "fk_role_targets_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_targets" ADD CONSTRAINT "fk_role_targets_competency" FOREIGN KEY ("competency_id") REFERENCES "competencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "role_targets" DROP CONSTRAINT "fk_role_targets_competency"');
    await queryRunner.query('ALTER TABLE "role_targets" DROP CONSTRAINT "fk_role_targets_role"');
    await queryRunner.query('ALTER TABLE "crosswalk_links" DROP CONSTRAINT "fk_crosswalk_links_to"');
    await queryRunner.query('ALTER TABLE "crosswalk_links" DROP CONSTRAINT "fk_crosswalk_links_from"');
    await queryRunner.query('ALTER TABLE "competencies" DROP CONSTRAINT "fk_competencies_parent"');
    await queryRunner.query('ALTER TABLE "competencies" DROP CONSTRAINT "fk_competencies_framework"');
    await queryRunner.query('ALTER TABLE "competency_frameworks" DROP CONSTRAINT "fk_competency_frameworks_district"');
    await queryRunner.query('DROP INDEX "public"."ix_role_targets_competency"');
    await queryRunner.query('DROP TABLE "role_targets"');
    await queryRunner.query('DROP INDEX "public"."ix_crosswalk_links_to"');
    await queryRunner.query('DROP TABLE "crosswalk_links"');
    await queryRunner.query('DROP TYPE "public"."crosswalk_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_competencies_parent"');
    await queryRunner.query('DROP TABLE "competencies"');
    await queryRunner.query('DROP TYPE "public"."competency_kind"');
    await queryRunner.query('DROP INDEX "public"."ix_competency_frameworks_district"');
    await queryRunner.query('DROP TABLE "competency_frameworks"');
  }
}
