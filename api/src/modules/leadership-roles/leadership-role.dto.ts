import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateBoolean,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { LeadershipRoleEntity } from './leadership-role.entity.js';

export const LEADERSHIP_ROLE_LIST: ListSpec = {
  resource: 'leadership-roles',
  idColumn: 'r.id',
  sort: { title: 'r.title', level: 'r.level', createdAt: 'r.created_at' },
  defaultSort: ['title', 'ASC'],
  filters: { level: { column: 'r.level', type: 'string', values: LEADERSHIP_LEVELS } },
  search: plainSearch('r.title'),
};

class LeadershipRoleFields {
  @ValidateString({ maxLength: 120, example: 'Assistant principal' }) title!: string;
  @ValidateEnum(LEADERSHIP_LEVELS, 'LeadershipLevel') level!: LeadershipLevel;
  @ValidateString({ maxLength: 4000, optional: true }) description?: string;
  /** The seat needs an administrator licence: placing someone without a verified, current one warns. */
  @ValidateBoolean({ optional: true }) requiresLicence?: boolean;
  /** Internship hours a candidate for the role is expected to log (1 to 5000); null: no target. */
  @ValidateInt({ min: 1, max: 5000, nullable: true }) internshipHoursTarget?: number | null;
  /** Mentoring hours a candidate for the role is expected to have (1 to 1000); null: no target. */
  @ValidateInt({ min: 1, max: 1000, nullable: true }) mentoringHoursTarget?: number | null;
}

@AcceptsCloneOf(() => UpdateLeadershipRoleDto)
export class CreateLeadershipRoleDto extends LeadershipRoleFields {}

export class UpdateLeadershipRoleDto extends LeadershipRoleFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a role stays in its district') districtId?: string;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class LeadershipRoleResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) level!: LeadershipLevel;
  @ApiProperty() description!: string;
  @ApiProperty() requiresLicence!: boolean;
  @ApiProperty({ nullable: true, type: Number }) internshipHoursTarget!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mentoringHoursTarget!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toLeadershipRoleResponse(r: LeadershipRoleEntity): LeadershipRoleResponseDto {
  return {
    id: r.id,
    districtId: r.districtId,
    title: r.title,
    level: r.level,
    description: r.description,
    requiresLicence: r.requiresLicence,
    internshipHoursTarget: r.internshipHoursTarget,
    mentoringHoursTarget: r.mentoringHoursTarget,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
