import { Module } from '@nestjs/common';
import { CandidateModule } from '../candidates/candidate.module.js';
import { OpportunityModule } from '../opportunities/opportunity.module.js';
import { AssignmentController } from './assignment.controller.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';

@Module({
  imports: [CandidateModule, OpportunityModule],
  controllers: [AssignmentController],
  providers: [AssignmentService, AssignmentRepository],
  exports: [AssignmentService],
})
export class AssignmentModule {}
