import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { CandidateEntity } from './candidate.entity.js';
import type { ExitReason, Stage } from './stages.js';
import { EXIT_REASONS, STAGES } from './stages.js';

/** One row per stage move: the pipeline's history. Never updated. */
@Entity('stage_transitions')
@Index('ix_stage_transitions_candidate_time', ['candidateId', 'createdAt'])
@Index('ix_stage_transitions_district_time', ['districtId', 'createdAt'])
@Index('ix_stage_transitions_district_stage_time', ['districtId', 'toStage', 'createdAt'])
// Covers the dashboards' reads (funnel, time in stage, equity): index-only, and each candidacy's history
// comes out in the order the time-in-stage window needs.
@Index('ix_stage_transitions_district_candidate', [
  'districtId',
  'candidateId',
  'createdAt',
  'id',
  'toStage',
  'exitReason',
])
export class StageTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_stage_transitions_candidate' })
  candidate?: CandidateEntity;

  /** Null for the first row (entry at identified). */
  @Column({ type: 'enum', enum: STAGES, enumName: 'candidate_stage', nullable: true })
  fromStage!: Stage | null;

  @Column({ type: 'enum', enum: STAGES, enumName: 'candidate_stage' })
  toStage!: Stage;

  /** Null when the system moved it. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_stage_transitions_actor' })
  actor?: UserEntity;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'enum', enum: EXIT_REASONS, enumName: 'exit_reason', nullable: true })
  exitReason!: ExitReason | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
