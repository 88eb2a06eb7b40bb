import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateEnum,
  ValidateString,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { GradeBand } from './school.entity.js';
import { GRADE_BANDS, SchoolEntity } from './school.entity.js';

export const SCHOOL_LIST: ListSpec = {
  resource: 'schools',
  idColumn: 's.id',
  sort: {
    name: 's.name',
    code: 's.code',
    gradeBand: 's.grade_band',
    createdAt: 's.created_at',
    updatedAt: 's.updated_at',
  },
  defaultSort: ['name', 'ASC'],
  filters: { gradeBand: { column: 's.grade_band', type: 'string', values: GRADE_BANDS } },
  search: plainSearch('s.name', 's.code'),
};

class SchoolFields {
  @ValidateString({ maxLength: 200, example: 'Riverbend High School' })
  name!: string;

  /** The district's own code for the school (state or SIS id); unique within the district. */
  @ValidateString({
    maxLength: 20,
    pattern: /^[A-Za-z0-9._-]+$/,
    patternMessage: 'code may hold letters, digits, dot, dash and underscore',
    example: 'RHS',
  })
  code!: string;

  @ValidateEnum(GRADE_BANDS, 'GradeBand')
  gradeBand!: GradeBand;
}

@AcceptsCloneOf(() => UpdateSchoolDto)
export class CreateSchoolDto extends SchoolFields {}

export class UpdateSchoolDto extends SchoolFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a school stays in its district') districtId?: string;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class SchoolResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: GRADE_BANDS, enumName: 'GradeBand' }) gradeBand!: GradeBand;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toSchoolResponse(s: SchoolEntity): SchoolResponseDto {
  return {
    id: s.id,
    districtId: s.districtId,
    name: s.name,
    code: s.code,
    gradeBand: s.gradeBand,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
