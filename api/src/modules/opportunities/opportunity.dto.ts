import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, ValidateIf } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { OpportunityType } from './opportunity.entity.js';
import { OPPORTUNITY_TYPES } from './opportunity.entity.js';

/**
 * The day that has just ended nowhere yet: the date on the last time zone to reach midnight (UTC−12).
 * Districts carry no time zone, so an opportunity closes once its last day is over everywhere: never
 * while it is still its end date in the district, and at most a few hours after (docs/development.md).
 */
export const OPEN_DAY_SQL = `(now() AT TIME ZONE 'Etc/GMT+12')::date`;

/** Closed: its end date has passed. No new assignments or interest; it stays in the catalog as history. */
export const closedSql = (alias: string) => `(${alias}.ends_on IS NOT NULL AND ${alias}.ends_on < ${OPEN_DAY_SQL})`;

export const OPPORTUNITY_LIST: ListSpec = {
  resource: 'opportunities',
  idColumn: 'o.id',
  sort: {
    title: 'o.title',
    type: 'o.type',
    level: 'o.level',
    startsOn: 'o.starts_on',
    endsOn: 'o.ends_on',
    seats: 'o.seats',
    seatsLeft: '(o.seats - o.seats_taken)',
    hours: 'o.hours',
    hostSchoolName: 's.name',
    createdAt: 'o.created_at',
  },
  defaultSort: ['startsOn', 'ASC'],
  filters: {
    type: { column: 'o.type', type: 'string', values: OPPORTUNITY_TYPES },
    level: { column: 'o.level', type: 'string', values: LEADERSHIP_LEVELS },
    hostSchoolId: { column: 'o.host_school_id', type: 'uuid' },
    competencyId: {
      column: 'o.id',
      type: 'uuid',
      where: (p) =>
        `EXISTS (SELECT 1 FROM opportunity_competencies oc WHERE oc.opportunity_id = o.id AND oc.competency_id = ANY(:${p}))`,
    },
    hasSeats: { column: 'o.id', type: 'boolean', where: (p) => `(o.seats_taken < o.seats) = ANY(:${p})` },
    /** true: only past (closed) ones; false: only open ones. */
    closed: { column: 'o.id', type: 'boolean', where: (p) => `${closedSql('o')} = ANY(:${p})` },
    startsFrom: { column: 'o.starts_on', type: 'date', op: 'gte' },
    startsTo: { column: 'o.starts_on', type: 'date', op: 'lte' },
  },
  search: plainSearch('o.title', 'o.description'),
};

const dateMessage = (field: string) => ({ message: `${field} must be a date like 2027-01-15` });

class OpportunityFields {
  @ValidateString({ maxLength: 200, example: 'Lead the ninth-grade visioning retreat' }) title!: string;
  @ValidateEnum(OPPORTUNITY_TYPES, 'OpportunityType') type!: OpportunityType;
  /** The leadership level it prepares for. */
  @ValidateEnum(LEADERSHIP_LEVELS, 'LeadershipLevel') level!: LeadershipLevel;
  /** Null or absent: the district office hosts it. */
  @ValidateUUID({ nullable: true }) hostSchoolId?: string | null;
  /** How many candidates it takes at once; never below the seats already taken. */
  @ValidateInt({ min: 1, max: 1000 }) seats!: number;

  @ApiProperty({ nullable: true, required: false, type: String, example: '2027-01-15' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, dateMessage('startsOn'))
  startsOn?: string | null;

  @ApiProperty({ nullable: true, required: false, type: String, example: '2027-05-30' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, dateMessage('endsOn'))
  endsOn?: string | null;

  /** Expected hours of work. */
  @ValidateInt({ min: 0, max: 2000, optional: true }) hours?: number;
  @ValidateString({ maxLength: 8000, optional: true }) description?: string;
  /** The competencies (nodes of frameworks the district uses) it develops; completion rates each one. */
  @ValidateUUID({ each: true, maxItems: 20 }) competencyIds!: string[];
}

@AcceptsCloneOf(() => UpdateOpportunityDto)
export class CreateOpportunityDto extends OpportunityFields {}

export class UpdateOpportunityDto extends OpportunityFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('an opportunity stays in its district') districtId?: string;
  @ReadOnly('follows hostSchoolId') hostSchoolName?: string | null;
  @ReadOnly('counts assignments: assign or withdraw candidates instead') seatsTaken?: number;
  @ReadOnly('computed from seats and seatsTaken') seatsLeft?: number;
  @ReadOnly('follows endsOn', { computed: true }) closed?: boolean;
  @ReadOnly('counts educators who said they are interested', { computed: true }) interestCount?: number;
  @ReadOnly("the caller's own interest: POST or DELETE /api/opportunities/{id}/interest", { computed: true })
  interestedAt?: string | null;
  @ReadOnly('follows competencyIds', { computed: true }) competencies?: unknown;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class OpportunityCompetencyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() frameworkShortName!: string;
}

export class OpportunityResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: OPPORTUNITY_TYPES, enumName: 'OpportunityType' }) type!: OpportunityType;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) level!: LeadershipLevel;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) hostSchoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) hostSchoolName!: string | null;
  @ApiProperty() seats!: number;
  /** Seats taken by anyone (a count, shared with every role; who holds them is assignment data). */
  @ApiProperty() seatsTaken!: number;
  @ApiProperty() seatsLeft!: number;
  @ApiProperty({ nullable: true, type: String }) startsOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn!: string | null;
  /** Its end date has passed (the last day is over everywhere): not assignable, no new interest. */
  @ApiProperty() closed!: boolean;
  /** How many educators of the district said they are interested (a count; names are in opportunity-interests). */
  @ApiProperty() interestCount!: number;
  /** When the caller (an educator) said they are interested; null if they have not, and for other roles. */
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) interestedAt!: string | null;
  @ApiProperty() hours!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) competencyIds!: string[];
  @ApiProperty({ type: [OpportunityCompetencyDto] }) competencies!: OpportunityCompetencyDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
