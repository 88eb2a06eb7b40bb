import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CandidateEntity } from '../candidates/candidate.entity.js';
import type { ReadinessBand } from '../candidates/stages.js';
import { READINESS_BANDS } from '../candidates/stages.js';
import { UserEntity } from '../users/user.entity.js';

/** One reason behind a suggested band, e.g. {code: "target_met", competencyId, message}. */
export interface ReadinessReason {
  code: string;
  message: string;
  competencyId?: string;
}

/**
 * A confirmation of a candidate's readiness, kept forever: the band the rule suggested at that moment
 * (with its reasons), the band hr or the superintendent confirmed, their rationale, who and when.
 */
@Entity('readiness_assessments')
@Index('ix_readiness_assessments_candidate_time', ['candidateId', 'confirmedAt'])
@Index('ix_readiness_assessments_district', ['districtId'])
export class ReadinessAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_readiness_assessments_candidate' })
  candidate?: CandidateEntity;

  @Column({ type: 'enum', enum: READINESS_BANDS, enumName: 'readiness_band' })
  suggestedBand!: ReadinessBand;

  @Column({ type: 'jsonb' })
  suggestedReasons!: ReadinessReason[];

  @Column({ type: 'enum', enum: READINESS_BANDS, enumName: 'readiness_band' })
  band!: ReadinessBand;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'uuid' })
  confirmedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by_user_id', foreignKeyConstraintName: 'fk_readiness_assessments_user' })
  confirmedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  confirmedAt!: Date;
}
