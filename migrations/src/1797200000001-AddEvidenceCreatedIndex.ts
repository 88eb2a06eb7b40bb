import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Evidence since the readiness confirmation" is counted per candidate on the bench and on slates: with the
 * recording time in the index that count reads index entries, not every rating of the candidate.
 */
export class AddEvidenceCreatedIndex1797200000001 implements MigrationInterface {
  name = 'AddEvidenceCreatedIndex1797200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_candidate_created" ON "evidence" ("candidate_id", "created_at")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_evidence_candidate_created"');
  }
}
