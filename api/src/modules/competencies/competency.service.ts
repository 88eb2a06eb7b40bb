import { Injectable } from '@nestjs/common';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { CompetencyResponseDto, FrameworkCaseAssociationDto, FrameworkResponseDto } from './competency.dto.js';
import { CASE_ASSOCIATION_LIST, COMPETENCY_LIST, FRAMEWORK_LIST } from './competency.dto.js';
import { CompetencyRepository } from './competency.repository.js';

@Injectable()
export class CompetencyService {
  constructor(
    private readonly access: AccessService,
    private readonly repo: CompetencyRepository,
  ) {}

  async listFrameworks(auth: AuthContext, query: ListQuery): Promise<Page<FrameworkResponseDto>> {
    const [rows, total] = await this.repo.listFrameworks(auth.scope, query);
    return {
      items: rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt), updatedAt: toIso(r.updatedAt) })),
      total,
      offset: query.offset,
      resource: FRAMEWORK_LIST.resource,
    };
  }

  async getFramework(auth: AuthContext, id: string): Promise<FrameworkResponseDto> {
    await this.access.require(auth, Permission.CompetencyRead, [id], 'Framework');
    const row = await this.repo.findFramework(id);
    if (!row) throw AppError.notFound('Framework');
    return { ...row, createdAt: toIso(row.createdAt), updatedAt: toIso(row.updatedAt) };
  }

  async listCompetencies(auth: AuthContext, query: ListQuery): Promise<Page<CompetencyResponseDto>> {
    const [items, total] = await this.repo.listCompetencies(auth.scope, query);
    return { items, total, offset: query.offset, resource: COMPETENCY_LIST.resource };
  }

  async getCompetency(auth: AuthContext, id: string): Promise<CompetencyResponseDto> {
    await this.access.require(auth, Permission.CompetencyRead, [id], 'Competency');
    const row = await this.repo.findCompetency(id);
    if (!row) throw AppError.notFound('Competency');
    return {
      ...row,
      crosswalk: await this.repo.crosswalk(auth.scope, id),
      caseAssociations: await this.repo.caseAssociations(auth.scope, id),
    };
  }

  async listCaseAssociations(
    auth: AuthContext,
    frameworkId: string,
    query: ListQuery,
  ): Promise<Page<FrameworkCaseAssociationDto>> {
    await this.access.require(auth, Permission.CompetencyRead, [frameworkId], 'Framework');
    const [items, total] = await this.repo.listCaseAssociations(auth.scope, frameworkId, query);
    return { items, total, offset: query.offset, resource: CASE_ASSOCIATION_LIST.resource };
  }
}
