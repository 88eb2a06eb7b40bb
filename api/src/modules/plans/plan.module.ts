import { Module } from '@nestjs/common';
import { ReadinessModule } from '../readiness/readiness.module.js';
import { PlanController } from './plan.controller.js';
import { PlanService } from './plan.service.js';

@Module({
  imports: [ReadinessModule],
  controllers: [PlanController],
  providers: [PlanService],
})
export class PlanModule {}
