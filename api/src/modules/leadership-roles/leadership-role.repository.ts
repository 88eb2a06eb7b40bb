import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { applyListQuery } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { LEADERSHIP_ROLE_LIST } from './leadership-role.dto.js';
import { LeadershipRoleEntity } from './leadership-role.entity.js';

@Injectable()
export class LeadershipRoleRepository {
  constructor(private readonly db: DataSource) {}

  list(scope: Scope, query: ListQuery): Promise<[LeadershipRoleEntity[], number]> {
    const qb = this.db.getRepository(LeadershipRoleEntity).createQueryBuilder('r');
    whereInScope(qb, scope, { district: 'r.district_id' });
    return applyListQuery(qb, query, LEADERSHIP_ROLE_LIST).getManyAndCount();
  }

  findById(id: string): Promise<LeadershipRoleEntity | null> {
    return this.db.getRepository(LeadershipRoleEntity).findOneBy({ id });
  }

  create(manager: EntityManager, values: Partial<LeadershipRoleEntity>): Promise<LeadershipRoleEntity> {
    return manager.save(manager.create(LeadershipRoleEntity, values));
  }

  /** How many rows point at this role (nominations, candidates). */
  async referenceCount(manager: EntityManager, id: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT ((SELECT count(*) FROM nominations WHERE target_role_id = $1) + (SELECT count(*) FROM candidates WHERE role_id = $1))::int AS n`,
      [id],
    );
    return row?.n ?? 0;
  }

  async remove(manager: EntityManager, role: LeadershipRoleEntity): Promise<void> {
    await manager.delete(LeadershipRoleEntity, { id: role.id });
  }
}
