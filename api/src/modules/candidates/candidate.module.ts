import { Module } from '@nestjs/common';
import { CandidateController } from './candidate.controller.js';
import { CandidateRepository } from './candidate.repository.js';
import { CandidateService } from './candidate.service.js';

@Module({
  controllers: [CandidateController],
  providers: [CandidateService, CandidateRepository],
  exports: [CandidateRepository, CandidateService],
})
export class CandidateModule {}
