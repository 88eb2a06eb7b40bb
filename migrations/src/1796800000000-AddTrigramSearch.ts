import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text a person's search (`q`) reads, as one expression per table with a trigram index on it, so a search
 * is an index lookup and tolerates a typo (word similarity). The expressions must match the API's
 * `SEARCH_DOCUMENTS` exactly, or the planner will not use these indexes. `district_id` leads each index
 * (btree_gin), so a search reads one district's entries.
 */
export const EDUCATOR_DOCUMENT =
  "(first_name || ' ' || last_name || ' ' || employee_number || ' ' || coalesce(email, ''))";
export const USER_DOCUMENT = "(name || ' ' || email)";

export class AddTrigramSearch1796800000000 implements MigrationInterface {
  name = 'AddTrigramSearch1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Both ship with PostgreSQL's contrib modules and are trusted: a database owner may create them.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await queryRunner.query(
      `CREATE INDEX "ix_educators_search" ON "educators" USING gin ("district_id", ${EDUCATOR_DOCUMENT} gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_users_search" ON "users" USING gin ("district_id", ${USER_DOCUMENT} gin_trgm_ops)`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_search" ON "evidence" USING gin ("district_id", "note" gin_trgm_ops)',
    );
    // Counting a district's educators with a login reads the district's users from an index, not the table.
    await queryRunner.query('CREATE INDEX "ix_users_district_educator" ON "users" ("district_id", "educator_id")');
    // The id breaks ties (a bulk load gives thousands of rows one timestamp), so the sort is read from the index.
    await queryRunner.query('DROP INDEX "ix_educators_district_updated"');
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_updated" ON "educators" ("district_id", "updated_at", "id")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_educators_district_updated"');
    await queryRunner.query(
      'CREATE INDEX "ix_educators_district_updated" ON "educators" ("district_id", "updated_at")',
    );
    await queryRunner.query('DROP INDEX "ix_users_district_educator"');
    await queryRunner.query('DROP INDEX "ix_evidence_search"');
    await queryRunner.query('DROP INDEX "ix_users_search"');
    await queryRunner.query('DROP INDEX "ix_educators_search"');
  }
}
