import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audited tables and the columns that identify a row (the first one is the logged entity id). */
const AUDITED: [string, string][] = [
  ['districts', 'id'],
  ['schools', 'id'],
  ['users', 'id'],
  ['user_schools', 'user_id,school_id'],
  ['password_tokens', 'id'],
  ['educators', 'id'],
  ['leadership_roles', 'id'],
  ['nominations', 'id'],
  ['candidates', 'id'],
  ['stage_transitions', 'id'],
  ['competency_frameworks', 'id'],
  ['competencies', 'id'],
  ['crosswalk_links', 'id'],
  ['role_targets', 'role_id,competency_id'],
  ['evidence', 'id'],
  ['readiness_assessments', 'id'],
  ['development_opportunities', 'id'],
  ['opportunity_competencies', 'opportunity_id,competency_id'],
  ['assignments', 'id'],
  ['positions', 'id'],
];

// Demographic values and secrets never reach the log; that they changed does (PRODUCT.md §1).
const REDACT = `
CREATE FUNCTION audit_redact(tbl text, col text, val jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN (tbl = 'educators' AND col IN ('gender', 'race_ethnicity')) OR col IN ('password_hash', 'token_hash')
      THEN to_jsonb('[redacted]'::text)
    ELSE val END
$$`;

const KEY = `
CREATE FUNCTION audit_key(j jsonb, cols text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(coalesce(j->>c, ''), '|' ORDER BY o) FROM unnest(cols) WITH ORDINALITY AS u(c, o)
$$`;

// Statement-level triggers with transition tables: one set-based insert per statement, so a
// 100,000-row import writes its audit rows in one pass, in its own transaction.
/** Exported for FasterAuditCapture1795730000000, whose `down` restores this first version. */
export const CAPTURE = `
CREATE FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text[] := string_to_array(TG_ARGV[0], ',');
  actor uuid := nullif(current_setting('emerge.actor_user_id', true), '')::uuid;
  actor_district uuid := nullif(current_setting('emerge.actor_district_id', true), '')::uuid;
  corr text := nullif(current_setting('emerge.correlation_id', true), '');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((r.j->>'district_id')::uuid, actor_district), actor, 'create', TG_TABLE_NAME, r.j->>cols[1],
           coalesce((SELECT jsonb_object_agg(k, jsonb_build_object('after', audit_redact(TG_TABLE_NAME, k, r.j->k)))
                       FROM jsonb_object_keys(r.j) k WHERE k NOT IN ('created_at', 'updated_at', 'version')), '{}'::jsonb),
           corr
      FROM (SELECT to_jsonb(n) AS j FROM new_rows n) r;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((r.j->>'district_id')::uuid, actor_district), actor, 'delete', TG_TABLE_NAME, r.j->>cols[1],
           coalesce((SELECT jsonb_object_agg(k, jsonb_build_object('before', audit_redact(TG_TABLE_NAME, k, r.j->k)))
                       FROM jsonb_object_keys(r.j) k WHERE k NOT IN ('created_at', 'updated_at', 'version')), '{}'::jsonb),
           corr
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o) r;
  ELSE
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((d.nj->>'district_id')::uuid, actor_district), actor, 'update', TG_TABLE_NAME, d.nj->>cols[1],
           d.changes, corr
      FROM (SELECT n.nj,
                   (SELECT jsonb_object_agg(k, jsonb_build_object('before', audit_redact(TG_TABLE_NAME, k, o.oj->k),
                                                                  'after', audit_redact(TG_TABLE_NAME, k, n.nj->k)))
                      FROM jsonb_object_keys(n.nj) k
                     WHERE k NOT IN ('updated_at', 'version', 'last_login_at') AND (o.oj->k) IS DISTINCT FROM (n.nj->k)) AS changes
              FROM (SELECT to_jsonb(x) AS nj, audit_key(to_jsonb(x), cols) AS key FROM new_rows x) n
              JOIN (SELECT to_jsonb(y) AS oj, audit_key(to_jsonb(y), cols) AS key FROM old_rows y) o ON o.key = n.key) d
     WHERE d.changes IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$`;

const APPEND_ONLY = `
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`;

export class AddAuditLog1795701590083 implements MigrationInterface {
  name = 'AddAuditLog1795701590083';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "district_id" uuid, "actor_user_id" uuid, "action" character varying(40) NOT NULL, "entity" character varying(80) NOT NULL, "entity_id" character varying(100), "changes" jsonb NOT NULL, "correlation_id" character varying(100), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_log_actor_time" ON "audit_log"  ("actor_user_id", "occurred_at") ');
    await queryRunner.query('CREATE INDEX "ix_audit_log_entity" ON "audit_log"  ("entity", "entity_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_log_district_time" ON "audit_log"  ("district_id", "occurred_at") ',
    );
    await queryRunner.query(REDACT);
    await queryRunner.query(KEY);
    await queryRunner.query(CAPTURE);
    await queryRunner.query(APPEND_ONLY);
    await queryRunner.query(
      'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()',
    );
    for (const [table, key] of AUDITED) {
      await queryRunner.query(
        `CREATE TRIGGER audit_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_capture('${key}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_update AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_capture('${key}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_capture('${key}')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of AUDITED) {
      for (const t of ['audit_insert', 'audit_update', 'audit_delete'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${t} ON "${table}"`);
    }
    await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log');
    await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log');
    await queryRunner.query('DROP FUNCTION audit_log_append_only()');
    await queryRunner.query('DROP FUNCTION audit_capture()');
    await queryRunner.query('DROP FUNCTION audit_key(jsonb, text[])');
    await queryRunner.query('DROP FUNCTION audit_redact(text, text, jsonb)');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_district_time"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_entity"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_log_actor_time"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}
