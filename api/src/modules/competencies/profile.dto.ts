import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { ValidateInt, ValidateUUID } from '../../common/validation/decorators.js';

export class RoleTargetInputDto {
  @ValidateUUID() competencyId!: string;
  /** A level of the node's framework rubric. */
  @ValidateInt({ min: 1, max: 20 }) targetLevel!: number;
}

export class PutRoleTargetsDto {
  /** The whole set of targets of the role: it replaces the previous set. */
  @ApiProperty({ type: [RoleTargetInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RoleTargetInputDto)
  targets!: RoleTargetInputDto[];
}

export class RoleTargetDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() frameworkShortName!: string;
  @ApiProperty() targetLevel!: number;
  /** Levels of the node's rubric. */
  @ApiProperty() scale!: number;
}

export class ProfileEntryDto extends RoleTargetDto {
  /** Most recent counted rating (own, rolled up from children, carried by exact links); null without evidence. */
  @ApiProperty({ nullable: true, type: Number }) currentLevel!: number | null;
  /** targetLevel − currentLevel (0 or less: met); null without evidence. */
  @ApiProperty({ nullable: true, type: Number }) gap!: number | null;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: [String] }) evidenceIds!: string[];
  /** Evidence on related nodes: shown, not counted. */
  @ApiProperty({ type: [String] }) relatedEvidenceIds!: string[];
}
