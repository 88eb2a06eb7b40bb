import { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTriggers, dropAuditTriggers } from './audit-triggers.js';

const HIDDEN_ELSE = "ELSE ARRAY['password_hash', 'token_hash', 'client_secret_ciphertext'] END";
const HIDDEN_REFLECTIONS = `WHEN TG_TABLE_NAME = 'reflections' THEN ARRAY['body', 'prompt']
                        ${HIDDEN_ELSE}`;

/** The audit capture now in force, read back from the database. */
async function currentCapture(queryRunner: QueryRunner): Promise<string> {
  const rows: { def: string }[] = await queryRunner.query(
    `SELECT pg_get_functiondef('audit_capture()'::regprocedure) AS def`,
  );
  return rows[0]!.def;
}

/**
 * Reflections (issue #19 part 4): an educator's own writing, tagged with attributes of a framework (the
 * Portrait of a Leader first). Private unless the author shares it, per reflection, with their mentor, the
 * coordinators or hr. Its words never reach the audit log, which hr and the superintendent read: that a
 * reflection was written or shared does.
 */
export class AddReflections1797600000001 implements MigrationInterface {
  name = 'AddReflections1797600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reflections" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "educator_id" uuid NOT NULL,
      "competency_ids" uuid[] NOT NULL, "prompt" varchar(500), "body" text NOT NULL,
      "share_mentor" boolean NOT NULL DEFAULT false, "share_coordinator" boolean NOT NULL DEFAULT false,
      "share_hr" boolean NOT NULL DEFAULT false, "plan_action_id" uuid, "evidence_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "pk_reflections" PRIMARY KEY ("id"),
      CONSTRAINT "ck_reflections_body" CHECK (length(btrim("body")) BETWEEN 1 AND 8000),
      CONSTRAINT "ck_reflections_attributes" CHECK (cardinality("competency_ids") BETWEEN 1 AND 10),
      CONSTRAINT "fk_reflections_district" FOREIGN KEY ("district_id") REFERENCES "districts" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_reflections_educator" FOREIGN KEY ("educator_id") REFERENCES "educators" ("id") ON DELETE CASCADE,
      CONSTRAINT "fk_reflections_plan_action" FOREIGN KEY ("plan_action_id") REFERENCES "plan_actions" ("id") ON DELETE SET NULL,
      CONSTRAINT "fk_reflections_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence" ("id") ON DELETE SET NULL)`);
    await queryRunner.query(
      'CREATE INDEX "ix_reflections_educator" ON "reflections" ("educator_id", "created_at" DESC)',
    );
    // What the program reads: the district's reflections shared with coordinators or hr.
    await queryRunner.query(
      'CREATE INDEX "ix_reflections_shared" ON "reflections" ("district_id", "created_at" DESC) WHERE "share_coordinator" OR "share_hr"',
    );
    const capture = await currentCapture(queryRunner);
    if (!capture.includes(HIDDEN_ELSE)) throw new Error('audit_capture changed: update the redaction list');
    await queryRunner.query(capture.replace(HIDDEN_ELSE, HIDDEN_REFLECTIONS));
    await addAuditTriggers(queryRunner, 'reflections');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTriggers(queryRunner, 'reflections');
    await queryRunner.query('DROP TABLE "reflections"');
    await queryRunner.query((await currentCapture(queryRunner)).replace(HIDDEN_REFLECTIONS, HIDDEN_ELSE));
  }
}
