import { Check, Column, Entity, Unique } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import type { PensionRule } from '../succession/forecast-model.js';

@Entity('districts')
@Unique('uq_districts_slug', ['slug'])
@Check('ck_districts_small_cell_threshold', '"small_cell_threshold" >= 5')
@Check(
  'ck_districts_reminder_delays',
  `"remind_review_after_days" BETWEEN 1 AND 365 AND "remind_answer_after_days" BETWEEN 1 AND 365
        AND "remind_hours_after_days" BETWEEN 1 AND 365 AND "remind_readiness_after_months" BETWEEN 1 AND 60`,
)
export class DistrictEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Short code used in emails and exports, e.g. "riverbend". */
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  /** Counts of people below this are suppressed in aggregate reports (PRODUCT.md §4). */
  @Column({ type: 'int', default: 10 })
  smallCellThreshold!: number;

  /** Reminders (issue #16): how long each thing may wait; null turns that reminder off. */
  @Column({ type: 'int', nullable: true, default: 7 })
  remindReviewAfterDays!: number | null;

  @Column({ type: 'int', nullable: true, default: 7 })
  remindAnswerAfterDays!: number | null;

  @Column({ type: 'int', nullable: true, default: 14 })
  remindHoursAfterDays!: number | null;

  @Column({ type: 'int', nullable: true, default: 12 })
  remindReadinessAfterMonths!: number | null;

  /**
   * When one of these rules holds, an educator is retirement-eligible (docs/forecast.md); null: the default
   * rules (DEFAULT_PENSION_RULES). Validated by the settings DTO.
   */
  @Column({ type: 'jsonb', nullable: true })
  pensionRules!: PensionRule[] | null;

  /** The first day the district's seat history (who held which seat) is complete from. */
  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  seatHistorySince!: string;
}
