import { Module } from '@nestjs/common';
import { DistrictSettingsController } from './district-settings.controller.js';
import { DistrictSettingsService } from './district-settings.service.js';
import { DistrictController } from './district.controller.js';
import { DistrictRepository } from './district.repository.js';
import { DistrictService } from './district.service.js';

@Module({
  controllers: [DistrictController, DistrictSettingsController],
  providers: [DistrictService, DistrictSettingsService, DistrictRepository],
})
export class DistrictModule {}
