import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { OpportunityInterestResponseDto } from './opportunity-interest.dto.js';
import { OPPORTUNITY_INTEREST_LIST } from './opportunity-interest.dto.js';
import { OpportunityInterestEntity } from './opportunity-interest.entity.js';

export type OpportunityInterestRow = Omit<OpportunityInterestResponseDto, 'createdAt'> & { createdAt: Date };

@Injectable()
export class OpportunityInterestRepository {
  constructor(private readonly db: DataSource) {}

  list(scope: Scope, query: ListQuery): Promise<[OpportunityInterestRow[], number]> {
    const qb = this.db
      .getRepository(OpportunityInterestEntity)
      .createQueryBuilder('i')
      .innerJoin('development_opportunities', 'o', 'o.id = i.opportunity_id')
      .innerJoin('educators', 'e', 'e.id = i.educator_id')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .select([
        'i.id AS "id"',
        'i.district_id AS "districtId"',
        'i.opportunity_id AS "opportunityId"',
        'o.title AS "opportunityTitle"',
        'i.educator_id AS "educatorId"',
        'e.first_name AS "firstName"',
        'e.last_name AS "lastName"',
        'e.job_title AS "jobTitle"',
        'e.school_id AS "schoolId"',
        's.name AS "schoolName"',
        // Per row, so a page stays one statement.
        `COALESCE((SELECT json_agg(json_build_object('id', c.id, 'roleTitle', r.title, 'stage', c.stage) ORDER BY r.title)
            FROM candidates c JOIN leadership_roles r ON r.id = c.role_id
           WHERE c.educator_id = i.educator_id AND c.stage <> 'exited'), '[]') AS "candidacies"`,
        `(SELECT a.status FROM assignments a JOIN candidates c ON c.id = a.candidate_id
           WHERE a.opportunity_id = i.opportunity_id AND c.educator_id = i.educator_id AND a.status <> 'withdrawn'
           ORDER BY a.created_at DESC LIMIT 1) AS "assignmentStatus"`,
        'i.created_at AS "createdAt"',
      ]);
    whereInScope(qb, scope, { district: 'i.district_id', school: 'e.school_id', educator: 'i.educator_id' });
    return fetchRawPage<OpportunityInterestRow>(qb, query, OPPORTUNITY_INTEREST_LIST);
  }

  /** Records the interest unless it exists; true when this call created it. */
  async add(manager: EntityManager, districtId: string, opportunityId: string, educatorId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO opportunity_interests (district_id, opportunity_id, educator_id) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT uq_opportunity_interests_opportunity_educator DO NOTHING RETURNING id`,
      [districtId, opportunityId, educatorId],
    );
    return rows.length > 0;
  }

  async remove(manager: EntityManager, opportunityId: string, educatorId: string): Promise<void> {
    await manager.query(`DELETE FROM opportunity_interests WHERE opportunity_id = $1 AND educator_id = $2`, [
      opportunityId,
      educatorId,
    ]);
  }
}
