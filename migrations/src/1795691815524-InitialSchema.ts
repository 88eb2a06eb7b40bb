import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795691815524 implements MigrationInterface {
  name = 'InitialSchema1795691815524';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "name" character varying(200) NOT NULL, "slug" character varying(60) NOT NULL, "small_cell_threshold" integer NOT NULL DEFAULT \'10\', CONSTRAINT "uq_districts_slug" UNIQUE ("slug"), CONSTRAINT "ck_districts_small_cell_threshold" CHECK ("small_cell_threshold" >= 5), CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"school_grade_band\" AS ENUM('elementary', 'middle', 'high', 'k8', 'k12', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "schools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "code" character varying(20) NOT NULL, "grade_band" "public"."school_grade_band" NOT NULL, CONSTRAINT "uq_schools_district_code" UNIQUE ("district_id", "code"), CONSTRAINT "PK_95b932e47ac129dd8e23a0db548" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_schools_district_name" ON "schools"  ("district_id", "name") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"user_role\" AS ENUM('platform_admin', 'hr', 'superintendent', 'coordinator', 'principal', 'educator')",
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT \'1\', "district_id" uuid, "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "password_hash" character varying(255), "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT \'0\', "educator_id" uuid, "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_users_email" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_users_district_role" ON "users"  ("district_id", "role") ');
    await queryRunner.query(
      'CREATE TABLE "password_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_password_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_816120c39410c02dabd34b8672b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_password_tokens_user" ON "password_tokens"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "user_schools" ("user_id" uuid NOT NULL, "school_id" uuid NOT NULL, CONSTRAINT "PK_f52f234ff9ad503d734826e7d43" PRIMARY KEY ("user_id", "school_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_71989c1c9fe27940490c159af5" ON "user_schools"  ("user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_0e341cf0d0c012ff88eaa2bb5f" ON "user_schools"  ("school_id") ');
    await queryRunner.query(
      'ALTER TABLE "schools" ADD CONSTRAINT "fk_schools_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "fk_users_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_tokens" ADD CONSTRAINT "fk_password_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_schools" ADD CONSTRAINT "fk_user_schools_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "user_schools" ADD CONSTRAINT "fk_user_schools_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_schools" DROP CONSTRAINT "fk_user_schools_school"');
    await queryRunner.query('ALTER TABLE "user_schools" DROP CONSTRAINT "fk_user_schools_user"');
    await queryRunner.query('ALTER TABLE "password_tokens" DROP CONSTRAINT "fk_password_tokens_user"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "fk_users_district"');
    await queryRunner.query('ALTER TABLE "schools" DROP CONSTRAINT "fk_schools_district"');
    await queryRunner.query('DROP INDEX "public"."IDX_0e341cf0d0c012ff88eaa2bb5f"');
    await queryRunner.query('DROP INDEX "public"."IDX_71989c1c9fe27940490c159af5"');
    await queryRunner.query('DROP TABLE "user_schools"');
    await queryRunner.query('DROP INDEX "public"."ix_password_tokens_user"');
    await queryRunner.query('DROP TABLE "password_tokens"');
    await queryRunner.query('DROP INDEX "public"."ix_users_district_role"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."user_role"');
    await queryRunner.query('DROP INDEX "public"."ix_schools_district_name"');
    await queryRunner.query('DROP TABLE "schools"');
    await queryRunner.query('DROP TYPE "public"."school_grade_band"');
    await queryRunner.query('DROP TABLE "districts"');
  }
}
