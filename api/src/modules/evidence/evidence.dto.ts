import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import { ValidateEnum, ValidateInt, ValidateString, ValidateUUID } from '../../common/validation/decorators.js';
import type { EvidenceSource } from './evidence.entity.js';
import { EVIDENCE_SOURCES } from './evidence.entity.js';

export const EVIDENCE_LIST: ListSpec = {
  resource: 'evidence',
  idColumn: 'v.id',
  sort: { observedOn: 'v.observed_on', createdAt: 'v.created_at', level: 'v.level', source: 'v.source' },
  defaultSort: ['observedOn', 'DESC'],
  filters: {
    candidateId: { column: 'v.candidate_id', type: 'uuid' },
    competencyId: { column: 'v.competency_id', type: 'uuid' },
    source: { column: 'v.source', type: 'string', values: EVIDENCE_SOURCES },
    recorderUserId: { column: 'v.recorder_user_id', type: 'uuid' },
    assignmentId: { column: 'v.assignment_id', type: 'uuid' },
    observedFrom: { column: 'v.observed_on', type: 'date', op: 'gte' },
    observedTo: { column: 'v.observed_on', type: 'date', op: 'lte' },
  },
  search: plainSearch('v.note'),
  // A district holds a million ratings: past 10,000 the total is "more than", and the page stays an index read.
  exactCountUpTo: 10_000,
};

export class CreateEvidenceDto {
  @ValidateUUID() candidateId!: string;
  /** A node of a framework the district reads (domain, competency or indicator). */
  @ValidateUUID() competencyId!: string;
  /** A level of that framework's rubric. */
  @ValidateInt({ min: 1, max: 20 }) level!: number;
  /** An educator may only add self_reflection, on themself. */
  @ValidateEnum(EVIDENCE_SOURCES, 'EvidenceSource') source!: EvidenceSource;
  @ValidateString({ maxLength: 8000, optional: true }) note?: string;
  @ValidateString({
    maxLength: 2000,
    nullable: true,
    pattern: /^https?:\/\/\S+$/,
    patternMessage: 'link must be an http(s) address',
  })
  link?: string | null;
  /** The date observed (YYYY-MM-DD); not in the future. */
  @ApiProperty({ example: '2026-11-20' })
  @IsISO8601({ strict: true }, { message: 'observedOn must be a date like 2026-11-20' })
  observedOn!: string;
}

export class EvidenceResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() competencyTitle!: string;
  @ApiProperty() frameworkShortName!: string;
  @ApiProperty() level!: number;
  @ApiProperty() levelLabel!: string;
  @ApiProperty({ enum: EVIDENCE_SOURCES, enumName: 'EvidenceSource' }) source!: EvidenceSource;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty() observedOn!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The completed assignment that produced it',
  })
  assignmentId!: string | null;
  @ApiProperty({ format: 'uuid' }) recorderUserId!: string;
  @ApiProperty() recorderName!: string;
  @ApiProperty() createdAt!: string;
}
