import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { updateVersioned } from '../../common/crud/versioned-update.js';
import { AppError } from '../../common/errors/app-error.js';
import type { DistrictSettingsResponseDto } from './district-settings.dto.js';
import { toDistrictSettingsResponse, UpdateDistrictSettingsDto } from './district-settings.dto.js';
import { DistrictEntity } from './district.entity.js';
import { DistrictRepository } from './district.repository.js';

/** hr's own district settings; a change applies to the next dashboard request (nothing is cached). */
@Injectable()
export class DistrictSettingsService {
  constructor(
    private readonly access: AccessService,
    private readonly districts: DistrictRepository,
    private readonly db: DataSource,
  ) {}

  async get(auth: AuthContext, id: string): Promise<DistrictSettingsResponseDto> {
    await this.access.require(auth, Permission.DistrictSettingsRead, [id], 'District settings');
    const district = await this.districts.findById(id);
    if (!district) throw AppError.notFound('District settings');
    return toDistrictSettingsResponse(district);
  }

  async update(auth: AuthContext, id: string, dto: UpdateDistrictSettingsDto): Promise<DistrictSettingsResponseDto> {
    await this.access.require(auth, Permission.DistrictSettingsManage, [id], 'District settings');
    return toDistrictSettingsResponse(
      await this.db.transaction((m) => updateVersioned(m, DistrictEntity, id, dto, toDistrictSettingsResponse)),
    );
  }
}
