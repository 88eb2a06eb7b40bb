import { Module } from '@nestjs/common';
import { EducatorExportService } from './educator-export.service.js';
import { EducatorImportService } from './educator-import.service.js';
import { EducatorLoginService } from './educator-login.service.js';
import { EducatorController } from './educator.controller.js';
import { EducatorRepository } from './educator.repository.js';
import { EducatorService } from './educator.service.js';

@Module({
  controllers: [EducatorController],
  providers: [EducatorService, EducatorRepository, EducatorLoginService, EducatorImportService, EducatorExportService],
  exports: [EducatorRepository],
})
export class EducatorModule {}
