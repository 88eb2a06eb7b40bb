import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AttachEvidenceDto,
  REFLECTION_LIST,
  ReflectionAttributesDto,
  ReflectionDto,
  SaveReflectionDto,
  UpdateReflectionDto,
} from './reflection.dto.js';
import { ReflectionService } from './reflection.service.js';

@ApiTags('reflections')
@Controller()
export class ReflectionController {
  constructor(private readonly service: ReflectionService) {}

  /** The Portrait of a Leader's attributes to reflect on, each with prompts drawn from it. */
  @Get('reflection-attributes')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiOkResponse({ type: ReflectionAttributesDto })
  reflectionAttributes(@Auth() auth: AuthContext): Promise<ReflectionAttributesDto> {
    return this.service.attributes(auth);
  }

  /** The caller's own reflections and those shared with them, newest first; filter by attribute or author. */
  @Get('reflections')
  @Authenticated({ permission: Permission.ReflectionRead })
  @ApiListQuery(REFLECTION_LIST)
  @ApiOkResponse({ type: [ReflectionDto] })
  async listReflections(
    @Auth() auth: AuthContext,
    @ListParams(REFLECTION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReflectionDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get('reflections/:id')
  @Authenticated({ permission: Permission.ReflectionRead })
  @ApiOkResponse({ type: ReflectionDto })
  getReflection(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<ReflectionDto> {
    return this.service.get(auth, id);
  }

  /** Writes a reflection: private unless shared with the mentor, the coordinators or hr. */
  @Post('reflections')
  @Authenticated({ permission: Permission.ReflectionWrite })
  @ApiCreatedResponse({ type: ReflectionDto })
  createReflection(@Auth() auth: AuthContext, @Body() dto: SaveReflectionDto): Promise<ReflectionDto> {
    return this.service.create(auth, dto);
  }

  @Put('reflections/:id')
  @Authenticated({ permission: Permission.ReflectionWrite })
  @ApiOkResponse({ type: ReflectionDto })
  updateReflection(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateReflectionDto,
  ): Promise<ReflectionDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete('reflections/:id')
  @HttpCode(204)
  @Authenticated({ permission: Permission.ReflectionWrite })
  @ApiNoContentResponse()
  deleteReflection(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<void> {
    return this.service.remove(auth, id);
  }

  /** Makes a shared reflection self-reflection evidence on one of the author's candidacies. */
  @Post('reflections/:id/evidence')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ReflectionWrite })
  @ApiOkResponse({ type: ReflectionDto })
  attachReflection(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: AttachEvidenceDto,
  ): Promise<ReflectionDto> {
    return this.service.attach(auth, id, dto);
  }
}
