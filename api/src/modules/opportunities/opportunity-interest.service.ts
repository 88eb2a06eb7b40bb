import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { OpportunityInterestResponseDto } from './opportunity-interest.dto.js';
import { OPPORTUNITY_INTEREST_LIST } from './opportunity-interest.dto.js';
import { OpportunityInterestRepository } from './opportunity-interest.repository.js';
import type { OpportunityResponseDto } from './opportunity.dto.js';
import { OpportunityRepository } from './opportunity.repository.js';
import { OpportunityService } from './opportunity.service.js';

/** An educator's "I'm interested" (their own only), and who is interested, for those who may see people. */
@Injectable()
export class OpportunityInterestService {
  constructor(
    private readonly access: AccessService,
    private readonly interests: OpportunityInterestRepository,
    private readonly opportunities: OpportunityService,
    private readonly opportunityRows: OpportunityRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<OpportunityInterestResponseDto>> {
    const [rows, total] = await this.interests.list(auth.scope, query);
    return {
      items: rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt) })),
      total,
      offset: query.offset,
      resource: OPPORTUNITY_INTEREST_LIST.resource,
    };
  }

  /** Idempotent: saying it twice keeps the first time. `created` is false when it was already recorded. */
  async express(
    auth: AuthContext,
    opportunityId: string,
  ): Promise<{ created: boolean; opportunity: OpportunityResponseDto }> {
    const educatorId = await this.requireEducator(auth, opportunityId);
    const created = await this.db.transaction(async (m) => {
      const endedOn = await this.opportunityRows.closedOn(m, opportunityId);
      if (endedOn)
        throw new AppError(
          ErrorCode.Conflict,
          `This opportunity ended on ${endedOn}; it is closed and takes no more interest`,
        );
      return this.interests.add(m, auth.districtId!, opportunityId, educatorId);
    });
    return { created, opportunity: await this.opportunities.get(auth, opportunityId) };
  }

  /** Idempotent: withdrawing an interest that is not there changes nothing. Allowed after the opportunity closed. */
  async withdraw(auth: AuthContext, opportunityId: string): Promise<OpportunityResponseDto> {
    const educatorId = await this.requireEducator(auth, opportunityId);
    // In a transaction, so the audit log records who withdrew it.
    await this.db.transaction((m) => this.interests.remove(m, opportunityId, educatorId));
    return this.opportunities.get(auth, opportunityId);
  }

  private async requireEducator(auth: AuthContext, opportunityId: string): Promise<string> {
    await this.access.require(auth, Permission.OpportunityInterestExpress, [opportunityId], 'Opportunity');
    const educatorId = auth.scope.kind === 'self' ? auth.scope.educatorId : null;
    if (!educatorId)
      throw new AppError(
        ErrorCode.Forbidden,
        'Your login is not linked to a roster record, so it cannot hold an interest',
      );
    return educatorId;
  }
}
