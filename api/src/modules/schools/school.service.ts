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
import { CreateSchoolDto, SCHOOL_LIST, SchoolResponseDto, toSchoolResponse, UpdateSchoolDto } from './school.dto.js';
import { SchoolEntity } from './school.entity.js';
import { SchoolRepository } from './school.repository.js';

@Injectable()
export class SchoolService {
  constructor(
    private readonly access: AccessService,
    private readonly schools: SchoolRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<SchoolResponseDto>> {
    const [rows, total] = await this.schools.list(auth.scope, query);
    return { items: rows.map(toSchoolResponse), total, offset: query.offset, resource: SCHOOL_LIST.resource };
  }

  async get(auth: AuthContext, id: string): Promise<SchoolResponseDto> {
    await this.access.require(auth, Permission.SchoolRead, [id], 'School');
    const school = await this.schools.findById(id);
    if (!school) throw AppError.notFound('School');
    return toSchoolResponse(school);
  }

  async create(auth: AuthContext, dto: CreateSchoolDto): Promise<SchoolResponseDto> {
    const districtId = requireDistrict(auth);
    const school = await this.db.transaction((m) => this.schools.create(m, { ...dto, districtId }));
    return toSchoolResponse(school);
  }

  async update(auth: AuthContext, id: string, dto: UpdateSchoolDto): Promise<SchoolResponseDto> {
    await this.access.require(auth, Permission.SchoolManage, [id], 'School');
    const school = await this.db.transaction((m) => updateVersioned(m, SchoolEntity, id, dto, toSchoolResponse));
    return toSchoolResponse(school);
  }

  async remove(auth: AuthContext, id: string): Promise<SchoolResponseDto> {
    await this.access.require(auth, Permission.SchoolManage, [id], 'School');
    return this.db.transaction(async (m) => {
      const school = await m.findOne(SchoolEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!school) throw AppError.notFound('School');
      if ((await this.schools.referenceCount(m, id)) > 0) {
        throw new AppError(
          ErrorCode.InUse,
          'This school has people or records attached; it cannot be deleted. Rename it or leave it unused instead',
        );
      }
      const response = toSchoolResponse(school);
      await this.schools.remove(m, school);
      return response;
    });
  }
}
