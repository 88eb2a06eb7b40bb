import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CareerProfileDto, UpdateCareerProfileDto } from './career-profile.dto.js';
import { CareerProfileService } from './career-profile.service.js';

@ApiTags('career profiles')
@Controller('educators')
export class CareerProfileController {
  constructor(private readonly service: CareerProfileService) {}

  /** The educator's career profile (defaults until first saved): their own, or any of the district's for hr. */
  @Get(':id/career-profile')
  @Authenticated({ permission: Permission.CareerProfileRead })
  @ApiOkResponse({ type: CareerProfileDto })
  getCareerProfile(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CareerProfileDto> {
    return this.service.get(auth, id);
  }

  /** Replaces the profile as a whole: whether they welcome a nomination and where they would move. */
  @Put(':id/career-profile')
  @Authenticated({ permission: Permission.CareerProfileManage })
  @ApiOkResponse({ type: CareerProfileDto })
  updateCareerProfile(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateCareerProfileDto,
  ): Promise<CareerProfileDto> {
    return this.service.update(auth, id, dto);
  }
}
