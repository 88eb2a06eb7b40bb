import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { updateVersioned } from '../../common/crud/versioned-update.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import {
  CreateLeadershipRoleDto,
  LEADERSHIP_ROLE_LIST,
  LeadershipRoleResponseDto,
  toLeadershipRoleResponse,
  UpdateLeadershipRoleDto,
} from './leadership-role.dto.js';
import { LeadershipRoleEntity } from './leadership-role.entity.js';
import { LeadershipRoleRepository } from './leadership-role.repository.js';

@Injectable()
export class LeadershipRoleService {
  constructor(
    private readonly access: AccessService,
    private readonly roles: LeadershipRoleRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<LeadershipRoleResponseDto>> {
    const [rows, total] = await this.roles.list(auth.scope, query);
    return {
      items: rows.map(toLeadershipRoleResponse),
      total,
      offset: query.offset,
      resource: LEADERSHIP_ROLE_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<LeadershipRoleResponseDto> {
    await this.access.require(auth, Permission.LeadershipRoleRead, [id], 'Leadership role');
    const role = await this.roles.findById(id);
    if (!role) throw AppError.notFound('Leadership role');
    return toLeadershipRoleResponse(role);
  }

  async create(auth: AuthContext, dto: CreateLeadershipRoleDto): Promise<LeadershipRoleResponseDto> {
    const districtId = requireDistrict(auth);
    const role = await this.db.transaction((m) => this.roles.create(m, { ...dto, districtId }));
    return toLeadershipRoleResponse(role);
  }

  async update(auth: AuthContext, id: string, dto: UpdateLeadershipRoleDto): Promise<LeadershipRoleResponseDto> {
    await this.access.require(auth, Permission.LeadershipRoleManage, [id], 'Leadership role');
    const role = await this.db.transaction((m) =>
      updateVersioned(m, LeadershipRoleEntity, id, dto, toLeadershipRoleResponse),
    );
    return toLeadershipRoleResponse(role);
  }

  async remove(auth: AuthContext, id: string): Promise<LeadershipRoleResponseDto> {
    await this.access.require(auth, Permission.LeadershipRoleManage, [id], 'Leadership role');
    return this.db.transaction(async (m) => {
      const role = await m.findOne(LeadershipRoleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!role) throw AppError.notFound('Leadership role');
      if ((await this.roles.referenceCount(m, id)) > 0) {
        throw new AppError(
          ErrorCode.InUse,
          'Nominations or candidates refer to this role; it cannot be deleted. Rename it or leave it unused instead',
        );
      }
      const response = toLeadershipRoleResponse(role);
      await this.roles.remove(m, role);
      return response;
    });
  }
}
