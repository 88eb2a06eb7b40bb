import { Module } from '@nestjs/common';
import { CompetencyController } from './competency.controller.js';
import { CompetencyRepository } from './competency.repository.js';
import { CompetencyService } from './competency.service.js';

@Module({ controllers: [CompetencyController], providers: [CompetencyService, CompetencyRepository] })
export class CompetencyModule {}
