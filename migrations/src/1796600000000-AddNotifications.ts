import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What Emerge tells a person (a nomination to answer, an assignment made, a move in the pipeline). Written by the
 * background worker from the job its cause enqueued; `dedupe_key` (the event and its record) makes a retried job
 * write each notification once per recipient. Not audited: it is the consequence of audited changes.
 */
export class AddNotifications1796600000000 implements MigrationInterface {
  name = 'AddNotifications1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid,
        "user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "title" character varying(300) NOT NULL,
        "body" text NOT NULL, "link" character varying(500) NOT NULL, "dedupe_key" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_notifications_user_dedupe" UNIQUE ("user_id", "dedupe_key"),
        CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
    );
    // A person's newest first; the unread count reads only the unread ones.
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_user_created" ON "notifications" ("user_id", "created_at")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_user_unread" ON "notifications" ("user_id") WHERE "read_at" IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"');
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_district"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_user_unread"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_user_created"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
