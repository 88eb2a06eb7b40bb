import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { updateVersioned } from '../../common/crud/versioned-update.js';
import { AppError } from '../../common/errors/app-error.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import {
  CreateDistrictDto,
  DISTRICT_LIST,
  DistrictResponseDto,
  toDistrictResponse,
  UpdateDistrictDto,
} from './district.dto.js';
import { DistrictEntity } from './district.entity.js';
import { DistrictRepository } from './district.repository.js';

@Injectable()
export class DistrictService {
  constructor(
    private readonly access: AccessService,
    private readonly districts: DistrictRepository,
    private readonly db: DataSource,
  ) {}

  async list(_auth: AuthContext, query: ListQuery): Promise<Page<DistrictResponseDto>> {
    const [rows, total] = await this.districts.list(query);
    return { items: rows.map(toDistrictResponse), total, offset: query.offset, resource: DISTRICT_LIST.resource };
  }

  async get(auth: AuthContext, id: string): Promise<DistrictResponseDto> {
    await this.access.require(auth, Permission.DistrictRead, [id], 'District');
    const district = await this.districts.findById(id);
    if (!district) throw AppError.notFound('District');
    return toDistrictResponse(district);
  }

  async create(_auth: AuthContext, dto: CreateDistrictDto): Promise<DistrictResponseDto> {
    return toDistrictResponse(await this.db.transaction((m) => this.districts.create(m, dto)));
  }

  async update(auth: AuthContext, id: string, dto: UpdateDistrictDto): Promise<DistrictResponseDto> {
    await this.access.require(auth, Permission.DistrictManage, [id], 'District');
    return toDistrictResponse(
      await this.db.transaction((m) => updateVersioned(m, DistrictEntity, id, dto, toDistrictResponse)),
    );
  }
}
