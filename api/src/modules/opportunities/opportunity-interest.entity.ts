import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DistrictEntity } from '../districts/district.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { DevelopmentOpportunityEntity } from './opportunity.entity.js';

/**
 * An educator's "I'm interested" in an opportunity: a signal to the coordinator, not a seat. Created and
 * deleted by the educator only; the audit log keeps both.
 */
@Entity('opportunity_interests')
@Unique('uq_opportunity_interests_opportunity_educator', ['opportunityId', 'educatorId'])
@Index('ix_opportunity_interests_educator', ['educatorId'])
export class OpportunityInterestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_opportunity_interests' })
  id!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_opportunity_interests_district' })
  district?: DistrictEntity;

  /** Deleting an opportunity (only possible while nobody was ever assigned) takes its interests with it. */
  @Column({ type: 'uuid' })
  opportunityId!: string;

  @ManyToOne(() => DevelopmentOpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'fk_opportunity_interests_opportunity' })
  opportunity?: DevelopmentOpportunityEntity;

  @Column({ type: 'uuid' })
  educatorId!: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id', foreignKeyConstraintName: 'fk_opportunity_interests_educator' })
  educator?: EducatorEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
