import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DistrictEntity } from '../districts/district.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** One message to one person; `dedupeKey` names its cause, so a retried job writes it once. */
@Entity('notifications')
@Unique('uq_notifications_user_dedupe', ['userId', 'dedupeKey'])
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_user_unread', { synchronize: false })
@Index('ix_notifications_user_unemailed', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  /** Null for a platform_admin's. */
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_notifications_district' })
  district?: DistrictEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The console route of the record, e.g. `/candidates/{id}/show`. */
  @Column({ type: 'varchar', length: 500 })
  link!: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When it went out by email (alone or in a digest); null until then, or for good when email is off. */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
