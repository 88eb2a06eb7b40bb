import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsOptional } from 'class-validator';
import { ValidateBoolean, ValidateEnum, ValidateUUID } from '../../common/validation/decorators.js';
import type { GradeBand } from '../schools/school.entity.js';
import { GRADE_BANDS } from '../schools/school.entity.js';

export const MOVE_WILLINGNESS = ['anywhere', 'listed', 'not_now'] as const;
export type MoveWillingnessValue = (typeof MOVE_WILLINGNESS)[number];

export class CareerProfileDto {
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  /** A signal to principals and hr that the person welcomes a nomination; never a nomination itself. */
  @ApiProperty() openToNomination!: boolean;
  /** anywhere; listed (the schools and grade bands below); not_now. Null: not said. */
  @ApiProperty({ enum: MOVE_WILLINGNESS, enumName: 'MoveWillingness', nullable: true })
  moveWillingness!: MoveWillingnessValue | null;
  @ApiProperty({ enum: GRADE_BANDS, enumName: 'GradeBand', isArray: true }) moveGradeBands!: GradeBand[];
  @ApiProperty({ type: [String], format: 'uuid' }) moveSchoolIds!: string[];
  /** Leadership roles of the district's catalogue the person is interested in. */
  @ApiProperty({ type: [String], format: 'uuid' }) interestRoleIds!: string[];
  /** Null until the profile is first saved. */
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class UpdateCareerProfileDto {
  @ValidateBoolean() openToNomination!: boolean;
  @ValidateEnum(MOVE_WILLINGNESS, 'MoveWillingness', { nullable: true }) moveWillingness!: MoveWillingnessValue | null;
  @IsArray({ message: 'moveGradeBands must be a list' })
  @ValidateEnum(GRADE_BANDS, 'GradeBand', { each: true })
  moveGradeBands!: GradeBand[];
  @IsArray({ message: 'moveSchoolIds must be a list' })
  @ValidateUUID({ each: true, maxItems: 500 })
  moveSchoolIds!: string[];
  /** The district's leadership roles; absent: the interests stay as they are. */
  @IsOptional()
  @IsArray({ message: 'interestRoleIds must be a list' })
  @ValidateUUID({ each: true, maxItems: 100, optional: true })
  interestRoleIds?: string[];
}
