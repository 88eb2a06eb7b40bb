import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email for notifications: each person's choice per kind (immediately, a daily digest, off; no row means
 * immediately), when each notification was emailed (so a retried job or a digest sends it once), and the
 * development outbox that stands in for an SMTP server.
 */
export class AddEmail1796700000000 implements MigrationInterface {
  name = 'AddEmail1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL,
        "email" character varying(10) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_notification_settings_email" CHECK ("email" IN ('immediate', 'daily', 'off')),
        CONSTRAINT "pk_notification_settings" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "notification_settings" ADD CONSTRAINT "fk_notification_settings_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "notifications" ADD "emailed_at" TIMESTAMP WITH TIME ZONE');
    // The daily digest reads only what is still to be emailed.
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_user_unemailed" ON "notifications" ("user_id", "created_at") WHERE "emailed_at" IS NULL',
    );
    await queryRunner.query(
      `CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid,
        "to_address" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL,
        "text" text NOT NULL, "html" text NOT NULL, "headers" jsonb NOT NULL,
        "message_id" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_email_outbox_message_id" UNIQUE ("message_id"),
        CONSTRAINT "pk_email_outbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_email_outbox_created" ON "email_outbox" ("created_at")');
    await queryRunner.query(
      'ALTER TABLE "email_outbox" ADD CONSTRAINT "fk_email_outbox_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "email_outbox" DROP CONSTRAINT "fk_email_outbox_user"');
    await queryRunner.query('DROP INDEX "public"."ix_email_outbox_created"');
    await queryRunner.query('DROP TABLE "email_outbox"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_user_unemailed"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "emailed_at"');
    await queryRunner.query('ALTER TABLE "notification_settings" DROP CONSTRAINT "fk_notification_settings_user"');
    await queryRunner.query('DROP TABLE "notification_settings"');
  }
}
