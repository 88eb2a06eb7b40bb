import { Module } from '@nestjs/common';
import { HoursController } from './hours.controller.js';
import { HoursService } from './hours.service.js';

@Module({ controllers: [HoursController], providers: [HoursService] })
export class HoursModule {}
