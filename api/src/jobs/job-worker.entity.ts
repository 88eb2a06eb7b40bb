import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A background worker that is alive, as of its last heartbeat (see WorkerService). */
@Entity('job_workers')
export class JobWorkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_job_workers' })
  workerId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  seenAt!: Date;
}
