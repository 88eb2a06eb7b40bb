import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a creating request sent with an Idempotency-Key, replayed to its retries for 24 hours. */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_keys' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_idempotency_keys' })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** Null while the first request is still being processed. */
  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
