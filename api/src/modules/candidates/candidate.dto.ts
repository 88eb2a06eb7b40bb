import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorNameAndNumber } from '../../common/pagination/search.js';
import {
  ReadOnly,
  ValidateBoolean,
  ValidateEnum,
  ValidateString,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { ActiveStage, ExitReason, ReadinessBand, Stage } from './stages.js';
import { ACTIVE_STAGES, EXIT_REASONS, READINESS_BANDS, STAGES } from './stages.js';

export const CANDIDATE_LIST: ListSpec = {
  resource: 'candidates',
  idColumn: 'c.id',
  sort: {
    lastName: 'e.last_name',
    firstName: 'e.first_name',
    // Sort keys on the rows themselves (migration AddSortKeys), so an index orders the page.
    schoolName: 'e.sort_school_name',
    roleTitle: 'c.sort_role_title',
    roleLevel: 'c.sort_role_level',
    stage: 'c.stage',
    stageEnteredAt: 'c.stage_entered_at',
    readiness: 'c.readiness',
    createdAt: 'c.created_at',
    updatedAt: 'c.updated_at',
  },
  defaultSort: ['lastName', 'ASC'],
  filters: {
    stage: { column: 'c.stage', type: 'string', values: STAGES },
    readiness: { column: 'c.readiness', type: 'string', values: READINESS_BANDS },
    level: { column: 'r.level', type: 'string', values: LEADERSHIP_LEVELS },
    schoolId: { column: 'e.school_id', type: 'uuid' },
    roleId: { column: 'c.role_id', type: 'uuid' },
    mentorEducatorId: { column: 'c.mentor_educator_id', type: 'uuid' },
    educatorId: { column: 'c.educator_id', type: 'uuid' },
  },
  search: { terms: [{ educator: 'c.educator_id', alias: 'e', text: educatorNameAndNumber }], ranked: true },
};

/** The candidate themself cannot filter or sort by a readiness band that has not been shared. */
export const OWN_CANDIDACY_LIST: ListSpec = {
  ...CANDIDATE_LIST,
  sort: Object.fromEntries(Object.entries(CANDIDATE_LIST.sort).filter(([k]) => k !== 'readiness')),
  filters: Object.fromEntries(Object.entries(CANDIDATE_LIST.filters).filter(([k]) => k !== 'readiness')),
};

export const CANDIDATE_LISTS = { spec: CANDIDATE_LIST, self: OWN_CANDIDACY_LIST };

export class AllowedMoveDto {
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) to!: Stage;
  @ApiProperty() reasonRequired!: boolean;
  @ApiProperty() exitReasonRequired!: boolean;
}

export class CandidateActionsDto {
  /** Moves the caller may make now through the transitions route. */
  @ApiProperty({ type: [AllowedMoveDto] }) transitions!: AllowedMoveDto[];
  /** The caller is the nominee and may accept or decline. */
  @ApiProperty() canConsent!: boolean;
  /** The caller is hr and may record consent given in person (with a reason). */
  @ApiProperty() canRecordConsent!: boolean;
}

export class CandidateResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) roleLevel!: LeadershipLevel;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  @ApiProperty({ enum: ACTIVE_STAGES, enumName: 'ActiveStage', nullable: true }) pausedFrom!: ActiveStage | null;
  @ApiProperty({ enum: EXIT_REASONS, enumName: 'ExitReason', nullable: true }) exitReason!: ExitReason | null;
  @ApiProperty() stageEnteredAt!: string;
  /** Whole days in the current stage. */
  @ApiProperty() daysInStage!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mentorEducatorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) mentorName!: string | null;
  /** Notes of hr and coordinators; not shown to the candidate. */
  @ApiPropertyOptional() notes?: string;
  /** The confirmed band; null for the candidate themself until hr shares it. */
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand', nullable: true }) readiness!: ReadinessBand | null;
  @ApiProperty() readinessShared!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  /** On the single-record read: what the caller may do now. */
  @ApiPropertyOptional({ type: CandidateActionsDto }) actions?: CandidateActionsDto;
}

export class UpdateCandidateDto {
  @ValidateString({ maxLength: 8000, optional: true }) notes?: string;
  @ReadOnly('a mentor is asked and accepts: POST /api/candidates/{id}/mentorships')
  mentorEducatorId?: string | null;
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a candidate stays in its district') districtId?: string;
  @ReadOnly('a candidacy is one educator; nominate again for another') educatorId?: string;
  @ReadOnly('edit the educator record instead') firstName?: string;
  @ReadOnly('edit the educator record instead') lastName?: string;
  @ReadOnly('edit the educator record instead') schoolId?: string;
  @ReadOnly('edit the educator record instead') schoolName?: string;
  @ReadOnly('a candidacy is one target role; nominate again for another') roleId?: string;
  @ReadOnly('edit the leadership role instead') roleTitle?: string;
  @ReadOnly('edit the leadership role instead') roleLevel?: string;
  @ReadOnly('use POST /api/candidates/{id}/transitions') stage?: string;
  @ReadOnly('use POST /api/candidates/{id}/transitions') pausedFrom?: string;
  @ReadOnly('use POST /api/candidates/{id}/transitions') exitReason?: string;
  @ReadOnly('use POST /api/candidates/{id}/transitions') stageEnteredAt?: string;
  @ReadOnly('computed', { computed: true }) daysInStage?: number;
  @ReadOnly('a mentor is asked and accepts: POST /api/candidates/{id}/mentorships') mentorName?: string;
  @ReadOnly('confirm it with POST /api/candidates/{id}/readiness', { computed: true }) readiness?: string;
  @ReadOnly('use POST /api/candidates/{id}/readiness/sharing') readinessShared?: boolean;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ReadOnly('computed for you', { computed: true }) actions?: object;
  @ValidateVersion() version!: number;
}

export class TransitionDto {
  @ValidateEnum(STAGES, 'Stage') to!: Stage;
  /** Required for a move back, to paused, to exited and for re-entry. */
  @ValidateString({ maxLength: 2000, optional: true }) reason?: string;
  /** Required when `to` is exited. */
  @ValidateEnum(EXIT_REASONS, 'ExitReason', { optional: true }) exitReason?: ExitReason;
  /** The stage you saw; if it changed meanwhile the move is a 409. */
  @ValidateEnum(STAGES, 'Stage') expectedStage!: Stage;
}

export class ConsentDto {
  @ValidateBoolean() accepted!: boolean;
  /** Required when hr records consent given in person. */
  @ValidateString({ maxLength: 2000, optional: true }) reason?: string;
}

export class StageTransitionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', nullable: true }) fromStage!: Stage | null;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) toStage!: Stage;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId!: string | null;
  /** "system" when no person moved it. */
  @ApiProperty() actorName!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ enum: EXIT_REASONS, enumName: 'ExitReason', nullable: true }) exitReason!: ExitReason | null;
  @ApiProperty() createdAt!: string;
}

export const STAGE_TRANSITION_LIST: ListSpec = {
  resource: 'stage-transitions',
  idColumn: 't.id',
  sort: { createdAt: 't.created_at' },
  defaultSort: ['createdAt', 'ASC'],
  filters: {
    candidateId: { column: 't.candidate_id', type: 'uuid' },
    toStage: { column: 't.to_stage', type: 'string', values: STAGES },
    since: { column: 't.created_at', type: 'date', op: 'gte' },
  },
};

/** Who a candidacy is, as lists about candidates name them (slates, talent reviews). */
export class CandidatePersonDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
}
