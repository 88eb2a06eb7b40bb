import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import {
  ValidateBoolean,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';

export class ReflectionAttributeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) prompts!: string[];
}

export class ReflectionAttributesDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) frameworkId!: string | null;
  @ApiProperty({ nullable: true, type: String }) frameworkTitle!: string | null;
  @ApiProperty({ type: [ReflectionAttributeDto] }) attributes!: ReflectionAttributeDto[];
}

export class SaveReflectionDto {
  /** The attributes it reflects on: nodes of a framework the district uses (1 to 10). */
  @ValidateUUID({ each: true, maxItems: 10 })
  @ArrayMinSize(1, { message: 'choose at least one attribute' })
  competencyIds!: string[];
  /** The prompt answered, if one was. */
  @ValidateString({ maxLength: 500, nullable: true }) prompt?: string | null;
  @ValidateString({ maxLength: 8000 }) body!: string;
  /** Shared with the author's mentor (while the mentorship is active). */
  @ValidateBoolean() shareMentor!: boolean;
  @ValidateBoolean() shareCoordinator!: boolean;
  @ValidateBoolean() shareHr!: boolean;
  /** A reflection action of the author's plan in force that this answers: sharing the reflection ticks it. */
  @ValidateUUID({ nullable: true }) planActionId?: string | null;
}

export class UpdateReflectionDto extends SaveReflectionDto {
  @ValidateVersion() version!: number;
}

export class AttachEvidenceDto {
  /** One of the author's own candidacies. */
  @ValidateUUID() candidateId!: string;
  /** The competency it shows, of a framework the district uses. */
  @ValidateUUID() competencyId!: string;
  /** A level of that framework's rubric. */
  @ValidateInt({ min: 1, max: 20 }) level!: number;
  @ValidateVersion() version!: number;
}

export class ReflectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) competencyIds!: string[];
  @ApiProperty({ type: [String] }) attributeTitles!: string[];
  @ApiProperty({ nullable: true, type: String }) prompt!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty() shareMentor!: boolean;
  @ApiProperty() shareCoordinator!: boolean;
  @ApiProperty() shareHr!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) planActionId!: string | null;
  /** The self-reflection evidence it was attached as, if any. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) evidenceId!: string | null;
  /** The caller wrote it. */
  @ApiProperty() own!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export const REFLECTION_LIST: ListSpec = {
  resource: 'reflections',
  idColumn: 'x.id',
  sort: { createdAt: 'x.created_at' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    educatorId: { column: 'x.educator_id', type: 'uuid' },
    competencyId: { column: 'x.id', type: 'uuid', where: (p) => `x.competency_ids && :${p}::uuid[]` },
  },
};
