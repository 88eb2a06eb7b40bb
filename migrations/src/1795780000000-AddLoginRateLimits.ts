import { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-address sign-in counts, in PostgreSQL so that several API processes share them. */
export class AddLoginRateLimits1795780000000 implements MigrationInterface {
  name = 'AddLoginRateLimits1795780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "login_rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT \'0\', "expire" bigint, CONSTRAINT "pk_login_rate_limits" PRIMARY KEY ("key"))',
    );
    await queryRunner.query('CREATE INDEX "ix_login_rate_limits_expire" ON "login_rate_limits" ("expire") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_login_rate_limits_expire"');
    await queryRunner.query('DROP TABLE "login_rate_limits"');
  }
}
