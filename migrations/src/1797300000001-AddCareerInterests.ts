import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

/** The leadership roles an educator says they are interested in (issue #19, career profile). */
export class AddCareerInterests1797300000001 implements MigrationInterface {
  name = 'AddCareerInterests1797300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "career_profile_roles" (
      "educator_id" uuid NOT NULL, "role_id" uuid NOT NULL, "district_id" uuid NOT NULL,
      CONSTRAINT "pk_career_profile_roles" PRIMARY KEY ("educator_id", "role_id"),
      CONSTRAINT "fk_career_profile_roles_profile" FOREIGN KEY ("educator_id") REFERENCES "career_profiles" ("educator_id") ON DELETE CASCADE,
      CONSTRAINT "fk_career_profile_roles_role" FOREIGN KEY ("role_id") REFERENCES "leadership_roles" ("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      'CREATE INDEX "ix_career_profile_roles_role" ON "career_profile_roles" ("role_id", "educator_id")',
    );
    await addAuditTriggers(queryRunner, 'career_profile_roles', 'educator_id,role_id');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTriggers(queryRunner, 'career_profile_roles');
    await queryRunner.query('DROP TABLE "career_profile_roles"');
  }
}
