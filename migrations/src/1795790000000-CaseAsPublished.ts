import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * CASE packages as publishers write them (issue #14). Codes become labels (publishers repeat them; the
 * CASE identifier is the identity), except among nodes added in the console, which stay unique. Nodes
 * and frameworks keep what the package says (item type, education levels, list enumeration, language,
 * licence, the CASE records themselves for export), and `case_associations` keeps the associations
 * Emerge does not turn into its tree or crosswalk: links to nodes outside the installation (resolved
 * when their framework arrives), secondary placements, and other association types.
 */
export class CaseAsPublished1795790000000 implements MigrationInterface {
  name = 'CaseAsPublished1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "competencies" DROP CONSTRAINT "uq_competencies_framework_code"');
    await queryRunner.query('ALTER TABLE "competencies" ALTER COLUMN "code" TYPE character varying(200)');
    await queryRunner.query(
      `ALTER TABLE "competencies" ADD "item_type" character varying(200), ADD "education_levels" text array NOT NULL DEFAULT '{}',
        ADD "list_enumeration" character varying(100), ADD "language" character varying(40), ADD "case_item" jsonb`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_competencies_framework_code_manual" ON "competencies" ("framework_id", "code") WHERE "case_identifier" IS NULL',
    );
    // CASE identifiers are UUIDs, compared case-insensitively.
    await queryRunner.query(
      'CREATE INDEX "ix_competencies_case_identifier" ON "competencies" (lower("case_identifier")) WHERE "case_identifier" IS NOT NULL',
    );
    await queryRunner.query(
      `ALTER TABLE "competency_frameworks" ADD "license" jsonb, ADD "source_uri" text, ADD "source_changed_at" character varying(40),
        ADD "case_document" jsonb, ADD "case_definitions" jsonb`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_associations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL,
        "competency_id" uuid NOT NULL, "node_end" character varying(11) NOT NULL, "association_type" character varying(100) NOT NULL,
        "other_identifier" text NOT NULL, "other_uri" text, "other_title" text, "other_competency_id" uuid,
        "sequence_number" integer, "case_identifier" text,
        CONSTRAINT "ck_case_associations_node_end" CHECK ("node_end" IN ('origin', 'destination')),
        CONSTRAINT "pk_case_associations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_case_associations_link" ON "case_associations" ("competency_id", "node_end", "association_type", lower("other_identifier"))',
    );
    await queryRunner.query('CREATE INDEX "ix_case_associations_framework" ON "case_associations" ("framework_id")');
    // Links still waiting for their other end, found by identifier when a framework is imported.
    await queryRunner.query(
      'CREATE INDEX "ix_case_associations_unresolved" ON "case_associations" (lower("other_identifier")) WHERE "other_competency_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_case_associations_other_competency" ON "case_associations" ("other_competency_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "case_associations" ADD CONSTRAINT "fk_case_associations_framework" FOREIGN KEY ("framework_id") REFERENCES "competency_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_associations" ADD CONSTRAINT "fk_case_associations_competency" FOREIGN KEY ("competency_id") REFERENCES "competencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_associations" ADD CONSTRAINT "fk_case_associations_other_competency" FOREIGN KEY ("other_competency_id") REFERENCES "competencies"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await addAuditTriggers(queryRunner, 'case_associations');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTriggers(queryRunner, 'case_associations');
    await queryRunner.query('DROP TABLE "case_associations"');
    await queryRunner.query(
      `ALTER TABLE "competency_frameworks" DROP COLUMN "case_definitions", DROP COLUMN "case_document",
        DROP COLUMN "source_changed_at", DROP COLUMN "source_uri", DROP COLUMN "license"`,
    );
    await queryRunner.query('DROP INDEX "public"."ix_competencies_case_identifier"');
    await queryRunner.query('DROP INDEX "public"."uq_competencies_framework_code_manual"');
    await queryRunner.query(
      `ALTER TABLE "competencies" DROP COLUMN "case_item", DROP COLUMN "language", DROP COLUMN "list_enumeration",
        DROP COLUMN "education_levels", DROP COLUMN "item_type"`,
    );
    // Fails if an import repeated codes: they were never unique in the packages themselves.
    await queryRunner.query('ALTER TABLE "competencies" ALTER COLUMN "code" TYPE character varying(40)');
    await queryRunner.query(
      'ALTER TABLE "competencies" ADD CONSTRAINT "uq_competencies_framework_code" UNIQUE ("framework_id", "code")',
    );
  }
}
