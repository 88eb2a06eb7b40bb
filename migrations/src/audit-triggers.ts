import type { QueryRunner } from 'typeorm';

/** The statement-level audit triggers every audited table gets (the function comes from AddAuditLog). */
export async function addAuditTriggers(queryRunner: QueryRunner, table: string, key = 'id'): Promise<void> {
  for (const [op, refs] of [
    ['insert', 'NEW TABLE AS new_rows'],
    ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['delete', 'OLD TABLE AS old_rows'],
  ] as const) {
    await queryRunner.query(
      `CREATE TRIGGER audit_${op} AFTER ${op.toUpperCase()} ON "${table}" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION audit_capture('${key}')`,
    );
  }
}

export async function dropAuditTriggers(queryRunner: QueryRunner, table: string): Promise<void> {
  for (const op of ['delete', 'update', 'insert']) await queryRunner.query(`DROP TRIGGER audit_${op} ON "${table}"`);
}
