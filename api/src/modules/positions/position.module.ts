import { Module } from '@nestjs/common';
import { CandidateModule } from '../candidates/candidate.module.js';
import { ReadinessModule } from '../readiness/readiness.module.js';
import { PlacementService } from './placement.service.js';
import { PositionController } from './position.controller.js';
import { PositionRepository } from './position.repository.js';
import { PositionService } from './position.service.js';
import { SlateRepository } from './slate.repository.js';
import { SlateService } from './slate.service.js';

@Module({
  imports: [CandidateModule, ReadinessModule],
  controllers: [PositionController],
  providers: [PositionService, PlacementService, PositionRepository, SlateService, SlateRepository],
})
export class PositionModule {}
