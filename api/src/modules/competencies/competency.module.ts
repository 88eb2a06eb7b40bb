import { Module } from '@nestjs/common';
import { CompetencyController } from './competency.controller.js';
import { CompetencyRepository } from './competency.repository.js';
import { CompetencyService } from './competency.service.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';

@Module({
  controllers: [CompetencyController, ProfileController],
  providers: [CompetencyService, CompetencyRepository, ProfileService],
})
export class CompetencyModule {}
