import { ApiProperty } from '@nestjs/swagger';
import { ValidateBoolean, ValidateEnum, ValidateString, ValidateUUID } from '../../common/validation/decorators.js';
import { CandidatePersonDto } from '../candidates/candidate.dto.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { READINESS_BANDS, STAGES } from '../candidates/stages.js';
import type { LicenceStatus } from '../careers/credential.dto.js';
import { LICENCE_STATUSES } from '../careers/credential.dto.js';
import type { GradeBand } from '../schools/school.entity.js';
import { GRADE_BANDS } from '../schools/school.entity.js';

const FACTOR_KEYS = ['confirmation', 'targets', 'experience', 'willingness'] as const;

export class SlateFactorDto {
  @ApiProperty({ enum: FACTOR_KEYS, enumName: 'SlateFactorKey' }) key!: (typeof FACTOR_KEYS)[number];
  @ApiProperty() label!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  /** In words, for the person deciding: e.g. "4 of 6 competency targets met". */
  @ApiProperty() detail!: string;
}

class SlatePersonDto extends CandidatePersonDto {
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) readiness!: ReadinessBand;
  @ApiProperty({ nullable: true, type: String }) readinessConfirmedAt!: string | null;
  /** Out of 100: the sum of the factors' points; it orders candidates within a readiness band. */
  @ApiProperty() score!: number;
  @ApiProperty({ type: [SlateFactorDto] }) factors!: SlateFactorDto[];
}

export class SlateEntryDto extends SlatePersonDto {
  @ApiProperty() rank!: number;
  @ApiProperty() pinned!: boolean;
  /** Null when POST /positions/{id}/placement would accept this candidate now; else why not. */
  @ApiProperty({ nullable: true, type: String }) placementRefusal!: string | null;
  /** Their licence standing today when the seat's role requires a licence; null when it does not. */
  @ApiProperty({ enum: LICENCE_STATUSES, enumName: 'LicenceStatus', nullable: true })
  licence!: LicenceStatus | null;
}

export class SlateExclusionDto extends SlatePersonDto {
  @ApiProperty() reason!: string;
  @ApiProperty() decidedAt!: string;
}

export class SlateResponseDto {
  @ApiProperty({ format: 'uuid' }) positionId!: string;
  @ApiProperty() positionTitle!: string;
  @ApiProperty() roleTitle!: string;
  /** The seat's school's grade band; null: a district-office seat. */
  @ApiProperty({ enum: GRADE_BANDS, enumName: 'GradeBand', nullable: true }) gradeBand!: GradeBand | null;
  /** When hr froze the slate: entries are then the slate as it stood, with today's placement refusals. */
  @ApiProperty({ nullable: true, type: String }) frozenAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) frozenBy!: string | null;
  @ApiProperty({ type: [SlateEntryDto] }) entries!: SlateEntryDto[];
  /** Candidates hr took off this slate, with why. */
  @ApiProperty({ type: [SlateExclusionDto] }) excluded!: SlateExclusionDto[];
  /** Eligible candidates ranked below the slate's 25 places (0 when frozen). */
  @ApiProperty() more!: number;
}

export const SLATE_DECISIONS = ['pinned', 'excluded', 'none'] as const;

export class SlateDecisionDto {
  /** A candidate for the seat's role who accepted their nomination. */
  @ValidateUUID() candidateId!: string;
  /** none: takes an earlier pin or exclusion back. */
  @ValidateEnum(SLATE_DECISIONS, 'SlateDecision') decision!: (typeof SLATE_DECISIONS)[number];
  /** Required to exclude: why this candidate is not on this seat's slate (kept in the audit log). */
  @ValidateString({ maxLength: 1000, optional: true, nullable: true })
  reason?: string | null;
}

export class SlateFreezeDto {
  @ValidateBoolean() frozen!: boolean;
}
