import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { applyListQuery } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { USER_LIST } from './user.dto.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UserRepository {
  constructor(private readonly db: DataSource) {}

  list(scope: Scope, query: ListQuery): Promise<[UserEntity[], number]> {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u');
    // platform_admin sees the hr accounts it manages; everyone else their district's users.
    if (scope.kind === 'platform') qb.andWhere(`u.role = 'hr'`);
    else whereInScope(qb, scope, { district: 'u.district_id' });
    return applyListQuery(qb, query, USER_LIST).getManyAndCount();
  }

  findById(manager: EntityManager | DataSource, id: string, lock = false): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
  }

  /** School ids per user, for a page of users, in one statement. */
  async schoolIdsByUser(manager: EntityManager | DataSource, userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return map;
    const rows: { user_id: string; school_id: string }[] = await manager.query(
      `SELECT user_id, school_id FROM user_schools WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    for (const r of rows) map.get(r.user_id)?.push(r.school_id);
    return map;
  }

  async setSchools(manager: EntityManager, userId: string, schoolIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM user_schools WHERE user_id = $1`, [userId]);
    if (schoolIds.length > 0) {
      await manager.query(`INSERT INTO user_schools (user_id, school_id) SELECT $1, unnest($2::uuid[])`, [
        userId,
        schoolIds,
      ]);
    }
  }

  async countSchoolsInDistrict(districtId: string, schoolIds: string[]): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM schools WHERE id = ANY($1::uuid[]) AND district_id = $2`,
      [[...new Set(schoolIds)], districtId],
    );
    return row?.n ?? 0;
  }

  async educatorActive(manager: EntityManager, educatorId: string): Promise<boolean> {
    const rows: { status: string }[] = await manager.query(`SELECT status FROM educators WHERE id = $1`, [educatorId]);
    return rows[0]?.status === 'active';
  }

  insert(manager: EntityManager, values: Partial<UserEntity>): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, values));
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.save(user);
  }
}
