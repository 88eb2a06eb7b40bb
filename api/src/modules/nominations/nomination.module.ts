import { Module } from '@nestjs/common';
import { CandidateModule } from '../candidates/candidate.module.js';
import { NominationController } from './nomination.controller.js';
import { NominationRepository } from './nomination.repository.js';
import { NominationService } from './nomination.service.js';

@Module({
  imports: [CandidateModule],
  controllers: [NominationController],
  providers: [NominationService, NominationRepository],
})
export class NominationModule {}
