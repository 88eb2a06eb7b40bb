import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
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
import { CreateEvidenceDto, EVIDENCE_LIST, EvidenceResponseDto } from './evidence.dto.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('evidence')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly service: EvidenceService) {}

  @Get()
  @Authenticated({ permission: Permission.EvidenceRead })
  @ApiListQuery(EVIDENCE_LIST)
  @ApiOkResponse({ type: [EvidenceResponseDto] })
  async listEvidence(
    @Auth() auth: AuthContext,
    @ListParams(EVIDENCE_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EvidenceResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.EvidenceRead })
  @ApiOkResponse({ type: EvidenceResponseDto })
  getEvidence(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<EvidenceResponseDto> {
    return this.service.get(auth, id);
  }

  /** Records a dated rating of a candidate on a framework node. Evidence is history: it is never edited. */
  @Post()
  @Idempotent()
  @Authenticated({ permission: Permission.EvidenceCreate })
  @ApiCreatedResponse({ type: EvidenceResponseDto })
  createEvidence(@Auth() auth: AuthContext, @Body() dto: CreateEvidenceDto): Promise<EvidenceResponseDto> {
    return this.service.create(auth, dto);
  }
}
