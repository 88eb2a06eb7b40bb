import { Module } from '@nestjs/common';
import { LeadershipRoleController } from './leadership-role.controller.js';
import { LeadershipRoleRepository } from './leadership-role.repository.js';
import { LeadershipRoleService } from './leadership-role.service.js';

@Module({ controllers: [LeadershipRoleController], providers: [LeadershipRoleService, LeadershipRoleRepository] })
export class LeadershipRoleModule {}
