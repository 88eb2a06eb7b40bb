import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import { ValidateEnum, ValidateString, ValidateUUID } from '../../common/validation/decorators.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { NominationStatus, NominatorKind } from './nomination.entity.js';
import { NOMINATION_STATUSES, NOMINATOR_KINDS } from './nomination.entity.js';

export const NOMINATION_LIST: ListSpec = {
  resource: 'nominations',
  idColumn: 'n.id',
  sort: {
    createdAt: 'n.created_at',
    status: 'n.status',
    educatorLastName: 'e.last_name',
    targetRoleTitle: 'n.sort_role_title',
    nominatorKind: 'n.nominator_kind',
    decidedAt: 'n.decided_at',
  },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    status: { column: 'n.status', type: 'string', values: NOMINATION_STATUSES },
    nominatorKind: { column: 'n.nominator_kind', type: 'string', values: NOMINATOR_KINDS },
    educatorId: { column: 'n.educator_id', type: 'uuid' },
    targetRoleId: { column: 'n.target_role_id', type: 'uuid' },
    nominatorUserId: { column: 'n.nominator_user_id', type: 'uuid' },
    schoolId: { column: 'e.school_id', type: 'uuid' },
    candidateId: { column: 'n.candidate_id', type: 'uuid' },
  },
  search: { terms: [{ educator: 'n.educator_id', alias: 'e', text: educatorName }], ranked: true },
};

export class CreateNominationDto {
  @ValidateUUID() educatorId!: string;
  @ValidateUUID() targetRoleId!: string;
  /** Why this person; shown to the nominee once approved. */
  @ValidateString({ minLength: 20, maxLength: 4000 }) rationale!: string;
  /** Seen by hr and the nominator only. */
  @ValidateString({ maxLength: 4000, nullable: true }) privateNote?: string | null;
  /** Competencies you observed (framework node ids). */
  @ValidateUUID({ each: true, optional: true, maxItems: 50 }) competencyIds?: string[];
}

export const DECISIONS = ['approve', 'decline'] as const;

export class NominationDecisionDto {
  @ValidateEnum(DECISIONS, 'NominationDecision') decision!: (typeof DECISIONS)[number];
  /** Required to decline; shown to the nominator. */
  @ValidateString({ maxLength: 2000, optional: true }) reason?: string;
}

export class NominationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() educatorFirstName!: string;
  @ApiProperty() educatorLastName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty({ format: 'uuid' }) targetRoleId!: string;
  @ApiProperty() targetRoleTitle!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) targetRoleLevel!: LeadershipLevel;
  @ApiProperty({ format: 'uuid' }) nominatorUserId!: string;
  @ApiProperty() nominatorName!: string;
  @ApiProperty({ enum: NOMINATOR_KINDS, enumName: 'NominatorKind' }) nominatorKind!: NominatorKind;
  @ApiProperty() rationale!: string;
  /** Present for hr and the nominator only. */
  @ApiPropertyOptional({ nullable: true, type: String }) privateNote?: string | null;
  @ApiProperty({ type: [String] }) competencyIds!: string[];
  @ApiProperty({ enum: NOMINATION_STATUSES, enumName: 'NominationStatus' }) status!: NominationStatus;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) candidateId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
