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
  CloseReviewSessionDto,
  CreateReviewSessionDto,
  REVIEW_SESSION_LIST,
  ReviewDecisionDto,
  ReviewSessionDetailDto,
  ReviewSessionResponseDto,
  UpdateReviewSessionDto,
} from './review-session.dto.js';
import { ReviewSessionService } from './review-session.service.js';

@ApiTags('talent review sessions')
@Controller('review-sessions')
export class ReviewSessionController {
  constructor(private readonly service: ReviewSessionService) {}

  /** The district's sessions (hr, superintendent); the ones a principal or coordinator is invited to review. */
  @Get()
  @Authenticated({ permission: Permission.ReviewSessionRead })
  @ApiListQuery(REVIEW_SESSION_LIST)
  @ApiOkResponse({ type: [ReviewSessionResponseDto] })
  async listReviewSessions(
    @Auth() auth: AuthContext,
    @ListParams(REVIEW_SESSION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewSessionResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  /** The session with its grid: the candidates in the caller's scope, their decisions and the changes about them. */
  @Get(':id')
  @Authenticated({ permission: Permission.ReviewSessionRead })
  @ApiOkResponse({ type: ReviewSessionDetailDto })
  getReviewSession(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<ReviewSessionDetailDto> {
    return this.service.get(auth, id);
  }

  /** Convenes a session for a role and/or a group of schools, with its reviewers. */
  @Post()
  @Authenticated({ permission: Permission.ReviewSessionManage })
  @ApiCreatedResponse({ type: ReviewSessionDetailDto })
  createReviewSession(@Auth() auth: AuthContext, @Body() dto: CreateReviewSessionDto): Promise<ReviewSessionDetailDto> {
    return this.service.create(auth, dto);
  }

  /** Replaces the title, date, role, schools and reviewers of an open session. */
  @Put(':id')
  @Authenticated({ permission: Permission.ReviewSessionManage })
  @ApiOkResponse({ type: ReviewSessionDetailDto })
  updateReviewSession(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateReviewSessionDto,
  ): Promise<ReviewSessionDetailDto> {
    return this.service.update(auth, id, dto);
  }

  /** Moves a candidate on the grid (readiness) and/or decides a stage move or a development action, with why. */
  @Post(':id/decisions')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReviewSessionManage })
  @ApiOkResponse({ type: ReviewSessionDetailDto })
  decideInReviewSession(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: ReviewDecisionDto,
  ): Promise<ReviewSessionDetailDto> {
    return this.service.decide(auth, id, dto);
  }

  /** Applies every decision in one transaction (or none, 409) and closes the session. */
  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReviewSessionManage })
  @ApiOkResponse({ type: ReviewSessionDetailDto })
  closeReviewSession(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: CloseReviewSessionDto,
  ): Promise<ReviewSessionDetailDto> {
    return this.service.close(auth, id, dto);
  }
}
