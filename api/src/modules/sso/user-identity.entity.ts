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

/**
 * A person at an identity provider, linked to an Emerge user at their first single sign-on. After that only
 * (issuer, subject) identifies them: a changed email at the provider does not move the link.
 */
@Entity('user_identities')
@Unique('uq_user_identities_issuer_subject', ['issuer', 'subject'])
@Unique('uq_user_identities_user_issuer', ['userId', 'issuer'])
@Index('ix_user_identities_district', ['districtId'])
export class UserIdentityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_identities' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_identities_user' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_user_identities_district' })
  district?: DistrictEntity;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  /** The verified email the provider gave at the first sign-in (for hr's information only). */
  @Column({ type: 'varchar', length: 254 })
  emailAtLink!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
