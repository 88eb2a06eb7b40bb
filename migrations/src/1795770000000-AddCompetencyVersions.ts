import { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 200;

/**
 * Each framework node gets its own optimistic-lock version, so edits of different nodes of one framework
 * no longer conflict. A node starts at its framework's current version: that is the number clients were
 * sending back for it until now, so an edit form left open across the deploy still saves once.
 */
export class AddCompetencyVersions1795770000000 implements MigrationInterface {
  name = 'AddCompetencyVersions1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competencies" ADD "version" integer NOT NULL DEFAULT '1'`);
    const frameworks: { id: string }[] = await queryRunner.query(
      `SELECT id FROM competency_frameworks WHERE version > 1 ORDER BY id`,
    );
    for (let i = 0; i < frameworks.length; i += BATCH) {
      await queryRunner.query(
        `UPDATE competencies c SET version = f.version FROM competency_frameworks f
          WHERE f.id = c.framework_id AND f.id = ANY($1::uuid[])`,
        [frameworks.slice(i, i + BATCH).map((f) => f.id)],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competencies" DROP COLUMN "version"`);
  }
}
