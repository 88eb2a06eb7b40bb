import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { CandidateEntity } from '../candidates/candidate.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { LeadershipRoleEntity } from '../leadership-roles/leadership-role.entity.js';
import { SchoolEntity } from '../schools/school.entity.js';

export const POSITION_STATUSES = ['filled', 'vacant'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/** A leadership seat: a school (or the district office) × a leadership role (PRODUCT.md §2). */
@Entity('positions')
@Index('ix_positions_district_role', ['districtId', 'roleId'])
@Index('ix_positions_school', ['schoolId'])
@Index('ix_positions_incumbent', ['incumbentEducatorId'])
@Index('ix_positions_district_incumbent', { synchronize: false })
@Index('ix_positions_district_opens', { synchronize: false })
// The list's sorts: a page of 25 is read in index order and joined, not the district's seats sorted whole.
// The nullable dates are built NULLS FIRST by the migration, the order lists sort nulls in.
@Index('ix_positions_district_title', ['districtId', 'title'])
@Index('ix_positions_district_status', ['districtId', 'status', 'id'])
@Index('ix_positions_district_created', ['districtId', 'createdAt'])
@Index('ix_positions_district_updated', ['districtId', 'updatedAt'])
@Index('ix_positions_district_vacancy', ['districtId', 'projectedVacancyOn'])
@Index('ix_positions_district_filled', ['districtId', 'filledAt'])
export class PositionEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_positions_district' })
  district?: DistrictEntity;

  /** Null: the district office. */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_positions_school' })
  school?: SchoolEntity;

  @Column({ type: 'uuid' })
  roleId!: string;

  @ManyToOne(() => LeadershipRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_positions_role' })
  role?: LeadershipRoleEntity;

  /** e.g. "Principal, Riverbend High School"; defaults to role and school. */
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid', nullable: true })
  incumbentEducatorId!: string | null;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incumbent_educator_id', foreignKeyConstraintName: 'fk_positions_incumbent' })
  incumbent?: EducatorEntity;

  @Column({ type: 'enum', enum: POSITION_STATUSES, enumName: 'position_status', default: 'vacant' })
  status!: PositionStatus;

  /** When hr expects the seat to open (a known departure); else the incumbent's retirement year counts. */
  @Column({ type: 'date', nullable: true })
  projectedVacancyOn!: string | null;

  /** The candidacy placed into the seat by the last placement, if any. */
  @Column({ type: 'uuid', nullable: true })
  placedCandidateId!: string | null;

  @ManyToOne(() => CandidateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'placed_candidate_id', foreignKeyConstraintName: 'fk_positions_placed_candidate' })
  placedCandidate?: CandidateEntity;

  @Column({ type: 'timestamptz', nullable: true })
  filledAt!: Date | null;

  /** Sort keys, kept by a trigger (migration AddSortKeys): the incumbent's last name; the projected opening. */
  @Column({ type: 'varchar', length: 100, nullable: true, select: false, insert: false, update: false })
  sortIncumbentLastName!: string | null;

  @Column({ type: 'date', nullable: true, select: false, insert: false, update: false })
  sortOpensOn!: string | null;
}
