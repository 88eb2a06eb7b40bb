import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereFrameworkVisible } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { CompetencyResponseDto, CrosswalkDto, FrameworkResponseDto } from './competency.dto.js';
import { COMPETENCY_LIST, FRAMEWORK_LIST } from './competency.dto.js';
import { CompetencyEntity, CompetencyFrameworkEntity } from './competency.entity.js';

type FrameworkRow = Omit<FrameworkResponseDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

@Injectable()
export class CompetencyRepository {
  constructor(private readonly db: DataSource) {}

  private frameworks(manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(CompetencyFrameworkEntity)
      .createQueryBuilder('f')
      .select([
        'f.id AS "id"',
        'f.district_id AS "districtId"',
        '(f.district_id IS NULL) AS "reference"',
        'f.key AS "key"',
        'f.title AS "title"',
        'f.short_name AS "shortName"',
        'f.source AS "source"',
        'f.description AS "description"',
        'f.rubric AS "rubric"',
        '(SELECT count(*) FROM competencies n WHERE n.framework_id = f.id)::int AS "nodeCount"',
        'f.version AS "version"',
        'f.created_at AS "createdAt"',
        'f.updated_at AS "updatedAt"',
      ]);
  }

  listFrameworks(scope: Scope, query: ListQuery): Promise<[FrameworkRow[], number]> {
    return fetchRawPage<FrameworkRow>(whereFrameworkVisible(this.frameworks(), scope, 'f'), query, FRAMEWORK_LIST);
  }

  findFramework(id: string, manager?: EntityManager): Promise<FrameworkRow | undefined> {
    return this.frameworks(manager).where('f.id = :id', { id }).getRawOne<FrameworkRow>();
  }

  private nodes(manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(CompetencyEntity)
      .createQueryBuilder('c')
      .innerJoin('competency_frameworks', 'f', 'f.id = c.framework_id')
      .select([
        'c.id AS "id"',
        'c.framework_id AS "frameworkId"',
        'f.short_name AS "frameworkShortName"',
        'c.parent_id AS "parentId"',
        'c.kind AS "kind"',
        'c.code AS "code"',
        'c.title AS "title"',
        'c.description AS "description"',
        'c.position AS "position"',
        'c.case_identifier AS "caseIdentifier"',
        '(f.district_id IS NULL) AS "reference"',
        'c.version AS "version"',
      ]);
  }

  listCompetencies(scope: Scope, query: ListQuery): Promise<[CompetencyResponseDto[], number]> {
    return fetchRawPage<CompetencyResponseDto>(whereFrameworkVisible(this.nodes(), scope, 'f'), query, COMPETENCY_LIST);
  }

  findCompetency(id: string, manager?: EntityManager): Promise<CompetencyResponseDto | undefined> {
    return this.nodes(manager).where('c.id = :id', { id }).getRawOne<CompetencyResponseDto>();
  }

  /** A node's links in both directions, to nodes the district may see. */
  crosswalk(scope: Scope, id: string): Promise<CrosswalkDto[]> {
    if (scope.kind === 'platform') return Promise.resolve([]);
    return this.db.query(
      `SELECT l.id, l.kind, o.id AS "nodeId", o.code AS "nodeCode", o.title AS "nodeTitle", f.id AS "frameworkId",
              f.short_name AS "frameworkShortName", (l.district_id IS NULL) AS shipped
         FROM crosswalk_links l
         JOIN competencies o ON o.id = CASE WHEN l.from_id = $1 THEN l.to_id ELSE l.from_id END
         JOIN competency_frameworks f ON f.id = o.framework_id
        WHERE (l.from_id = $1 OR l.to_id = $1) AND (f.district_id IS NULL OR f.district_id = $2)
          AND (l.district_id IS NULL OR l.district_id = $2)
        ORDER BY f.short_name, o.position`,
      [id, scope.districtId],
    );
  }
}
