import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateInt,
  ValidateString,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import { DistrictEntity } from './district.entity.js';

export const DISTRICT_LIST: ListSpec = {
  resource: 'districts',
  idColumn: 'd.id',
  sort: { name: 'd.name', slug: 'd.slug', createdAt: 'd.created_at' },
  defaultSort: ['name', 'ASC'],
  filters: {},
  search: plainSearch('d.name', 'd.slug'),
};

class DistrictFields {
  @ValidateString({ maxLength: 200, example: 'Riverbend Unified School District' })
  name!: string;

  @ValidateString({
    maxLength: 60,
    pattern: /^[a-z0-9-]+$/,
    patternMessage: 'slug may hold lower-case letters, digits and dashes',
    example: 'riverbend',
  })
  slug!: string;

  /** Counts of people below this are suppressed in reports (never below 5). */
  @ValidateInt({ min: 5, max: 100, optional: true })
  smallCellThreshold?: number;
}

@AcceptsCloneOf(() => UpdateDistrictDto)
export class CreateDistrictDto extends DistrictFields {}

export class UpdateDistrictDto extends DistrictFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class DistrictResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() smallCellThreshold!: number;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toDistrictResponse(d: DistrictEntity): DistrictResponseDto {
  return {
    id: d.id,
    name: d.name,
    slug: d.slug,
    smallCellThreshold: d.smallCellThreshold,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
