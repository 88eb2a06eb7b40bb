import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ForecastQueryDto, ForecastResponseDto } from './forecast.dto.js';
import { ForecastService } from './forecast.service.js';

@ApiTags('succession')
@ApiResponse({ status: 400, description: 'roleId is not a leadership role of your district' })
@Controller('forecast')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  /**
   * Vacancies per role and school year over five years, with 80 % intervals and chain openings; each seat's
   * chances for hr and the superintendent (docs/forecast.md).
   */
  @Get()
  @Authenticated({ permission: Permission.ForecastRead })
  @ApiOkResponse({ type: ForecastResponseDto })
  getForecast(@Auth() auth: AuthContext, @Query() query: ForecastQueryDto): Promise<ForecastResponseDto> {
    return this.forecasts.forecast(auth, query);
  }
}
