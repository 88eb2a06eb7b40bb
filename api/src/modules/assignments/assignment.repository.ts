import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { AssignmentResponseDto } from './assignment.dto.js';
import { ASSIGNMENT_LIST } from './assignment.dto.js';
import { AssignmentEntity } from './assignment.entity.js';

export type AssignmentRow = Omit<
  AssignmentResponseDto,
  'createdAt' | 'updatedAt' | 'startedAt' | 'endedAt' | 'hoursLogged'
> & {
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  hoursLogged: string | number;
};

@Injectable()
export class AssignmentRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<AssignmentRow>(() => this.base(), 'a.id');

  private base(manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin('development_opportunities', 'o', 'o.id = a.opportunity_id')
      .innerJoin('candidates', 'c', 'c.id = a.candidate_id')
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .innerJoin('leadership_roles', 'r', 'r.id = c.role_id')
      .innerJoin('users', 'u', 'u.id = a.assigned_by_user_id')
      .select([
        'a.id AS "id"',
        'a.district_id AS "districtId"',
        'a.opportunity_id AS "opportunityId"',
        'o.title AS "opportunityTitle"',
        'o.type AS "opportunityType"',
        'o.hours AS "expectedHours"',
        'a.candidate_id AS "candidateId"',
        'c.educator_id AS "educatorId"',
        'e.first_name AS "firstName"',
        'e.last_name AS "lastName"',
        's.name AS "schoolName"',
        'r.title AS "roleTitle"',
        'c.stage AS "candidateStage"',
        'a.status AS "status"',
        `to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn"`,
        `(a.status IN ('assigned', 'in_progress') AND a.due_on < CURRENT_DATE) IS TRUE AS "overdue"`,
        'a.hours_logged AS "hoursLogged"',
        'a.reflection AS "reflection"',
        'a.outcome_note AS "outcomeNote"',
        'a.assigned_by_user_id AS "assignedByUserId"',
        'u.name AS "assignedByName"',
        'a.started_at AS "startedAt"',
        'a.ended_at AS "endedAt"',
        `COALESCE((SELECT json_agg(json_build_object('id', n.id, 'code', n.code, 'title', n.title, 'frameworkShortName', f.short_name, 'rubric', f.rubric) ORDER BY oc.position, n.code)
            FROM opportunity_competencies oc JOIN competencies n ON n.id = oc.competency_id
            JOIN competency_frameworks f ON f.id = n.framework_id WHERE oc.opportunity_id = a.opportunity_id), '[]') AS "competencies"`,
        'a.version AS "version"',
        'a.created_at AS "createdAt"',
        'a.updated_at AS "updatedAt"',
      ]);
  }

  list(scope: Scope, query: ListQuery): Promise<[AssignmentRow[], number]> {
    const qb = whereInScope(this.base(), scope, {
      district: 'a.district_id',
      school: 'e.school_id',
      educator: 'c.educator_id',
    });
    return fetchRawPage<AssignmentRow>(qb, query, ASSIGNMENT_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<AssignmentRow | undefined> {
    return this.byId.find(manager, id);
  }

  lock(manager: EntityManager, id: string): Promise<AssignmentEntity | null> {
    return manager.getRepository(AssignmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async opportunityOf(manager: EntityManager, id: string): Promise<string | undefined> {
    const rows: { id: string }[] = await manager.query(`SELECT opportunity_id AS id FROM assignments WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.id;
  }

  async liveAssignmentExists(manager: EntityManager, opportunityId: string, candidateId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM assignments WHERE opportunity_id = $1 AND candidate_id = $2 AND status <> 'withdrawn'`,
      [opportunityId, candidateId],
    );
    return rows.length > 0;
  }

  /** Whether the candidate had started any assignment other than `exceptId`. */
  async startedBefore(manager: EntityManager, candidateId: string, exceptId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM assignments WHERE candidate_id = $1 AND id <> $2 AND started_at IS NOT NULL LIMIT 1`,
      [candidateId, exceptId],
    );
    return rows.length > 0;
  }
}
