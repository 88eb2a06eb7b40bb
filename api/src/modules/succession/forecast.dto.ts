import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateUUID } from '../../common/validation/decorators.js';
import { SEAT_STATES } from './forecast-model.js';

export class ForecastQueryDto {
  /** One leadership role of the district. */
  @ValidateUUID({ optional: true }) roleId?: string;
}

export class ForecastYearDto {
  @ApiProperty({ example: '2026-27' }) schoolYear!: string;
  /** Expected openings (2 decimals; whole numbers for coordinators and principals). */
  @ApiProperty() expected!: number;
  /** The 80 % interval: 10th and 90th percentiles of the simulated openings. */
  @ApiProperty() low!: number;
  @ApiProperty() high!: number;
  /** Second-round openings: seats of this role left by people placed into other roles' openings. */
  @ApiProperty() chainExpected!: number;
}

export class ForecastRateDto {
  @ApiProperty({ enum: SEAT_STATES }) state!: string;
  /** The public base rate the estimate starts from. */
  @ApiProperty() prior!: number;
  /** The district's own seat-years in this state and how many of them ended with the seat opening. */
  @ApiProperty() exposure!: number;
  @ApiProperty() events!: number;
  /** The yearly chance used: (10 × prior + events) / (10 + exposure). */
  @ApiProperty() rate!: number;
}

export class CoverageYearDto {
  @ApiProperty({ example: '2026-27' }) schoolYear!: string;
  /** Seats vacant now plus the expected openings up to the end of this school year. */
  @ApiProperty() openingsThrough!: number;
  /** Candidates confirmed ready now, and from the second year on those confirmed ready in 1–2 years. */
  @ApiProperty() readyBy!: number;
  /** readyBy ÷ openingsThrough (null with no opening expected). */
  @ApiProperty({ nullable: true, type: Number }) coverage!: number | null;
}

export class CoverageDto {
  @ApiProperty() readyNow!: number;
  @ApiProperty() readyIn1To2Years!: number;
  @ApiProperty({ type: [CoverageYearDto] }) years!: CoverageYearDto[];
  /** Seats more likely than not to open within 2 school years beyond the role's ready candidates (hr and the superintendent). */
  @ApiPropertyOptional() seatsAtRisk?: number;
}

export class ForecastGroupDto {
  /** The role; null for a pool of small roles of one level (coordinators and principals). */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roleId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['classroom', 'school', 'district'] }) level!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() vacantNow!: number;
  /** True when the group has fewer seats than the district's small-cell threshold: no figures are given. */
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: [ForecastYearDto], nullable: true }) years!: ForecastYearDto[] | null;
  /** hr and the superintendent: where the yearly chances come from. */
  @ApiPropertyOptional({ type: [ForecastRateDto] }) rates?: ForecastRateDto[];
  @ApiPropertyOptional() baseRateSource?: string;
  /** Ready candidates against the openings: for district-wide roles (not principals, whose scope is their schools). */
  @ApiProperty({ type: CoverageDto, nullable: true }) coverage!: CoverageDto | null;
}

export class ForecastSeatDto {
  @ApiProperty({ format: 'uuid' }) positionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) incumbentEducatorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) incumbentName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) tenureStartedOn!: string | null;
  /** From the pension rules with birth year and service start, else the year typed on the roster. */
  @ApiProperty({ nullable: true, type: Number }) retirementEligibleYear!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) knownDepartureOn!: string | null;
  /** The chance the seat is open by the end of the 1st, 2nd, 3rd and 5th school year (1 when vacant now). */
  @ApiProperty() within1!: number;
  @ApiProperty() within2!: number;
  @ApiProperty() within3!: number;
  @ApiProperty() within5!: number;
  /**
   * Likelier than not to open within 2 school years, and more such seats of its role than the role has
   * candidates confirmed ready now or in 1–2 years (the seats ranked by that chance).
   */
  @ApiProperty() atRisk!: boolean;
}

export class ForecastResponseDto {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [String], example: ['2026-27', '2027-28', '2028-29', '2029-30', '2030-31'] })
  schoolYears!: string[];
  /** The first day the district's seat history is complete from: the rates learn from what follows it. */
  @ApiProperty({ format: 'date' }) historySince!: string;
  @ApiProperty() simulations!: number;
  @ApiProperty({ type: [ForecastGroupDto] }) groups!: ForecastGroupDto[];
  /** Each seat with its chances: hr and the superintendent only (null for others). */
  @ApiProperty({ type: [ForecastSeatDto], nullable: true }) seats!: ForecastSeatDto[] | null;
}
