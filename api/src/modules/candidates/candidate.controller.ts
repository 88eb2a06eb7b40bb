import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CANDIDATE_LISTS,
  CandidateResponseDto,
  ConsentDto,
  STAGE_TRANSITION_LIST,
  StageTransitionResponseDto,
  TransitionDto,
  UpdateCandidateDto,
} from './candidate.dto.js';
import { CandidateService } from './candidate.service.js';

@ApiTags('candidates')
@Controller()
export class CandidateController {
  constructor(private readonly service: CandidateService) {}

  @Get('candidates')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiListQuery(CANDIDATE_LISTS)
  @ApiOkResponse({ type: [CandidateResponseDto] })
  async listCandidates(
    @Auth() auth: AuthContext,
    @ListParams(CANDIDATE_LISTS) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CandidateResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get('candidates/:id')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: CandidateResponseDto })
  getCandidate(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CandidateResponseDto> {
    return this.service.get(auth, id);
  }

  /** Mentor and notes. The stage changes only through the transitions and consent routes. */
  @Put('candidates/:id')
  @Authenticated({ permission: Permission.CandidateUpdate })
  @ApiOkResponse({ type: CandidateResponseDto })
  updateCandidate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateCandidateDto,
  ): Promise<CandidateResponseDto> {
    return this.service.update(auth, id, dto);
  }

  /** A stage move (PRODUCT.md §2). A forbidden move is a 400 naming the allowed ones; a stale expectedStage is a 409. */
  @Post('candidates/:id/transitions')
  @Authenticated({ permission: Permission.CandidateMove })
  @HttpCode(201)
  @ApiOkResponse({ type: CandidateResponseDto })
  transitionCandidate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: TransitionDto,
  ): Promise<CandidateResponseDto> {
    return this.service.transition(auth, id, dto);
  }

  /** The nominee's answer: accepted → engaged, declined → exited (declined). */
  @Post('candidates/:id/consent')
  @Authenticated({ permission: Permission.CandidateConsent })
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateResponseDto })
  consentCandidate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: ConsentDto,
  ): Promise<CandidateResponseDto> {
    return this.service.consent(auth, id, dto);
  }

  /** Stage history, e.g. filter={"candidateId":"…"}. */
  @Get('stage-transitions')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiListQuery(STAGE_TRANSITION_LIST)
  @ApiOkResponse({ type: [StageTransitionResponseDto] })
  async listStageTransitions(
    @Auth() auth: AuthContext,
    @ListParams(STAGE_TRANSITION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StageTransitionResponseDto[]> {
    return sendPage(reply, await this.service.transitions(auth, query));
  }
}
