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
import { CandidateHoursDto, HOURS_LIST, HoursRowDto } from './hours.dto.js';
import { HoursService } from './hours.service.js';

@ApiTags('hours')
@Controller()
export class HoursController {
  constructor(private readonly service: HoursService) {}

  /** Internship and mentoring hours of a candidacy by school year, against its role's targets. */
  @Get('candidates/:id/hours')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: CandidateHoursDto })
  candidateHours(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<CandidateHoursDto> {
    return this.service.of(auth, id);
  }

  /** Candidacies whose role sets an hours target, the least advanced first; filter `behind`, `roleId`. */
  @Get('candidate-hours')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiListQuery(HOURS_LIST)
  @ApiOkResponse({ type: [HoursRowDto] })
  async listCandidateHours(
    @Auth() auth: AuthContext,
    @ListParams(HOURS_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HoursRowDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }
}
