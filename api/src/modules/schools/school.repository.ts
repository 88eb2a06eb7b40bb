import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { applyListQuery } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { SCHOOL_LIST } from './school.dto.js';
import { SchoolEntity } from './school.entity.js';

@Injectable()
export class SchoolRepository {
  constructor(private readonly db: DataSource) {}

  list(scope: Scope, query: ListQuery): Promise<[SchoolEntity[], number]> {
    const qb = this.db.getRepository(SchoolEntity).createQueryBuilder('s');
    whereInScope(qb, scope, { district: 's.district_id' });
    return applyListQuery(qb, query, SCHOOL_LIST).getManyAndCount();
  }

  findById(id: string): Promise<SchoolEntity | null> {
    return this.db.getRepository(SchoolEntity).findOneBy({ id });
  }

  create(
    manager: EntityManager,
    values: Pick<SchoolEntity, 'districtId' | 'name' | 'code' | 'gradeBand'>,
  ): Promise<SchoolEntity> {
    return manager.save(manager.create(SchoolEntity, values));
  }

  /** How many rows point at this school (principals who lead it, educators on its roster). */
  async referenceCount(manager: EntityManager, id: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT ((SELECT count(*) FROM user_schools WHERE school_id = $1) + (SELECT count(*) FROM educators WHERE school_id = $1))::int AS n`,
      [id],
    );
    return row?.n ?? 0;
  }

  async remove(manager: EntityManager, school: SchoolEntity): Promise<void> {
    await manager.delete(SchoolEntity, { id: school.id });
  }
}
