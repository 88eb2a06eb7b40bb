import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How long each thing may wait before Emerge reminds someone, per district (null: that reminder is off).
 * Days for a nomination waiting for review, an answer not given, hours not logged on a started assignment;
 * months for a readiness confirmation.
 */
export class AddReminderSettings1796700000001 implements MigrationInterface {
  name = 'AddReminderSettings1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "districts" ADD "remind_review_after_days" integer DEFAULT 7,
      ADD "remind_answer_after_days" integer DEFAULT 7, ADD "remind_hours_after_days" integer DEFAULT 14,
      ADD "remind_readiness_after_months" integer DEFAULT 12`);
    await queryRunner.query(`ALTER TABLE "districts"
      ADD CONSTRAINT "ck_districts_reminder_delays" CHECK (
        "remind_review_after_days" BETWEEN 1 AND 365 AND "remind_answer_after_days" BETWEEN 1 AND 365
        AND "remind_hours_after_days" BETWEEN 1 AND 365 AND "remind_readiness_after_months" BETWEEN 1 AND 60)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "districts" DROP CONSTRAINT "ck_districts_reminder_delays"');
    await queryRunner.query(`ALTER TABLE "districts" DROP COLUMN "remind_readiness_after_months",
      DROP COLUMN "remind_hours_after_days", DROP COLUMN "remind_answer_after_days",
      DROP COLUMN "remind_review_after_days"`);
  }
}
