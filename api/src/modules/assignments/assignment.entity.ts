import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { CandidateEntity } from '../candidates/candidate.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { DevelopmentOpportunityEntity } from '../opportunities/opportunity.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const ASSIGNMENT_STATUSES = ['assigned', 'in_progress', 'completed', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** A candidate on an opportunity (PRODUCT.md §2). One live assignment per candidate × opportunity. */
@Entity('assignments')
@Index('uq_assignments_live_candidate_opportunity', ['opportunityId', 'candidateId'], {
  unique: true,
  where: `"status" <> 'withdrawn'`,
})
@Index('ix_assignments_candidate', ['candidateId'])
// The partial unique index above skips withdrawn rows: the opportunity filter needs its own.
@Index('ix_assignments_opportunity', ['opportunityId'])
@Index('ix_assignments_district_status_due', ['districtId', 'status', 'dueOn'])
@Check('ck_assignments_hours', '"hours_logged" >= 0')
export class AssignmentEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_assignments_district' })
  district?: DistrictEntity;

  @Column({ type: 'uuid' })
  opportunityId!: string;

  @ManyToOne(() => DevelopmentOpportunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'fk_assignments_opportunity' })
  opportunity?: DevelopmentOpportunityEntity;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_assignments_candidate' })
  candidate?: CandidateEntity;

  @Column({ type: 'enum', enum: ASSIGNMENT_STATUSES, enumName: 'assignment_status', default: 'assigned' })
  status!: AssignmentStatus;

  /** When the work is due (defaults to the opportunity's end date). */
  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0 })
  hoursLogged!: string;

  @Column({ type: 'text', default: '' })
  reflection!: string;

  /** What the coordinator said on completion or withdrawal. */
  @Column({ type: 'text', default: '' })
  outcomeNote!: string;

  @Column({ type: 'uuid' })
  assignedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_user_id', foreignKeyConstraintName: 'fk_assignments_assigned_by' })
  assignedBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
