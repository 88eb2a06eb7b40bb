import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereFrameworkVisible } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type {
  CaseAssociationDto,
  CompetencyResponseDto,
  CrosswalkDto,
  FrameworkCaseAssociationDto,
  FrameworkResponseDto,
} from './competency.dto.js';
import { CASE_ASSOCIATION_LIST, COMPETENCY_LIST, FRAMEWORK_LIST } from './competency.dto.js';
import { CaseAssociationEntity, CompetencyEntity, CompetencyFrameworkEntity } from './competency.entity.js';

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
        'f.license AS "license"',
        'f.source_uri AS "sourceUri"',
        'f.source_changed_at AS "sourceChangedAt"',
        `COALESCE((SELECT json_agg(json_build_object('itemType', t.item_type, 'count', t.n) ORDER BY t.n DESC, t.item_type)
            FROM (SELECT n.item_type, count(*)::int AS n FROM competencies n WHERE n.framework_id = f.id
                   GROUP BY n.item_type) t WHERE t.item_type IS NOT NULL), '[]') AS "itemTypes"`,
        `(SELECT count(*) FROM case_associations a WHERE a.framework_id = f.id AND a.other_competency_id IS NULL)::int
           AS "externalLinkCount"`,
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
        'c.item_type AS "itemType"',
        'c.education_levels AS "educationLevels"',
        'c.list_enumeration AS "listEnumeration"',
        'c.language AS "language"',
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

  /** Kept CASE associations with their other end, read as external unless a framework the district reads has it. */
  private associations(districtId: string) {
    return this.db
      .getRepository(CaseAssociationEntity)
      .createQueryBuilder('a')
      .leftJoin(
        '(SELECT o.id, o.code, f.id AS framework_id, f.short_name FROM competencies o JOIN competency_frameworks f ON f.id = o.framework_id ' +
          'WHERE f.district_id IS NULL OR f.district_id = :district)',
        'o',
        'o.id = a.other_competency_id',
      )
      .setParameter('district', districtId)
      .select([
        'a.id AS "id"',
        'a.association_type AS "associationType"',
        'a.node_end AS "nodeEnd"',
        'a.other_identifier AS "otherIdentifier"',
        'a.other_uri AS "otherUri"',
        'a.other_title AS "otherTitle"',
        '(o.id IS NULL) AS "external"',
        'o.id AS "otherNodeId"',
        'o.code AS "otherNodeCode"',
        'o.framework_id AS "otherFrameworkId"',
        'o.short_name AS "otherFrameworkShortName"',
      ]);
  }

  /** A node's CASE associations kept as published. */
  caseAssociations(scope: Scope, id: string): Promise<CaseAssociationDto[]> {
    if (scope.kind === 'platform') return Promise.resolve([]);
    return this.associations(scope.districtId)
      .where('a.competency_id = :id', { id })
      .orderBy('a.association_type')
      .addOrderBy('a.sequence_number', 'ASC', 'NULLS LAST')
      .addOrderBy('a.other_identifier')
      .getRawMany<CaseAssociationDto>();
  }

  /** A framework's kept associations, a page at a time, with the node each belongs to. */
  listCaseAssociations(
    scope: Scope,
    frameworkId: string,
    query: ListQuery,
  ): Promise<[FrameworkCaseAssociationDto[], number]> {
    if (scope.kind === 'platform') return Promise.resolve([[], 0]);
    const qb = this.associations(scope.districtId)
      .innerJoin('competencies', 'c', 'c.id = a.competency_id')
      .addSelect(['c.id AS "competencyId"', 'c.code AS "competencyCode"', 'c.title AS "competencyTitle"'])
      .where('a.framework_id = :frameworkId', { frameworkId });
    return fetchRawPage<FrameworkCaseAssociationDto>(qb, query, CASE_ASSOCIATION_LIST);
  }
}
