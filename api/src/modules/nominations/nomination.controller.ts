import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CreateNominationDto,
  NOMINATION_LIST,
  NominationDecisionDto,
  NominationResponseDto,
} from './nomination.dto.js';
import { NominationService } from './nomination.service.js';

@ApiTags('nominations')
@Controller('nominations')
export class NominationController {
  constructor(private readonly service: NominationService) {}

  @Get()
  @Authenticated({ permission: Permission.NominationRead })
  @ApiListQuery(NOMINATION_LIST)
  @ApiOkResponse({ type: [NominationResponseDto] })
  async listNominations(
    @Auth() auth: AuthContext,
    @ListParams(NOMINATION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NominationResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NominationRead })
  @ApiOkResponse({ type: NominationResponseDto })
  getNomination(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<NominationResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Idempotent()
  @Authenticated({ permission: Permission.NominationCreate })
  @ApiCreatedResponse({ type: NominationResponseDto })
  createNomination(@Auth() auth: AuthContext, @Body() dto: CreateNominationDto): Promise<NominationResponseDto> {
    return this.service.create(auth, dto);
  }

  /** hr: approve (creates or joins the candidacy) or decline with a reason. */
  @Post(':id/decision')
  @Authenticated({ permission: Permission.NominationDecide })
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponseDto })
  decideNomination(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: NominationDecisionDto,
  ): Promise<NominationResponseDto> {
    return this.service.decide(auth, id, dto);
  }

  /** The nominator withdraws a submitted nomination. */
  @Post(':id/withdrawal')
  @Authenticated({ permission: Permission.NominationWithdraw })
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponseDto })
  withdrawNomination(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<NominationResponseDto> {
    return this.service.withdraw(auth, id);
  }

  /** Always 409: nominations are history; withdraw a submitted one instead. */
  @Delete(':id')
  @Authenticated({ permission: Permission.NominationRead })
  async deleteNomination(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<never> {
    await this.service.get(auth, id);
    throw new AppError(
      ErrorCode.InUse,
      'Nominations are kept as history; withdraw a submitted one (POST /api/nominations/{id}/withdrawal)',
    );
  }
}
