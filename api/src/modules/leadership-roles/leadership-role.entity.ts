import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';

/** A role the district grows leaders for. Competency targets attach to it (competencies module). */
@Entity('leadership_roles')
@Unique('uq_leadership_roles_district_title', ['districtId', 'title'])
@Check(
  'ck_leadership_roles_hours_targets',
  `("internship_hours_target" IS NULL OR "internship_hours_target" BETWEEN 1 AND 5000)
   AND ("mentoring_hours_target" IS NULL OR "mentoring_hours_target" BETWEEN 1 AND 1000)`,
)
export class LeadershipRoleEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_leadership_roles_district' })
  district?: DistrictEntity;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'enum', enum: LEADERSHIP_LEVELS, enumName: 'leadership_level' })
  level!: LeadershipLevel;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Placing someone into it without a verified, current licence warns (issue #19). */
  @Column({ type: 'boolean', default: false })
  requiresLicence!: boolean;

  /** Internship hours (logged on assignments) expected of a candidate for the role; null: none set. */
  @Column({ type: 'integer', nullable: true })
  internshipHoursTarget!: number | null;

  /** Mentoring hours (logged as sessions) expected of a candidate for the role; null: none set. */
  @Column({ type: 'integer', nullable: true })
  mentoringHoursTarget!: number | null;
}
