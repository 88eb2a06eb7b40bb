import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hours targets per leadership role (issue #19 part 5): the internship hours (logged on assignments) and the
 * mentoring hours (logged as sessions) a district expects of a candidate for the role, e.g. a principal
 * residency's. Null: no target.
 */
export class AddHoursTargets1797600000002 implements MigrationInterface {
  name = 'AddHoursTargets1797600000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "leadership_roles" ADD "internship_hours_target" integer, ADD "mentoring_hours_target" integer,
        ADD CONSTRAINT "ck_leadership_roles_hours_targets" CHECK (
          ("internship_hours_target" IS NULL OR "internship_hours_target" BETWEEN 1 AND 5000)
          AND ("mentoring_hours_target" IS NULL OR "mentoring_hours_target" BETWEEN 1 AND 1000))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "leadership_roles" DROP CONSTRAINT "ck_leadership_roles_hours_targets",
        DROP COLUMN "mentoring_hours_target", DROP COLUMN "internship_hours_target"`,
    );
  }
}
