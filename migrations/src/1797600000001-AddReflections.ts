import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reflections (issue #19 part 4): an educator's own writing, tagged with attributes of a framework (the
 * Portrait of a Leader first). Private unless the author shares it, per reflection, with their mentor (the
 * mentors they had when they shared it, `shared_mentor_ids`), the coordinators or hr. Not audited: the audit
 * log is read by hr and the superintendent, and that a private reflection exists, when, and on what, is the
 * author's alone. Evidence made from one is audited as evidence. `evidence_id` has no foreign key: evidence is
 * never deleted, and the scale generator truncates and freezes the evidence table, which nothing may reference.
 */
export class AddReflections1797600000001 implements MigrationInterface {
  name = 'AddReflections1797600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reflections" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "educator_id" uuid NOT NULL,
      "competency_ids" uuid[] NOT NULL, "prompt" varchar(500), "body" text NOT NULL,
      "share_mentor" boolean NOT NULL DEFAULT false, "share_coordinator" boolean NOT NULL DEFAULT false,
      "share_hr" boolean NOT NULL DEFAULT false, "shared_mentor_ids" uuid[] NOT NULL DEFAULT '{}', "plan_action_id" uuid, "evidence_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_reflections" PRIMARY KEY ("id"),
      CONSTRAINT "ck_reflections_body" CHECK (length(btrim("body")) BETWEEN 1 AND 8000),
      CONSTRAINT "ck_reflections_attributes" CHECK (cardinality("competency_ids") BETWEEN 1 AND 10),
      CONSTRAINT "ck_reflections_mentor" CHECK ("share_mentor" OR cardinality("shared_mentor_ids") = 0),
      CONSTRAINT "fk_reflections_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_reflections_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_reflections_plan_action" FOREIGN KEY ("plan_action_id") REFERENCES "plan_actions" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_reflections_educator" ON "reflections" ("educator_id", "created_at" DESC)',
    );
    // What the program reads: the district's reflections shared with coordinators or hr.
    await queryRunner.query(
      'CREATE INDEX "ix_reflections_shared" ON "reflections" ("district_id", "created_at" DESC) WHERE "share_coordinator" OR "share_hr"',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "reflections"');
  }
}
