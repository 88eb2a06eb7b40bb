import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateDistrictDto, DISTRICT_LIST, DistrictResponseDto, UpdateDistrictDto } from './district.dto.js';
import { DistrictService } from './district.service.js';

@ApiTags('districts')
@Controller('districts')
export class DistrictController {
  constructor(private readonly service: DistrictService) {}

  @Get()
  @Authenticated({ permission: Permission.DistrictRead })
  @ApiListQuery(DISTRICT_LIST)
  @ApiOkResponse({ type: [DistrictResponseDto] })
  async listDistricts(
    @Auth() auth: AuthContext,
    @ListParams(DISTRICT_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DistrictResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.DistrictRead })
  @ApiOkResponse({ type: DistrictResponseDto })
  getDistrict(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<DistrictResponseDto> {
    return this.service.get(auth, id);
  }

  @Post()
  @Authenticated({ permission: Permission.DistrictManage })
  @ApiCreatedResponse({ type: DistrictResponseDto })
  createDistrict(@Auth() auth: AuthContext, @Body() dto: CreateDistrictDto): Promise<DistrictResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.DistrictManage })
  @ApiOkResponse({ type: DistrictResponseDto })
  updateDistrict(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateDistrictDto,
  ): Promise<DistrictResponseDto> {
    return this.service.update(auth, id, dto);
  }
}
