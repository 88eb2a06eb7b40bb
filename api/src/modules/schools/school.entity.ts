import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { DistrictEntity } from '../districts/district.entity.js';

export const GRADE_BANDS = ['elementary', 'middle', 'high', 'k8', 'k12', 'other'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

@Entity('schools')
@Unique('uq_schools_district_code', ['districtId', 'code'])
@Index('ix_schools_district_name', ['districtId', 'name'])
export class SchoolEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_schools_district' })
  district?: DistrictEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The district's own school code (state or SIS id). Unique within the district. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'enum', enum: GRADE_BANDS, enumName: 'school_grade_band' })
  gradeBand!: GradeBand;
}
