import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';
import { DevelopmentMetricsRepository } from './development-metrics.repository.js';
import { DevelopmentMetricsService } from './development-metrics.service.js';
import { MetricContextService } from './metric-context.service.js';
import { PeopleMetricsRepository } from './people-metrics.repository.js';
import { PeopleMetricsService } from './people-metrics.service.js';
import { PipelineMetricsRepository } from './pipeline-metrics.repository.js';
import { PipelineMetricsService } from './pipeline-metrics.service.js';

@Module({
  controllers: [DashboardController],
  providers: [
    MetricContextService,
    PipelineMetricsService,
    PipelineMetricsRepository,
    DevelopmentMetricsService,
    DevelopmentMetricsRepository,
    PeopleMetricsService,
    PeopleMetricsRepository,
  ],
})
export class DashboardModule {}
