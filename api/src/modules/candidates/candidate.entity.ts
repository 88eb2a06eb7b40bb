import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { EducatorEntity, LEADERSHIP_LEVELS, type LeadershipLevel } from '../educators/educator.entity.js';
import { LeadershipRoleEntity } from '../leadership-roles/leadership-role.entity.js';
import type { ActiveStage, ExitReason, ReadinessBand, Stage } from './stages.js';
import { ACTIVE_STAGES, EXIT_REASONS, READINESS_BANDS, STAGES } from './stages.js';

/** One educator × one target role. At most one candidacy per pair is not exited. */
@Entity('candidates')
@Index('uq_candidates_active_educator_role', ['educatorId', 'roleId'], { unique: true, where: `"stage" <> 'exited'` })
@Index('ix_candidates_district_stage', ['districtId', 'stage', 'id'])
@Index('ix_candidates_district_role_title', ['districtId', 'sortRoleTitle', 'id'])
@Index('ix_candidates_district_role_level', ['districtId', 'sortRoleLevel', 'id'])
@Index('ix_candidates_role', ['roleId'])
@Index('ix_candidates_mentor', ['mentorEducatorId'])
// Lists and scope (docs/query-design.md): an educator's candidacies (the self scope, a principal's
// schools through educators), and the documented filters and sorts within a district; an enum column
// ends with the id, the tie-breaker, so the index serves its sort both ways.
@Index('ix_candidates_educator', ['educatorId'])
@Index('ix_candidates_district_readiness', ['districtId', 'readiness', 'id'])
@Index('ix_candidates_district_stage_entered', ['districtId', 'stageEnteredAt'])
@Index('ix_candidates_district_created', ['districtId', 'createdAt'])
@Index('ix_candidates_district_updated', ['districtId', 'updatedAt'])
export class CandidateEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_candidates_district' })
  district?: DistrictEntity;

  @Column({ type: 'uuid' })
  educatorId!: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id', foreignKeyConstraintName: 'fk_candidates_educator' })
  educator?: EducatorEntity;

  @Column({ type: 'uuid' })
  roleId!: string;

  @ManyToOne(() => LeadershipRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_candidates_role' })
  role?: LeadershipRoleEntity;

  @Column({ type: 'enum', enum: STAGES, enumName: 'candidate_stage', default: 'identified' })
  stage!: Stage;

  /** While paused: the stage to resume to. */
  @Column({ type: 'enum', enum: ACTIVE_STAGES, enumName: 'active_stage', nullable: true })
  pausedFrom!: ActiveStage | null;

  @Column({ type: 'enum', enum: EXIT_REASONS, enumName: 'exit_reason', nullable: true })
  exitReason!: ExitReason | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  stageEnteredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  mentorEducatorId!: string | null;

  @ManyToOne(() => EducatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mentor_educator_id', foreignKeyConstraintName: 'fk_candidates_mentor' })
  mentor?: EducatorEntity;

  @Column({ type: 'text', default: '' })
  notes!: string;

  /** The confirmed readiness band (set by readiness confirmation, competencies module). */
  @Column({ type: 'enum', enum: READINESS_BANDS, enumName: 'readiness_band', default: 'not_assessed' })
  readiness!: ReadinessBand;

  /** When the band was last confirmed; evidence recorded after it is flagged as new. */
  @Column({ type: 'timestamptz', nullable: true })
  readinessConfirmedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  readinessShared!: boolean;

  /** Sort keys: the role's title and level, kept by a trigger (migration AddSortKeys). */
  @Column({ type: 'varchar', length: 120, nullable: true, select: false, insert: false, update: false })
  sortRoleTitle!: string | null;

  @Column({
    type: 'enum',
    enum: LEADERSHIP_LEVELS,
    enumName: 'leadership_level',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  sortRoleLevel!: LeadershipLevel | null;
}
