import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignments/assignment.module.js';
import { CandidateModule } from '../candidates/candidate.module.js';
import { OpportunityModule } from '../opportunities/opportunity.module.js';
import { ReadinessModule } from '../readiness/readiness.module.js';
import { ReviewSessionController } from './review-session.controller.js';
import { ReviewSessionRepository } from './review-session.repository.js';
import { ReviewSessionService } from './review-session.service.js';

@Module({
  imports: [AssignmentModule, CandidateModule, OpportunityModule, ReadinessModule],
  controllers: [ReviewSessionController],
  providers: [ReviewSessionService, ReviewSessionRepository],
})
export class ReviewsModule {}
