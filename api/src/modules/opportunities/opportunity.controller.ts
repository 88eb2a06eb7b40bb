import { Body, Controller, Delete, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { OpportunityInterestService } from './opportunity-interest.service.js';
import {
  CreateOpportunityDto,
  OPPORTUNITY_LIST,
  OpportunityResponseDto,
  UpdateOpportunityDto,
} from './opportunity.dto.js';
import { OpportunityService } from './opportunity.service.js';

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunityController {
  constructor(
    private readonly service: OpportunityService,
    private readonly interests: OpportunityInterestService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.OpportunityRead })
  @ApiListQuery(OPPORTUNITY_LIST)
  @ApiOkResponse({ type: [OpportunityResponseDto] })
  async listOpportunities(
    @Auth() auth: AuthContext,
    @ListParams(OPPORTUNITY_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.OpportunityRead })
  @ApiOkResponse({ type: OpportunityResponseDto })
  getOpportunity(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<OpportunityResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Authenticated({ permission: Permission.OpportunityManage })
  @ApiCreatedResponse({ type: OpportunityResponseDto })
  createOpportunity(@Auth() auth: AuthContext, @Body() dto: CreateOpportunityDto): Promise<OpportunityResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.OpportunityManage })
  @ApiOkResponse({ type: OpportunityResponseDto })
  updateOpportunity(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateOpportunityDto,
  ): Promise<OpportunityResponseDto> {
    return this.service.update(auth, id, dto);
  }

  /** Only an opportunity nobody was ever assigned to; otherwise 409 (it is part of their history). */
  @Delete(':id')
  @Authenticated({ permission: Permission.OpportunityManage })
  @ApiOkResponse({ type: OpportunityResponseDto, description: 'The deleted opportunity' })
  deleteOpportunity(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<OpportunityResponseDto> {
    return this.service.remove(auth, id);
  }

  /**
   * The caller (an educator) says they are interested: the coordinators and hr see it on the opportunity.
   * 201 when recorded, 200 when it already was (repeating it is harmless); 409 once the opportunity closed.
   */
  @Post(':id/interest')
  @Authenticated({ permission: Permission.OpportunityInterestExpress })
  @ApiCreatedResponse({ type: OpportunityResponseDto, description: 'Recorded; the opportunity with interestedAt' })
  @ApiOkResponse({ type: OpportunityResponseDto, description: 'Already recorded; nothing changed' })
  @ApiConflictResponse({ description: 'The opportunity is closed (its end date has passed)' })
  async expressOpportunityInterest(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityResponseDto> {
    const { created, opportunity } = await this.interests.express(auth, id);
    void reply.status(created ? 201 : 200);
    return opportunity;
  }

  /** The caller takes their interest back; 200 with the opportunity whether or not there was one. */
  @Delete(':id/interest')
  @Authenticated({ permission: Permission.OpportunityInterestExpress })
  @ApiOkResponse({ type: OpportunityResponseDto, description: 'The opportunity, interestedAt null' })
  withdrawOpportunityInterest(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<OpportunityResponseDto> {
    return this.interests.withdraw(auth, id);
  }
}
