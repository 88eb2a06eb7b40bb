import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsNumber,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { Stage } from '../candidates/stages.js';
import { STAGES } from '../candidates/stages.js';
import type { OpportunityType } from '../opportunities/opportunity.entity.js';
import { OPPORTUNITY_TYPES } from '../opportunities/opportunity.entity.js';
import type { AssignmentStatus } from './assignment.entity.js';
import { ASSIGNMENT_STATUSES } from './assignment.entity.js';

export const ASSIGNMENT_LIST: ListSpec = {
  resource: 'assignments',
  idColumn: 'a.id',
  sort: {
    dueOn: 'a.due_on',
    status: 'a.status',
    lastName: 'e.last_name',
    opportunityTitle: 'o.title',
    hoursLogged: 'a.hours_logged',
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
  },
  defaultSort: ['dueOn', 'ASC'],
  filters: {
    status: { column: 'a.status', type: 'string', values: ASSIGNMENT_STATUSES },
    candidateId: { column: 'a.candidate_id', type: 'uuid' },
    opportunityId: { column: 'a.opportunity_id', type: 'uuid' },
    educatorId: { column: 'c.educator_id', type: 'uuid' },
    schoolId: { column: 'e.school_id', type: 'uuid' },
    type: { column: 'o.type', type: 'string', values: OPPORTUNITY_TYPES },
    dueFrom: { column: 'a.due_on', type: 'date', op: 'gte' },
    dueTo: { column: 'a.due_on', type: 'date', op: 'lte' },
    /** Open (assigned or in progress) and past its due date. */
    overdue: {
      column: 'a.id',
      type: 'boolean',
      where: (p) => `(a.status IN ('assigned', 'in_progress') AND a.due_on < CURRENT_DATE) IS TRUE = ANY(:${p})`,
    },
  },
  search: { terms: [{ educator: 'c.educator_id', alias: 'e', text: educatorName }, { text: 'o.title' }], ranked: true },
};

@AcceptsCloneOf(() => UpdateAssignmentDto)
export class CreateAssignmentDto {
  @ValidateUUID() opportunityId!: string;
  @ValidateUUID() candidateId!: string;
  /** Defaults to the opportunity's end date. */
  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-03-01' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, { message: 'dueOn must be a date like 2027-03-01' })
  dueOn?: string | null;
}

/**
 * The whole assignment as read. The candidate logs `hoursLogged` and `reflection`; a coordinator or hr
 * may also move `dueOn`. Status moves go through the start, completion and withdrawal routes.
 */
export class UpdateAssignmentDto {
  @ApiProperty({ description: 'Total hours spent so far (not an increment)', example: 6.5 })
  @Type(() => Number)
  // Not IsNumber's maxDecimalPlaces: it throws on exponent notation (1e-7), a 500 instead of this 400.
  @IsNumber({}, { message: 'hoursLogged must be a number with at most one decimal' })
  @ValidateBy({
    name: 'oneDecimal',
    validator: {
      validate: (v: unknown) => typeof v === 'number' && /^-?\d+(\.\d)?$/.test(String(v)),
      defaultMessage: () => 'hoursLogged must be a number with at most one decimal',
    },
  })
  @Min(0)
  @Max(9999)
  hoursLogged!: number;

  @ValidateString({ maxLength: 8000, optional: true }) reflection?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, { message: 'dueOn must be a date like 2027-03-01' })
  dueOn?: string | null;

  @ReadOnly('ids never change') id?: string;
  @ReadOnly('an assignment stays in its district') districtId?: string;
  @ReadOnly('assign the candidate to the other opportunity instead') opportunityId?: string;
  @ReadOnly('assign the other candidate instead') candidateId?: string;
  @ReadOnly('use the start, completion or withdrawal routes') status?: string;
  @ReadOnly('set by completion or withdrawal') outcomeNote?: string;
  @ReadOnly('set by the server') assignedByUserId?: string;
  @ReadOnly('set by the server') startedAt?: string | null;
  @ReadOnly('set by the server') endedAt?: string | null;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  // Denormalized names and the opportunity's fields follow their own records.
  @ReadOnly('', { computed: true }) opportunityTitle?: unknown;
  @ReadOnly('', { computed: true }) opportunityType?: unknown;
  @ReadOnly('', { computed: true }) expectedHours?: unknown;
  @ReadOnly('', { computed: true }) educatorId?: unknown;
  @ReadOnly('', { computed: true }) firstName?: unknown;
  @ReadOnly('', { computed: true }) lastName?: unknown;
  @ReadOnly('', { computed: true }) schoolName?: unknown;
  @ReadOnly('', { computed: true }) roleTitle?: unknown;
  @ReadOnly('', { computed: true }) candidateStage?: unknown;
  @ReadOnly('', { computed: true }) assignedByName?: unknown;
  @ReadOnly('', { computed: true }) competencies?: unknown;
  @ReadOnly('', { computed: true }) overdue?: unknown;
  @ValidateVersion() version!: number;
}

export class StartAssignmentDto {
  @ValidateVersion() version!: number;
}

export class CompletionLevelDto {
  @ValidateUUID() competencyId!: string;
  /** A level of that competency's framework rubric. */
  @ValidateInt({ min: 1, max: 20 }) level!: number;
}

export class CompleteAssignmentDto {
  /** One confirmed level for each competency the opportunity develops. */
  @ApiProperty({ type: [CompletionLevelDto] })
  @IsArray({ message: 'levels must be a list of {competencyId, level}' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CompletionLevelDto)
  levels!: CompletionLevelDto[];

  /** What the candidate showed; copied to each evidence note. */
  @ValidateString({ maxLength: 8000, optional: true }) note?: string;

  /** Date the evidence speaks for; defaults to today. */
  @ApiPropertyOptional({ type: String, example: '2027-03-01' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, { message: 'observedOn must be a date like 2027-03-01' })
  observedOn?: string;

  @ValidateVersion() version!: number;
}

export class WithdrawAssignmentDto {
  @ValidateString({ maxLength: 2000, description: 'Why the candidate leaves the opportunity' }) reason!: string;
  @ValidateVersion() version!: number;
}

export class AssignmentCompetencyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() frameworkShortName!: string;
  @ApiProperty({ description: 'The framework rubric, to pick a level on completion' })
  rubric!: { level: number; label: string }[];
}

export class AssignmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty() opportunityTitle!: string;
  @ApiProperty({ enum: OPPORTUNITY_TYPES, enumName: 'OpportunityType' }) opportunityType!: OpportunityType;
  @ApiProperty() expectedHours!: number;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) candidateStage!: Stage;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, enumName: 'AssignmentStatus' }) status!: AssignmentStatus;
  @ApiProperty({ nullable: true, type: String }) dueOn!: string | null;
  @ApiProperty({ description: 'Open and past its due date' }) overdue!: boolean;
  @ApiProperty() hoursLogged!: number;
  @ApiProperty() reflection!: string;
  @ApiProperty() outcomeNote!: string;
  @ApiProperty({ format: 'uuid' }) assignedByUserId!: string;
  @ApiProperty() assignedByName!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ type: [AssignmentCompetencyDto] }) competencies!: AssignmentCompetencyDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
