import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AgreePlanDto,
  CandidatePlansDto,
  CompleteActionDto,
  PLAN_ACTION_LIST,
  PlanActionDto,
  PlanActionListItemDto,
  PlanDto,
  UpdatePlanDto,
} from './plan.dto.js';
import { PlanService } from './plan.service.js';

@ApiTags('development plans')
@Controller()
export class PlanController {
  constructor(private readonly service: PlanService) {}

  /** The candidacy's plan in force, its open draft, and every version. */
  @Get('candidates/:id/development-plan')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: CandidatePlansDto })
  getDevelopmentPlans(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CandidatePlansDto> {
    return this.service.get(auth, id);
  }

  /** Opens a draft: drafted from the gaps for a first plan, else a copy of the plan in force to revise. */
  @Post('candidates/:id/development-plan')
  @Authenticated({ permission: Permission.PlanManage })
  @ApiCreatedResponse({ type: PlanDto })
  createDevelopmentPlan(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<PlanDto> {
    return this.service.createDraft(auth, id);
  }

  /** One plan as it stands, or as it was agreed. */
  @Get('development-plans/:id')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: PlanDto })
  getDevelopmentPlan(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<PlanDto> {
    return this.service.version(auth, id);
  }

  /** Replaces a draft's actions (agreements so far are cleared). */
  @Put('development-plans/:id')
  @Authenticated({ permission: Permission.PlanManage })
  @ApiOkResponse({ type: PlanDto })
  updateDevelopmentPlan(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanDto> {
    return this.service.update(auth, id, dto);
  }

  /** The caller's agreement to the draft: the candidate's, or a coordinator's or hr's. */
  @Post('development-plans/:id/agreement')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PlanManage })
  @ApiOkResponse({ type: PlanDto })
  agreeDevelopmentPlan(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: AgreePlanDto,
  ): Promise<PlanDto> {
    return this.service.agree(auth, id, dto);
  }

  /** Actions of plans in force across the caller's candidates: filter overdue, done, dueOnOrBefore, owner. */
  @Get('plan-actions')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiListQuery(PLAN_ACTION_LIST)
  @ApiOkResponse({ type: [PlanActionListItemDto] })
  async listPlanActions(
    @Auth() auth: AuthContext,
    @ListParams(PLAN_ACTION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanActionListItemDto[]> {
    return sendPage(reply, await this.service.listActions(auth, query));
  }

  /** Ticks an action of the plan in force as done, or takes the tick back. */
  @Post('plan-actions/:id/completion')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PlanManage })
  @ApiOkResponse({ type: PlanActionDto })
  completePlanAction(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: CompleteActionDto,
  ): Promise<PlanActionDto> {
    return this.service.complete(auth, id, dto);
  }
}
