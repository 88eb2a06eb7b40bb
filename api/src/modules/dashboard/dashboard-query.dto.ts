import { ApiProperty } from '@nestjs/swagger';
import { ValidateEnum, ValidateString, ValidateUUID } from '../../common/validation/decorators.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';

/** The filters every dashboard aggregate takes (docs/metrics.md says where each applies). */
export class DashboardQueryDto {
  /** The target leadership role's level. */
  @ValidateEnum(LEADERSHIP_LEVELS, 'LeadershipLevel', { optional: true })
  level?: LeadershipLevel;

  /** The educator's school (a principal: one of their schools). */
  @ValidateUUID({ optional: true })
  schoolId?: string;

  /** The target leadership role. */
  @ValidateUUID({ optional: true })
  roleId?: string;

  /** A school year, July 1 – June 30, e.g. `2025-26`; absent: all history. */
  @ValidateString({
    maxLength: 7,
    optional: true,
    pattern: /^\d{4}-\d{2}$/,
    patternMessage: 'schoolYear must be a school year like 2025-26',
    example: '2025-26',
  })
  schoolYear?: string;
}

export const EQUITY_DIMENSIONS = ['gender', 'raceEthnicity'] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

export class EquityQueryDto extends DashboardQueryDto {
  /** The self-reported demographic field to group by; people without a value form the group `not_recorded`. */
  @ValidateEnum(EQUITY_DIMENSIONS, 'EquityDimension')
  dimension!: EquityDimension;
}

export class PeriodDto {
  /** Null: all history. */
  @ApiProperty({ nullable: true, type: String, example: '2025-26' }) schoolYear!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-07-01' }) firstDay!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-30' }) lastDay!: string | null;
}
