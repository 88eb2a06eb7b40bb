import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ConfirmReadinessDto, ReadinessResponseDto, ShareReadinessDto } from './readiness.dto.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('readiness')
@Controller('candidates/:id/readiness')
export class ReadinessController {
  constructor(private readonly service: ReadinessService) {}

  /** The suggestion with its reasons, the confirmed band, new evidence since it, and every confirmation. */
  @Get()
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: ReadinessResponseDto })
  getReadiness(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<ReadinessResponseDto> {
    return this.service.get(auth, id);
  }

  /** Confirms a band with a rationale (hr, superintendent); an exited candidacy is a 409. */
  @Post()
  @Authenticated({ permission: Permission.ReadinessConfirm })
  @ApiCreatedResponse({ type: ReadinessResponseDto })
  confirmReadiness(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: ConfirmReadinessDto,
  ): Promise<ReadinessResponseDto> {
    return this.service.confirm(auth, id, dto);
  }

  /** Shows (true) or hides (false) the readiness from the educator (hr). */
  @Post('sharing')
  @Authenticated({ permission: Permission.ReadinessShare })
  @HttpCode(200)
  @ApiOkResponse({ type: ReadinessResponseDto })
  shareReadiness(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: ShareReadinessDto,
  ): Promise<ReadinessResponseDto> {
    return this.service.share(auth, id, dto);
  }
}
