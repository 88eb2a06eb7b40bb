import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import { SchoolEntity } from '../schools/school.entity.js';

export const OPPORTUNITY_TYPES = [
  'residency',
  'mentorship',
  'shadowing',
  'project',
  'committee',
  'coursework',
  'cohort_session',
] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

/** A real leadership experience in the coordinator's catalog (PRODUCT.md §2). */
@Entity('development_opportunities')
@Index('ix_development_opportunities_district_starts', ['districtId', 'startsOn'])
@Index('ix_development_opportunities_host_school', ['hostSchoolId'])
@Check('ck_development_opportunities_seats', '"seats" >= 1 AND "seats_taken" >= 0 AND "seats_taken" <= "seats"')
@Check('ck_development_opportunities_dates', '"ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"')
export class DevelopmentOpportunityEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_development_opportunities_district' })
  district?: DistrictEntity;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'enum', enum: OPPORTUNITY_TYPES, enumName: 'opportunity_type' })
  type!: OpportunityType;

  @Column({ type: 'enum', enum: LEADERSHIP_LEVELS, enumName: 'leadership_level' })
  level!: LeadershipLevel;

  /** Null: hosted by the district office. */
  @Column({ type: 'uuid', nullable: true })
  hostSchoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_school_id', foreignKeyConstraintName: 'fk_development_opportunities_host_school' })
  hostSchool?: SchoolEntity;

  @Column({ type: 'int' })
  seats!: number;

  /** Assignments holding a seat (every status but withdrawn); kept in the assigning transaction. */
  @Column({ type: 'int', default: 0 })
  seatsTaken!: number;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  /** Expected hours of work. */
  @Column({ type: 'int', default: 0 })
  hours!: number;

  @Column({ type: 'text', default: '' })
  description!: string;
}

/** A competency an opportunity develops; completion rates the candidate on it. */
@Entity('opportunity_competencies')
@Index('ix_opportunity_competencies_competency', ['competencyId'])
export class OpportunityCompetencyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_opportunity_competencies' })
  opportunityId!: string;

  @ManyToOne(() => DevelopmentOpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'fk_opportunity_competencies_opportunity' })
  opportunity?: DevelopmentOpportunityEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_opportunity_competencies' })
  competencyId!: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id', foreignKeyConstraintName: 'fk_opportunity_competencies_competency' })
  competency?: CompetencyEntity;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
