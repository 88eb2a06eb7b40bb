import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchCountedPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { RubricLevel } from '../competencies/competency.entity.js';
import type { EvidenceResponseDto } from './evidence.dto.js';
import { EVIDENCE_LIST } from './evidence.dto.js';
import { EvidenceEntity } from './evidence.entity.js';

type EvidenceRow = Omit<EvidenceResponseDto, 'createdAt' | 'observedOn'> & {
  createdAt: Date;
  observedOn: string | Date;
};

@Injectable()
export class EvidenceRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<EvidenceRow>(() => this.base(), 'v.id');

  private base(manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(EvidenceEntity)
      .createQueryBuilder('v')
      .innerJoin('candidates', 'c', 'c.id = v.candidate_id')
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .innerJoin('competencies', 'n', 'n.id = v.competency_id')
      .innerJoin('competency_frameworks', 'f', 'f.id = n.framework_id')
      .innerJoin('users', 'u', 'u.id = v.recorder_user_id')
      .select([
        'v.id AS "id"',
        'v.candidate_id AS "candidateId"',
        'v.competency_id AS "competencyId"',
        'n.code AS "competencyCode"',
        'n.title AS "competencyTitle"',
        'f.short_name AS "frameworkShortName"',
        'v.level AS "level"',
        `COALESCE((SELECT r->>'label' FROM jsonb_array_elements(f.rubric) r WHERE (r->>'level')::int = v.level), v.level::text) AS "levelLabel"`,
        'v.source AS "source"',
        'v.note AS "note"',
        'v.link AS "link"',
        `to_char(v.observed_on, 'YYYY-MM-DD') AS "observedOn"`,
        'v.assignment_id AS "assignmentId"',
        'v.recorder_user_id AS "recorderUserId"',
        'u.name AS "recorderName"',
        'v.created_at AS "createdAt"',
      ]);
  }

  list(scope: Scope, query: ListQuery) {
    const qb = whereInScope(this.base(), scope, {
      district: 'v.district_id',
      school: 'e.school_id',
      educator: 'c.educator_id',
    });
    return fetchCountedPage<EvidenceRow>(qb, query, EVIDENCE_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<EvidenceRow | undefined> {
    return this.byId.find(manager, id);
  }

  /** The node's rubric when the district may use it (reference or its own framework). */
  async rubricFor(districtId: string, competencyId: string): Promise<RubricLevel[] | undefined> {
    const rows: { rubric: RubricLevel[] }[] = await this.db.query(
      `SELECT f.rubric FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.id = $1 AND (f.district_id IS NULL OR f.district_id = $2)`,
      [competencyId, districtId],
    );
    return rows[0]?.rubric;
  }

  async candidate(manager: EntityManager, id: string): Promise<{ districtId: string; educatorId: string } | undefined> {
    const rows: { districtId: string; educatorId: string }[] = await manager.query(
      `SELECT district_id AS "districtId", educator_id AS "educatorId" FROM candidates WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  insert(manager: EntityManager, values: Partial<EvidenceEntity>): Promise<EvidenceEntity> {
    return manager.save(manager.create(EvidenceEntity, values));
  }
}
