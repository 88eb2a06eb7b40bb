import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseBoolPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { EducatorExportService } from './educator-export.service.js';
import type { ImportReport } from './educator-import.service.js';
import { EducatorImportService, IMPORT_COLUMNS } from './educator-import.service.js';
import { EducatorLoginService } from './educator-login.service.js';
import {
  BulkLoginDto,
  ColleagueResponseDto,
  CreateEducatorDto,
  EDUCATOR_LIST,
  EDUCATOR_LISTS,
  EducatorLoginResultDto,
  EducatorResponseDto,
  UpdateEducatorDto,
} from './educator.dto.js';
import { EducatorService } from './educator.service.js';

@ApiTags('educators')
@Controller('educators')
export class EducatorController {
  constructor(
    private readonly service: EducatorService,
    private readonly logins: EducatorLoginService,
    private readonly importer: EducatorImportService,
    private readonly exporter: EducatorExportService,
  ) {}

  /** The roster in scope. An educator gets the colleagues of their school (id, name, title, school) and themself. */
  @Get()
  @Authenticated({ permission: Permission.EducatorRead })
  @ApiListQuery(EDUCATOR_LISTS)
  @ApiOkResponse({ type: [EducatorResponseDto] })
  async listEducators(
    @Auth() auth: AuthContext,
    @ListParams(EDUCATOR_LISTS) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(EducatorResponseDto | ColleagueResponseDto)[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  /** The filtered roster as CSV (same sort and filter as the list; demographics for hr only). */
  @Get('export')
  @Authenticated({ permission: Permission.EducatorExport })
  @ApiListQuery(EDUCATOR_LIST)
  @ApiProduces('text/csv')
  async exportEducators(
    @Auth() auth: AuthContext,
    @ListParams(EDUCATOR_LIST) query: ListQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const stream = await this.exporter.export(auth, query);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="roster.csv"')
      .send(stream);
  }

  /**
   * Imports a roster CSV (Content-Type: text/csv). Upserts by employee number; all or nothing: any bad row
   * is a 400 listing every problem as {line, column, message} and nothing is written. `dryRun=true` reports
   * what would change without writing.
   */
  @Post('import')
  @Idempotent()
  @Authenticated({ permission: Permission.EducatorImport })
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `CSV with a header row; columns (any case): ${IMPORT_COLUMNS.join(', ')}`,
    schema: { type: 'string', format: 'binary' },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOkResponse({ description: '{dryRun, rows, created, updated, unchanged, ignoredColumns}' })
  importEducators(
    @Auth() auth: AuthContext,
    @Req() request: FastifyRequest,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
  ): Promise<ImportReport> {
    return this.importer.import(auth, request.body, dryRun ?? false);
  }

  /** Gives logins to a selection of educators (or a fresh link to those who have one). */
  @Post('logins')
  @Authenticated({ permission: Permission.EducatorLoginManage })
  @HttpCode(200)
  @ApiOkResponse({ type: [EducatorLoginResultDto] })
  giveEducatorLogins(@Auth() auth: AuthContext, @Body() dto: BulkLoginDto): Promise<EducatorLoginResultDto[]> {
    return this.logins.give(auth, dto.ids);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.EducatorRead })
  @ApiOkResponse({ type: EducatorResponseDto })
  getEducator(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
  ): Promise<EducatorResponseDto | ColleagueResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Authenticated({ permission: Permission.EducatorManage })
  @ApiCreatedResponse({ type: EducatorResponseDto })
  createEducator(@Auth() auth: AuthContext, @Body() dto: CreateEducatorDto): Promise<EducatorResponseDto> {
    return this.service.create(auth, dto);
  }

  /** A transfer is an edit of schoolId; a leaver becomes status inactive, which disables their login. */
  @Put(':id')
  @Authenticated({ permission: Permission.EducatorManage })
  @ApiOkResponse({ type: EducatorResponseDto })
  updateEducator(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateEducatorDto,
  ): Promise<EducatorResponseDto> {
    return this.service.update(auth, id, dto);
  }

  /** Always 409: educators are never deleted; set status inactive. */
  @Delete(':id')
  @Authenticated({ permission: Permission.EducatorManage })
  async deleteEducator(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<never> {
    await this.service.get(auth, id);
    throw new AppError(
      ErrorCode.InUse,
      'Educators are never deleted, so their history stays; set status to inactive instead',
    );
  }

  /** Gives this educator a login (or a fresh set-password link). */
  @Post(':id/login')
  @Authenticated({ permission: Permission.EducatorLoginManage })
  @HttpCode(200)
  @ApiOkResponse({ type: EducatorLoginResultDto })
  giveEducatorLogin(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<EducatorLoginResultDto> {
    return this.logins.giveOne(auth, id);
  }
}
