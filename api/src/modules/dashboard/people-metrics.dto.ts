import { ApiProperty } from '@nestjs/swagger';
import type { NominatorKind } from '../nominations/nomination.entity.js';
import { NOMINATOR_KINDS } from '../nominations/nomination.entity.js';
import type { EquityDimension } from './dashboard-query.dto.js';
import { EQUITY_DIMENSIONS, PeriodDto } from './dashboard-query.dto.js';

export class NominationKindDto {
  @ApiProperty({ enum: NOMINATOR_KINDS, enumName: 'NominatorKind' }) kind!: NominatorKind;
  /** Nominations made during the period, by their status now. */
  @ApiProperty() total!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() withdrawn!: number;
}

export class NominationSchoolDto {
  /** Null: district-office staff (educators without a school). */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  /** Nominations of the school's educators made during the period. */
  @ApiProperty() nominations!: number;
  @ApiProperty() approved!: number;
  /** The latest nomination of one of its educators, ever. */
  @ApiProperty({ nullable: true, type: String }) lastNominatedAt!: string | null;
  /** At least one nomination in the 12 months before now. */
  @ApiProperty() nominatedLast12Months!: boolean;
  /** Educators eligible by the documented rule (active, at least 3 years in education). */
  @ApiProperty() eligibleEducators!: number;
  /** Eligible educators never nominated and never a candidate (for the filtered roles). */
  @ApiProperty() eligibleNeverNominated!: number;
}

export class EligibleEducatorDto {
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty() jobTitle!: string;
  @ApiProperty() yearsInEducation!: number;
}

export class EligibleNeverNominatedDto {
  @ApiProperty() total!: number;
  /** hr only (others: null); at most 1,000, by school and name. */
  @ApiProperty({ type: [EligibleEducatorDto], nullable: true }) educators!: EligibleEducatorDto[] | null;
  @ApiProperty() truncated!: boolean;
}

export class NominationsResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: [NominationKindDto] }) byKind!: NominationKindDto[];
  @ApiProperty({ type: [NominationSchoolDto] }) bySchool!: NominationSchoolDto[];
  /** Schools (in scope) without a nomination in the last 12 months. */
  @ApiProperty({ type: [String], format: 'uuid' }) schoolsWithoutRecentNomination!: string[];
  @ApiProperty({ type: EligibleNeverNominatedDto }) eligibleNeverNominated!: EligibleNeverNominatedDto;
}

/** An array whose items may be null (a suppressed or undefined ratio). */
const NULLABLE_NUMBERS = { type: 'array', items: { type: 'number', nullable: true } } as const;

/**
 * PRODUCT.md §4: a withheld count is `{count: null, suppressed: true}`; an altered one carries
 * `exact: false`; an exact one (column totals) omits `exact`.
 */
export class SuppressedCountDto {
  @ApiProperty({ nullable: true, type: Number }) count!: number | null;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ required: false, description: 'False: the count was altered to protect the people in it' })
  exact?: boolean;
}

export class EquityRowDto {
  /** A value of the dimension, or `not_recorded`. */
  @ApiProperty() group!: string;
  /** One per column. */
  @ApiProperty({ type: [SuppressedCountDto] }) cells!: SuppressedCountDto[];
  /** Published count ÷ exact column total, 3 decimals; null when the count is withheld or the total is 0. */
  @ApiProperty(NULLABLE_NUMBERS) shares!: (number | null)[];
}

export class EquityTableDto {
  @ApiProperty({ type: [String] }) columns!: string[];
  /**
   * Per column, how its counts were protected (docs/metrics.md): `rounded` to a multiple of 3 (within ±2),
   * or `noisy` (a filter narrows the people: random noise, typically ±1).
   */
  @ApiProperty({ type: [String], enum: ['rounded', 'noisy'] }) methods!: ('rounded' | 'noisy')[];
  @ApiProperty({ type: [EquityRowDto] }) rows!: EquityRowDto[];
  /** Column totals: the exact number of people in each column (what the lists already tell). */
  @ApiProperty({ type: [SuppressedCountDto] }) totals!: SuppressedCountDto[];
}

export class EquityConversionRowDto {
  @ApiProperty() group!: string;
  /** Entered the next stage ÷ entered this one, per step; null when a count is suppressed or 0. */
  @ApiProperty(NULLABLE_NUMBERS) rates!: (number | null)[];
}

export class EquityConversionsDto {
  /** `identified>engaged`, … */
  @ApiProperty({ type: [String] }) steps!: string[];
  @ApiProperty({ type: [EquityConversionRowDto] }) rows!: EquityConversionRowDto[];
  /** From the column totals. */
  @ApiProperty(NULLABLE_NUMBERS) overall!: (number | null)[];
}

export class EquityResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ enum: EQUITY_DIMENSIONS, enumName: 'EquityDimension' }) dimension!: EquityDimension;
  /** The district's small-cell threshold at the time of the request. */
  @ApiProperty() threshold!: number;
  /** People at each stage now, against the eligible pool and those nominated during the period. */
  @ApiProperty({ type: EquityTableDto }) representation!: EquityTableDto;
  /** People who entered each stage during the period. */
  @ApiProperty({ type: EquityTableDto }) entered!: EquityTableDto;
  @ApiProperty({ type: EquityConversionsDto }) conversions!: EquityConversionsDto;
}
