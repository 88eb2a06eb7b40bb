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
import { CreateSchoolDto, SCHOOL_LIST, SchoolResponseDto, UpdateSchoolDto } from './school.dto.js';
import { SchoolService } from './school.service.js';

@ApiTags('schools')
@Controller('schools')
export class SchoolController {
  constructor(private readonly service: SchoolService) {}

  @Get()
  @Authenticated({ permission: Permission.SchoolRead })
  @ApiListQuery(SCHOOL_LIST)
  @ApiOkResponse({ type: [SchoolResponseDto] })
  async listSchools(
    @Auth() auth: AuthContext,
    @ListParams(SCHOOL_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchoolResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.SchoolRead })
  @ApiOkResponse({ type: SchoolResponseDto })
  getSchool(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<SchoolResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Authenticated({ permission: Permission.SchoolManage })
  @ApiCreatedResponse({ type: SchoolResponseDto })
  createSchool(@Auth() auth: AuthContext, @Body() dto: CreateSchoolDto): Promise<SchoolResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.SchoolManage })
  @ApiOkResponse({ type: SchoolResponseDto })
  updateSchool(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateSchoolDto,
  ): Promise<SchoolResponseDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.SchoolManage })
  @ApiOkResponse({ type: SchoolResponseDto, description: 'The deleted school' })
  deleteSchool(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<SchoolResponseDto> {
    return this.service.remove(auth, id);
  }
}
