import { MigrationInterface, QueryRunner } from 'typeorm';
import { CAPTURE as FIRST_CAPTURE } from './1795701590083-AddAuditLog.js';

/**
 * The same audit rows, written about 5× faster (a 100,000-row educator insert: 36 s of trigger time before).
 * - Each transition-table row is turned into JSON once: `OFFSET 0` keeps the planner from pulling the
 *   subquery up and repeating `to_jsonb(row)` for every key the per-row aggregate reads.
 * - `jsonb_each` hands over keys and values together instead of one `->` lookup per key.
 * - Redaction is an inline `= ANY` on a per-table list instead of a SQL function call per key.
 * Demographic values and secrets still never reach the log; that they changed does (PRODUCT.md §1).
 * Exported for AddSingleSignOn1796530727204, which adds a secret column to the redacted list.
 */
export const CAPTURE = `
CREATE OR REPLACE FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text[] := string_to_array(TG_ARGV[0], ',');
  actor uuid := nullif(current_setting('emerge.actor_user_id', true), '')::uuid;
  actor_district uuid := nullif(current_setting('emerge.actor_district_id', true), '')::uuid;
  corr text := nullif(current_setting('emerge.correlation_id', true), '');
  hidden text[] := CASE WHEN TG_TABLE_NAME = 'educators'
                        THEN ARRAY['gender', 'race_ethnicity', 'password_hash', 'token_hash']
                        ELSE ARRAY['password_hash', 'token_hash'] END;
  masked jsonb := to_jsonb('[redacted]'::text);
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((r.j->>'district_id')::uuid, actor_district), actor, 'create', TG_TABLE_NAME, r.j->>cols[1],
           coalesce((SELECT jsonb_object_agg(e.key, jsonb_build_object('after',
                              CASE WHEN e.key = ANY (hidden) THEN masked ELSE e.value END))
                       FROM jsonb_each(r.j) e WHERE e.key NOT IN ('created_at', 'updated_at', 'version')), '{}'::jsonb),
           corr
      FROM (SELECT to_jsonb(n) AS j FROM new_rows n OFFSET 0) r;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((r.j->>'district_id')::uuid, actor_district), actor, 'delete', TG_TABLE_NAME, r.j->>cols[1],
           coalesce((SELECT jsonb_object_agg(e.key, jsonb_build_object('before',
                              CASE WHEN e.key = ANY (hidden) THEN masked ELSE e.value END))
                       FROM jsonb_each(r.j) e WHERE e.key NOT IN ('created_at', 'updated_at', 'version')), '{}'::jsonb),
           corr
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o OFFSET 0) r;
  ELSE
    INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
    SELECT coalesce((d.nj->>'district_id')::uuid, actor_district), actor, 'update', TG_TABLE_NAME, d.nj->>cols[1],
           d.changes, corr
      FROM (SELECT n.nj,
                   (SELECT jsonb_object_agg(e.key, jsonb_build_object(
                             'before', CASE WHEN e.key = ANY (hidden) THEN masked ELSE o.oj->e.key END,
                             'after', CASE WHEN e.key = ANY (hidden) THEN masked ELSE e.value END))
                      FROM jsonb_each(n.nj) e
                     WHERE e.key NOT IN ('updated_at', 'version', 'last_login_at')
                       AND (o.oj->e.key) IS DISTINCT FROM e.value) AS changes
              FROM (SELECT x.nj, CASE WHEN cardinality(cols) = 1 THEN x.nj->>cols[1] ELSE audit_key(x.nj, cols) END AS key
                      FROM (SELECT to_jsonb(x) AS nj FROM new_rows x OFFSET 0) x) n
              JOIN (SELECT y.oj, CASE WHEN cardinality(cols) = 1 THEN y.oj->>cols[1] ELSE audit_key(y.oj, cols) END AS key
                      FROM (SELECT to_jsonb(y) AS oj FROM old_rows y OFFSET 0) y) o ON o.key = n.key
            OFFSET 0) d
     WHERE d.changes IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$`;

/** The first version, from AddAuditLog1795701590083, put back by `down`. */
const PREVIOUS = FIRST_CAPTURE.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');

export class FasterAuditCapture1795730000000 implements MigrationInterface {
  name = 'FasterAuditCapture1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CAPTURE);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PREVIOUS);
  }
}
