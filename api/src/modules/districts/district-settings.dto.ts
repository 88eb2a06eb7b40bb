import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateIf, ValidateNested } from 'class-validator';
import { ReadOnly, ValidateInt, ValidateVersion } from '../../common/validation/decorators.js';
import { DEFAULT_PENSION_RULES } from '../succession/forecast-model.js';
import { DistrictEntity } from './district.entity.js';

/** A pension rule: eligible when every part that is set holds; at least one part is set. */
export class PensionRuleDto {
  /** Age reached in the calendar year the school year ends. */
  @ValidateInt({ min: 40, max: 80, nullable: true }) minAge?: number | null;
  /** Whole years of service by June 30. */
  @ValidateInt({ min: 0, max: 50, nullable: true }) minYears?: number | null;
  /** Age plus years of service (the "rule of 85"). */
  @ValidateInt({ min: 50, max: 130, nullable: true })
  ruleOfN?: number | null;
}

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
  /**
   * When one of these rules holds, an educator is retirement-eligible (docs/forecast.md); null: the default
   * rules. Omitted: unchanged.
   */
  @ApiProperty({ type: [PensionRuleDto], nullable: true, required: false })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsArray({ message: 'pensionRules must be a list of rules' })
  @ArrayMinSize(1, { message: 'pensionRules needs at least one rule (null: the default rules)' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PensionRuleDto)
  pensionRules?: PensionRuleDto[] | null;
  @ReadOnly('true when the district uses the default pension rules', { computed: true })
  pensionRulesAreDefault?: boolean;
  @ReadOnly('the first day the seat history is complete from: set when the district began keeping it')
  seatHistorySince?: string;
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
  /** The rules in force (the default ones when the district has set none). */
  @ApiProperty({ type: [PensionRuleDto] }) pensionRules!: PensionRuleDto[];
  @ApiProperty() pensionRulesAreDefault!: boolean;
  @ApiProperty({ format: 'date' }) seatHistorySince!: string;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

/** Rules with every part present (null when unset), as stored and returned. */
export const plainRules = (rules: PensionRuleDto[]): Required<PensionRuleDto>[] =>
  rules.map((r) => ({ minAge: r.minAge ?? null, minYears: r.minYears ?? null, ruleOfN: r.ruleOfN ?? null }));

export function toDistrictSettingsResponse(d: DistrictEntity): DistrictSettingsResponseDto {
  return {
    id: d.id,
    name: d.name,
    smallCellThreshold: d.smallCellThreshold,
    remindReviewAfterDays: d.remindReviewAfterDays,
    remindAnswerAfterDays: d.remindAnswerAfterDays,
    remindHoursAfterDays: d.remindHoursAfterDays,
    remindReadinessAfterMonths: d.remindReadinessAfterMonths,
    pensionRules: plainRules(d.pensionRules ?? DEFAULT_PENSION_RULES),
    pensionRulesAreDefault: d.pensionRules === null,
    seatHistorySince: typeof d.seatHistorySince === 'string' ? d.seatHistorySince : String(d.seatHistorySince),
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
