import { Module } from '@nestjs/common';
import { CareerProfileController } from './career-profile.controller.js';
import { CareerProfileService } from './career-profile.service.js';

@Module({
  controllers: [CareerProfileController],
  providers: [CareerProfileService],
})
export class CareersModule {}
