import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIdempotencyKeys1795702218117 implements MigrationInterface {
  name = 'AddIdempotencyKeys1795702218117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("user_id", "key"))',
    );
    await queryRunner.query('CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys"  ("created_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_idempotency_keys_created"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
  }
}
