import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  ASSIGNMENT_LIST,
  AssignmentResponseDto,
  CompleteAssignmentDto,
  CreateAssignmentDto,
  StartAssignmentDto,
  UpdateAssignmentDto,
  WithdrawAssignmentDto,
} from './assignment.dto.js';
import { AssignmentService } from './assignment.service.js';

@ApiTags('assignments')
@Controller('assignments')
export class AssignmentController {
  constructor(private readonly service: AssignmentService) {}

  /** A coordinator's and hr's view of the district; a principal's of their schools; an educator's own. */
  @Get()
  @Authenticated({ permission: Permission.AssignmentRead })
  @ApiListQuery(ASSIGNMENT_LIST)
  @ApiOkResponse({ type: [AssignmentResponseDto] })
  async listAssignments(
    @Auth() auth: AuthContext,
    @ListParams(ASSIGNMENT_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AssignmentRead })
  @ApiOkResponse({ type: AssignmentResponseDto })
  getAssignment(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<AssignmentResponseDto> {
    return this.service.get(auth, id);
  }

  /** Assigns a candidate (engaged or later) to an opportunity with a free seat; 409 when none is left. */
  @Post()
  @Idempotent()
  @Authenticated({ permission: Permission.AssignmentManage })
  @ApiCreatedResponse({ type: AssignmentResponseDto })
  createAssignment(@Auth() auth: AuthContext, @Body() dto: CreateAssignmentDto): Promise<AssignmentResponseDto> {
    return this.service.create(auth, dto);
  }

  /** Logs hours (the running total) and a reflection; logging on an assigned assignment starts it. */
  @Put(':id')
  @Authenticated({ permission: Permission.AssignmentLog })
  @ApiOkResponse({ type: AssignmentResponseDto })
  updateAssignment(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateAssignmentDto,
  ): Promise<AssignmentResponseDto> {
    return this.service.update(auth, id, dto);
  }

  /** assigned → in_progress. A first start moves an engaged candidate to developing. */
  @Post(':id/start')
  @HttpCode(200)
  @Authenticated({ permission: Permission.AssignmentLog })
  @ApiOkResponse({ type: AssignmentResponseDto })
  startAssignment(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: StartAssignmentDto,
  ): Promise<AssignmentResponseDto> {
    return this.service.start(auth, id, dto);
  }

  /** in_progress → completed, with a level per developed competency, each recorded as evidence. */
  @Post(':id/completion')
  @HttpCode(200)
  @Authenticated({ permission: Permission.AssignmentManage })
  @ApiOkResponse({ type: AssignmentResponseDto })
  completeAssignment(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: CompleteAssignmentDto,
  ): Promise<AssignmentResponseDto> {
    return this.service.complete(auth, id, dto);
  }

  /** assigned | in_progress → withdrawn, with a reason; frees the seat. */
  @Post(':id/withdrawal')
  @HttpCode(200)
  @Authenticated({ permission: Permission.AssignmentManage })
  @ApiOkResponse({ type: AssignmentResponseDto })
  withdrawAssignment(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: WithdrawAssignmentDto,
  ): Promise<AssignmentResponseDto> {
    return this.service.withdraw(auth, id, dto);
  }
}
