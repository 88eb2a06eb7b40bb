import { Module } from '@nestjs/common';
import { ForecastController } from './forecast.controller.js';
import { ForecastRepository } from './forecast.repository.js';
import { ForecastService } from './forecast.service.js';

@Module({
  controllers: [ForecastController],
  providers: [ForecastService, ForecastRepository],
})
export class SuccessionModule {}
