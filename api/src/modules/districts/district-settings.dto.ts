import { ApiProperty } from '@nestjs/swagger';
import { ReadOnly, ValidateInt, ValidateVersion } from '../../common/validation/decorators.js';
import { DistrictEntity } from './district.entity.js';

/** The settings a district's hr edits itself (its name and slug stay with the platform administrator). */
export class UpdateDistrictSettingsDto {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('the district name is set by the platform administrator') name?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  /** Counts of people below this are suppressed in the equity dashboard (PRODUCT.md §4); never below 5. */
  @ValidateInt({ min: 5, max: 100 })
  smallCellThreshold!: number;
  @ValidateVersion() version!: number;
}

export class DistrictSettingsResponseDto {
  /** The district's id: the settings record has the id of its district. */
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ minimum: 5, maximum: 100 }) smallCellThreshold!: number;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export function toDistrictSettingsResponse(d: DistrictEntity): DistrictSettingsResponseDto {
  return {
    id: d.id,
    name: d.name,
    smallCellThreshold: d.smallCellThreshold,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
