import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

export const EMAIL_CHOICES = ['immediate', 'daily', 'off'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

/** A person's choice of email for one kind of notification; no row means immediately. */
@Entity('notification_settings')
@Check('ck_notification_settings_email', `"email" IN ('immediate', 'daily', 'off')`)
export class NotificationSettingEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_settings' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_settings_user' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_notification_settings' })
  kind!: string;

  @Column({ type: 'varchar', length: 10 })
  email!: EmailChoice;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A message that would have gone to SMTP: development and tests without SMTP_URL (platform_admin reads it). */
@Entity('email_outbox')
@Unique('uq_email_outbox_message_id', ['messageId'])
@Index('ix_email_outbox_created', ['createdAt'])
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_email_outbox' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_email_outbox_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 320 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ type: 'varchar', length: 200 })
  messageId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
