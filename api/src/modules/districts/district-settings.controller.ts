import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { DistrictSettingsResponseDto, UpdateDistrictSettingsDto } from './district-settings.dto.js';
import { DistrictSettingsService } from './district-settings.service.js';

/** `/api/district-settings/{districtId}`: the caller's own district only (another id is a 404). */
@ApiTags('districts')
@Controller('district-settings')
export class DistrictSettingsController {
  constructor(private readonly service: DistrictSettingsService) {}

  @Get(':id')
  @Authenticated({ permission: Permission.DistrictSettingsRead })
  @ApiOkResponse({ type: DistrictSettingsResponseDto })
  getDistrictSettings(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<DistrictSettingsResponseDto> {
    return this.service.get(auth, id);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.DistrictSettingsManage })
  @ApiOkResponse({ type: DistrictSettingsResponseDto })
  updateDistrictSettings(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateDistrictSettingsDto,
  ): Promise<DistrictSettingsResponseDto> {
    return this.service.update(auth, id, dto);
  }
}
