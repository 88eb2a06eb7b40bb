import { Check, Column, Entity, Unique } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';

@Entity('districts')
@Unique('uq_districts_slug', ['slug'])
@Check('ck_districts_small_cell_threshold', '"small_cell_threshold" >= 5')
export class DistrictEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Short code used in emails and exports, e.g. "riverbend". */
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  /** Counts of people below this are suppressed in aggregate reports (PRODUCT.md §4). */
  @Column({ type: 'int', default: 10 })
  smallCellThreshold!: number;
}
