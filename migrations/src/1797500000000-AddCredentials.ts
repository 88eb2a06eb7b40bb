import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Credentials on an educator's career profile (issue #19 part 1): licences, degrees and certifications the
 * person records and hr verifies. A role can require a licence; placing someone without a verified, current
 * one warns. An edit clears the verification (the check names the pair so neither half survives alone).
 */
export class AddCredentials1797500000000 implements MigrationInterface {
  name = 'AddCredentials1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "credential_kind" AS ENUM ('licence', 'degree', 'certification')`);
    await queryRunner.query(`CREATE TABLE "career_credentials" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "educator_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      "kind" "credential_kind" NOT NULL, "title" varchar(200) NOT NULL,
      "issuer" varchar(200) NOT NULL DEFAULT '', "state" varchar(2), "number" varchar(60),
      "issued_on" date, "expires_on" date,
      "verified_by_user_id" uuid, "verified_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
      "updated_by_user_id" uuid, "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_career_credentials" PRIMARY KEY ("id"),
      CONSTRAINT "ck_career_credentials_title" CHECK (length(btrim("title")) > 0),
      CONSTRAINT "ck_career_credentials_dates" CHECK ("expires_on" IS NULL OR "issued_on" IS NULL OR "expires_on" >= "issued_on"),
      CONSTRAINT "ck_career_credentials_verified" CHECK (("verified_at" IS NULL) = ("verified_by_user_id" IS NULL)),
      CONSTRAINT "fk_career_credentials_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_credentials_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_credentials_verified_by" FOREIGN KEY ("verified_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_career_credentials_updated_by" FOREIGN KEY ("updated_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_career_credentials_educator" ON "career_credentials" ("educator_id", "kind")',
    );
    await queryRunner.query('ALTER TABLE "leadership_roles" ADD "requires_licence" boolean NOT NULL DEFAULT false');
    await addAuditTriggers(queryRunner, 'career_credentials');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTriggers(queryRunner, 'career_credentials');
    await queryRunner.query('ALTER TABLE "leadership_roles" DROP COLUMN "requires_licence"');
    await queryRunner.query('DROP TABLE "career_credentials"');
    await queryRunner.query('DROP TYPE "credential_kind"');
  }
}
