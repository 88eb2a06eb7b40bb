import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The background workers alive now, each seen within its heartbeat. A worker killed outright (no shutdown)
 * keeps its jobs locked in graphile-worker for hours; a live worker unlocks the jobs of any worker not seen
 * for three heartbeats, so they run again within seconds.
 */
export class AddJobWorkers1796700000002 implements MigrationInterface {
  name = 'AddJobWorkers1796700000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_workers" ("worker_id" character varying(100) NOT NULL,
        "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_job_workers" PRIMARY KEY ("worker_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "job_workers"');
  }
}
