import { Module } from '@nestjs/common';
import { CaseExportService } from './case-export.service.js';
import { CaseImportService } from './case-import.service.js';
import { CompetencyController } from './competency.controller.js';
import { CompetencyRepository } from './competency.repository.js';
import { CompetencyService } from './competency.service.js';
import { CrosswalkController } from './crosswalk.controller.js';
import { CrosswalkService } from './crosswalk.service.js';
import { FrameworkEditController } from './framework-edit.controller.js';
import { FrameworkEditService } from './framework-edit.service.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';

@Module({
  controllers: [CompetencyController, FrameworkEditController, CrosswalkController, ProfileController],
  providers: [
    CompetencyService,
    CompetencyRepository,
    ProfileService,
    FrameworkEditService,
    CaseImportService,
    CaseExportService,
    CrosswalkService,
  ],
})
export class CompetencyModule {}
