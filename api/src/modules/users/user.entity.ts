import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, Unique } from 'typeorm';
import type { Role } from '../../auth/permissions.js';
import { ROLES } from '../../auth/permissions.js';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { SchoolEntity } from '../schools/school.entity.js';

@Entity('users')
@Unique('uq_users_email', ['email'])
@Unique('uq_users_educator', ['educatorId'])
@Index('ix_users_district_role', ['districtId', 'role'])
@Index('ix_users_district_name', ['districtId', 'name'])
@Index('ix_users_district_educator', ['districtId', 'educatorId'])
@Index('ix_users_search', { synchronize: false })
export class UserEntity extends BaseRecordEntity {
  /** Null only for platform_admin. */
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_users_district' })
  district?: DistrictEntity;

  /** Stored lower-cased: logins are case-insensitive and unique across the installation. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  /** argon2id hash; null until the person sets a password. */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped when the user is disabled or their role or schools change, which revokes issued tokens. */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  /** The roster record of an educator login. */
  @Column({ type: 'uuid', nullable: true })
  educatorId!: string | null;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id', foreignKeyConstraintName: 'fk_users_educator' })
  educator?: EducatorEntity;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** The schools a principal leads. */
  @ManyToMany(() => SchoolEntity)
  @JoinTable({
    name: 'user_schools',
    joinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_user_schools_user' },
    inverseJoinColumn: {
      name: 'school_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_user_schools_school',
    },
  })
  schools?: SchoolEntity[];
}
