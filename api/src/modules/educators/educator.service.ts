import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { updateVersioned } from '../../common/crud/versioned-update.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import {
  SEES_OPEN_TO_NOMINATION,
  seesOpenToNomination,
  toEducatorResponse,
  toEducatorView,
} from './educator-mapper.js';
import type { ColleagueResponseDto, EducatorResponseDto } from './educator.dto.js';
import { CreateEducatorDto, EDUCATOR_LIST, UpdateEducatorDto } from './educator.dto.js';
import { EducatorEntity } from './educator.entity.js';
import { EducatorRepository } from './educator.repository.js';

@Injectable()
export class EducatorService {
  constructor(
    private readonly access: AccessService,
    private readonly educators: EducatorRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<EducatorResponseDto | ColleagueResponseDto>> {
    refuseRetirementSort(auth, query);
    refuseOpenToNominationFilter(auth, query);
    const [rows, total] = await this.educators.list(auth.scope, query, auth.educatorId);
    return {
      items: rows.map((r) => toEducatorView(r, auth)),
      total,
      offset: query.offset,
      resource: EDUCATOR_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<EducatorResponseDto | ColleagueResponseDto> {
    await this.access.require(auth, Permission.EducatorRead, [id], 'Educator');
    const row = await this.educators.findRow(this.db, id);
    if (!row) throw AppError.notFound('Educator');
    return toEducatorView(row, auth);
  }

  async create(auth: AuthContext, dto: CreateEducatorDto): Promise<EducatorResponseDto> {
    const districtId = requireDistrict(auth);
    await this.checkSchool(districtId, dto.schoolId);
    return this.db.transaction(async (m) => {
      const educator = await this.educators.insert(m, { ...dto, districtId, status: dto.status ?? 'active' });
      return toEducatorResponse((await this.educators.findRow(m, educator.id))!, auth);
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateEducatorDto): Promise<EducatorResponseDto> {
    await this.access.require(auth, Permission.EducatorManage, [id], 'Educator');
    const districtId = requireDistrict(auth);
    return this.db.transaction(async (m) => {
      const current = await this.educators.findRow(m, id);
      if (!current) throw AppError.notFound('Educator');
      const saved = await updateVersioned(
        m,
        EducatorEntity,
        id,
        dto,
        (row) => ({
          ...toEducatorResponse({ ...current, ...row, schoolName: current.schoolName, userId: current.userId }, auth),
        }),
        async (_row, changes) => this.checkSchool(districtId, changes.schoolId),
      );
      if (saved.status === 'inactive') await this.educators.disableLogin(m, id);
      return toEducatorResponse((await this.educators.findRow(m, id))!, auth);
    });
  }

  private async checkSchool(districtId: string, schoolId: string | null | undefined): Promise<void> {
    if (schoolId && !(await this.educators.schoolInDistrict(districtId, schoolId))) {
      throw AppError.validation({ schoolId: "schoolId must be one of the district's schools" });
    }
  }
}

/** A filter on the signal would tell who is open to nomination: only those who see it may filter by it. */
export function refuseOpenToNominationFilter(auth: AuthContext, query: ListQuery): void {
  if (query.filters.some((f) => f.key === 'openToNomination') && !seesOpenToNomination(auth)) {
    const message = `cannot filter educators by openToNomination: it is shown to ${SEES_OPEN_TO_NOMINATION.join(', ')}`;
    throw new AppError(ErrorCode.InvalidListQuery, message, { filter: message });
  }
}

/** An order by retirement year would tell who retires first: only those who see the year may sort by it. */
export function refuseRetirementSort(auth: AuthContext, query: ListQuery): void {
  if (query.sort.field === 'retirementEligibleYear' && auth.role !== 'hr' && auth.role !== 'superintendent') {
    const message =
      'cannot sort educators by retirementEligibleYear: it is retirement data, for hr and the superintendent';
    throw new AppError(ErrorCode.InvalidListQuery, message, { sort: message });
  }
}
