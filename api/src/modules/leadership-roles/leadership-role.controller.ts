import { Body, Controller, Delete, Get, Param, Post, Put, Res } from '@nestjs/common';
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
  CreateLeadershipRoleDto,
  LEADERSHIP_ROLE_LIST,
  LeadershipRoleResponseDto,
  UpdateLeadershipRoleDto,
} from './leadership-role.dto.js';
import { LeadershipRoleService } from './leadership-role.service.js';

@ApiTags('leadership-roles')
@Controller('leadership-roles')
export class LeadershipRoleController {
  constructor(private readonly service: LeadershipRoleService) {}

  @Get()
  @Authenticated({ permission: Permission.LeadershipRoleRead })
  @ApiListQuery(LEADERSHIP_ROLE_LIST)
  @ApiOkResponse({ type: [LeadershipRoleResponseDto] })
  async listLeadershipRoles(
    @Auth() auth: AuthContext,
    @ListParams(LEADERSHIP_ROLE_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadershipRoleResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.LeadershipRoleRead })
  @ApiOkResponse({ type: LeadershipRoleResponseDto })
  getLeadershipRole(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<LeadershipRoleResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Authenticated({ permission: Permission.LeadershipRoleManage })
  @ApiCreatedResponse({ type: LeadershipRoleResponseDto })
  createLeadershipRole(
    @Auth() auth: AuthContext,
    @Body() dto: CreateLeadershipRoleDto,
  ): Promise<LeadershipRoleResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.LeadershipRoleManage })
  @ApiOkResponse({ type: LeadershipRoleResponseDto })
  updateLeadershipRole(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateLeadershipRoleDto,
  ): Promise<LeadershipRoleResponseDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.LeadershipRoleManage })
  @ApiOkResponse({ type: LeadershipRoleResponseDto, description: 'The deleted role' })
  deleteLeadershipRole(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<LeadershipRoleResponseDto> {
    return this.service.remove(auth, id);
  }
}
