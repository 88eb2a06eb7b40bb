import { Module } from '@nestjs/common';
import { ProfileLoader } from './profile-loader.js';
import { ReadinessController } from './readiness.controller.js';
import { ReadinessRepository } from './readiness.repository.js';
import { ReadinessService } from './readiness.service.js';

@Module({
  controllers: [ReadinessController],
  providers: [ReadinessService, ReadinessRepository, ProfileLoader],
  exports: [ProfileLoader, ReadinessService],
})
export class ReadinessModule {}
