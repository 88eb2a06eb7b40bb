import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssignmentEntity } from '../assignments/assignment.entity.js';
import { CandidateEntity } from '../candidates/candidate.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const EVIDENCE_SOURCES = [
  'observation',
  'artifact',
  'feedback_360',
  'self_reflection',
  'opportunity_completion',
  'evaluation',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** A dated rating of a candidate on one framework node (PRODUCT.md §2). Kept as history: never edited. */
@Entity('evidence')
@Index('ix_evidence_candidate_competency_date', ['candidateId', 'competencyId', 'observedOn'])
@Index('ix_evidence_district_date', ['districtId', 'observedOn'])
@Index('ix_evidence_search', { synchronize: false })
@Index('ix_evidence_competency', ['competencyId'])
@Index('ix_evidence_assignment', ['assignmentId'])
@Index('ix_evidence_recorder', ['recorderUserId'])
// The competency filter, and (covering) the competency heatmap's reads of a district's ratings.
@Index('ix_evidence_district_competency', ['districtId', 'competencyId', 'observedOn', 'candidateId', 'level'])
@Index('ix_evidence_district_source', ['districtId', 'source', 'id'])
@Index('ix_evidence_district_level', ['districtId', 'level', 'id'])
@Index('ix_evidence_district_created', ['districtId', 'createdAt'])
@Index('ix_evidence_candidate_created', ['candidateId', 'createdAt'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_evidence_candidate' })
  candidate?: CandidateEntity;

  @Column({ type: 'uuid' })
  competencyId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id', foreignKeyConstraintName: 'fk_evidence_competency' })
  competency?: CompetencyEntity;

  /** A level of the node's framework rubric. */
  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'enum', enum: EVIDENCE_SOURCES, enumName: 'evidence_source' })
  source!: EvidenceSource;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  link!: string | null;

  /** When it was observed (the date the rating speaks for). */
  @Column({ type: 'date' })
  observedOn!: string;

  @Column({ type: 'uuid' })
  recorderUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorder_user_id', foreignKeyConstraintName: 'fk_evidence_recorder' })
  recorder?: UserEntity;

  /** The completed assignment that produced it (`opportunity_completion`). */
  @Column({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'fk_evidence_assignment' })
  assignment?: AssignmentEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
