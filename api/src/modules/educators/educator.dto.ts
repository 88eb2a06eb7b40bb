import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FilterDef, ListSpec } from '../../common/pagination/list-query.js';
import { educatorDocument, educatorName } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateDate,
  ValidateEmail,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { EducatorStatus, LeadershipLevel } from './educator.entity.js';
import { EDUCATOR_STATUSES, GENDERS, LEADERSHIP_LEVELS, RACE_ETHNICITIES } from './educator.entity.js';

/**
 * A yes/no filter on whether a row exists: a plain (NOT) EXISTS, which the planner turns into an indexed
 * (anti-)join; both values match all.
 */
function existsFilter(subquery: string): FilterDef {
  return {
    column: 'e.id',
    type: 'boolean',
    where: (_, values) =>
      values.includes(true) && values.includes(false)
        ? 'true'
        : `${values.includes(true) ? '' : 'NOT '}EXISTS (${subquery})`,
  };
}

export const EDUCATOR_LIST: ListSpec = {
  resource: 'educators',
  idColumn: 'e.id',
  sort: {
    lastName: 'e.last_name',
    firstName: 'e.first_name',
    employeeNumber: 'e.employee_number',
    jobTitle: 'e.job_title',
    schoolName: 'e.sort_school_name',
    status: 'e.status',
    leadershipLevel: 'e.leadership_level',
    yearsInEducation: 'e.years_in_education',
    retirementEligibleYear: 'e.retirement_eligible_year',
    updatedAt: 'e.updated_at',
  },
  defaultSort: ['lastName', 'ASC'],
  filters: {
    schoolId: { column: 'e.school_id', type: 'uuid' },
    leadershipLevel: { column: 'e.leadership_level', type: 'string', values: LEADERSHIP_LEVELS },
    jobTitle: { column: 'e.job_title', type: 'string', op: 'contains' },
    status: { column: 'e.status', type: 'string', values: EDUCATOR_STATUSES },
    // A login lives in its educator's district (the login route writes both from the caller's district):
    // saying so lets the join read that district's users, not every user of a state installation.
    hasLogin: existsFilter('SELECT 1 FROM users lu WHERE lu.educator_id = e.id AND lu.district_id = e.district_id'),
    // For the roles that see the signal (SEES_OPEN_TO_NOMINATION); the service refuses it to the others.
    openToNomination: existsFilter(
      'SELECT 1 FROM career_profiles op WHERE op.educator_id = e.id AND op.open_to_nomination',
    ),
  },
  search: { terms: [{ text: educatorDocument('e') }], ranked: true },
};

/** What an educator may search and sort colleagues by: only what they see of them. */
export const COLLEAGUE_LIST: ListSpec = {
  resource: 'educators',
  idColumn: 'e.id',
  sort: {
    lastName: 'e.last_name',
    firstName: 'e.first_name',
    jobTitle: 'e.job_title',
    schoolName: 'e.sort_school_name',
  },
  defaultSort: ['lastName', 'ASC'],
  filters: {
    jobTitle: { column: 'e.job_title', type: 'string', op: 'contains' },
    // Nominations pick among active colleagues; the status itself is not shown.
    status: { column: 'e.status', type: 'string', values: ['active'] },
  },
  search: { terms: [{ text: educatorName('e'), indexed: educatorDocument('e') }], ranked: true },
};

export const EDUCATOR_LISTS = { spec: EDUCATOR_LIST, self: COLLEAGUE_LIST };

class EducatorFields {
  @ValidateString({
    maxLength: 40,
    pattern: /^[A-Za-z0-9._-]+$/,
    patternMessage: 'employeeNumber may hold letters, digits, dot, dash and underscore',
  })
  employeeNumber!: string;
  @ValidateString({ maxLength: 100 }) firstName!: string;
  @ValidateString({ maxLength: 100 }) lastName!: string;
  @ValidateEmail({ nullable: true }) email?: string | null;
  /** Null for district-office staff. */
  @ValidateUUID({ nullable: true }) schoolId?: string | null;
  @ValidateString({ maxLength: 120 }) jobTitle!: string;
  @ValidateEnum(LEADERSHIP_LEVELS, 'LeadershipLevel', { nullable: true }) leadershipLevel?: LeadershipLevel | null;
  @ValidateInt({ min: 0, max: 70, nullable: true }) yearsInEducation?: number | null;
  @ValidateEnum(EDUCATOR_STATUSES, 'EducatorStatus', { optional: true }) status?: EducatorStatus;
  @ValidateInt({ min: 1950, max: 2100, nullable: true }) retirementEligibleYear?: number | null;
  /** Retirement data: with the district's pension rules, it gives the retirement-eligible year (docs/forecast.md). */
  @ValidateInt({ min: 1900, max: 2100, nullable: true }) birthYear?: number | null;
  /** The first day of pensionable service. */
  @ValidateDate({ nullable: true }) serviceStartOn?: string | null;
  /** Self-reported; hr only. */
  @ValidateEnum(GENDERS, 'Gender', { nullable: true }) gender?: (typeof GENDERS)[number] | null;
  /** Self-reported; hr only. */
  @ValidateEnum(RACE_ETHNICITIES, 'RaceEthnicity', { nullable: true }) raceEthnicity?:
    (typeof RACE_ETHNICITIES)[number] | null;
}

@AcceptsCloneOf(() => UpdateEducatorDto)
export class CreateEducatorDto extends EducatorFields {}

export class UpdateEducatorDto extends EducatorFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('an educator stays in their district') districtId?: string;
  @ReadOnly('change schoolId instead') schoolName?: string;
  @ReadOnly('give a login with POST /api/educators/{id}/login') userId?: string;
  @ReadOnly('give a login with POST /api/educators/{id}/login') hasLogin?: boolean;
  @ReadOnly('the educator says so in their career profile', { computed: true }) openToNomination?: boolean;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class EducatorResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty() jobTitle!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel', nullable: true })
  leadershipLevel!: LeadershipLevel | null;
  @ApiProperty({ nullable: true, type: Number }) yearsInEducation!: number | null;
  @ApiProperty({ enum: EDUCATOR_STATUSES, enumName: 'EducatorStatus' }) status!: EducatorStatus;
  /** Retirement data: present for hr, the superintendent and the educator themself. */
  @ApiPropertyOptional({ nullable: true, type: Number }) retirementEligibleYear?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) birthYear?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) serviceStartOn?: string | null;
  /** Present for hr only. */
  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender', nullable: true }) gender?: string | null;
  /** Present for hr only. */
  @ApiPropertyOptional({ enum: RACE_ETHNICITIES, enumName: 'RaceEthnicity', nullable: true }) raceEthnicity?:
    string | null;
  @ApiProperty() hasLogin!: boolean;
  /**
   * The educator's career profile says they are open to being nominated: a signal, never a nomination. Present
   * for hr, the superintendent, principals and the educator themself.
   */
  @ApiPropertyOptional() openToNomination?: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** What an educator sees of a colleague. */
export class ColleagueResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() jobTitle!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
}

export class EducatorLoginResultDto {
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['created', 'reissued', 'skipped'] }) result!: 'created' | 'reissued' | 'skipped';
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() setPasswordPath?: string;
  @ApiPropertyOptional() setPasswordExpiresAt?: string;
}

export class BulkLoginDto {
  /** The selected educators (at most 500 at once). */
  @ValidateUUID({ each: true, maxItems: 500 }) ids!: string[];
}
