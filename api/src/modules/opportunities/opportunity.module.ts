import { Module } from '@nestjs/common';
import { OpportunityController } from './opportunity.controller.js';
import { OpportunityRepository } from './opportunity.repository.js';
import { OpportunityService } from './opportunity.service.js';

@Module({
  controllers: [OpportunityController],
  providers: [OpportunityService, OpportunityRepository],
  exports: [OpportunityRepository],
})
export class OpportunityModule {}
