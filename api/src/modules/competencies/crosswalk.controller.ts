import { Body, Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateCrosswalkLinkDto, CROSSWALK_LIST, CrosswalkLinkResponseDto } from './crosswalk.dto.js';
import { CrosswalkService } from './crosswalk.service.js';

@ApiTags('competencies')
@Controller('crosswalk-links')
export class CrosswalkController {
  constructor(private readonly service: CrosswalkService) {}

  /** The shipped reference links and the district's own; filter by nodeId or frameworkId (either end). */
  @Get()
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiListQuery(CROSSWALK_LIST)
  @ApiOkResponse({ type: [CrosswalkLinkResponseDto] })
  async listCrosswalkLinks(
    @Auth() auth: AuthContext,
    @ListParams(CROSSWALK_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CrosswalkLinkResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiOkResponse({ type: CrosswalkLinkResponseDto })
  getCrosswalkLink(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CrosswalkLinkResponseDto> {
    return this.service.get(auth, id);
  }

  /** Links a node of the district's own frameworks to another node (one link per pair of nodes). */
  @Post()
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiCreatedResponse({ type: CrosswalkLinkResponseDto })
  createCrosswalkLink(
    @Auth() auth: AuthContext,
    @Body() dto: CreateCrosswalkLinkDto,
  ): Promise<CrosswalkLinkResponseDto> {
    return this.service.create(auth, dto);
  }

  /** Removes one of the district's links (shipped reference links are a 404 here). Evidence is not touched. */
  @Delete(':id')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiOkResponse({ type: CrosswalkLinkResponseDto, description: 'The deleted link' })
  deleteCrosswalkLink(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CrosswalkLinkResponseDto> {
    return this.service.remove(auth, id);
  }
}
