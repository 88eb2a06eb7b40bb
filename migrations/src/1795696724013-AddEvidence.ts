import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEvidence1795696724013 implements MigrationInterface {
  name = 'AddEvidence1795696724013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"evidence_source\" AS ENUM('observation', 'artifact', 'feedback_360', 'self_reflection', 'opportunity_completion', 'evaluation')",
    );
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "level" integer NOT NULL, "source" "public"."evidence_source" NOT NULL, "note" text NOT NULL DEFAULT \'\', "link" character varying(2000), "observed_on" date NOT NULL, "recorder_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_evidence_competency" ON "evidence"  ("competency_id") ');
    await queryRunner.query('CREATE INDEX "ix_evidence_district_date" ON "evidence"  ("district_id", "observed_on") ');
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_candidate_competency_date" ON "evidence"  ("candidate_id", "competency_id", "observed_on") ',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_competency" FOREIGN KEY ("competency_id") REFERENCES "competencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_recorder" FOREIGN KEY ("recorder_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_recorder"');
    await queryRunner.query('ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_competency"');
    await queryRunner.query('ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_candidate"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_candidate_competency_date"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_district_date"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_competency"');
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('DROP TYPE "public"."evidence_source"');
  }
}
