import { Module } from '@nestjs/common';
import { WorkerService } from '../../jobs/worker.service.js';
import { NotificationController } from './notification.controller.js';
import { NotificationService } from './notification.service.js';

@Module({
  controllers: [NotificationController],
  providers: [NotificationService, WorkerService],
  exports: [WorkerService],
})
export class NotificationModule {}
