import { ApiProperty } from '@nestjs/swagger';
import { ReadOnly, ValidateInt, ValidateVersion } from '../../common/validation/decorators.js';
import { DistrictEntity } from './district.entity.js';

/** The settings a district's hr edits itself (its name and slug stay with the platform administrator). */
export class UpdateDistrictSettingsDto {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('the district name is set by the platform administrator') name?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  /** Counts of people below this are suppressed in the equity dashboard (PRODUCT.md §4); never below 5. */
  @ValidateInt({ min: 5, max: 100 })
  smallCellThreshold!: number;
  /** Remind hr of a nomination waiting this many days for review (null: never). Omitted: unchanged. */
  @ValidateInt({ min: 1, max: 365, nullable: true }) remindReviewAfterDays?: number | null;
  /** Remind a nominee who has not answered after this many days. */
  @ValidateInt({ min: 1, max: 365, nullable: true }) remindAnswerAfterDays?: number | null;
  /** Remind a candidate whose started assignment has no hours logged after this many days. */
  @ValidateInt({ min: 1, max: 365, nullable: true }) remindHoursAfterDays?: number | null;
  /** Remind hr of a candidate whose last readiness confirmation is older than this many months. */
  @ValidateInt({ min: 1, max: 60, nullable: true }) remindReadinessAfterMonths?: number | null;
  @ValidateVersion() version!: number;
}

export class DistrictSettingsResponseDto {
  /** The district's id: the settings record has the id of its district. */
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ minimum: 5, maximum: 100 }) smallCellThreshold!: number;
  @ApiProperty({ nullable: true, type: Number }) remindReviewAfterDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) remindAnswerAfterDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) remindHoursAfterDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) remindReadinessAfterMonths!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export function toDistrictSettingsResponse(d: DistrictEntity): DistrictSettingsResponseDto {
  return {
    id: d.id,
    name: d.name,
    smallCellThreshold: d.smallCellThreshold,
    remindReviewAfterDays: d.remindReviewAfterDays,
    remindAnswerAfterDays: d.remindAnswerAfterDays,
    remindHoursAfterDays: d.remindHoursAfterDays,
    remindReadinessAfterMonths: d.remindReadinessAfterMonths,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
