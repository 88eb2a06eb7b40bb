import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBoolean, ValidateEnum, ValidateInt, ValidateString } from '../../common/validation/decorators.js';
import type { ReadinessBand } from '../candidates/stages.js';
import { READINESS_BANDS } from '../candidates/stages.js';

/** The bands a person confirms; not_assessed is the state before any confirmation. */
export const CONFIRMABLE_BANDS = READINESS_BANDS.filter((b) => b !== 'not_assessed');

export class ReadinessReasonDto {
  /** summary, target_met, target_below, target_unrated, single_source, no_targets, no_evidence. */
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ format: 'uuid' }) competencyId?: string;
}

export class ReadinessAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** What the rule suggested at the moment of the confirmation. */
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) suggestedBand!: ReadinessBand;
  @ApiProperty({ type: [ReadinessReasonDto] }) suggestedReasons!: ReadinessReasonDto[];
  @ApiProperty({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) band!: ReadinessBand;
  @ApiProperty() rationale!: string;
  @ApiProperty({ format: 'uuid' }) confirmedByUserId!: string;
  @ApiProperty() confirmedByName!: string;
  @ApiProperty() confirmedAt!: string;
}

export class ReadinessActionsDto {
  /** hr and the superintendent, while the candidacy is not exited. */
  @ApiProperty() canConfirm!: boolean;
  /** hr. */
  @ApiProperty() canShare!: boolean;
}

/**
 * A candidate's readiness. The candidate themself gets only `{candidateId, shared: false}` until hr
 * shares it; everyone else who may read the candidate gets the whole record.
 */
export class ReadinessResponseDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** Whether hr has shared the band with the educator. */
  @ApiProperty() shared!: boolean;
  /** The band the rule suggests now (docs/readiness.md). */
  @ApiPropertyOptional({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) suggestedBand?: ReadinessBand;
  @ApiPropertyOptional({ type: [ReadinessReasonDto] }) reasons?: ReadinessReasonDto[];
  @ApiPropertyOptional() targetsMet?: number;
  @ApiPropertyOptional() targetsTotal?: number;
  /** The confirmed band, the one that counts; not_assessed until the first confirmation. */
  @ApiPropertyOptional({ enum: READINESS_BANDS, enumName: 'ReadinessBand' }) band?: ReadinessBand;
  @ApiPropertyOptional({ nullable: true, type: String }) rationale?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) confirmedAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) confirmedByUserId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) confirmedByName?: string | null;
  /** Evidence recorded after the last confirmation (0 before any confirmation). */
  @ApiPropertyOptional() newEvidenceSinceConfirmation?: number;
  @ApiPropertyOptional({ type: [String] }) newEvidenceIds?: string[];
  /** Every confirmation, newest first. */
  @ApiPropertyOptional({ type: [ReadinessAssessmentDto] }) history?: ReadinessAssessmentDto[];
  /** The candidate's version, to send as expectedVersion when confirming. */
  @ApiPropertyOptional() candidateVersion?: number;
  @ApiPropertyOptional({ type: ReadinessActionsDto }) actions?: ReadinessActionsDto;
}

export class ConfirmReadinessDto {
  /** The band you confirm; it may differ from the suggestion. */
  @ValidateEnum(CONFIRMABLE_BANDS, 'ConfirmableReadinessBand') band!: Exclude<ReadinessBand, 'not_assessed'>;
  /** Why this band: kept with the assessment. */
  @ValidateString({ maxLength: 8000 }) rationale!: string;
  /** The candidate version you read (candidateVersion); if it changed meanwhile the confirmation is a 409. */
  @ValidateInt({ min: 1, optional: true }) expectedVersion?: number;
}

export class ShareReadinessDto {
  /** true: the educator sees their readiness; false: hidden again. */
  @ValidateBoolean() shared!: boolean;
}
