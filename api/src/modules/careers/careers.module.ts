import { Module } from '@nestjs/common';
import { CareerProfileController } from './career-profile.controller.js';
import { CareerProfileService } from './career-profile.service.js';
import { CredentialController } from './credential.controller.js';
import { CredentialService } from './credential.service.js';

@Module({
  controllers: [CareerProfileController, CredentialController],
  providers: [CareerProfileService, CredentialService],
})
export class CareersModule {}
