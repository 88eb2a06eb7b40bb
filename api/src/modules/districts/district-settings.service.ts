import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { updateVersioned } from '../../common/crud/versioned-update.js';
import { AppError } from '../../common/errors/app-error.js';
import { DEFAULT_PENSION_RULES } from '../succession/forecast-model.js';
import type { DistrictSettingsResponseDto } from './district-settings.dto.js';
import { plainRules, toDistrictSettingsResponse, UpdateDistrictSettingsDto } from './district-settings.dto.js';
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
    // The DTO itself is changed: its class carries the read-only fields the PUT rules check.
    const changes = dto;
    if (dto.pensionRules) {
      const rules = plainRules(dto.pensionRules);
      const empty = rules.findIndex((r) => r.minAge === null && r.minYears === null && r.ruleOfN === null);
      if (empty >= 0)
        throw AppError.validation({ pensionRules: `rule ${empty + 1} needs minAge, minYears or ruleOfN` });
      // The default rules sent back unchanged (a form saves the whole record) stay the default.
      const same = JSON.stringify(rules) === JSON.stringify(plainRules(DEFAULT_PENSION_RULES));
      changes.pensionRules = same ? null : rules;
    }
    return toDistrictSettingsResponse(
      await this.db.transaction((m) => updateVersioned(m, DistrictEntity, id, changes, toDistrictSettingsResponse)),
    );
  }
}
