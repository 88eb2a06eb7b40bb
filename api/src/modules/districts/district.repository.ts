import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { applyListQuery } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { DISTRICT_LIST } from './district.dto.js';
import { DistrictEntity } from './district.entity.js';

@Injectable()
export class DistrictRepository {
  constructor(private readonly db: DataSource) {}

  /** Districts are platform data: only platform_admin lists them, so no people scope applies. */
  list(query: ListQuery): Promise<[DistrictEntity[], number]> {
    return applyListQuery(
      this.db.getRepository(DistrictEntity).createQueryBuilder('d'),
      query,
      DISTRICT_LIST,
    ).getManyAndCount();
  }

  findById(id: string): Promise<DistrictEntity | null> {
    return this.db.getRepository(DistrictEntity).findOneBy({ id });
  }

  create(manager: EntityManager, values: Partial<DistrictEntity>): Promise<DistrictEntity> {
    return manager.save(manager.create(DistrictEntity, values));
  }
}
