import { Module } from '@nestjs/common';
import { OpportunityInterestController } from './opportunity-interest.controller.js';
import { OpportunityInterestRepository } from './opportunity-interest.repository.js';
import { OpportunityInterestService } from './opportunity-interest.service.js';
import { OpportunityController } from './opportunity.controller.js';
import { OpportunityRepository } from './opportunity.repository.js';
import { OpportunityService } from './opportunity.service.js';

@Module({
  controllers: [OpportunityController, OpportunityInterestController],
  providers: [OpportunityService, OpportunityRepository, OpportunityInterestService, OpportunityInterestRepository],
  exports: [OpportunityRepository],
})
export class OpportunityModule {}
