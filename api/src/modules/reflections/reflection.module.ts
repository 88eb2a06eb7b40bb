import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { ReflectionController } from './reflection.controller.js';
import { ReflectionService } from './reflection.service.js';

@Module({
  imports: [EvidenceModule],
  controllers: [ReflectionController],
  providers: [ReflectionService],
})
export class ReflectionModule {}
