import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One field's change: `before` absent on create, `after` absent on delete; sensitive values redacted. */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

/**
 * Append-only record of every write, filled by database triggers in the writing transaction (see the
 * AddAuditLog migration), plus sign-in events written by the auth service. The database refuses
 * updates and deletes on it.
 */
@Entity('audit_log')
@Index('ix_audit_log_district_time', ['districtId', 'occurredAt'])
// Entity id first: a record's history with or without its table (the entity filter alone is the next one's).
@Index('ix_audit_log_entity', ['entityId', 'entity'])
@Index('ix_audit_log_district_entity', ['districtId', 'entity', 'id'])
@Index('ix_audit_log_district_action', ['districtId', 'action', 'id'])
@Index('ix_audit_log_actor_time', ['actorUserId', 'occurredAt'])
@Index('ix_audit_log_correlation', ['correlationId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt!: Date;

  /** The row's district, else the actor's; null for installation-wide reference data. */
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  /** Null: the system (start-up loaders, automatic moves). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `create`, `update`, `delete`, `login_succeeded`, `login_failed`. */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  /** The table written, e.g. `candidates`. */
  @Column({ type: 'varchar', length: 80 })
  entity!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb' })
  changes!: AuditChanges;

  @Column({ type: 'varchar', length: 100, nullable: true })
  correlationId!: string | null;
}
