import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { OpportunityResponseDto } from './opportunity.dto.js';
import { closedSql, OPPORTUNITY_LIST } from './opportunity.dto.js';
import { DevelopmentOpportunityEntity, OpportunityCompetencyEntity } from './opportunity.entity.js';

export type OpportunityRow = Omit<OpportunityResponseDto, 'createdAt' | 'updatedAt' | 'interestedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

@Injectable()
export class OpportunityRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<OpportunityRow>(() => this.base(), 'o.id');

  private base(manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(DevelopmentOpportunityEntity)
      .createQueryBuilder('o')
      .leftJoin('schools', 's', 's.id = o.host_school_id')
      .select([
        'o.id AS "id"',
        'o.district_id AS "districtId"',
        'o.title AS "title"',
        'o.type AS "type"',
        'o.level AS "level"',
        'o.host_school_id AS "hostSchoolId"',
        's.name AS "hostSchoolName"',
        'o.seats AS "seats"',
        'o.seats_taken AS "seatsTaken"',
        '(o.seats - o.seats_taken) AS "seatsLeft"',
        `to_char(o.starts_on, 'YYYY-MM-DD') AS "startsOn"`,
        `to_char(o.ends_on, 'YYYY-MM-DD') AS "endsOn"`,
        `${closedSql('o')} AS "closed"`,
        `(SELECT count(*) FROM opportunity_interests i WHERE i.opportunity_id = o.id)::int AS "interestCount"`,
        'o.hours AS "hours"',
        'o.description AS "description"',
        // One aggregate per row keeps a page to one statement (no N+1 over competencies).
        `COALESCE((SELECT json_agg(json_build_object('id', n.id, 'code', n.code, 'title', n.title, 'frameworkShortName', f.short_name) ORDER BY oc.position, n.code)
            FROM opportunity_competencies oc JOIN competencies n ON n.id = oc.competency_id
            JOIN competency_frameworks f ON f.id = n.framework_id WHERE oc.opportunity_id = o.id), '[]') AS "competencies"`,
        'o.version AS "version"',
        'o.created_at AS "createdAt"',
        'o.updated_at AS "updatedAt"',
      ]);
  }

  list(scope: Scope, query: ListQuery): Promise<[OpportunityRow[], number]> {
    const qb = whereInScope(this.base(), scope, { district: 'o.district_id' });
    return fetchRawPage<OpportunityRow>(qb, query, OPPORTUNITY_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<OpportunityRow | undefined> {
    return this.byId.find(manager, id);
  }

  /** Locks the opportunity: assignments and seat changes queue here, so seats are never oversold. */
  lock(manager: EntityManager, id: string): Promise<DevelopmentOpportunityEntity | null> {
    return manager
      .getRepository(DevelopmentOpportunityEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async replaceCompetencies(manager: EntityManager, opportunityId: string, competencyIds: string[]): Promise<void> {
    await manager.delete(OpportunityCompetencyEntity, { opportunityId });
    if (competencyIds.length) {
      await manager.insert(
        OpportunityCompetencyEntity,
        competencyIds.map((competencyId, position) => ({ opportunityId, competencyId, position })),
      );
    }
  }

  async competencyIds(manager: EntityManager | DataSource, opportunityId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT competency_id AS id FROM opportunity_competencies WHERE opportunity_id = $1 ORDER BY position`,
      [opportunityId],
    );
    return rows.map((r) => r.id);
  }

  /** When `educatorId` said they were interested in each of these opportunities (absent: not interested). */
  async interestedAt(educatorId: string, opportunityIds: string[]): Promise<Map<string, Date>> {
    if (opportunityIds.length === 0) return new Map();
    const rows: { id: string; at: Date }[] = await this.db.query(
      `SELECT opportunity_id AS id, created_at AS at FROM opportunity_interests
        WHERE educator_id = $1 AND opportunity_id = ANY($2::uuid[])`,
      [educatorId, opportunityIds],
    );
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  /** The opportunity's end date when it is closed; undefined while it is open. Locks nothing. */
  async closedOn(manager: EntityManager, opportunityId: string): Promise<string | undefined> {
    const rows: { endsOn: string }[] = await manager.query(
      `SELECT to_char(o.ends_on, 'YYYY-MM-DD') AS "endsOn" FROM development_opportunities o
        WHERE o.id = $1 AND ${closedSql('o')}`,
      [opportunityId],
    );
    return rows[0]?.endsOn;
  }

  async assignmentCount(manager: EntityManager, opportunityId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM assignments WHERE opportunity_id = $1`,
      [opportunityId],
    );
    return rows[0]?.n ?? 0;
  }
}
