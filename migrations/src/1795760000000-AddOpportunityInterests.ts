import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/**
 * Educators' "I'm interested" in development opportunities: one row per educator × opportunity, written
 * and deleted by the educator, read by coordinators and hr (and, in scope, principals and the
 * superintendent). Audited like every other table: the log keeps interests that were later withdrawn.
 */
export class AddOpportunityInterests1795760000000 implements MigrationInterface {
  name = 'AddOpportunityInterests1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "opportunity_interests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL,
        "opportunity_id" uuid NOT NULL, "educator_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_opportunity_interests_opportunity_educator" UNIQUE ("opportunity_id", "educator_id"),
        CONSTRAINT "pk_opportunity_interests" PRIMARY KEY ("id"))`,
    );
    // "What is this educator interested in" (the unique constraint serves the opportunity's side).
    await queryRunner.query(
      'CREATE INDEX "ix_opportunity_interests_educator" ON "opportunity_interests" ("educator_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_interests" ADD CONSTRAINT "fk_opportunity_interests_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_interests" ADD CONSTRAINT "fk_opportunity_interests_opportunity" FOREIGN KEY ("opportunity_id") REFERENCES "development_opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_interests" ADD CONSTRAINT "fk_opportunity_interests_educator" FOREIGN KEY ("educator_id") REFERENCES "educators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await addAuditTriggers(queryRunner, 'opportunity_interests');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTriggers(queryRunner, 'opportunity_interests');
    await queryRunner.query('ALTER TABLE "opportunity_interests" DROP CONSTRAINT "fk_opportunity_interests_educator"');
    await queryRunner.query(
      'ALTER TABLE "opportunity_interests" DROP CONSTRAINT "fk_opportunity_interests_opportunity"',
    );
    await queryRunner.query('ALTER TABLE "opportunity_interests" DROP CONSTRAINT "fk_opportunity_interests_district"');
    await queryRunner.query('DROP INDEX "public"."ix_opportunity_interests_educator"');
    await queryRunner.query('DROP TABLE "opportunity_interests"');
  }
}
