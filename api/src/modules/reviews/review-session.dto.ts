import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import {
  ValidateDate,
  ValidateEnum,
  ValidateInt,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/decorators.js';
import { CandidatePersonDto } from '../candidates/candidate.dto.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { READINESS_BANDS, STAGES } from '../candidates/stages.js';
import { BenchGapDto } from '../positions/position.dto.js';
import { CONFIRMABLE_BANDS } from '../readiness/readiness.dto.js';
import type { EvidenceStrength } from './evidence-strength.js';
import { EVIDENCE_STRENGTHS } from './evidence-strength.js';

export const REVIEW_SESSION_STATUSES = ['open', 'closed'] as const;
export type ReviewSessionStatus = (typeof REVIEW_SESSION_STATUSES)[number];
/** The stages a session may decide a move to: on along the pipeline, or a pause. */
export const REVIEW_STAGE_MOVES = ['developing', 'ready', 'paused'] as const;
export type ReviewStageMove = (typeof REVIEW_STAGE_MOVES)[number];

export const REVIEW_SESSION_LIST: ListSpec = {
  resource: 'review-sessions',
  idColumn: 'rs.id',
  sort: {
    title: 'rs.title',
    meetsOn: 'rs.meets_on',
    status: 'rs.status',
    createdAt: 'rs.created_at',
  },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    status: { column: 'rs.status', type: 'string', values: REVIEW_SESSION_STATUSES },
    roleId: { column: 'rs.role_id', type: 'uuid' },
  },
};

export class CreateReviewSessionDto {
  @ValidateString({ maxLength: 200 }) title!: string;
  /** The role whose candidates are reviewed; absent: every role's, in the schools. */
  @ValidateUUID({ optional: true, nullable: true }) roleId?: string | null;
  /** Only candidates working at these schools; empty: the whole district. */
  @ValidateUUID({ each: true, maxItems: 200 }) schoolIds!: string[];
  @ValidateDate({ optional: true, nullable: true }) meetsOn?: string | null;
  /** Principals and coordinators of the district; each sees the candidates in their own scope. */
  @ValidateUUID({ each: true, maxItems: 100 }) reviewerUserIds!: string[];
}

export class UpdateReviewSessionDto extends CreateReviewSessionDto {
  @ValidateInt({ min: 1 }) version!: number;
}

export class ReviewDecisionDto {
  @ValidateUUID() candidateId!: string;
  /** The grid row the candidate is moved to; confirmed as their readiness when the session closes. */
  @ValidateEnum(CONFIRMABLE_BANDS, 'ConfirmableBand', { optional: true, nullable: true })
  readiness?: ReadinessBand | null;
  /** A stage move to make when the session closes. */
  @ValidateEnum(REVIEW_STAGE_MOVES, 'ReviewStageMove', { optional: true, nullable: true })
  stage?: ReviewStageMove | null;
  /** A development action: an opportunity of the catalogue to assign when the session closes. */
  @ValidateUUID({ optional: true, nullable: true }) opportunityId?: string | null;
  /** Why: kept with the change (before, after, who) and with what the close records. */
  @ValidateString({ maxLength: 2000 }) rationale!: string;
}

export class CloseReviewSessionDto {
  @ValidateInt({ min: 1 }) version!: number;
}

export class ReviewerDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
}

export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReviewSessionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) roleId!: string | null;
  @ApiProperty({ nullable: true, type: String }) roleTitle!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) meetsOn!: string | null;
  @ApiProperty({ enum: REVIEW_SESSION_STATUSES, enumName: 'ReviewSessionStatus' }) status!: ReviewSessionStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) schoolIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) reviewerUserIds!: string[];
  @ApiProperty({ nullable: true, type: String }) convenedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedByName!: string | null;
  /** Candidates with a standing decision. */
  @ApiProperty() decisionCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class ReviewDecisionStateDto {
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand', nullable: true }) readiness!: ReadinessBand | null;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', nullable: true }) stage!: Stage | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) opportunityId!: string | null;
}

export class ReviewCandidateDto extends CandidatePersonDto {
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  /** The confirmed band now. */
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) readiness!: ReadinessBand;
  @ApiProperty({ nullable: true, type: String }) readinessConfirmedAt!: string | null;
  /** The grid's row: the session's decided band, else the confirmed one. */
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) row!: ReadinessBand;
  /** The stage moves a decision may take for this person now (the stage rules within REVIEW_STAGE_MOVES). */
  @ApiProperty({ enum: REVIEW_STAGE_MOVES, enumName: 'ReviewStageMove', isArray: true }) stageMoves!: ReviewStageMove[];
  /** The grid's column (docs/talent-reviews.md). */
  @ApiProperty({ enum: EVIDENCE_STRENGTHS, enumName: 'EvidenceStrength' }) strength!: EvidenceStrength;
  @ApiProperty() strengthDetail!: string;
  @ApiProperty() targetsMet!: number;
  @ApiProperty() targetsTotal!: number;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty({ type: [BenchGapDto] }) largestGaps!: BenchGapDto[];
  /** The session's standing decision; null: none. */
  @ApiProperty({ type: ReviewDecisionStateDto, nullable: true }) decision!: ReviewDecisionStateDto | null;
  @ApiProperty({ nullable: true, type: String }) rationale!: string | null;
}

export class ReviewChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty({ type: ReviewDecisionStateDto }) before!: ReviewDecisionStateDto;
  @ApiProperty({ type: ReviewDecisionStateDto }) after!: ReviewDecisionStateDto;
  @ApiProperty() rationale!: string;
  @ApiProperty({ nullable: true, type: String }) changedByName!: string | null;
  @ApiProperty() changedAt!: string;
}

export class ReviewGridCellDto {
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) row!: ReadinessBand;
  @ApiProperty({ enum: EVIDENCE_STRENGTHS, enumName: 'EvidenceStrength' }) strength!: EvidenceStrength;
  @ApiProperty() count!: number;
}

export class ReviewAppliedDto {
  @ApiProperty() confirmations!: number;
  @ApiProperty() stageMoves!: number;
  @ApiProperty() assignments!: number;
}

/** A session with what the caller may see of it: only candidates in their scope, and changes about them. */
export class ReviewSessionDetailDto extends ReviewSessionResponseDto {
  @ApiProperty({ type: [ReviewerDto] }) reviewers!: ReviewerDto[];
  @ApiProperty({ type: [NamedRefDto] }) schools!: NamedRefDto[];
  @ApiProperty({ type: [ReviewGridCellDto] }) grid!: ReviewGridCellDto[];
  @ApiProperty({ type: [ReviewCandidateDto] }) candidates!: ReviewCandidateDto[];
  /** Candidates in the caller's scope beyond the ones listed (the list stops at 400 people). */
  @ApiProperty() more!: number;
  @ApiProperty({ type: [ReviewChangeDto] }) changes!: ReviewChangeDto[];
  /** hr and the superintendent facilitate: decide, edit, close. */
  @ApiProperty() canFacilitate!: boolean;
  /** What the close applied (closed sessions). */
  @ApiProperty({ type: ReviewAppliedDto, nullable: true }) applied!: ReviewAppliedDto | null;
}
