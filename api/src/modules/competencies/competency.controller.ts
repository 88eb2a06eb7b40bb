import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CaseExportService } from './case-export.service.js';
import {
  CASE_ASSOCIATION_LIST,
  COMPETENCY_LIST,
  CompetencyResponseDto,
  FRAMEWORK_LIST,
  FrameworkCaseAssociationDto,
  FrameworkResponseDto,
} from './competency.dto.js';
import { CompetencyService } from './competency.service.js';

@ApiTags('competencies')
@Controller()
export class CompetencyController {
  constructor(
    private readonly service: CompetencyService,
    private readonly exporter: CaseExportService,
  ) {}

  /** The shared reference frameworks and the district's own. */
  @Get('competency-frameworks')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiListQuery(FRAMEWORK_LIST)
  @ApiOkResponse({ type: [FrameworkResponseDto] })
  async listCompetencyFrameworks(
    @Auth() auth: AuthContext,
    @ListParams(FRAMEWORK_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkResponseDto[]> {
    return sendPage(reply, await this.service.listFrameworks(auth, query));
  }

  @Get('competency-frameworks/:id')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiOkResponse({ type: FrameworkResponseDto })
  getCompetencyFramework(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<FrameworkResponseDto> {
    return this.service.getFramework(auth, id);
  }

  /**
   * The CASE associations an imported framework keeps as published: links to nodes outside Emerge (`external`),
   * second placements and types other than the crosswalk's. Filter `{"external":true}` for the external links.
   */
  @Get('competency-frameworks/:id/case-associations')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiListQuery(CASE_ASSOCIATION_LIST)
  @ApiOkResponse({ type: [FrameworkCaseAssociationDto] })
  async listFrameworkCaseAssociations(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @ListParams(CASE_ASSOCIATION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCaseAssociationDto[]> {
    return sendPage(reply, await this.service.listCaseAssociations(auth, id, query));
  }

  /**
   * The framework as a 1EdTech CASE 1.0 package (CFDocument, CFItems, CFAssociations, CFRubrics, and CFDefinitions
   * when it was imported with them), for any framework the caller reads. Importing it elsewhere gives the same
   * framework; an imported framework comes back as its publisher wrote it, with the district's edits.
   */
  @Get('competency-frameworks/:id/case')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiOkResponse({ schema: { type: 'object', description: 'A CASE 1.0 package (CFPackage)' } })
  async exportCaseFramework(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object> {
    const pkg = await this.exporter.export(auth, id);
    const title = String((pkg.CFDocument as { title?: unknown }).title ?? 'framework');
    const file = `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'framework'}.case.json`;
    reply.header('content-disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"`);
    return pkg;
  }

  /** Nodes of the visible frameworks: filter by frameworkId, parentId, kind or root to walk a tree. */
  @Get('competencies')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiListQuery(COMPETENCY_LIST)
  @ApiOkResponse({ type: [CompetencyResponseDto] })
  async listCompetencies(
    @Auth() auth: AuthContext,
    @ListParams(COMPETENCY_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompetencyResponseDto[]> {
    return sendPage(reply, await this.service.listCompetencies(auth, query));
  }

  /** A node with its crosswalk links. */
  @Get('competencies/:id')
  @Authenticated({ permission: Permission.CompetencyRead })
  @ApiOkResponse({ type: CompetencyResponseDto })
  getCompetency(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CompetencyResponseDto> {
    return this.service.getCompetency(auth, id);
  }
}
