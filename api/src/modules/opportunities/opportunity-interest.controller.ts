import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { OPPORTUNITY_INTEREST_LIST, OpportunityInterestResponseDto } from './opportunity-interest.dto.js';
import { OpportunityInterestService } from './opportunity-interest.service.js';

/**
 * Who said "I'm interested" in which opportunity: coordinators, hr and the superintendent see the
 * district's, a principal their schools' educators', an educator their own. Educators add and withdraw
 * theirs at /api/opportunities/{id}/interest.
 */
@ApiTags('opportunities')
@Controller('opportunity-interests')
export class OpportunityInterestController {
  constructor(private readonly service: OpportunityInterestService) {}

  @Get()
  @Authenticated({ permission: Permission.OpportunityInterestRead })
  @ApiListQuery(OPPORTUNITY_INTEREST_LIST)
  @ApiOkResponse({ type: [OpportunityInterestResponseDto] })
  async listOpportunityInterests(
    @Auth() auth: AuthContext,
    @ListParams(OPPORTUNITY_INTEREST_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityInterestResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }
}
