import { Body, Controller, Param, ParseBoolPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CASE_PACKAGE_SCHEMA, CaseImportResultDto, CaseImportUrlDto } from './case-import.dto.js';
import { CaseImportService } from './case-import.service.js';
import { CompetencyResponseDto, FrameworkResponseDto } from './competency.dto.js';
import {
  CreateCompetencyDto,
  CreateFrameworkDto,
  UpdateCompetencyDto,
  UpdateFrameworkDto,
} from './framework-edit.dto.js';
import { FrameworkEditService } from './framework-edit.service.js';

/** CASE packages are larger than ordinary JSON bodies (1 MiB); this route alone accepts up to 32 MiB. */
export const CASE_IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

@ApiTags('competencies')
@Controller()
export class FrameworkEditController {
  constructor(
    private readonly service: FrameworkEditService,
    private readonly importer: CaseImportService,
  ) {}

  /**
   * Imports a 1EdTech CASE 1.0 package (JSON, up to 32 MiB) as one of the district's own frameworks: its tree
   * (isChildOf), rubric (CFRubrics) and crosswalk links (exactMatchOf → exact, isRelatedTo → related) to nodes
   * known by their CASE identifier. All or nothing: any problem is a 400 whose `errors` name each one by path
   * (`CFItems[3].identifier`). The first import is a 201; importing the same package again changes nothing (200,
   * `changed: false`); a changed package adds and updates items and links (200) but never removes an item (409).
   * `dryRun=true` checks and counts without keeping anything.
   */
  @Post('competency-frameworks/import')
  @Authenticated({ permission: Permission.CompetencyManage })
  @RouteConfig({ bodyLimit: CASE_IMPORT_BODY_LIMIT })
  @ApiBody({
    description: 'A CASE 1.0 package (the CFPackage JSON, optionally wrapped as {"CFPackage": …})',
    schema: CASE_PACKAGE_SCHEMA,
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiCreatedResponse({ type: CaseImportResultDto, description: 'The framework was created' })
  @ApiOkResponse({
    type: CaseImportResultDto,
    description: 'An existing framework was brought up to date, or nothing changed',
  })
  @ApiBadRequestResponse({ description: 'The package is malformed or inconsistent: `errors` names every problem' })
  @ApiConflictResponse({ description: 'The package drops items the framework has, or would shrink a rubric in use' })
  async importCaseFramework(
    @Auth() auth: AuthContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
  ): Promise<CaseImportResultDto> {
    const { status, result } = await this.importer.import(auth, request.body, dryRun ?? false);
    void reply.status(status);
    return result;
  }

  /**
   * Imports the CASE package a CASE provider serves at `url` (e.g. `…/ims/case/v1p0/CFPackages/{id}`), exactly as an
   * upload would. The server fetches it with a time limit and the upload's size limit, follows up to three
   * redirects, and refuses private, loopback and reserved addresses unless CASE_FETCH_ALLOW names them; any of
   * these is a 400 on `url` saying what happened.
   */
  @Post('competency-frameworks/import-url')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiCreatedResponse({ type: CaseImportResultDto, description: 'The framework was created' })
  @ApiOkResponse({
    type: CaseImportResultDto,
    description: 'An existing framework was brought up to date, or nothing changed',
  })
  @ApiBadRequestResponse({
    description: 'The address could not be fetched (`errors.url` says why), or the package is invalid (as an upload)',
  })
  @ApiConflictResponse({ description: 'As an upload: the package drops items the framework has' })
  async importCaseFrameworkFromUrl(
    @Auth() auth: AuthContext,
    @Body() dto: CaseImportUrlDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
  ): Promise<CaseImportResultDto> {
    const { status, result } = await this.importer.importFromUrl(
      auth,
      dto.url,
      dryRun ?? false,
      CASE_IMPORT_BODY_LIMIT,
    );
    void reply.status(status);
    return result;
  }

  /** A new framework of the district's own (hr, coordinator). */
  @Post('competency-frameworks')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiCreatedResponse({ type: FrameworkResponseDto })
  createCompetencyFramework(@Auth() auth: AuthContext, @Body() dto: CreateFrameworkDto): Promise<FrameworkResponseDto> {
    return this.service.createFramework(auth, dto);
  }

  /** Edits one of the district's frameworks (the reference ones are a 404 here). */
  @Put('competency-frameworks/:id')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiOkResponse({ type: FrameworkResponseDto })
  @ApiConflictResponse({ description: 'Stale version, or a rubric shrinking below a level evidence or a target uses' })
  updateCompetencyFramework(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateFrameworkDto,
  ): Promise<FrameworkResponseDto> {
    return this.service.updateFramework(auth, id, dto);
  }

  /** Adds a node to one of the district's frameworks. */
  @Post('competencies')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiCreatedResponse({ type: CompetencyResponseDto })
  createCompetency(@Auth() auth: AuthContext, @Body() dto: CreateCompetencyDto): Promise<CompetencyResponseDto> {
    return this.service.createCompetency(auth, dto);
  }

  /**
   * Edits a node of one of the district's frameworks. `version` is the node's own: edits of other nodes, or of
   * the framework's fields, do not make it stale. Moving a node (a new `parentId`) waits for other moves in the
   * same framework, so two moves cannot together make a loop.
   */
  @Put('competencies/:id')
  @Authenticated({ permission: Permission.CompetencyManage })
  @ApiOkResponse({ type: CompetencyResponseDto })
  @ApiConflictResponse({ description: 'Stale version: the node was changed since it was read' })
  updateCompetency(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateCompetencyDto,
  ): Promise<CompetencyResponseDto> {
    return this.service.updateCompetency(auth, id, dto);
  }
}
