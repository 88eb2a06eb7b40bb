import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { CandidateEntity } from '../candidates/candidate.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { LeadershipRoleEntity } from '../leadership-roles/leadership-role.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const NOMINATION_STATUSES = ['submitted', 'approved', 'declined', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
/** Who put the person forward, decided at creation from the nominator's role and relation. */
export const NOMINATOR_KINDS = ['hr', 'principal', 'peer', 'self'] as const;
export type NominatorKind = (typeof NOMINATOR_KINDS)[number];

@Entity('nominations')
@Index('uq_nominations_open_educator_role', ['educatorId', 'targetRoleId'], {
  unique: true,
  where: `"status" = 'submitted'`,
})
@Index('ix_nominations_district_status', ['districtId', 'status', 'createdAt'])
@Index('ix_nominations_educator', ['educatorId'])
@Index('ix_nominations_nominator', ['nominatorUserId'])
@Index('ix_nominations_target_role', ['targetRoleId'])
@Index('ix_nominations_district_role_title', ['districtId', 'sortRoleTitle', 'id'])
@Index('ix_nominations_candidate', ['candidateId'])
@Index('ix_nominations_district_created', ['districtId', 'createdAt'])
@Index('ix_nominations_district_kind', ['districtId', 'nominatorKind', 'id'])
@Index('ix_nominations_district_status_id', ['districtId', 'status', 'id'])
// decided_at is nullable: the migration builds it NULLS FIRST, the order lists sort nulls in.
@Index('ix_nominations_district_decided', ['districtId', 'decidedAt'])
export class NominationEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_nominations_district' })
  district?: DistrictEntity;

  @Column({ type: 'uuid' })
  educatorId!: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id', foreignKeyConstraintName: 'fk_nominations_educator' })
  educator?: EducatorEntity;

  @Column({ type: 'uuid' })
  targetRoleId!: string;

  @ManyToOne(() => LeadershipRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_role_id', foreignKeyConstraintName: 'fk_nominations_target_role' })
  targetRole?: LeadershipRoleEntity;

  @Column({ type: 'uuid' })
  nominatorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nominator_user_id', foreignKeyConstraintName: 'fk_nominations_nominator' })
  nominator?: UserEntity;

  @Column({ type: 'enum', enum: NOMINATOR_KINDS, enumName: 'nominator_kind' })
  nominatorKind!: NominatorKind;

  /** Shown to the nominee once approved. */
  @Column({ type: 'text' })
  rationale!: string;

  /** hr and the nominator only. */
  @Column({ type: 'text', nullable: true })
  privateNote!: string | null;

  /** Competencies the nominator observed (nodes of frameworks the district reads; checked on create). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  competencyIds!: string[];

  @Column({ type: 'enum', enum: NOMINATION_STATUSES, enumName: 'nomination_status', default: 'submitted' })
  status!: NominationStatus;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'fk_nominations_decided_by' })
  decidedBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The candidacy the approval created or joined. */
  @Column({ type: 'uuid', nullable: true })
  candidateId!: string | null;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_nominations_candidate' })
  candidate?: CandidateEntity;

  /** Sort key: the target role's title, kept by a trigger (migration AddSortKeys). */
  @Column({ type: 'varchar', length: 120, nullable: true, select: false, insert: false, update: false })
  sortRoleTitle!: string | null;
}
