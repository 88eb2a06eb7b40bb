import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, Matches, ValidateIf } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { READINESS_BANDS, STAGES } from '../candidates/stages.js';
import type { LicenceStatus } from '../careers/credential.dto.js';
import { LICENCE_STATUSES } from '../careers/credential.dto.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { PositionStatus } from './position.entity.js';
import { POSITION_STATUSES } from './position.entity.js';

/**
 * When a seat is expected to open: a vacant seat is open now (null); a filled one opens on its projected
 * vacancy date, else on July 1 (the start of the school year) of the incumbent's retirement-eligible year.
 * Kept on the seat by a trigger (migration AddSortKeys, which holds the definition), so it is indexed.
 */
export const OPENING_SQL = 'p.sort_opens_on';
/** The opening without retirement data: a filled seat's known departure only (for those who may not see it). */
export const KNOWN_OPENING_SQL = "CASE WHEN p.status = 'filled' THEN p.projected_vacancy_on END";

/** Candidacies that sit on a bench: active and not yet placed (paused and exited ones are not available). */
export const BENCH_STAGES = ['identified', 'engaged', 'developing', 'ready'] as const;

export const POSITION_LIST: ListSpec = {
  resource: 'positions',
  idColumn: 'p.id',
  sort: {
    title: 'p.title',
    roleTitle: 'r.title',
    roleLevel: 'r.level',
    schoolName: 's.name',
    status: 'p.status',
    incumbentName: 'p.sort_incumbent_last_name',
    projectedVacancyOn: 'p.projected_vacancy_on',
    projectedOpeningOn: 'p.sort_opens_on',
    filledAt: 'p.filled_at',
    createdAt: 'p.created_at',
    updatedAt: 'p.updated_at',
  },
  defaultSort: ['title', 'ASC'],
  filters: {
    roleId: { column: 'p.role_id', type: 'uuid' },
    schoolId: { column: 'p.school_id', type: 'uuid' },
    /** true: district-office seats only; false: school seats only. */
    districtOffice: { column: 'p.id', type: 'boolean', where: (v) => `(p.school_id IS NULL) = ANY(:${v})` },
    status: { column: 'p.status', type: 'string', values: POSITION_STATUSES },
    level: { column: 'r.level', type: 'string', values: LEADERSHIP_LEVELS },
    incumbentEducatorId: { column: 'p.incumbent_educator_id', type: 'uuid' },
    /** Filled seats expected to open within N months from today (overdue ones included). */
    opensWithinMonths: {
      column: 'p.id',
      type: 'int',
      where: (v) =>
        `${OPENING_SQL} <= current_date + make_interval(months => (SELECT max(x) FROM unnest(CAST(:${v} AS int[])) x))`,
    },
  },
  search: {
    terms: [
      { text: 'p.title' },
      { text: 'r.title' },
      { text: 's.name' },
      { educator: 'p.incumbent_educator_id', alias: 'i', text: educatorName },
    ],
    ranked: true,
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class PositionFields {
  @ValidateUUID() roleId!: string;
  /** Null or absent: the district office. */
  @ValidateUUID({ nullable: true }) schoolId?: string | null;
  /** Defaults to "<role>, <school or District office>". */
  @ValidateString({ maxLength: 200, optional: true, example: 'Principal, Riverbend High School' }) title?: string;
  /** The educator in the seat; null: vacant. */
  @ValidateUUID({ nullable: true }) incumbentEducatorId?: string | null;
  /** Follows the incumbent (filled with one, vacant without); a changed value must agree with it. */
  @ValidateEnum(POSITION_STATUSES, 'PositionStatus', { optional: true }) status?: PositionStatus;
  /** A known departure date of the incumbent (YYYY-MM-DD); filled seats only. */
  @ApiPropertyOptional({ example: '2027-06-30', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(DATE, { message: 'projectedVacancyOn must be a date like 2027-06-30' })
  @IsISO8601({ strict: true }, { message: 'projectedVacancyOn must be a date like 2027-06-30' })
  projectedVacancyOn?: string | null;
}

@AcceptsCloneOf(() => UpdatePositionDto)
export class CreatePositionDto extends PositionFields {}

export class UpdatePositionDto extends PositionFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a position stays in its district') districtId?: string;
  @ReadOnly('edit the leadership role instead') roleTitle?: string;
  @ReadOnly('edit the leadership role instead') roleLevel?: string;
  @ReadOnly('edit the leadership role instead', { computed: true }) roleRequiresLicence?: boolean;
  @ReadOnly('edit the school instead') schoolName?: string;
  @ReadOnly('change incumbentEducatorId instead') incumbentName?: string;
  @ReadOnly('edit the educator record instead') incumbentRetirementEligibleYear?: number;
  @ReadOnly('computed from projectedVacancyOn or the retirement year', { computed: true }) projectedOpeningOn?: string;
  @ReadOnly('set by placement (POST /api/positions/{id}/placement)') placedCandidateId?: string;
  @ReadOnly('set when the incumbent changes') filledAt?: string;
  @ReadOnly('computed', { computed: true }) benchReadyNow?: number;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class PositionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) roleLevel!: LeadershipLevel;
  /** Placing someone without a verified, current licence warns. */
  @ApiProperty() roleRequiresLicence!: boolean;
  /** Null: the district office. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) incumbentEducatorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) incumbentName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) incumbentRetirementEligibleYear!: number | null;
  @ApiProperty({ enum: POSITION_STATUSES, enumName: 'PositionStatus' }) status!: PositionStatus;
  @ApiProperty({ nullable: true, type: String }) projectedVacancyOn!: string | null;
  /** projectedVacancyOn, else July 1 of the incumbent's retirement-eligible year; null when vacant (open now). */
  @ApiProperty({ nullable: true, type: String }) projectedOpeningOn!: string | null;
  /** The candidacy the last placement put into the seat. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) placedCandidateId!: string | null;
  /** When the current incumbent took the seat in Emerge (placement or edit). */
  @ApiProperty({ nullable: true, type: String }) filledAt!: string | null;
  /** Bench candidates for the role whose confirmed band is ready_now. */
  @ApiProperty() benchReadyNow!: number;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PlacementDto {
  /** A candidate in ready for this seat's role. */
  @ValidateUUID() candidateId!: string;
  /** The position version you saw; if it changed meanwhile the placement is a 409. */
  @ValidateInt({ min: 1, optional: true }) expectedVersion?: number;
}

export class PlacementResponseDto {
  @ApiProperty({ type: PositionResponseDto }) position!: PositionResponseDto;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  /** Who held the seat before, if anyone; their roster record is unchanged. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) previousIncumbentEducatorId!: string | null;
  /** Seats the placed educator held until now, made vacant. */
  @ApiProperty({ type: [String] }) vacatedPositionIds!: string[];
  /** Done, but worth knowing: e.g. the role requires a licence and the person's is not verified. */
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class BenchGapDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() targetLevel!: number;
  @ApiProperty({ nullable: true, type: Number }) currentLevel!: number | null;
  /** Null: no evidence yet. */
  @ApiProperty({ nullable: true, type: Number }) gap!: number | null;
}

export class BenchEntryDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  @ApiProperty() daysInStage!: number;
  /** The confirmed band: the one that orders the bench. */
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) readiness!: ReadinessBand;
  @ApiProperty({ nullable: true, type: String }) readinessConfirmedAt!: string | null;
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) suggestedBand!: ReadinessBand;
  @ApiProperty() targetsMet!: number;
  @ApiProperty() targetsTotal!: number;
  /** Up to three unmet targets, largest gap first (those without evidence last). */
  @ApiProperty({ type: [BenchGapDto] }) largestGaps!: BenchGapDto[];
  @ApiProperty() evidenceCount!: number;
  /** Evidence recorded after the last readiness confirmation (0 before any). */
  @ApiProperty() newEvidenceSinceConfirmation!: number;
  /** Null when POST /placement would accept this candidate now; else why not. */
  @ApiProperty({ nullable: true, type: String }) placementRefusal!: string | null;
  /**
   * Their licence standing when the role requires a licence (a placement then warns unless verified); null
   * when it does not, or for a reader who may not see career profiles.
   */
  @ApiProperty({ enum: LICENCE_STATUSES, enumName: 'LicenceStatus', nullable: true })
  licence!: LicenceStatus | null;
}

export class BenchCountsDto {
  @ApiProperty() ready_now!: number;
  @ApiProperty() ready_1_2_years!: number;
  @ApiProperty() ready_3_plus_years!: number;
  @ApiProperty() not_assessed!: number;
}

export class BenchResponseDto {
  @ApiProperty({ format: 'uuid' }) positionId!: string;
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty() roleTitle!: string;
  /** Bench candidates per confirmed band. */
  @ApiProperty({ type: BenchCountsDto }) counts!: BenchCountsDto;
  /** Ordered: confirmed band (ready_now first), stage (ready first), targets met, name. */
  @ApiProperty({ type: [BenchEntryDto] }) candidates!: BenchEntryDto[];
}
