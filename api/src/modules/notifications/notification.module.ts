import { Module } from '@nestjs/common';
import { WorkerService } from '../../jobs/worker.service.js';
import { NotificationSettingsController, OutboxController, UnsubscribeController } from './email.controller.js';
import { MailerService } from './mailer.service.js';
import { NotificationController } from './notification.controller.js';
import { NotificationService } from './notification.service.js';

@Module({
  controllers: [NotificationController, NotificationSettingsController, UnsubscribeController, OutboxController],
  providers: [NotificationService, WorkerService, MailerService],
  exports: [WorkerService],
})
export class NotificationModule {}
