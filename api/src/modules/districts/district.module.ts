import { Module } from '@nestjs/common';
import { DistrictController } from './district.controller.js';
import { DistrictRepository } from './district.repository.js';
import { DistrictService } from './district.service.js';

@Module({ controllers: [DistrictController], providers: [DistrictService, DistrictRepository] })
export class DistrictModule {}
