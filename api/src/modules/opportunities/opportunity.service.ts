import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { CreateOpportunityDto, OpportunityResponseDto, UpdateOpportunityDto } from './opportunity.dto.js';
import { OPPORTUNITY_LIST } from './opportunity.dto.js';
import { DevelopmentOpportunityEntity } from './opportunity.entity.js';
import type { OpportunityRow } from './opportunity.repository.js';
import { OpportunityRepository } from './opportunity.repository.js';

const toResponse = (row: OpportunityRow, interestedAt: Date | null = null): OpportunityResponseDto => ({
  ...row,
  seats: Number(row.seats),
  seatsTaken: Number(row.seatsTaken),
  seatsLeft: Number(row.seatsLeft),
  closed: Boolean(row.closed),
  interestCount: Number(row.interestCount),
  interestedAt: interestedAt ? toIso(interestedAt) : null,
  hours: Number(row.hours),
  competencyIds: row.competencies.map((c) => c.id),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

@Injectable()
export class OpportunityService {
  constructor(
    private readonly access: AccessService,
    private readonly opportunities: OpportunityRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<OpportunityResponseDto>> {
    const [rows, total] = await this.opportunities.list(auth.scope, query);
    const mine = await this.ownInterests(auth, rows);
    return {
      items: rows.map((r) => toResponse(r, mine.get(r.id) ?? null)),
      total,
      offset: query.offset,
      resource: OPPORTUNITY_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<OpportunityResponseDto> {
    await this.access.require(auth, Permission.OpportunityRead, [id], 'Opportunity');
    const row = await this.opportunities.findRow(this.db, id);
    if (!row) throw AppError.notFound('Opportunity');
    return toResponse(row, (await this.ownInterests(auth, [row])).get(id) ?? null);
  }

  /** The caller's own interests among these rows: only an educator has any. */
  private ownInterests(auth: AuthContext, rows: OpportunityRow[]): Promise<Map<string, Date>> {
    if (auth.scope.kind !== 'self' || !auth.scope.educatorId) return Promise.resolve(new Map());
    return this.opportunities.interestedAt(
      auth.scope.educatorId,
      rows.map((r) => r.id),
    );
  }

  async create(auth: AuthContext, dto: CreateOpportunityDto): Promise<OpportunityResponseDto> {
    const districtId = requireDistrict(auth);
    const id = await this.db.transaction(async (m) => {
      const competencyIds = await this.validate(auth, dto);
      const row = await m.save(
        m.create(DevelopmentOpportunityEntity, {
          districtId,
          title: dto.title,
          type: dto.type,
          level: dto.level,
          hostSchoolId: dto.hostSchoolId ?? null,
          seats: dto.seats,
          seatsTaken: 0,
          startsOn: dto.startsOn?.slice(0, 10) ?? null,
          endsOn: dto.endsOn?.slice(0, 10) ?? null,
          hours: dto.hours ?? 0,
          description: dto.description ?? '',
        }),
      );
      await this.opportunities.replaceCompetencies(m, row.id, competencyIds);
      return row.id;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateOpportunityDto): Promise<OpportunityResponseDto> {
    await this.access.require(auth, Permission.OpportunityManage, [id], 'Opportunity');
    await this.db.transaction(async (m) => {
      const row = await this.opportunities.lock(m, id);
      const current = await this.opportunities.findRow(m, id);
      if (!row || !current) throw AppError.notFound('Opportunity');
      const changes = applyPutRules(
        dto,
        toResponse(current) as unknown as Record<string, unknown> & { version: number },
      );
      const merged = { ...toResponse(current), ...changes };
      const competencyIds = await this.validate(auth, merged as CreateOpportunityDto);
      if (merged.seats < row.seatsTaken) {
        throw AppError.validation({
          seats: `${row.seatsTaken} candidates hold seats; withdraw some before lowering seats below ${row.seatsTaken}`,
        });
      }
      Object.assign(row, {
        title: merged.title,
        type: merged.type,
        level: merged.level,
        hostSchoolId: merged.hostSchoolId ?? null,
        seats: merged.seats,
        startsOn: merged.startsOn?.slice(0, 10) ?? null,
        endsOn: merged.endsOn?.slice(0, 10) ?? null,
        hours: merged.hours ?? 0,
        description: merged.description ?? '',
      });
      const before = current.competencies.map((c) => c.id).join(',');
      if (before !== competencyIds.join(',')) {
        await this.opportunities.replaceCompetencies(m, id, competencyIds);
        // The competency list is part of the record: changing only it still bumps the version.
        row.updatedAt = new Date();
      }
      await m.save(row);
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<OpportunityResponseDto> {
    await this.access.require(auth, Permission.OpportunityManage, [id], 'Opportunity');
    return this.db.transaction(async (m) => {
      const row = await this.opportunities.lock(m, id);
      const current = await this.opportunities.findRow(m, id);
      if (!row || !current) throw AppError.notFound('Opportunity');
      if ((await this.opportunities.assignmentCount(m, id)) > 0) {
        throw new AppError(
          ErrorCode.InUse,
          'Candidates have been assigned to this opportunity, so it is part of their history and cannot be deleted. Lower its seats or end it instead',
        );
      }
      await m.remove(row);
      return toResponse(current);
    });
  }

  /** Checks references and dates; returns the competency ids in the order given, without repeats. */
  private async validate(auth: AuthContext, dto: CreateOpportunityDto): Promise<string[]> {
    const errors: FieldErrors = {};
    const competencyIds = [...new Set(dto.competencyIds)];
    if (competencyIds.length === 0) errors.competencyIds = 'name at least one competency the opportunity develops';
    else {
      const usable = await this.access.usableCompetencies(auth, competencyIds);
      const unknown = competencyIds.filter((c) => !usable.has(c));
      if (unknown.length)
        errors.competencyIds = `not a competency of a framework your district uses: ${unknown.join(', ')}`;
    }
    if (dto.hostSchoolId && !(await this.access.filter(auth, Permission.SchoolRead, [dto.hostSchoolId])).size)
      errors.hostSchoolId = "hostSchoolId must be one of the district's schools";
    if (dto.startsOn && dto.endsOn && dto.endsOn.slice(0, 10) < dto.startsOn.slice(0, 10))
      errors.endsOn = 'endsOn cannot be before startsOn';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return competencyIds;
  }
}
