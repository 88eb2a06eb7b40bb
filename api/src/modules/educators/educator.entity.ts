import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';
import { SchoolEntity } from '../schools/school.entity.js';

export const LEADERSHIP_LEVELS = ['classroom', 'school', 'district'] as const;
export type LeadershipLevel = (typeof LEADERSHIP_LEVELS)[number];
export const EDUCATOR_STATUSES = ['active', 'inactive'] as const;
export type EducatorStatus = (typeof EDUCATOR_STATUSES)[number];
/** Self-reported; null means not recorded, its own group in equity reports. */
export const GENDERS = ['female', 'male', 'nonbinary', 'prefer_not_to_say'] as const;
export const RACE_ETHNICITIES = [
  'american_indian_alaska_native',
  'asian',
  'black_african_american',
  'hispanic_latino',
  'native_hawaiian_pacific_islander',
  'white',
  'two_or_more',
  'prefer_not_to_say',
] as const;

@Entity('educators')
@Unique('uq_educators_district_employee_number', ['districtId', 'employeeNumber'])
@Index('ix_educators_district_name', ['districtId', 'lastName', 'firstName'])
@Index('ix_educators_school', ['schoolId', 'lastName'])
// The list's filters and sorts within a district (a district may hold 80,000 educators). The nullable
// columns are built NULLS FIRST by the migration, the order lists sort nulls in.
@Index('ix_educators_district_status', ['districtId', 'status', 'id'])
@Index('ix_educators_district_first_name', ['districtId', 'firstName'])
@Index('ix_educators_district_job_title', ['districtId', 'jobTitle', 'id'])
@Index('ix_educators_district_updated', ['districtId', 'updatedAt', 'id'])
// Trigram index on the search document (migration AddTrigramSearch).
@Index('ix_educators_search', { synchronize: false })
@Index('ix_educators_district_school_name', { synchronize: false })
@Index('ix_educators_district_level', ['districtId', 'leadershipLevel', 'id'])
@Index('ix_educators_district_years', ['districtId', 'yearsInEducation'])
@Index('ix_educators_district_retirement', ['districtId', 'retirementEligibleYear'])
@Check('ck_educators_years', '"years_in_education" IS NULL OR "years_in_education" BETWEEN 0 AND 70')
@Check('ck_educators_birth_year', '"birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100')
export class EducatorEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_educators_district' })
  district?: DistrictEntity;

  /** The HR system's id; the key of the roster import. */
  @Column({ type: 'varchar', length: 40 })
  employeeNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** Null for district-office staff. */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_educators_school' })
  school?: SchoolEntity;

  @Column({ type: 'varchar', length: 120 })
  jobTitle!: string;

  /** The level of leadership the person holds now; null when none. */
  @Column({ type: 'enum', enum: LEADERSHIP_LEVELS, enumName: 'leadership_level', nullable: true })
  leadershipLevel!: LeadershipLevel | null;

  @Column({ type: 'int', nullable: true })
  yearsInEducation!: number | null;

  @Column({ type: 'enum', enum: EDUCATOR_STATUSES, enumName: 'educator_status', default: 'active' })
  status!: EducatorStatus;

  @Column({ type: 'int', nullable: true })
  retirementEligibleYear!: number | null;

  /** Retirement data (hr and the superintendent only): with the district's pension rules, the eligible year. */
  @Column({ type: 'int', nullable: true })
  birthYear!: number | null;

  /** The first day of pensionable service, YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  serviceStartOn!: string | null;

  @Column({ type: 'enum', enum: GENDERS, enumName: 'gender', nullable: true })
  gender!: (typeof GENDERS)[number] | null;

  @Column({ type: 'enum', enum: RACE_ETHNICITIES, enumName: 'race_ethnicity', nullable: true })
  raceEthnicity!: (typeof RACE_ETHNICITIES)[number] | null;

  /** Sort key: the school's name, kept by a trigger (migration AddSortKeys); never written by the API. */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false, insert: false, update: false })
  sortSchoolName!: string | null;
}
